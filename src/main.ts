import { describeFailure } from './errors.ts'
import { parseInputs, readRawInputs, registerSecretInputs } from './inputs.ts'
import { SecretRegistry } from './secrets.ts'
import { getInput, setFailed, setSecret } from './workflow-commands.ts'

/**
 * The action: mask secrets, validate inputs, run one plan, write outputs and the summary.
 * The one place that turns an error into the step's failure.
 */
export async function run(): Promise<void> {
  const startedAt = Date.now()
  const secrets = new SecretRegistry(setSecret)
  const raw = readRawInputs(getInput)
  registerSecretInputs(raw, secrets)

  let failure: string | undefined
  try {
    const inputs = parseInputs(raw)
    // @actions/core, undici and the clients are most of the bundle: a bad input fails before
    // they are loaded, in little more than the time Node takes to start.
    const { provisionAndReport } = await import('./provision.ts')
    failure = await provisionAndReport(inputs, secrets, startedAt)
  } catch (error) {
    failure = secrets.redact(describeFailure(error))
  }
  if (failure) setFailed(failure)
}
