/**
 * The dataflows that use the connection, in the modes (contract, "What hangs off a connection"):
 * listed and gated after the operation of ensure, check and create when `dataflows` asks; read
 * before every delete, which sends nothing while any use the connection. Read-only: nothing here
 * changes or deletes a dataflow. Messages are source-neutral: a dataflow is Adobe's.
 */
import { ActionError, ServiceError } from '../errors.ts'
import { recordDataflows } from '../report/report.ts'
import {
  boundedList,
  dataflowCounts,
  describeDataflow,
  inUseReason,
  plural,
  unhealthyDataflows
} from './dataflow-rules.ts'
import { TooManyRunReadsError, type ConnectionInUseError, type Dataflow } from './pipeline.ts'
import { describeConnection, note, type RunContext } from './run-context.ts'

/** Dataflows the log lists one by one, at most. */
const MAX_LOGGED = 100

/**
 * Reads the dataflows that use connection `id`. A read that fails fails the run, saying what to
 * grant: it is never taken for "no dataflows".
 */
export async function readDataflows(
  ctx: RunContext,
  id: string,
  consequence: string,
  lastRuns: 'all' | 'never'
): Promise<Dataflow[]> {
  const { settings, services } = ctx
  try {
    return await services.dataflows.dataflowsOf(id, { lastRuns })
  } catch (error) {
    const prefix = `Could not read the dataflows that use connection ${id} in sandbox "${settings.sandbox}", so ${consequence} (a failed read is never taken for "no dataflows")`
    // Not a refusal: nothing to grant.
    if (error instanceof TooManyRunReadsError) throw new ActionError(`${prefix}: ${error.message}`, { cause: error })
    const grant =
      `Reading them needs the View Sources permission in sandbox "${settings.sandbox}" on the credential's product profile ` +
      '(Adobe Admin Console), and for a dataflow with access labels a role that holds them'
    if (error instanceof ServiceError) throw error.retold(`${prefix}: ${trimmed(error.summary)}. ${grant}`)
    const said = error instanceof Error ? error.message : String(error)
    throw new ActionError(`${prefix}: ${trimmed(said)}. ${grant}`, { cause: error })
  }
}

function trimmed(text: string): string {
  return text.replace(/[.\s]+$/, '')
}

/** Logs each dataflow, bounded; the summary shows them as a table. */
function logDataflows(ctx: RunContext, dataflows: readonly Dataflow[]): void {
  const { log } = ctx.services.runtime
  for (const dataflow of dataflows.slice(0, MAX_LOGGED)) {
    log.info(`Dataflow ${describeDataflow(dataflow)}: ${dataflow.state}, last run ${dataflow.lastRun}`)
  }
  if (dataflows.length > MAX_LOGGED) log.info(`… and ${dataflows.length - MAX_LOGGED} more dataflows`)
}

/**
 * After the operation, with `dataflows: list` or `healthy`: reads the dataflows that use the
 * connection the outputs name, reports them, and with `healthy` fails naming each one that is not
 * enabled or whose last run failed. A dataflow that never ran is healthy; none at all passes.
 */
export async function reportDataflows(ctx: RunContext): Promise<void> {
  const { settings, services, report } = ctx
  const id = report.connectionId
  const gate = settings.dataflows === 'healthy'
  if (id === undefined) {
    // A dry run that would create the connection: no connection, so no dataflow uses one.
    recordDataflows(report, [])
    note(ctx, `No connection exists yet, so no dataflow uses it${gate ? ': the dataflows: healthy gate passes' : ''}.`)
    return
  }
  const dataflows = await services.runtime.log.group(`Read the dataflows that use ${id}`, async () => {
    const read = await readDataflows(ctx, id, `dataflows: ${settings.dataflows} cannot report them`, 'all')
    logDataflows(ctx, read)
    return read
  })
  recordDataflows(report, dataflows)
  const where = describeConnection(settings, id)
  if (dataflows.length === 0) {
    note(ctx, `No dataflow uses the ${where}${gate ? ': the dataflows: healthy gate passes' : ''}.`)
    return
  }
  note(ctx, `The ${where} is used by ${dataflowCounts(dataflows)}.`)
  if (!gate) return
  const unhealthy = unhealthyDataflows(dataflows)
  if (unhealthy.length === 0) {
    note(
      ctx,
      `The dataflows: healthy gate passes: ${dataflows.length === 1 ? 'the dataflow is' : `all ${dataflows.length} dataflows are`} enabled, and no last run failed.`
    )
    return
  }
  const named = boundedList(
    unhealthy.map(({ dataflow, why }) => `${describeDataflow(dataflow)} ${why}`),
    undefined,
    '; '
  )
  throw new ActionError(
    `${unhealthy.length} of ${plural(dataflows.length, 'dataflow')} that use the ${where} ${unhealthy.length === 1 ? 'is' : 'are'} not healthy (dataflows: healthy): ${named}. ` +
      "Publish or enable them, or fix what makes their runs fail (Adobe's monitoring shows why; Adobe disables a dataflow that fails for 30 days), then rerun."
  )
}

/**
 * Before any DELETE: reads the dataflows of every connection about to be deleted (together), and
 * fails naming them when any use one, so that nothing is deleted; a dry run gives the same verdict.
 */
export async function refuseWhileInUse(ctx: RunContext, ids: readonly string[]): Promise<void> {
  const { settings, services, report } = ctx
  const read = await services.runtime.log.group(`Read the dataflows that use ${ids.join(', ')}`, () =>
    Promise.allSettled(ids.map((id) => readDataflows(ctx, id, 'nothing was deleted', 'never')))
  )
  const failed = read.find((outcome) => outcome.status === 'rejected')
  if (failed?.status === 'rejected') throw failed.reason
  const inUse: { id: string; dataflows: Dataflow[] }[] = []
  read.forEach((outcome, i) => {
    const id = ids[i]
    if (outcome.status !== 'fulfilled' || id === undefined) return
    logDataflows(ctx, outcome.value)
    recordDataflows(report, outcome.value)
    if (outcome.value.length > 0) inUse.push({ id, dataflows: outcome.value })
  })
  if (inUse.length === 0) {
    services.runtime.log.info(`No dataflow uses ${ids.length === 1 ? 'it' : 'any of them'}.`)
    return
  }
  const what =
    ids.length === 1
      ? `connection ${inUse[0]?.id ?? ''} in sandbox "${settings.sandbox}": ${inUse[0] ? inUseReason(inUse[0].dataflows) : ''}`
      : `the ${ids.length} connections named "${settings.connection.name}" in sandbox "${settings.sandbox}", because dataflows use ` +
        inUse.map(({ id, dataflows }) => `connection ${id}: ${inUseReason(dataflows)}`).join('; ')
  throw new ActionError(
    `${settings.dryRun ? 'Dry run: would not delete' : 'Not deleting'} ${what}. Then rerun; nothing was deleted.`
  )
}

/**
 * Adobe refused a DELETE because dataflows use the connection (a dataflow created after the
 * read, or one this credential cannot see): the same words as a refusal before the DELETE, with
 * the dataflows read again to name them.
 */
export async function inUseFailure(ctx: RunContext, id: string, refused: ConnectionInUseError): Promise<ServiceError> {
  let dataflows: Dataflow[] | undefined
  let unread = ''
  try {
    dataflows = await ctx.services.dataflows.dataflowsOf(id, { lastRuns: 'never' })
    recordDataflows(ctx.report, dataflows)
  } catch (error) {
    unread = ` (reading them to name them failed: ${error instanceof Error ? trimmed(error.message) : 'no reason given'})`
  }
  return refused.refusal.retold(
    `Could not delete connection ${id} in sandbox "${ctx.settings.sandbox}": ${inUseReason(dataflows)}${unread}. Then rerun`
  )
}
