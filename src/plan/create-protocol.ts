/**
 * Creating without ever leaving a duplicate, against a Flow Service that may answer late (a 504
 * while the create still commits) and list late (a new connection missing from list results for
 * a while; reads by id are taken to be consistent). Every connection this run creates carries its
 * run marker in the description, so the run can tell its own copies from another run's.
 */
import { CancelledError } from '../cancellation.ts'
import { madeBy, nameShownDifferently, oldest, settleTwins, sharedNameProblem, whoseConnection } from './decisions.ts'
import { ActionError, causeOf, DeadlineError } from '../errors.ts'
import { forgetConnection, recordConnection, recordOwnership, recordResult } from '../report/report.ts'
import { sleepWithin, type Runtime } from '../runtime.ts'
import { describeConnection, note, warn, prefixFailure, type RunContext } from './run-context.ts'
import { connectionBody } from './connection-request.ts'
import {
  CreateOutcomeUnknownError,
  SourceRefusedError,
  type Connection,
  type ConnectionStore,
  type CreateConnectionRequest
} from './store.ts'
import { finishVerification, runVerification, verifyOrFail } from './verification.ts'

const FIRST_POLL_MS = 250
const POLL_CAP_MS = 5_000

/** The wait after lookup number `poll` while the listing catches up: 250 ms, doubling to 5 s. */
export function settlePollDelayMs(poll: number): number {
  return Math.min(POLL_CAP_MS, FIRST_POLL_MS * 2 ** (poll - 1))
}

type SendOutcome =
  | { readonly kind: 'made'; readonly id: string; readonly etag: string | undefined }
  /** The create's outcome stayed unknown, and the listing shows another run's connection. */
  | { readonly kind: 'other'; readonly winner: Connection }

export async function createAndSettle(ctx: RunContext): Promise<void> {
  const { settings, services, report } = ctx
  if (settings.dryRun) {
    recordResult(report, 'would-create', `no connection named "${settings.connection.name}" exists`)
    note(ctx, `Dry run: would create "${settings.connection.name}" in sandbox "${settings.sandbox}".`)
    return
  }
  const sent = await services.runtime.log.group(`Create "${settings.connection.name}"`, async () => {
    const body = connectionBody(settings, services.source.expectedParams, await services.source.authParams())
    const outcome = await sendCreate(ctx, body)
    if (outcome.kind === 'made') recordCreated(ctx, outcome, `Created the ${describeConnection(settings, outcome.id)}.`)
    return outcome
  })
  if (sent.kind === 'other') return settleAfterLostCreate(ctx, sent.winner)

  const [verification, twins] = await services.runtime.log.group(
    `Verify ${sent.id} and look for a concurrent twin`,
    () =>
      Promise.allSettled([
        runVerification(ctx, sent.id),
        pollListing(watchOf(ctx), (listed) => listed.some((c) => c.id === sent.id), 'check for a concurrent twin')
      ])
  )
  if (twins.status === 'rejected') {
    throw prefixFailure(
      twins.reason,
      `The ${describeConnection(settings, sent.id)} was created, but the check for a concurrent twin failed`
    )
  }
  const { listed, satisfied } = twins.value
  const shownName = listed.find((c) => c.id === sent.id)?.name
  const renamed = shownName === undefined ? undefined : nameShownDifferently(settings.connection.name, shownName)
  if (renamed) warn(ctx, renamed)
  if (!satisfied) {
    warn(
      ctx,
      `Adobe's listing did not show the new connection ${sent.id} within settle-timeout (${seconds(settings.settleTimeoutMs)} s), so a twin created just before it by a concurrent run may not be visible: raise settle-timeout if runs race on this name.`
    )
  }
  // Not listed yet, ours counts as the newest: any connection the listing shows is older.
  const ours: Connection = {
    id: sent.id,
    name: settings.connection.name,
    etag: sent.etag,
    description: settings.runMarker
  }
  const view = satisfied ? listed : [...listed, ours]
  const { winner = ours, ownCopiesToDelete } = settleTwins(sent.id, settings.runMarker, view)
  const shown = listed.find((c) => c.id === sent.id)?.createdAt
  if (shown !== undefined) services.journal.made(sent.id, shown)
  await deleteOwnCopies(ctx, winner, ownCopiesToDelete)
  if (winner.id === sent.id && !satisfied) await confirmStillThere(ctx, sent.id)
  const gone = verification.status === 'fulfilled' && verification.value.gone === true
  const earlier = countsAsEarlierAttempts(ctx, winner)
  services.journal.settled((madeBy(settings.runMarker, winner) || earlier) && !gone ? winner.id : undefined)

  if (winner.id === sent.id) {
    recordConnection(report, { ...winner, etag: winner.etag ?? sent.etag })
    if (verification.status === 'rejected') throw verification.reason
    return finishVerification(ctx, sent.id, verification.value, 'was created', services.source.advice.afterCreate)
  }
  if (madeBy(settings.runMarker, winner)) {
    // An attempt whose answer was lost did create it: it is this run's, and the oldest.
    return keepOwnCopy(
      ctx,
      winner,
      `Keeping ${winner.id}, which an earlier attempt of this run created (its answer was lost).`
    )
  }
  if (settings.cleanup === 'created' && !earlier) return refuseAfterRace(ctx, winner)
  return giveWay(ctx, winner)
}

/**
 * With `cleanup: created`, a connection an earlier attempt of this workflow run made counts as
 * this run's (contract: Shared connections); recorded so that the post step deletes it.
 */
function countsAsEarlierAttempts(ctx: RunContext, winner: Connection): boolean {
  const { settings, services } = ctx
  if (settings.cleanup !== 'created' || whoseConnection(settings.runMarker, winner) !== 'earlier-attempt') return false
  services.journal.made(winner.id, winner.createdAt)
  return true
}

/**
 * With `cleanup: created` two runs raced on one name and another run's connection is the older:
 * this run has deleted its own copies, uses nothing, and fails saying the name must be unique.
 */
function refuseAfterRace(ctx: RunContext, winner: Connection, done?: string): never {
  const { settings, report } = ctx
  forgetConnection(report)
  recordResult(report, undefined)
  throw new ActionError(
    sharedNameProblem(
      { name: settings.connection.name, sandbox: settings.sandbox },
      winner,
      done ?? 'Both runs created it at once; this run deleted its own copy, so nothing it made is left.'
    )
  )
}

/**
 * This run's create had an unknown outcome, and the settle time showed another connection but
 * none of this run's. A copy of this run may still be committed and listed late (a commit and a
 * lag each within settle-timeout can add up to more), so the listing is watched for one more
 * settle time before giving way; a copy that turns up is this run's to remove, or to keep when
 * it is the oldest.
 */
async function settleAfterLostCreate(ctx: RunContext, other: Connection): Promise<void> {
  const { settings } = ctx
  const listed = await watchForOwnCopy(
    ctx,
    'look for a late copy of a create whose outcome is unknown',
    `Creating "${settings.connection.name}" had an unknown outcome, and looking for a late copy failed, so Adobe may or may not have created one in sandbox "${settings.sandbox}" besides ${other.id} (rerun ensure to converge on the oldest)`
  )
  const { winner = other, ownCopiesToDelete } = settleTwins(
    '',
    settings.runMarker,
    listed.length > 0 ? listed : [other]
  )
  await deleteOwnCopies(ctx, winner, ownCopiesToDelete)
  const earlier = countsAsEarlierAttempts(ctx, winner)
  ctx.services.journal.settled(madeBy(settings.runMarker, winner) || earlier ? winner.id : undefined)
  if (madeBy(settings.runMarker, winner)) {
    return keepOwnCopy(
      ctx,
      winner,
      `The create did happen: Adobe's listing shows ${winner.id}, made by this run, as the oldest; keeping it.`
    )
  }
  if (settings.cleanup === 'created' && !earlier) {
    return refuseAfterRace(
      ctx,
      winner,
      ownCopiesToDelete.length > 0
        ? 'This run deleted its own copy, so nothing it made is left.'
        : "This run's create had an unknown outcome, and the listing never showed a copy of it."
    )
  }
  return giveWay(
    ctx,
    winner,
    ownCopiesToDelete.length > 0
      ? undefined
      : "this run's create had an unknown outcome, and the listing never showed it"
  )
}

/** The outputs name `made` as the connection this run created. */
function recordCreated(ctx: RunContext, made: { id: string; etag?: string | undefined }, message: string): void {
  ctx.services.journal.made(made.id)
  recordConnection(ctx.report, made)
  recordOwnership(ctx.report, true)
  recordResult(ctx.report, 'created', `no connection named "${ctx.settings.connection.name}" existed`)
  note(ctx, message)
}

/** A connection this run made is the oldest: the outputs name it as created, once verified. */
function keepOwnCopy(ctx: RunContext, winner: Connection, message: string): Promise<void> {
  recordCreated(ctx, winner, message)
  return verifyOrFail(ctx, winner.id, 'was created', ctx.services.source.advice.afterCreate)
}

/**
 * Another run's connection is the oldest: adopt it (ensure), or fail naming it (create).
 * `detail`, when this run's copies were not the reason (they were noted when deleted).
 */
async function giveWay(ctx: RunContext, winner: Connection, detail?: string): Promise<void> {
  const { settings, report } = ctx
  recordOwnership(report, false)
  recordConnection(report, winner)
  const message = `Another run created "${settings.connection.name}" first (id ${winner.id})${detail ? `; ${detail}` : ''}`
  if (detail) note(ctx, message)
  if (settings.mode === 'create') {
    recordResult(report, undefined)
    throw new ActionError(
      `${message}. create mode fails when the name exists: the ${describeConnection(settings, winner.id)} is the one that remains.`
    )
  }
  recordResult(report, 'reused', `another run created "${settings.connection.name}" first`)
  return verifyOrFail(ctx, winner.id, 'exists', ctx.services.source.advice.afterCreate)
}

/**
 * Sends the create. When its outcome is unknown (a 5xx, a timeout, a reset, an unreadable
 * answer), looks the name up until the listing shows this run's connection or `settle-timeout`
 * has passed: what appears is adopted; only a whole settle time showing nothing allows another
 * attempt. Failures that prove nothing was applied (refused, 429) are retried by the HTTP layer.
 */
async function sendCreate(ctx: RunContext, body: CreateConnectionRequest): Promise<SendOutcome> {
  const { settings, services } = ctx
  for (let attempt = 1; ; attempt++) {
    // Intent before action: should the run end before it knows the outcome, the post step
    // finds what this create made by the marker saved here.
    services.journal.opened()
    try {
      const made = await services.store.createConnection(body)
      services.journal.made(made.id)
      return { kind: 'made', id: made.id, etag: made.etag }
    } catch (error) {
      if (causeOf(error, DeadlineError)?.maybeApplied) {
        // No time is left to settle it: say what may exist, and how to converge on it.
        throw prefixFailure(
          error,
          `Creating "${settings.connection.name}" got no answer before the run's timeout, so Adobe may or may not have created it in sandbox "${settings.sandbox}" (rerun ensure to adopt it, or delete by name)`
        )
      }
      if (!(error instanceof CreateOutcomeUnknownError)) {
        // A refusal, or a cancellation before the create left (or while it waited to retry a
        // refusal), proves the first attempt made nothing: the post step has nothing to look for.
        const maybeApplied = error instanceof CancelledError && error.maybeApplied
        if (attempt === 1 && !maybeApplied) services.journal.settled(undefined)
        if (error instanceof SourceRefusedError) {
          const { refusal } = error
          throw refusal.retold(
            `${refusal.summary}. The ${services.source.label} source (connection spec ${body.connectionSpec.id}) may be gone: ${services.source.advice.withdrawn}`
          )
        }
        throw error
      }
      warn(
        ctx,
        `The create's outcome is unknown (${error.message}); looking "${settings.connection.name}" up for up to ${seconds(settings.settleTimeoutMs)} s (settle-timeout) before anything else.`
      )
      const listed = await watchForOwnCopy(
        ctx,
        'settle a create whose outcome is unknown',
        `Creating "${settings.connection.name}" had an unknown outcome, and looking for it failed, so Adobe may or may not have created it in sandbox "${settings.sandbox}" (rerun ensure to adopt it)`
      )
      const own = oldest(listed.filter((c) => madeBy(settings.runMarker, c)))
      if (own) {
        services.runtime.log.info(
          `The create did happen: Adobe's listing shows ${own.id}, made by this run; adopting it.`
        )
        services.journal.made(own.id, own.createdAt)
        return { kind: 'made', id: own.id, etag: own.etag }
      }
      const other = oldest(listed)
      if (other) return { kind: 'other', winner: other }
      if (attempt >= settings.maxAttempts) {
        throw new ActionError(
          `Creating "${settings.connection.name}" failed ${attempt} times with an unknown outcome (last: ${error.message}); looking it up for ${seconds(settings.settleTimeoutMs)} s after each attempt found no such connection in sandbox "${settings.sandbox}", so nothing was left behind (should Adobe still apply one late, rerun ensure to adopt it).`
        )
      }
      services.runtime.log.info(
        `Sending the create again (attempt ${attempt + 1} of ${settings.maxAttempts}): the whole settle time showed nothing named "${settings.connection.name}".`
      )
    }
  }
}

/** What a wait for Adobe's listing needs: the name it looks up, and how long it may look. */
export interface ListingWatch {
  readonly store: Pick<ConnectionStore, 'findConnectionsByName'>
  readonly runtime: Runtime
  readonly name: string
  readonly specId: string
  readonly settleTimeoutMs: number
}

/**
 * Looks the name up until `done` holds for the listing, with growing waits, for at most
 * `settle-timeout` (and never past the run's deadline). `satisfied` says whether it held.
 */
export async function pollListing(
  watch: ListingWatch,
  done: (listed: readonly Connection[]) => boolean,
  what: string
): Promise<{ listed: Connection[]; satisfied: boolean }> {
  const { store, runtime, name, specId, settleTimeoutMs } = watch
  // A wait that would end past the run's deadline throws instead (naming `what`).
  const end = runtime.clock.now() + settleTimeoutMs
  for (let poll = 1; ; poll++) {
    const listed = await store.findConnectionsByName(name, specId)
    if (done(listed)) return { listed, satisfied: true }
    const remaining = end - runtime.clock.now()
    if (remaining <= 0) return { listed, satisfied: false }
    await sleepWithin(runtime, Math.min(settlePollDelayMs(poll), remaining), what)
  }
}

function watchOf({ settings, services }: RunContext): ListingWatch {
  return {
    name: settings.connection.name,
    specId: settings.connection.specId,
    settleTimeoutMs: settings.settleTimeoutMs,
    store: services.store,
    runtime: services.runtime
  }
}

/**
 * Looks the name up until the listing shows a connection this run made, for at most
 * `settle-timeout`; a failed lookup is reported as `failure`, with what may exist.
 */
async function watchForOwnCopy(ctx: RunContext, what: string, failure: string): Promise<Connection[]> {
  const marker = ctx.settings.runMarker
  try {
    const { listed } = await pollListing(
      watchOf(ctx),
      (connections) => connections.some((c) => madeBy(marker, c)),
      what
    )
    return listed
  } catch (error) {
    throw prefixFailure(error, failure)
  }
}

/**
 * The listing never showed this run's new connection, so nothing proved it still exists: a
 * teardown job or a person may have deleted it meanwhile. Reads by id are consistent.
 */
async function confirmStillThere(ctx: RunContext, id: string): Promise<void> {
  const { settings, services, report } = ctx
  const shown = await services.store.getConnection(id)
  if (shown) {
    if (shown.createdAt !== undefined) services.journal.made(id, shown.createdAt)
    return
  }
  forgetConnection(report)
  services.journal.settled(undefined)
  throw new ActionError(
    `The ${describeConnection(settings, id)} was created, but was deleted before this run finished (by a teardown job or a person), so no connection id is reported: rerun to create it again.`
  )
}

/** Deletes this run's copies other than the winner; failing that, names every id that exists. */
async function deleteOwnCopies(ctx: RunContext, winner: Connection, copies: readonly Connection[]): Promise<void> {
  if (copies.length === 0) return
  const { settings, services } = ctx
  const ids = copies.map((c) => c.id)
  // Saved first: should a delete fail or the run be cancelled now, the post step finds them.
  for (const copy of copies) services.journal.made(copy.id, copy.createdAt)
  const outcomes = await Promise.allSettled(ids.map((id) => services.store.deleteConnection(id)))
  const failedAt = outcomes.findIndex((outcome) => outcome.status === 'rejected')
  const deleted = ids.filter((_, i) => outcomes[i]?.status === 'fulfilled')
  const whose = madeBy(settings.runMarker, winner) ? 'This run' : 'Another run'
  if (deleted.length > 0) {
    note(
      ctx,
      `${whose} created "${settings.connection.name}" first (id ${winner.id}); deleted this run's cop${deleted.length === 1 ? 'y' : 'ies'} ${deleted.join(', ')}`
    )
  }
  const failure = outcomes[failedAt]
  if (failure?.status === 'rejected') {
    const left = ids.filter((_, i) => outcomes[i]?.status === 'rejected')
    const all = [winner.id, ...left]
    throw prefixFailure(
      failure.reason,
      `${whose} created "${settings.connection.name}" first (id ${winner.id}), and deleting this run's cop${left.length === 1 ? 'y' : 'ies'} ${left.join(', ')} failed, so ${all.length === 2 ? 'both' : 'all'} exist in sandbox "${settings.sandbox}" (${all.join(', ')}): delete ${left.join(', ')} by hand`
    )
  }
}

function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10)
}
