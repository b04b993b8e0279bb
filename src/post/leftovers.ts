/**
 * What the post step does about the create its main step recorded (src/runner/create-record.ts). A
 * settled create leaves only the connection the run kept: `cleanup: created` deletes it. A create
 * left open (the step cancelled, `timeout` reached, the outcome unknown when the run failed) may
 * have made copies no id names, committed late and listed later still: the name is looked up for
 * up to `settle-timeout`, and every connection carrying the run's marker is acted on. Only this
 * run's: an id is deleted only when the connection carries the marker, read in the sandbox the
 * record names (Flow Service scopes every read and delete by the `x-sandbox-name` header).
 */
import type { CreateRecord } from '../runner/create-record.ts'
import { pollListing } from '../plan/create-protocol.ts'
import { madeBy, oldest } from '../plan/decisions.ts'
import { describeFailure } from '../errors.ts'
import { inUseReason } from '../plan/dataflow-rules.ts'
import { ConnectionInUseError, type Dataflow, type DataflowReader } from '../plan/pipeline.ts'
import type { Connection, ConnectionStore } from '../plan/store.ts'
import type { Runtime } from '../runtime.ts'
import type { Cleanup } from '../vocabulary.ts'

export interface LeftoverOutcome {
  readonly deleted: readonly string[]
  /** This run's connections kept, each with why. */
  readonly kept: readonly { readonly id: string; readonly why: string }[]
  /** Named in the state or found, but not deleted, each with why. */
  readonly notDeleted: readonly { readonly id: string; readonly why: string }[]
  /** What was looked for and found, for the log and the summary. */
  readonly notes: readonly string[]
}

/**
 * Which of this run's connections go. `cleanup: created`: all of them. Otherwise each that is not
 * the oldest with the name, so that a late create never stands beside the connection another run
 * reported; the oldest stays, whoever made it, as every run converges on it. `listed` is the
 * listing once it showed this run's copies, so every connection created before them is in it.
 */
export function leftoverCopiesToDelete(
  own: readonly Connection[],
  listed: readonly Connection[],
  cleanup: Cleanup
): { toDelete: Connection[]; toKeep: Connection[] } {
  if (cleanup === 'created') return { toDelete: [...own], toKeep: [] }
  const eldest = oldest([...listed, ...own])
  return {
    toDelete: own.filter((c) => c.id !== eldest?.id),
    toKeep: own.filter((c) => c.id === eldest?.id)
  }
}

export async function settleLeftovers(
  store: ConnectionStore,
  runtime: Runtime,
  record: CreateRecord,
  cleanup: Cleanup,
  settleTimeoutMs: number,
  dataflows?: DataflowReader
): Promise<LeftoverOutcome> {
  const notes: string[] = []
  const notDeleted: { id: string; why: string }[] = []
  const own: Connection[] = []
  let listed: Connection[] = []
  const where = `in sandbox "${record.sandbox}"`

  if (record.settled) {
    for (const id of record.ids) {
      const connection = await readOwn(store, record, id, notDeleted)
      if (connection) own.push(connection)
    }
  } else {
    const seconds = Math.round(settleTimeoutMs / 100) / 10
    notes.push(
      `The main step's create of "${record.name}" ${where} was never settled (cancelled, cut short, or its outcome unknown); looking the name up for up to ${seconds} s (settle-timeout) for connections carrying its run marker.`
    )
    const shows = (connections: readonly Connection[]) =>
      connections.some((c) => madeBy(record.marker, c)) &&
      record.ids.every((id) => connections.some((c) => c.id === id))
    ;({ listed } = await pollListing(
      { store, runtime, name: record.name, specId: record.specId, settleTimeoutMs },
      shows,
      'look for what the main step created'
    ))
    own.push(...listed.filter((c) => madeBy(record.marker, c)))
    // Not listed yet: read by id, which is consistent.
    for (const id of record.ids.filter((id) => !own.some((c) => c.id === id))) {
      const connection = await readOwn(store, record, id, notDeleted)
      if (connection) own.push(connection)
    }
    notes.push(
      own.length === 0
        ? `No connection carrying this run's marker exists ${where}: the create left nothing behind.`
        : `Found ${own.length} connection${own.length === 1 ? '' : 's'} carrying this run's marker ${where}: ${own.map((c) => c.id).join(', ')}.`
    )
  }

  const { toDelete, toKeep } = leftoverCopiesToDelete(own, listed, cleanup)
  const kept = toKeep.map((c) => ({ id: c.id, why: `it is the oldest connection named "${record.name}" ${where}` }))
  const outcomes = await Promise.allSettled(toDelete.map((c) => store.deleteConnection(c.id)))
  const deleted: string[] = []
  for (const [i, { id }] of toDelete.entries()) {
    const outcome = outcomes[i]
    if (outcome?.status === 'fulfilled' && outcome.value === 'deleted') deleted.push(id)
    else if (outcome?.status === 'fulfilled')
      notDeleted.push({ id, why: 'it was already gone (deleted by hand or by another job)' })
    else if (outcome?.reason instanceof ConnectionInUseError)
      notDeleted.push({ id, why: await inUseWhy(id, outcome.reason, dataflows) })
    else notDeleted.push({ id, why: describeFailure(outcome?.reason) })
  }
  return { deleted, kept, notDeleted, notes }
}

/** Why Adobe refused to delete a connection that dataflows use: the same words as the main step's delete. */
async function inUseWhy(
  id: string,
  refused: ConnectionInUseError,
  reader: DataflowReader | undefined
): Promise<string> {
  let using: Dataflow[] | undefined
  let unread = ''
  try {
    using = reader ? await reader.dataflowsOf(id) : undefined
  } catch (error) {
    unread = ` (reading them to name them failed: ${describeFailure(error)})`
  }
  return `${inUseReason(using)}${unread}${refused.refusal.requestId ? ` (Adobe request id ${refused.refusal.requestId})` : ''}`
}

/** The connection `id` names, when it exists and carries this run's marker; else why not, in `notDeleted`. */
async function readOwn(
  store: ConnectionStore,
  record: CreateRecord,
  id: string,
  notDeleted: { id: string; why: string }[]
): Promise<Connection | undefined> {
  const connection = await store.getConnection(id)
  if (!connection) {
    notDeleted.push({ id, why: 'it was already gone (deleted by hand or by another job)' })
    return undefined
  }
  if (!madeBy(record.marker, connection)) {
    notDeleted.push({
      id,
      why: `it does not carry this run's marker (${record.marker}), so this run did not create it; it is left as it is`
    })
    return undefined
  }
  return connection
}
