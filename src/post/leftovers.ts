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
import { madeBy, oldest, whoseConnection } from '../plan/decisions.ts'
import { describeFailure } from '../errors.ts'
import { inUseReason } from '../plan/dataflow-rules.ts'
import { ConnectionInUseError, type Dataflow, type DataflowReader } from '../plan/pipeline.ts'
import type { Connection, ConnectionStore } from '../plan/store.ts'
import type { Runtime } from '../runtime.ts'
import type { Cleanup } from '../vocabulary.ts'

export interface LeftoverOutcome {
  readonly deleted: readonly string[]
  /** Of those deleted or kept, the ones an earlier attempt of this workflow run created. */
  readonly byEarlierAttempt: readonly string[]
  /** This run's connections kept, each with why. */
  readonly kept: readonly { readonly id: string; readonly why: string }[]
  /** Named in the state or found, but not deleted, each with why. */
  readonly notDeleted: readonly { readonly id: string; readonly why: string }[]
  /** What was looked for and found, for the log and the summary. */
  readonly notes: readonly string[]
  /** What needs attention although nothing failed: a create in flight that may still land. */
  readonly warnings: readonly string[]
}

/** What the post step knows at any moment: the connections it found or read, for a warning should it be stopped. */
export interface LeftoverProgress {
  readonly known: Set<string>
  readonly deleted: Set<string>
}

/**
 * How far a connection's creation time may lie from the moment Adobe answered the create, by the
 * runner's clock, when Adobe's own `createdAt` was never seen: the request's time in flight, and
 * clocks that disagree a little.
 */
export const ANSWER_TIME_TOLERANCE_MS = 10 * 60_000

/**
 * How the post step recognises `connection` as one its main step created (contract: Shared
 * connections): by the run marker, or by the id and the creation time it recorded when Adobe
 * answered (a description edited since may have lost the marker). Undefined: not by either.
 */
export function recognisedAsCreated(
  record: Pick<CreateRecord, 'marker' | 'ids' | 'times'>,
  connection: Connection
): 'marker' | 'id-and-time' | undefined {
  if (madeBy(record.marker, connection)) return 'marker'
  const time = record.ids.includes(connection.id) ? record.times?.[connection.id] : undefined
  const shown = connection.createdAt
  if (!time || shown === undefined) return undefined
  if (time.createdAt !== undefined) return time.createdAt === shown ? 'id-and-time' : undefined
  if (time.answeredAt === undefined) return undefined
  return Math.abs(shown - time.answeredAt) <= ANSWER_TIME_TOLERANCE_MS ? 'id-and-time' : undefined
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
  progress: LeftoverProgress = { known: new Set(record.ids), deleted: new Set() },
  dataflows?: DataflowReader
): Promise<LeftoverOutcome> {
  const notes: string[] = []
  const warnings: string[] = []
  const notDeleted: { id: string; why: string }[] = []
  const own: Connection[] = []
  let listed: Connection[] = []
  const where = `in sandbox "${record.sandbox}"`

  if (record.settled) {
    for (const id of record.ids) {
      const connection = await readOwn(store, record, id, notDeleted, notes)
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
    for (const c of own) progress.known.add(c.id)
    // Not listed yet: read by id, which is consistent.
    for (const id of record.ids.filter((id) => !own.some((c) => c.id === id))) {
      const connection = await readOwn(store, record, id, notDeleted, notes)
      if (connection) own.push(connection)
    }
    if (own.length === 0 && record.ids.length === 0) {
      // Not an all-clear: Adobe may still commit a create cut short in flight, and list it later.
      warnings.push(
        `No connection carrying this run's marker ${record.marker} appeared ${where} within ${seconds} s (settle-timeout), but the create of "${record.name}" was cut short in flight, so Adobe may still apply it later: look for a connection named "${record.name}" whose description holds ${record.marker}, and delete it (mode: delete with its connection-id) should it appear.`
      )
    } else {
      notes.push(
        own.length === 0
          ? `No connection carrying this run's marker exists ${where}: the create left nothing behind.`
          : `Found ${own.length} connection${own.length === 1 ? '' : 's'} carrying this run's marker ${where}: ${own.map((c) => c.id).join(', ')}.`
      )
    }
  }

  const byEarlierAttempt = own.filter((c) => whoseConnection(record.marker, c) === 'earlier-attempt').map((c) => c.id)
  const { toDelete, toKeep } = leftoverCopiesToDelete(own, listed, cleanup)
  const kept = toKeep.map((c) => ({ id: c.id, why: `it is the oldest connection named "${record.name}" ${where}` }))
  const outcomes = await Promise.allSettled(toDelete.map((c) => store.deleteConnection(c.id)))
  const deleted: string[] = []
  for (const [i, { id }] of toDelete.entries()) {
    const outcome = outcomes[i]
    if (outcome?.status === 'fulfilled' && outcome.value === 'deleted') {
      deleted.push(id)
      progress.deleted.add(id)
    } else if (outcome?.status === 'fulfilled')
      notDeleted.push({ id, why: 'it was already gone (deleted by hand or by another job)' })
    else if (outcome?.reason instanceof ConnectionInUseError)
      notDeleted.push({ id, why: await inUseWhy(id, outcome.reason, dataflows) })
    else notDeleted.push({ id, why: describeFailure(outcome?.reason) })
  }
  return { deleted, byEarlierAttempt, kept, notDeleted, notes, warnings }
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
    using = reader ? await reader.dataflowsOf(id, { lastRuns: 'never' }) : undefined
  } catch (error) {
    unread = ` (reading them to name them failed: ${describeFailure(error)})`
  }
  return `${inUseReason(using)}${unread}${refused.refusal.requestId ? ` (Adobe request id ${refused.refusal.requestId})` : ''}`
}

/**
 * The connection `id` names, when it exists and is recognised as the one the main step created
 * (its marker, or its id and creation time); else why not, in `notDeleted`.
 */
async function readOwn(
  store: ConnectionStore,
  record: CreateRecord,
  id: string,
  notDeleted: { id: string; why: string }[],
  notes: string[]
): Promise<Connection | undefined> {
  const connection = await store.getConnection(id)
  if (!connection) {
    notDeleted.push({ id, why: 'it was already gone (deleted by hand or by another job)' })
    return undefined
  }
  const recognised = recognisedAsCreated(record, connection)
  if (!recognised) {
    notDeleted.push({
      id,
      why: `it does not carry this run's marker (${record.marker}), and it is not the connection the main step recorded when Adobe answered its create (another creation time), so it is left as it is`
    })
    return undefined
  }
  if (recognised === 'id-and-time' && whoseConnection(record.marker, connection) !== 'earlier-attempt') {
    notes.push(
      `The connection ${id} no longer carries this run's marker (${record.marker}) in its description, but its id and creation time are those the main step recorded when Adobe answered its create: it is the one the main step created.`
    )
  }
  return connection
}
