import { createAndSettle } from './create-protocol.ts'
import { updatedDescription } from './connection-request.ts'
import {
  anotherRunsConnections,
  authSpecProblem,
  differingParams,
  ensureAction,
  notExcusedBecause,
  oldest,
  paramDifference,
  sharedNameProblem,
  whoseConnection,
  writtenParamsTag
} from './decisions.ts'
import { ActionError, describeFailure } from '../errors.ts'
import { InputError } from '../inputs/input-error.ts'
import { isDraft } from './dataflow-rules.ts'
import { inUseFailure, refuseWhileInUse, reportDataflows } from './dataflows.ts'
import { ConnectionInUseError } from './pipeline.ts'
import {
  forgetConnection,
  recordConnection,
  recordDeleted,
  recordEtag,
  recordResult,
  recordVerified
} from '../report/report.ts'
import { describeConnection, note, warn, prefixFailure, type PlanSettings, type RunContext } from './run-context.ts'
import { MODES, type Mode } from '../modes.ts'
import { StaleEtagError, type Connection, type ConnectionStore, type PatchInstruction, type Sandbox } from './store.ts'
import { finishVerification, runVerification, verifyOrFail, type VerificationOutcome } from './verification.ts'

/** What each mode does once the preflight reads are in: one entry per mode of MODES, or it does not compile. */
const MODE_PLANS: { readonly [M in Mode]: (ctx: RunContext, existing: Connection[]) => Promise<void> } = {
  ensure,
  check,
  create,
  delete: deleteByName
}

/**
 * Runs the mode's plan. What MODES says of the mode holds whatever the plan does: a mode that
 * does not write, or a dry run, cannot send a write, and the run ends with a result the table
 * lists for the mode (or fails).
 */
export async function executePlan(ctx: RunContext): Promise<void> {
  const { settings, services, report } = ctx
  const mode = MODES[settings.mode]
  const guarded =
    mode.writes && !settings.dryRun
      ? ctx
      : { ...ctx, services: { ...services, store: readOnly(services.store, settings) } }
  const existing = await services.runtime.log.group(
    `Look up "${settings.connection.name}" in sandbox "${settings.sandbox}"`,
    () => preflight(guarded)
  )
  await MODE_PLANS[settings.mode](guarded, existing)
  // Delete reads them itself, before deleting; the other modes after the operation, when asked.
  if (mode.readsDataflows === 'after-the-operation' && settings.dataflows !== 'skip') await reportDataflows(guarded)
  const results: readonly string[] = settings.dryRun ? mode.dryRunResults : mode.results
  if (report.result === undefined || !results.includes(report.result)) {
    throw new Error(`${settings.mode} mode ended with result "${report.result ?? ''}", which it cannot give`)
  }
}

/** The store of a run that must not write: a write is a bug of the action, never sent. */
function readOnly(store: ConnectionStore, settings: PlanSettings): ConnectionStore {
  const refuse = (what: string) => () =>
    Promise.reject(new Error(`${settings.mode} mode${settings.dryRun ? ' (dry run)' : ''} tried to ${what}`))
  return {
    getConnectionSpec: (specId) => store.getConnectionSpec(specId),
    findConnectionsByName: (name, specId) => store.findConnectionsByName(name, specId),
    getConnection: (id) => store.getConnection(id),
    testConnection: (id) => store.testConnection(id),
    exploreRoot: (id) => store.exploreRoot(id),
    createConnection: refuse('create a connection'),
    updateConnection: refuse('update a connection'),
    deleteConnection: refuse('delete a connection'),
    publishConnection: refuse('publish a connection')
  }
}

/**
 * The reads every mode starts with, sent together: the sandbox list, the connection spec and the
 * lookup. Failures are reported in the order that explains the most (an unknown sandbox first).
 */
async function preflight(ctx: RunContext): Promise<Connection[]> {
  const { settings, services } = ctx
  const [sandboxes, spec, existing] = await Promise.allSettled([
    services.listSandboxes(),
    services.store.getConnectionSpec(settings.connection.specId),
    lookup(ctx)
  ])
  if (sandboxes.status === 'rejected') throw sandboxes.reason
  if (sandboxes.value) {
    checkSandbox(settings, sandboxes.value)
    services.runtime.log.info(`Sandbox "${settings.sandbox}" is active`)
  } else {
    services.runtime.log.info(
      `Adobe's Sandbox API answered 403 to the sandbox list (this credential may not list sandboxes), so sandbox ` +
        `"${settings.sandbox}" is not checked against a list; Flow Service answers "Sandbox not found" should it not exist`
    )
  }
  if (spec.status === 'rejected') throw spec.reason
  if (!spec.value) {
    throw new ActionError(
      `The ${services.source.label} source (connection spec ${settings.connection.specId}) is not available to org ${settings.adobe.orgId} in sandbox ` +
        `"${settings.sandbox}". ${services.source.advice.withdrawn}`
    )
  }
  const authSpecs = spec.value.authSpec?.map((auth) => auth.name)
  const problem = authSpecProblem(settings.connection.authSpecName, authSpecs)
  if (problem) throw new ActionError(problem)
  services.runtime.log.info(
    `Connection spec ${settings.connection.specId}${spec.value.name ? ` (${spec.value.name})` : ''} is available` +
      (authSpecs?.length ? `; auth specs: ${authSpecs.join(', ')}` : '')
  )
  // What the source will write must fit the auth spec's schema before anything is proven or written.
  const authSpec = spec.value.authSpec?.find((auth) => auth.name === settings.connection.authSpecName)
  const misfits = services.source.checkAuthSpec?.({ specName: spec.value.name, schema: authSpec?.spec }) ?? []
  if (misfits.length > 0) throw new InputError(misfits)
  if (existing.status === 'rejected') throw existing.reason
  const what = settings.connectionId ? `with id ${settings.connectionId}` : `named "${settings.connection.name}"`
  services.runtime.log.info(
    `Found ${existing.value.length} connection${existing.value.length === 1 ? '' : 's'} ${what}`
  )
  return existing.value
}

function checkSandbox(settings: PlanSettings, sandboxes: readonly Sandbox[]): void {
  const match = sandboxes.find((sandbox) => sandbox.name === settings.sandbox)
  if (!match) {
    const names = sandboxes.map((sandbox) => sandbox.name).sort()
    throw new ActionError(
      `Sandbox "${settings.sandbox}" is not one of the sandboxes this credential can see in org ${settings.adobe.orgId}` +
        (names.length > 0 ? ` (${names.join(', ')})` : ' (it can see none)') +
        ': check the sandbox input (the name, not the title), or add the sandbox to the product profile of the credential.'
    )
  }
  if (match.state && match.state !== 'active') {
    throw new ActionError(
      `Sandbox "${settings.sandbox}" is ${match.state}, not active: wait until it is active, then rerun.`
    )
  }
}

async function lookup({ settings, services }: RunContext): Promise<Connection[]> {
  const { name, specId } = settings.connection
  if (!settings.connectionId) return services.store.findConnectionsByName(name, specId)
  const connection = await services.store.getConnection(settings.connectionId)
  if (!connection) return []
  const stored = connection.connectionSpec?.id
  if (stored && stored !== specId) {
    throw new ActionError(
      `Connection ${connection.id} ("${connection.name}") belongs to connection spec ${stored}, not ${specId}: refusing to act on it. Check connection-id.`
    )
  }
  return [connection]
}

/** Picks the oldest of several same-named connections and says which others exist. */
function chooseExisting(ctx: RunContext, existing: Connection[]): Connection | undefined {
  const chosen = oldest(existing)
  if (!chosen) return undefined
  if (existing.length > 1) {
    const others = existing.filter((c) => c.id !== chosen.id).map((c) => c.id)
    warn(
      ctx,
      `${existing.length} connections are named "${ctx.settings.connection.name}" in sandbox "${ctx.settings.sandbox}"; using the oldest, ${chosen.id}. The others: ${others.join(', ')}`
    )
  }
  return chosen
}

/**
 * With `cleanup: created` a run uses nothing another run made: a connection under the name that
 * carries another run's marker, or none, fails the run before any write (contract: Shared
 * connections).
 */
function refuseAnotherRunsConnection(ctx: RunContext, existing: readonly Connection[]): void {
  const { settings } = ctx
  if (settings.cleanup !== 'created') return
  const [theirs] = anotherRunsConnections(settings.runMarker, existing)
  if (!theirs) return
  throw new ActionError(
    sharedNameProblem(
      { name: settings.connection.name, sandbox: settings.sandbox },
      theirs,
      'Nothing was written, and nothing will be deleted.'
    )
  )
}

/**
 * A connection an earlier attempt of this workflow run created, which this run goes on to use
 * with `cleanup: created`: its own, so its post step deletes it (the earlier attempt's post step
 * did not, or it would be gone).
 */
function adoptEarlierAttempts(ctx: RunContext, chosen: Connection): void {
  const { settings, services } = ctx
  if (settings.cleanup !== 'created' || settings.dryRun) return
  if (whoseConnection(settings.runMarker, chosen) !== 'earlier-attempt') return
  services.journal.made(chosen.id, chosen.createdAt)
  services.journal.settled(chosen.id)
  note(
    ctx,
    `The ${describeConnection(settings, chosen.id)} was created by an earlier attempt of this workflow run, so it counts as this run's: cleanup: created deletes it at the end of the job.`
  )
}

async function ensure(ctx: RunContext, existing: Connection[]): Promise<void> {
  const { settings, report } = ctx
  refuseAnotherRunsConnection(ctx, existing)
  const chosen = chooseExisting(ctx, existing)
  const action = ensureAction(existing.length, settings.onExisting)
  if (!chosen || action === 'create') return createAndSettle(ctx)
  recordConnection(report, chosen)
  if (action !== 'fail') adoptEarlierAttempts(ctx, chosen)
  if (action === 'fail') {
    throw new ActionError(
      `A ${describeConnection(settings, chosen.id)} already exists and on-existing is fail: use on-existing: repair, reuse or update, or another connection-name.`
    )
  }
  if (action === 'repair' && isDraft(chosen.state)) {
    note(
      ctx,
      `The existing ${describeConnection(settings, chosen.id)} is a draft (state ${chosen.state}), as Adobe's sandbox tooling imports one: repair publishes it once its credentials are written${settings.verify === 'none' ? '' : ' and verified'}.`
    )
  } else if (chosen.state && chosen.state !== 'enabled') {
    const draft = isDraft(chosen.state)
      ? ' (on-existing: repair writes the credentials of a draft and publishes it)'
      : ''
    warn(ctx, `The existing ${describeConnection(settings, chosen.id)} is ${chosen.state}, not enabled${draft}.`)
  }
  switch (action) {
    case 'reuse':
      recordResult(report, 'reused', 'on-existing is reuse and the connection exists')
      note(ctx, `Reusing the existing ${describeConnection(settings, chosen.id)}.`)
      return verifyOrFail(ctx, chosen.id, 'exists', 'rerun with on-existing: repair to replace its credentials')
    case 'repair':
      return repair(ctx, chosen)
    case 'update':
      return replaceCredentials(ctx, chosen, 'updated', 'on-existing is update')
  }
}

/**
 * Reuses a connection that is healthy (its params match and its verification passes); replaces
 * the credentials of one that is not. A healthy connection costs no Zoho call and no write. A
 * draft (api-notes.md §6.4) is published once its credentials are written and verified, or, when
 * its params match and its verification passes, without a write; with verify: none nothing
 * proves a draft's credentials (sandbox tooling copies none), so they are written first.
 */
async function repair(ctx: RunContext, chosen: Connection): Promise<void> {
  const { settings, services, report } = ctx
  const draft = isDraft(chosen.state)
  // This action last wrote these very values: a form that differs is how Adobe shows them (§5.1).
  const { expectedParams } = services.source
  const writtenAsWanted = chosen.description?.includes(writtenParamsTag(expectedParams)) ?? false
  let reason = paramDifference(chosen.params, expectedParams, writtenAsWanted)
  if (!reason && draft && settings.verify === 'none') {
    reason = `it is a draft, and with verify: none nothing proves the ${services.source.label} credentials it holds (sandbox tooling copies none)`
  }
  if (!reason) {
    const outcome = await services.runtime.log.group(`Verify ${chosen.id} (${settings.verify})`, () =>
      runVerification(ctx, chosen.id)
    )
    if (outcome.verified !== 'false') {
      if (draft) return publishHealthyDraft(ctx, chosen, outcome)
      recordResult(
        report,
        'reused',
        outcome.verified === 'true'
          ? `its params match the inputs and its verification (${settings.verify}) passed`
          : 'its params match the inputs (verify is none)'
      )
      note(ctx, `Reusing the existing ${describeConnection(settings, chosen.id)}: it is healthy.`)
      return finishVerification(ctx, chosen.id, outcome, 'exists', '')
    }
    if (outcome.gone) return finishVerification(ctx, chosen.id, outcome, 'exists', '')
    // What the failed verification showed stays in the outputs, dry run or not.
    recordVerified(ctx.report, outcome)
    reason = `its verification (${settings.verify}) failed: ${outcome.problem ?? 'no reason given'}`
  }
  return replaceCredentials(ctx, chosen, 'repaired', reason, draft)
}

/** A draft whose params match and whose verification passed: published, with no write of its credentials. */
async function publishHealthyDraft(ctx: RunContext, chosen: Connection, outcome: VerificationOutcome): Promise<void> {
  const { settings, report } = ctx
  finishVerification(ctx, chosen.id, outcome, 'exists', '')
  const why = `it is a draft whose params match the inputs and whose verification (${settings.verify}) passed`
  if (settings.dryRun) {
    recordResult(report, 'would-repair', `${why}: it would be published, with no write of its credentials`)
    note(ctx, `Dry run: would publish the draft ${chosen.id}, because ${why}.`)
    return
  }
  await publishDraft(ctx, chosen.id, 'passes its verification')
  recordResult(report, 'repaired', `${why}: published it, with no write of its credentials`)
  note(ctx, `Published the draft ${describeConnection(settings, chosen.id)}, because ${why}.`)
}

/**
 * Publishes a draft (`op=publish`, api-notes.md §6.4) and reads it back for its state. A refusal
 * fails with Adobe's reason, unless the connection is published already (a concurrent run, or a
 * repeat after a lost answer).
 */
async function publishDraft(ctx: RunContext, id: string, done: string): Promise<void> {
  const { settings, services, report } = ctx
  await services.runtime.log.group(`Publish ${id}`, async () => {
    try {
      const { etag } = await services.store.publishConnection(id)
      if (etag !== undefined) recordEtag(report, etag)
    } catch (error) {
      const now = await services.store.getConnection(id).catch(() => undefined)
      if (!now || isDraft(now.state)) {
        throw prefixFailure(
          error,
          `The ${describeConnection(settings, id)} ${done}, but Adobe refused to publish the draft, so it stays a draft (not enabled)`
        )
      }
      services.runtime.log.info(
        `Adobe refused to publish ${id}, which is ${now.state ?? 'no longer a draft'} now: published already.`
      )
    }
    try {
      const shown = await services.store.getConnection(id)
      if (shown) recordConnection(report, shown)
      services.runtime.log.info(`Published ${id}; Adobe shows it as ${shown?.state ?? 'unknown'}.`)
    } catch (error) {
      warn(ctx, `Published ${id}, but could not read it back to see its state: ${describeFailure(error)}`)
    }
  })
}

/** Replaces the credentials and description (`update`, and `repair` of an unhealthy one); a draft is then published. */
async function replaceCredentials(
  ctx: RunContext,
  chosen: Connection,
  result: 'updated' | 'repaired',
  reason: string,
  draft = false
): Promise<void> {
  const { settings, services, report } = ctx
  const verified = settings.verify === 'none' ? '' : ' and verified'
  if (settings.dryRun) {
    const publish = draft ? `; it is a draft, and would be published once its credentials are written${verified}` : ''
    recordResult(report, result === 'repaired' ? 'would-repair' : 'would-update', `${reason}${publish}`)
    note(
      ctx,
      `Dry run: would replace the credentials and description of ${chosen.id} (If-Match its etag)${draft ? ', then publish the draft' : ''}, because ${reason}.`
    )
    return
  }
  const title = result === 'repaired' ? `Repair ${chosen.id}` : `Update ${chosen.id}`
  await services.runtime.log.group(title, async () => {
    await update(ctx, chosen)
    recordResult(report, result, reason)
    note(
      ctx,
      `Replaced the credentials and description of the ${describeConnection(settings, chosen.id)}, because ${reason}.`
    )
  })
  const [outcome] = await Promise.all([
    services.runtime.log.group(`Verify ${chosen.id} (${settings.verify})`, () => runVerification(ctx, chosen.id)),
    readBack(ctx, chosen.id)
  ])
  const what = result === 'repaired' ? 'was repaired' : 'was updated'
  finishVerification(
    ctx,
    chosen.id,
    outcome,
    draft ? `${what} (it stays a draft: not published)` : what,
    services.source.advice.afterWrite
  )
  if (!draft) return
  await publishDraft(ctx, chosen.id, `has its credentials written${verified}`)
  recordResult(report, result, `${reason}; it was a draft: published once its credentials were written${verified}`)
  note(
    ctx,
    `Published the draft ${describeConnection(settings, chosen.id)} once its credentials were written${verified}.`
  )
}

/**
 * Reads a connection back after writing its params, and warns once for each param Adobe shows
 * in a form that still compares as different from what was written (api-notes.md §5.1). Later
 * runs know those values from the description's params tag, and do not write again because of
 * the form. Only a warning when it fails: the write itself is done.
 */
async function readBack(ctx: RunContext, id: string): Promise<void> {
  const { services } = ctx
  let shown: Connection | undefined
  try {
    shown = await services.store.getConnection(id)
  } catch (error) {
    warn(ctx, `Could not read ${id} back to see how Adobe shows the params just written: ${describeFailure(error)}`)
    return
  }
  for (const { expectation, shown: form } of differingParams(shown?.params, services.source.expectedParams)) {
    const notAForm = notExcusedBecause(expectation, form)
    const later = notAForm
      ? `that is ${notAForm}, so later runs will repair it again`
      : 'later runs with the same inputs will not repair it because of this form'
    warn(
      ctx,
      expectation.secret
        ? `Adobe shows param ${expectation.name}, just written from a secret input, in a form that still compares as different (values not shown); ${later}.`
        : `Adobe shows param ${expectation.name} as ${form} after this run wrote ${expectation.wanted}, and the two still compare as different; ${later}.`
    )
  }
}

/** Replaces `/auth/params` and the description with If-Match; a stale etag is re-read once. */
async function update(ctx: RunContext, connection: Connection): Promise<void> {
  const { settings, services, report } = ctx
  const { expectedParams } = services.source
  const params = await services.source.authParams()
  let etag = connection.etag
  let description = connection.description
  for (let attempt = 1; ; attempt++) {
    if (etag === undefined) {
      const current = await services.store.getConnection(connection.id)
      if (!current) {
        forgetConnection(report)
        throw new ActionError(
          `The ${describeConnection(settings, connection.id)} disappeared before it could be updated.`
        )
      }
      etag = current.etag ?? ''
      description = current.description
    }
    // Every run marker the description carries now is kept: the run that created it knows it by that.
    const patch: PatchInstruction[] = [
      { op: 'replace', path: '/auth/params', value: params },
      { op: 'replace', path: '/description', value: updatedDescription(settings, expectedParams, description) }
    ]
    try {
      const updated = await services.store.updateConnection(connection.id, etag, patch)
      if (updated.etag !== undefined) recordEtag(report, updated.etag)
      return
    } catch (error) {
      if (!(error instanceof StaleEtagError)) throw error
      if (attempt >= 2) {
        throw prefixFailure(
          error,
          `The ${describeConnection(settings, connection.id)} exists unchanged: someone else changed it twice during this run`
        )
      }
      services.runtime.log.info(`The etag of ${connection.id} changed meanwhile; reading it again and retrying once.`)
      etag = undefined
    }
  }
}

async function create(ctx: RunContext, existing: Connection[]): Promise<void> {
  refuseAnotherRunsConnection(ctx, existing)
  const chosen = oldest(existing)
  if (chosen) {
    recordConnection(ctx.report, chosen)
    throw new ActionError(
      `A ${describeConnection(ctx.settings, chosen.id)} already exists, and create mode never makes a second one: use mode: ensure to reuse it.`
    )
  }
  return createAndSettle(ctx)
}

async function check(ctx: RunContext, existing: Connection[]): Promise<void> {
  const { settings, report } = ctx
  const chosen = chooseExisting(ctx, existing)
  if (!chosen) {
    const what = settings.connectionId
      ? `connection ${settings.connectionId}`
      : `connection named "${settings.connection.name}"`
    throw new ActionError(
      `No ${what} exists in sandbox "${settings.sandbox}": run this action with mode: ensure first.`
    )
  }
  recordConnection(report, chosen)
  recordResult(report, 'found', 'the connection exists')
  note(ctx, `Found the ${describeConnection(settings, chosen.id)}, state ${chosen.state ?? 'unknown'}.`)
  if (chosen.state !== undefined && chosen.state !== 'enabled') {
    const fix = isDraft(chosen.state)
      ? ': it is a draft (as sandbox tooling imports one); run this action with mode: ensure (on-existing: repair) to write its credentials and publish it'
      : ''
    throw new ActionError(`The ${describeConnection(settings, chosen.id)} is ${chosen.state}, not enabled${fix}.`)
  }
  return verifyOrFail(ctx, chosen.id, 'exists', 'run this action with mode: ensure (on-existing: repair) to repair it')
}

/** Deletes every connection with the name (or the one id), and lists each id deleted. */
async function deleteByName(ctx: RunContext, existing: Connection[]): Promise<void> {
  const { settings, services, report } = ctx
  const chosen = oldest(existing)
  if (!chosen) {
    recordResult(report, 'absent', 'no such connection exists')
    note(ctx, `Nothing to delete: no such connection in sandbox "${settings.sandbox}".`)
    return
  }
  recordConnection(report, { id: chosen.id })
  const ids = [chosen, ...existing.filter((c) => c !== chosen)].map((c) => c.id)
  // Whatever `dataflows` says: a connection that dataflows use is never deleted, dry run or not.
  await refuseWhileInUse(ctx, ids)
  if (settings.dryRun) {
    recordResult(
      report,
      'would-delete',
      ids.length === 1
        ? `a connection named "${settings.connection.name}" exists`
        : `${ids.length} connections named "${settings.connection.name}" exist`
    )
    for (const id of ids) note(ctx, `Dry run: would delete ${id}.`)
    return
  }
  const outcomes = await services.runtime.log.group(`Delete ${ids.join(', ')}`, () =>
    Promise.allSettled(ids.map((id) => services.store.deleteConnection(id)))
  )
  const failed = outcomes.flatMap((outcome, i) =>
    outcome.status === 'rejected' ? [{ id: ids[i], reason: outcome.reason as unknown }] : []
  )
  ids.forEach((id, i) => {
    const outcome = outcomes[i]
    if (outcome?.status !== 'fulfilled' || outcome.value !== 'deleted') return
    recordDeleted(report, id)
    note(ctx, `Deleted ${id} in sandbox "${settings.sandbox}".`)
  })
  if (failed.length > 0) {
    const first = failed[0]
    const others =
      failed.length > 1
        ? ` (also not deleted: ${failed
            .slice(1)
            .map((f) => f.id)
            .join(', ')})`
        : ''
    if (first?.reason instanceof ConnectionInUseError) {
      // A dataflow created after the read, or one this credential cannot see.
      const told = await inUseFailure(ctx, first.id ?? '', first.reason)
      throw others ? told.retold(`${told.summary}${others}`) : told
    }
    throw prefixFailure(
      first?.reason,
      `Could not delete connection ${first?.id} in sandbox "${settings.sandbox}"${others}`
    )
  }
  const deleted = report.deletedIds.length
  // Gone before this run could delete it: no id is handed on.
  if (deleted === 0) forgetConnection(report)
  recordResult(
    report,
    deleted > 0 ? 'deleted' : 'absent',
    deleted > 0
      ? `deleted ${deleted} connection${deleted === 1 ? '' : 's'} named "${settings.connection.name}"`
      : 'it was already gone'
  )
}
