import { describeFailure } from './errors.ts'
import { readRawInputs, registerSecretInputs } from './input-contract.ts'
import { parseInputs } from './inputs.ts'
import { SecretRegistry } from './secrets.ts'
import { CREATED_STATE, RESOURCE_ID } from './vocabulary.ts'
import { getInput, getState, info, setSecret } from './workflow-commands.ts'

/**
 * The post step the runner runs at the end of the job. With `cleanup: created` it deletes the
 * connection the main step created, and nothing else; it never fails the job: a connection it
 * cannot delete is a warning with its id. Like the main step, it masks every secret first and
 * loads the HTTP stack only when there is something to delete.
 */
export async function runPost(): Promise<void> {
  const secrets = new SecretRegistry(setSecret)
  const raw = readRawInputs(getInput)
  registerSecretInputs(raw, secrets)
  if (raw.cleanup !== 'created') return
  const id = getState(CREATED_STATE)
  if (id === '') {
    info('cleanup: created: the main step created no connection, so there is nothing to delete.')
    return
  }
  if (!RESOURCE_ID.test(id)) {
    info(`cleanup: created: the saved state holds no valid connection id, so nothing is deleted.`)
    return
  }
  const { deleteCreatedConnection, warnCleanupFailed } = await import('./cleanup.ts')
  try {
    await deleteCreatedConnection(parseInputs(raw), secrets, id)
  } catch (error) {
    warnCleanupFailed(secrets, id, raw.sandbox, describeFailure(error))
  }
}
