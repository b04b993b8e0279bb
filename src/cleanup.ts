import { FlowServiceClient } from './adobe/flow-service.ts'
import { createDispatcher } from './http.ts'
import type { Inputs } from './inputs.ts'
import { imsAccessToken, newHttpClient, platformSession } from './provision.ts'
import { RunnerOutput } from './runner-output.ts'
import { systemRuntime } from './runtime.ts'
import type { SecretRegistry } from './secrets.ts'
import { appendSummary, escapeSummaryText } from './summary.ts'

/** The post step's work: sign in and delete the one connection the main step created. */
export async function deleteCreatedConnection(inputs: Inputs, secrets: SecretRegistry, id: string): Promise<void> {
  const out = new RunnerOutput(secrets)
  const dispatcher = createDispatcher()
  try {
    const http = newHttpClient(inputs, dispatcher, systemRuntime(out, Date.now() + inputs.timeoutMs))
    const accessToken = await imsAccessToken(inputs, http, (value) => secrets.register(value))
    const store = new FlowServiceClient(platformSession(inputs, http, accessToken))
    const outcome = await store.deleteConnection(id)
    const what = `connection ${id} in sandbox "${inputs.sandbox}", which the main step created`
    if (outcome === 'deleted') {
      out.info(`cleanup: created: deleted the ${what}.`)
      appendSummary(`<p>🧹 ${escapeSummaryText(out.line(`Cleanup: deleted the ${what}.`))}</p>`)
    } else {
      warnCleanupFailed(secrets, id, inputs.sandbox, 'it was already gone (deleted by hand or by another job)')
    }
  } finally {
    await dispatcher.close().catch(() => undefined)
  }
}

/** A cleanup that did not delete is a warning with the id, never a failed job. */
export function warnCleanupFailed(secrets: SecretRegistry, id: string, sandbox: string, why: string): void {
  const out = new RunnerOutput(secrets)
  const message = `cleanup: created did not delete connection ${id} in sandbox "${sandbox}": ${why}`
  out.warning(message)
  appendSummary(`<p>⚠️ <strong>Warning</strong>: ${escapeSummaryText(out.line(message))}</p>`)
}
