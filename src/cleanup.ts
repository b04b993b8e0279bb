import * as core from '@actions/core'
import { FlowServiceClient } from './adobe/flow-service.ts'
import { createDispatcher } from './http.ts'
import type { Inputs } from './inputs.ts'
import { imsAccessToken, newHttpClient, platformSession } from './provision.ts'
import type { SecretRegistry } from './secrets.ts'

/** The post step's work: sign in and delete the one connection the main step created. */
export async function deleteCreatedConnection(inputs: Inputs, secrets: SecretRegistry, id: string): Promise<void> {
  const dispatcher = createDispatcher()
  try {
    const http = newHttpClient(inputs, dispatcher)
    const accessToken = await imsAccessToken(inputs, http, (value) => secrets.register(value))
    const store = new FlowServiceClient(platformSession(inputs, http, accessToken))
    const outcome = await store.deleteConnection(id)
    const what = `connection ${id} in sandbox "${inputs.sandbox}", which the main step created`
    if (outcome === 'deleted') {
      core.info(`cleanup: created: deleted the ${what}.`)
      await summarise(`🧹 Cleanup: deleted the ${what}.`)
    } else {
      await warnCleanupFailed(id, inputs.sandbox, 'it was already gone (deleted by hand or by another job)')
    }
  } finally {
    await dispatcher.close().catch(() => undefined)
  }
}

/** A cleanup that did not delete is a warning with the id, never a failed job. */
export async function warnCleanupFailed(id: string, sandbox: string, why: string): Promise<void> {
  const message = `cleanup: created did not delete connection ${id} in sandbox "${sandbox}": ${why}`
  core.warning(message)
  await summarise(`⚠️ Warning: ${message}`)
}

async function summarise(line: string): Promise<void> {
  if (!process.env['GITHUB_STEP_SUMMARY']) return
  await core.summary
    .addRaw(
      line.replace(/[&<>"'|[\]()!`*_\\]/g, (c) => `&#${c.charCodeAt(0)};`),
      true
    )
    .write()
    .catch(() => undefined)
}
