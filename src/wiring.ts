import type { Dispatcher } from 'undici'
import { DataflowsClient } from './adobe/dataflows.ts'
import { FlowServiceClient } from './adobe/flow-service.ts'
import { listAvailableSandboxes } from './adobe/sandboxes.ts'
import { imsAccessToken, newHttpClient, platformSession } from './adobe/session.ts'
import { Cancellation, CancelledError, whileListeningForCancel } from './cancellation.ts'
import { describeFailure } from './errors.ts'
import { createDispatcher } from './http.ts'
import { settledByInputs, type Inputs } from './inputs/parse.ts'
import { MODES, storesSourceCredentials } from './modes.ts'
import { writtenParamsDigest } from './plan/decisions.ts'
import { executePlan } from './plan/plan.ts'
import { STEP_OUTPUTS, stepOutputs } from './report/outputs.ts'
import { addNote, addWarning, namingTheKnownConnection, newReport, type Report } from './report/report.ts'
import { renderSummary } from './report/summary.ts'
import { newRunMarker } from './run-marker.ts'
import { workflowRunContext } from './runner/github-context.ts'
import { runnerFileProblem, type RunnerOutput } from './runner/output.ts'
import type { SecretRegistry } from './runner/secrets.ts'
import { StateJournal } from './runner/state-journal.ts'
import { systemRuntime } from './runtime.ts'
import { labelOfSource, sourceFor } from './sources/index.ts'
import type { SourceForRun } from './sources/source-for-run.ts'

/**
 * Everything a run with valid inputs does: sign in, execute the plan, then write the state, the
 * outputs and the job summary, all even when the plan failed or the step was cancelled. Returns
 * the failure, already redacted.
 */
export async function runAndReport(
  inputs: Inputs,
  secrets: SecretRegistry,
  out: RunnerOutput,
  startedAt: number,
  warnings: readonly string[] = []
): Promise<string | undefined> {
  const report = newReport()
  // Said in the log already, before the inputs were read; the summary lists them too.
  for (const warning of warnings) addWarning(report, warning)
  const sources: { current?: SourceForRun } = {}
  const cancellation = new Cancellation()
  const runMarker = newRunMarker()
  const journal = new StateJournal(
    { marker: runMarker, name: inputs.connection.name, sandbox: inputs.sandbox, specId: inputs.connection.specId },
    (name, value) => out.saveState(name, value)
  )
  return whileListeningForCancel(cancellation, async () => {
    let dispatcher: Dispatcher | undefined
    let failure: string | undefined
    try {
      dispatcher = createDispatcher()
      const work = signInAndRunPlan(inputs, dispatcher, secrets, report, out, {
        deadlineAt: startedAt + inputs.timeoutMs,
        cancellation,
        journal,
        runMarker,
        sources
      })
      // Every request and wait ends at the cancellation, a write in flight after its grace; the
      // race is for anything else that would still hold the run.
      work.catch(() => undefined)
      await Promise.race([work, cancellation.overdue.then(() => Promise.reject(cancellation.error(undefined)))])
      if (cancellation.by) throw cancellation.error(undefined)
    } catch (error) {
      if (cancellation.by) {
        // One message whatever the plan was doing: cancelled, and what exists.
        const cancelled = error instanceof CancelledError ? error : cancellation.error(undefined)
        failure = out.line(`${cancelled.message}. ${whatExists(report, journal, inputs)}`)
      } else {
        failure = out.line(namingTheKnownConnection(describeFailure(error), report))
      }
    } finally {
      // After a cancellation nothing may hold the step: requests still open are dropped.
      if (cancellation.by) await dispatcher?.destroy().catch(() => undefined)
      else await dispatcher?.close().catch(() => undefined)
    }
    return writeRunnerFiles(inputs, report, journal, secrets, out, failure, startedAt, sources.current)
  })
}

/**
 * What exists now, for a failure that is not the plan's own (a cancellation, a runner file):
 * the connection the outputs name, every other one this run created, or a create in doubt.
 */
function whatExists(report: Report, journal: StateJournal, inputs: Inputs): string {
  const where = `in sandbox "${inputs.sandbox}"`
  const named = report.connectionId
  const others = journal.ids.filter((id) => id !== named)
  const parts: string[] = []
  if (named) parts.push(`connection ${named}, which this run ${report.created ? 'created' : 'found'}, exists ${where}`)
  if (others.length > 0) parts.push(`this run also created ${others.join(', ')} ${where}`)
  if (journal.open && journal.ids.length === 0) {
    parts.push(`a create of "${inputs.connection.name}" may have been applied ${where}; no id is known`)
  }
  if (journal.open) {
    parts.push(
      `the post step looks for what this run created and ${inputs.cleanup === 'created' ? 'deletes it (cleanup: created)' : 'deletes any copy that is not the oldest with the name'}`
    )
  }
  if (parts.length === 0) return 'This run created nothing.'
  const sentence = parts.join('; ')
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`
}

/**
 * The runner files, each on its own and in this order: the state (the post step needs it most),
 * the outputs, the summary. A file that cannot be written fails the step, naming the file and
 * what exists; the summary alone is only a warning.
 */
async function writeRunnerFiles(
  inputs: Inputs,
  report: Report,
  journal: StateJournal,
  secrets: SecretRegistry,
  out: RunnerOutput,
  planFailure: string | undefined,
  startedAt: number,
  source: SourceForRun | undefined
): Promise<string | undefined> {
  let failure = planFailure
  const fileFailed = (problem: string) => {
    const line = failure
      ? `${failure} Also, this run ${problem}.`
      : `The run ${problem}. ${whatExists(report, journal, inputs)}`
    failure = out.line(line)
  }
  const stateProblem = journal.flush()
  if (stateProblem) fileFailed(`${stateProblem}, so the post step cannot find what it created`)
  try {
    writeOutputs(inputs, report, secrets, out, failure)
  } catch (error) {
    fileFailed(`${runnerFileProblem('GITHUB_OUTPUT', error)}, so later steps get no outputs`)
  }
  try {
    await out.appendSummary(
      renderSummary(
        {
          source: source?.label ?? labelOfSource(inputs.source.name),
          mode: inputs.mode,
          sandbox: inputs.sandbox,
          name: inputs.connection.name,
          dryRun: inputs.dryRun,
          report,
          elapsedMs: Date.now() - startedAt,
          failure,
          verify: inputs.verify,
          sourceRows: source?.summaryRows()
        },
        (text) => secrets.redact(text)
      )
    )
  } catch (error) {
    out.warning(
      `The job summary is missing: this run ${runnerFileProblem('GITHUB_STEP_SUMMARY', error)}. ${whatExists(report, journal, inputs)}`
    )
  }
  return failure
}

interface RunControls {
  readonly deadlineAt: number
  readonly cancellation: Cancellation
  readonly journal: StateJournal
  readonly runMarker: string
  /** The run's source, once signed in: the summary says what it asked of it. */
  readonly sources: { current?: SourceForRun }
}

async function signInAndRunPlan(
  inputs: Inputs,
  dispatcher: Dispatcher,
  secrets: SecretRegistry,
  report: Report,
  out: RunnerOutput,
  { deadlineAt, cancellation, journal, runMarker, sources }: RunControls
) {
  const mask = (value: string) => secrets.register(value)
  const runtime = systemRuntime(out, deadlineAt, cancellation)
  const http = newHttpClient(inputs, dispatcher, runtime)
  const source = sourceFor(inputs, {
    http,
    mask,
    log: (message) => out.info(message),
    note: (message) => {
      out.info(message)
      addNote(report, message)
    },
    warn: (message) => {
      out.warning(message)
      addWarning(report, message)
    }
  })
  sources.current = source
  // The params tag digests the expected params; one of them may come from a secret input.
  if (source.expectedParams.some((param) => param.secret)) mask(writtenParamsDigest(source.expectedParams))

  // A mode that always writes the source's credentials proves them alongside the IMS exchange,
  // unless what it writes must first pass the connection spec's schema.
  const provesNow = MODES[inputs.mode].provesSource === 'with-adobe' && !inputs.dryRun && source.provesBeforeSpec
  const [accessToken] = await out.group(
    provesNow ? `Sign in to Adobe IMS and ${source.label}` : 'Sign in to Adobe IMS',
    async () => {
      const tokens = await Promise.all([
        imsAccessToken(inputs.adobe, http, mask),
        provesNow ? source.authParams() : undefined
      ])
      out.info(
        'accessToken' in inputs.adobe.auth
          ? 'Using the given adobe-access-token'
          : 'Adobe IMS issued an access token (masked)'
      )
      return tokens
    }
  )
  const lacking = inputs.dryRun ? source.dryRunWarning() : undefined
  if (lacking) {
    out.warning(lacking)
    addWarning(report, lacking)
  }
  const session = platformSession(
    inputs.adobe,
    inputs.sandbox,
    http,
    accessToken,
    'clientSecret' in inputs.adobe.auth ? () => imsAccessToken(inputs.adobe, http, mask) : undefined
  )
  await executePlan({
    settings: { ...inputs, runMarker, description: describedAs(inputs, source) },
    services: {
      store: new FlowServiceClient(session, source.paramNames),
      dataflows: new DataflowsClient(session),
      listSandboxes: () => listAvailableSandboxes(session),
      journal,
      source,
      runtime
    },
    report
  })
}

/** The description the inputs give, or, for a mode that writes one, one naming the repository and workflow. */
function describedAs(inputs: Inputs, source: SourceForRun): string {
  if (inputs.connection.description !== undefined) return inputs.connection.description
  if (!storesSourceCredentials(inputs.mode) || inputs.dryRun) return ''
  const { repository, workflow } = workflowRunContext()
  if (!repository) return source.managedBy
  return `Managed by GitHub Actions: ${repository}${workflow ? `, workflow "${workflow}"` : ''}`
}

function writeOutputs(
  inputs: Inputs,
  report: Report,
  secrets: SecretRegistry,
  out: RunnerOutput,
  failure: string | undefined
): void {
  const outputs = stepOutputs(settledByInputs(inputs), report, failure)
  for (const name of STEP_OUTPUTS) {
    const value = outputs[name]
    // Never masked by this action; but a value containing someone's secret cannot cross jobs.
    if (value && secrets.appearsIn(value)) {
      out.warning(`Output ${name} contained the value of a secret input; it is set with that value redacted.`)
    }
    out.setOutput(name, value)
  }
}
