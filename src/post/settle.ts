import { DataflowsClient } from '../adobe/dataflows.ts'
import { FlowServiceClient } from '../adobe/flow-service.ts'
import { imsAccessToken, newHttpClient, platformSession } from '../adobe/session.ts'
import { Cancellation, CancelledError, whileListeningForCancel } from '../cancellation.ts'
import { causeOf, describeFailure } from '../errors.ts'
import { createDispatcher, tlsOverrideWarning } from '../http.ts'
import type { Inputs } from '../inputs/parse.ts'
import { escapeSummaryText, title } from '../report/summary.ts'
import { notThisRuns, type CreateRecord } from '../runner/create-record.ts'
import { runnerFileProblem, type RunnerOutput } from '../runner/output.ts'
import type { SecretRegistry } from '../runner/secrets.ts'
import { systemRuntime } from '../runtime.ts'
import { labelOfSource } from '../sources/index.ts'
import { settleLeftovers, type LeftoverOutcome, type LeftoverProgress } from './leftovers.ts'

/**
 * The post step's work once its state names something to do: sign in, settle or delete what the
 * main step left, then say what it found and did, in the log first and then in the summary. It
 * never fails the job: a connection it could not delete is a warning with its id, and a summary
 * it could not write is a warning that changes nothing it reports.
 */
export async function settleWhatTheMainStepLeft(
  inputs: Inputs,
  secrets: SecretRegistry,
  out: RunnerOutput,
  record: CreateRecord
): Promise<void> {
  const label = inputs.cleanup === 'created' ? 'cleanup: created' : 'Post step'
  const where = `in sandbox "${record.sandbox}"`
  const lines: { text: string; warning: boolean }[] = []
  const say = (text: string, warning = false) => {
    lines.push({ text, warning })
    if (warning) out.warning(text)
    else out.info(text)
  }
  const foreign = notThisRuns(record, { ...inputs.connection, sandbox: inputs.sandbox })
  let outcome: LeftoverOutcome | undefined
  const progress: LeftoverProgress = { known: new Set(record.ids), deleted: new Set() }
  const cancellation = new Cancellation()
  /** A runner shutting down signals the post step too: it stops, says what may be left, and exits 0. */
  const stopped = (signal: string) => {
    const left = [...progress.known].filter((id) => !progress.deleted.has(id))
    say(
      `${label} was stopped (${signal}) before it finished, and sends nothing more: ` +
        (left.length > 0
          ? `connection ${left.join(', ')} ${where} may still exist`
          : `a connection the main step created ${where} may still exist`) +
        `; look for connections named "${record.name}" whose description holds ${record.marker}, and delete them (mode: delete with connection-id).`,
      true
    )
  }
  if (foreign) {
    say(`${label}: the saved state ${foreign}, so this run did not save it; nothing is deleted.`, true)
  } else {
    const tls = tlsOverrideWarning()
    if (tls) say(tls, true)
    try {
      outcome = await whileListeningForCancel(
        cancellation,
        () => signInAndSettle(inputs, secrets, record, out, cancellation, progress),
        { exitCode: 0, onSignal: stopped }
      )
    } catch (error) {
      // Stopped by a signal: the warning above already said what may be left.
      if (!(cancellation.by && causeOf(error, CancelledError))) {
        const known = record.ids.length > 0 ? `connection ${record.ids.join(', ')}` : 'whatever it created'
        say(
          `${label} did not delete ${known} ${where}: ${describeFailure(error)}${record.settled ? '' : ` (look for connections whose description holds ${record.marker})`}`,
          true
        )
      }
    }
  }
  if (outcome) {
    const earlier = new Set(outcome.byEarlierAttempt)
    const whose = (id: string) =>
      earlier.has(id) ? 'which an earlier attempt of this workflow run created' : 'which the main step created'
    for (const note of outcome.notes) say(`${label}: ${note}`)
    for (const warning of outcome.warnings) say(`${label}: ${warning}`, true)
    for (const id of outcome.deleted) say(`${label}: deleted the connection ${id} ${where}, ${whose(id)}.`)
    for (const { id, why } of outcome.kept) say(`${label}: kept the connection ${id} ${where}, ${whose(id)}: ${why}.`)
    for (const { id, why } of outcome.notDeleted) say(`${label} did not delete connection ${id} ${where}: ${why}`, true)
  }
  try {
    const items = lines.map(
      ({ text, warning }) =>
        `<li>${warning ? '⚠️ <strong>Warning</strong>: ' : '🧹 '}${escapeSummaryText(out.line(text))}</li>`
    )
    const heading = title(labelOfSource(inputs.source.name), (text) => secrets.redact(text), ': post step')
    await out.appendSummary(`${heading}\n<ul>${items.join('')}</ul>`)
  } catch (error) {
    out.warning(
      `The post step's summary is missing: it ${runnerFileProblem('GITHUB_STEP_SUMMARY', error)}; what the post step did is in the log above.`
    )
  }
}

async function signInAndSettle(
  inputs: Inputs,
  secrets: SecretRegistry,
  record: CreateRecord,
  out: RunnerOutput,
  cancellation: Cancellation,
  progress: LeftoverProgress
): Promise<LeftoverOutcome> {
  // Inside the caller's try: a proxy variable the dispatcher refuses is a warning, not a crash.
  const dispatcher = createDispatcher()
  try {
    const runtime = systemRuntime(out, Date.now() + inputs.timeoutMs, cancellation)
    const http = newHttpClient(inputs, dispatcher, runtime)
    const accessToken = await imsAccessToken(inputs.adobe, http, (value) => secrets.register(value))
    const session = platformSession(
      inputs.adobe,
      record.sandbox,
      http,
      accessToken,
      undefined,
      'clientSecret' in inputs.adobe.auth
    )
    return await settleLeftovers(
      new FlowServiceClient(session),
      runtime,
      record,
      inputs.cleanup,
      inputs.settleTimeoutMs,
      progress,
      new DataflowsClient(session)
    )
  } finally {
    if (cancellation.by) await dispatcher.destroy().catch(() => undefined)
    else await dispatcher.close().catch(() => undefined)
  }
}
