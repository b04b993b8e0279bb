import { ActionError, describeFailure } from './errors.ts'
import { readRawInputs, registerSecretInputs, type RawInputs } from './inputs/contract.ts'
import { InputError } from './inputs/input-error.ts'
import { parseInputs } from './inputs/parse.ts'
import { judgeUndeclaredInputs } from './inputs/undeclared.ts'
import { proxyCredentials, proxyEnvironmentProblems, tlsOverrideWarning } from './http.ts'
import { SecretRegistry } from './runner/secrets.ts'
import { renderInputProblems, renderSummary } from './report/summary.ts'
import type { StepOutputs } from './report/outputs.ts'
import { newReport } from './report/report.ts'
import { triggerOfRun } from './runner/github-context.ts'
import { maskValue, readInput, readInputNames, RunnerOutput } from './runner/output.ts'
import { labelOfSource } from './sources/index.ts'
import { runAndReport } from './wiring.ts'

/**
 * The action: mask secrets, validate inputs, run one plan, write outputs and the summary.
 * The one place that turns an error into the step's failure.
 */
export async function run(): Promise<void> {
  const startedAt = Date.now()
  const secrets = new SecretRegistry(maskValue)
  const raw = readRawInputs(readInput)
  registerSecretInputs(raw, secrets)
  for (const credential of proxyCredentials()) secrets.register(credential)
  const out = new RunnerOutput(secrets)

  let failure: string | undefined
  try {
    const tooOld = unsupportedNode(process.versions.node)
    if (tooOld) throw new ActionError(tooOld)
    const tls = tlsOverrideWarning()
    const undeclared = judgeUndeclaredInputs(readInputNames())
    const warnings = [...(tls ? [tls] : []), ...undeclared.warnings]
    for (const warning of warnings) out.warning(warning)
    // Refused before any request, with the other inputs: a misspelled input, a proxy variable.
    const inputs = parseInputs(raw, [...undeclared.problems, ...proxyEnvironmentProblems()], triggerOfRun())
    failure = await runAndReport(inputs, secrets, out, startedAt, warnings)
  } catch (error) {
    failure = describeFailure(error)
    writeEarlyOutputs(error, failure, out)
    await writeEarlySummary(raw, error, failure, Date.now() - startedAt, secrets, out)
  }
  if (failure) out.fail(failure)
}

/**
 * The bundle needs Node 24 (action.yml `runs.using: node24`); an older Node (a runner too old for
 * node24 that falls back, a local run) would fail later with a TypeError that explains nothing.
 */
export function unsupportedNode(version: string): string | undefined {
  const major = Number(version.split('.')[0])
  if (major >= 24) return undefined
  return (
    `This action needs Node 24 or later (runs.using: node24), but Node ${version} started it: ` +
    'a self-hosted runner needs version 2.327.1 or later.'
  )
}

/**
 * `reason` is documented for every failure, so a run stopped before the plan sets it, and the
 * outputs its valid inputs already settle (the sandbox, the Zoho data centre).
 */
function writeEarlyOutputs(error: unknown, failure: string, out: RunnerOutput) {
  const known = error instanceof InputError ? error.known : {}
  const outputs: Partial<StepOutputs> = { ...known, created: 'false', verified: 'skipped', reason: failure }
  try {
    for (const [name, value] of Object.entries(outputs)) out.setOutput(name, value)
  } catch {
    // A runner without a writable GITHUB_OUTPUT: the failure is still reported, next.
  }
}

/** A failure before the plan ran (bad inputs, most often) still gets its summary. */
async function writeEarlySummary(
  raw: RawInputs,
  error: unknown,
  failure: string,
  elapsedMs: number,
  secrets: SecretRegistry,
  out: RunnerOutput
) {
  const given = {
    source: labelOfSource(raw.source),
    mode: raw.mode,
    sandbox: raw.sandbox,
    name: raw['connection-name'],
    elapsedMs
  }
  const redact = (text: string) => secrets.redact(text)
  try {
    await out.appendSummary(
      error instanceof InputError
        ? renderInputProblems({ ...given, problems: error.problems, headline: error.headline }, redact)
        : renderSummary({ ...given, dryRun: false, report: newReport(), failure }, redact)
    )
  } catch {
    // An unwritable summary file must not hide the failure itself, which is reported next.
  }
}
