import { describeFailure } from '../errors.ts'
import { proxyCredentials } from '../http.ts'
import { readRawInputs, registerSecretInputs } from '../inputs/contract.ts'
import { parseInputs, type Inputs } from '../inputs/parse.ts'
import { CREATE_STATE, readCreateRecord } from '../runner/create-record.ts'
import { maskValue, readInput, readState, RunnerOutput } from '../runner/output.ts'
import { SecretRegistry } from '../runner/secrets.ts'
import { settleWhatTheMainStepLeft } from './settle.ts'

/**
 * The post step the runner runs at the end of the job (`post-if: always()`, so also after a
 * cancellation). It finishes a create the main step left open, with or without `cleanup`, and
 * with `cleanup: created` deletes the connection the main step created, and nothing else. It
 * never fails the job. Like the main step, it masks every secret first; when its state names
 * nothing to do, it sends no request.
 */
export async function runPost(): Promise<void> {
  const secrets = new SecretRegistry(maskValue)
  const raw = readRawInputs(readInput)
  registerSecretInputs(raw, secrets)
  for (const credential of proxyCredentials()) secrets.register(credential)
  const out = new RunnerOutput(secrets)
  const cleanup = raw.cleanup === 'created'
  const record = readCreateRecord(readState(CREATE_STATE))
  if (record === 'invalid') {
    out.info('Post step: the saved state is not one this action wrote, so nothing is deleted.')
    return
  }
  if (record === undefined || (record.settled && record.ids.length === 0)) {
    if (cleanup) out.info('cleanup: created: the main step created no connection, so there is nothing to delete.')
    return
  }
  // Settled, and kept by the run: the connection its outputs name, which only cleanup deletes.
  if (record.settled && !cleanup) return
  let inputs: Inputs
  try {
    inputs = parseInputs(raw)
  } catch (error) {
    out.info(`Post step: nothing is deleted, because ${describeFailure(error)}`)
    return
  }
  await settleWhatTheMainStepLeft(inputs, secrets, out, record)
}
