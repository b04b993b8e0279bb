import type { Connection, ConnectionSpec, CreateConnectionRequest, PatchInstruction } from './adobe/flow-service.ts'
import { CreateOutcomeUnknownError, StaleEtagError } from './adobe/flow-service.ts'
import type { Sandbox } from './adobe/sandboxes.ts'
import { authSpecProblem, ensureAction, oldest, raceWinner } from './decisions.ts'
import { ActionError, ServiceError } from './errors.ts'
import { retryDelayMs, type Clock } from './http.ts'
import type { Mode, OnExisting, Verify } from './inputs.ts'

export type Result =
  'created' | 'reused' | 'updated' | 'found' | 'deleted' | 'absent' | 'would-create' | 'would-update' | 'would-delete'

/** What is known so far; written as outputs and summary even when the run fails half-way. */
export interface Report {
  connectionId?: string
  etag?: string
  state?: string
  result?: Result
  created: boolean
  verified: 'true' | 'false' | 'skipped'
  /** Lines for the summary: what was done, what was seen. */
  readonly notes: string[]
}

export function newReport(): Report {
  return { created: false, verified: 'skipped', notes: [] }
}

/** The Flow Service calls the plan makes (FlowServiceClient in production). */
export interface ConnectionStore {
  getConnectionSpec(specId: string): Promise<ConnectionSpec | undefined>
  findConnectionsByName(name: string, specId: string): Promise<Connection[]>
  getConnection(id: string): Promise<Connection | undefined>
  createConnection(body: CreateConnectionRequest): Promise<{ id: string; etag: string | undefined }>
  updateConnection(id: string, etag: string, patch: readonly PatchInstruction[]): Promise<{ etag: string | undefined }>
  deleteConnection(id: string): Promise<'deleted' | 'absent'>
  testConnection(id: string): Promise<boolean>
  exploreRoot(id: string): Promise<number>
}

export interface PlanServices {
  readonly store: ConnectionStore
  readonly listSandboxes: () => Promise<Sandbox[] | undefined>
  /** The Zoho access token for the connection; refreshes at Zoho at most once, on first call. */
  readonly zohoAccessToken: () => Promise<string>
  readonly clock: Clock
  readonly random: () => number
  readonly log: { info(message: string): void; warning(message: string): void }
  /** Groups the log lines of one phase (core.group on the runner). */
  readonly phase: <T>(title: string, work: () => Promise<T>) => Promise<T>
}

export interface PlanSettings {
  readonly mode: Mode
  readonly sandbox: string
  readonly orgId: string
  readonly dryRun: boolean
  readonly onExisting: OnExisting
  readonly verify: Verify
  readonly name: string
  readonly connectionId: string | undefined
  readonly specId: string
  readonly authSpecName: string
  readonly maxAttempts: number
  /** The create body, and the values an update replaces, for a given Zoho access token. */
  readonly connectionBody: (zohoAccessToken: string) => Promise<CreateConnectionRequest>
}

export async function executePlan(settings: PlanSettings, services: PlanServices, report: Report): Promise<void> {
  const existing = await services.phase(`Look up "${settings.name}" in sandbox "${settings.sandbox}"`, () =>
    preflight(settings, services)
  )
  switch (settings.mode) {
    case 'ensure':
      return ensure(settings, services, report, existing)
    case 'create':
      return create(settings, services, report, existing)
    case 'check':
      return check(settings, services, report, existing)
    case 'delete':
      return remove(settings, services, report, existing)
  }
}

/**
 * The reads every mode starts with, sent together: the sandbox list, the connection spec and the
 * lookup. Failures are reported in the order that explains the most (an unknown sandbox first).
 */
async function preflight(settings: PlanSettings, services: PlanServices): Promise<Connection[]> {
  const { store } = services
  const [sandboxes, spec, existing] = await Promise.allSettled([
    services.listSandboxes(),
    store.getConnectionSpec(settings.specId),
    lookup(settings, store)
  ])
  if (sandboxes.status === 'rejected') throw sandboxes.reason
  if (sandboxes.value) {
    checkSandbox(settings, sandboxes.value)
    services.log.info(`Sandbox "${settings.sandbox}" is active`)
  } else {
    services.log.info('The credential may not list sandboxes; Flow Service checks the sandbox itself')
  }
  if (spec.status === 'rejected') throw spec.reason
  if (!spec.value) {
    throw new ActionError(
      `The Zoho CRM source (connection spec ${settings.specId}) is not available to org ${settings.orgId} in sandbox ` +
        `"${settings.sandbox}". Adobe announced the deprecation of the Zoho CRM source for the end of June 2025, so it ` +
        'may have been withdrawn; if you meant another source, check connection-spec-id.'
    )
  }
  const authSpecs = spec.value.authSpec?.map((auth) => auth.name)
  const problem = authSpecProblem(settings.authSpecName, authSpecs)
  if (problem) throw new ActionError(problem)
  services.log.info(
    `Connection spec ${settings.specId}${spec.value.name ? ` (${spec.value.name})` : ''} is available` +
      (authSpecs?.length ? `; auth specs: ${authSpecs.join(', ')}` : '')
  )
  if (existing.status === 'rejected') throw existing.reason
  const what = settings.connectionId ? `with id ${settings.connectionId}` : `named "${settings.name}"`
  services.log.info(`Found ${existing.value.length} connection${existing.value.length === 1 ? '' : 's'} ${what}`)
  return existing.value
}

function checkSandbox(settings: PlanSettings, sandboxes: readonly Sandbox[]): void {
  const match = sandboxes.find((sandbox) => sandbox.name === settings.sandbox)
  if (!match) {
    const names = sandboxes.map((sandbox) => sandbox.name).sort()
    throw new ActionError(
      `Sandbox "${settings.sandbox}" is not one of the sandboxes this credential can see in org ${settings.orgId}` +
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

async function lookup(settings: PlanSettings, store: ConnectionStore): Promise<Connection[]> {
  if (!settings.connectionId) return store.findConnectionsByName(settings.name, settings.specId)
  const connection = await store.getConnection(settings.connectionId)
  if (!connection) return []
  const specId = connection.connectionSpec?.id
  if (specId && specId !== settings.specId) {
    throw new ActionError(
      `Connection ${connection.id} ("${connection.name}") belongs to connection spec ${specId}, not ${settings.specId}: refusing to act on it. Check connection-id.`
    )
  }
  return [connection]
}

/** A line for the log and the summary. */
function note(services: PlanServices, report: Report, message: string): void {
  services.log.info(message)
  report.notes.push(message)
}

function describeConnection(settings: PlanSettings, id: string): string {
  return `connection "${settings.name}" (id ${id}) in sandbox "${settings.sandbox}"`
}

function record(report: Report, connection: Pick<Connection, 'id' | 'etag' | 'state'>): void {
  report.connectionId = connection.id
  if (connection.etag !== undefined) report.etag = connection.etag
  if (connection.state !== undefined) report.state = connection.state
}

/** Picks the oldest of several same-named connections and says which others exist. */
function chooseExisting(settings: PlanSettings, services: PlanServices, report: Report, existing: Connection[]) {
  const chosen = oldest(existing)
  if (!chosen) return undefined
  if (existing.length > 1) {
    const others = existing.filter((c) => c.id !== chosen.id).map((c) => c.id)
    const message = `${existing.length} connections are named "${settings.name}" in sandbox "${settings.sandbox}"; using the oldest, ${chosen.id}. The others: ${others.join(', ')}`
    services.log.warning(message)
    report.notes.push(message)
  }
  return chosen
}

async function ensure(settings: PlanSettings, services: PlanServices, report: Report, existing: Connection[]) {
  const chosen = chooseExisting(settings, services, report, existing)
  const action = ensureAction(existing.length, settings.onExisting)
  if (!chosen || action === 'create') return createAndSettle(settings, services, report)
  record(report, chosen)
  if (action === 'fail') {
    throw new ActionError(
      `A ${describeConnection(settings, chosen.id)} already exists and on-existing is fail: use on-existing: reuse or update, or another connection-name.`
    )
  }
  if (chosen.state && chosen.state !== 'enabled') {
    services.log.warning(`The existing ${describeConnection(settings, chosen.id)} is ${chosen.state}, not enabled.`)
  }
  if (action === 'reuse') {
    report.result = 'reused'
    note(services, report, `Reusing the existing ${describeConnection(settings, chosen.id)}.`)
    return verifyOrFail(settings, services, report, chosen.id, 'exists')
  }
  if (settings.dryRun) {
    report.result = 'would-update'
    note(
      services,
      report,
      `Dry run: would replace the credentials and description of ${chosen.id} (If-Match its etag).`
    )
    return
  }
  await services.phase(`Update ${chosen.id}`, async () => {
    await update(settings, services, report, chosen)
    report.result = 'updated'
    note(
      services,
      report,
      `Replaced the credentials and description of the ${describeConnection(settings, chosen.id)}.`
    )
  })
  return verifyOrFail(settings, services, report, chosen.id, 'was updated')
}

async function create(settings: PlanSettings, services: PlanServices, report: Report, existing: Connection[]) {
  const chosen = oldest(existing)
  if (chosen) {
    record(report, chosen)
    throw new ActionError(
      `A ${describeConnection(settings, chosen.id)} already exists, and create mode never makes a second one: use mode: ensure to reuse it.`
    )
  }
  return createAndSettle(settings, services, report)
}

/**
 * Creates, then settles a race: the verification and a fresh lookup go out together; when an
 * older twin exists (another run of a matrix got there first), this run's copy is deleted and the
 * older one adopted, so that every run ends on the same id.
 */
async function createAndSettle(settings: PlanSettings, services: PlanServices, report: Report): Promise<void> {
  if (settings.dryRun) {
    report.result = 'would-create'
    note(services, report, `Dry run: would create "${settings.name}" in sandbox "${settings.sandbox}".`)
    return
  }
  const created = await services.phase(`Create "${settings.name}"`, async () => {
    const body = await settings.connectionBody(await services.zohoAccessToken())
    const made = await createOnce(settings, services, body)
    report.connectionId = made.id
    if (made.etag !== undefined) report.etag = made.etag
    report.created = true
    report.result = 'created'
    note(services, report, `Created the ${describeConnection(settings, made.id)}.`)
    return made
  })

  const [verification, twins] = await services.phase(`Verify ${created.id} and look for a concurrent twin`, () =>
    Promise.allSettled([
      runVerification(settings, services, created.id),
      services.store.findConnectionsByName(settings.name, settings.specId)
    ])
  )
  if (twins.status === 'rejected') {
    throw withExisting(
      twins.reason,
      `The ${describeConnection(settings, created.id)} was created, but the check for a concurrent twin failed`
    )
  }
  const { winner, oursLost } = raceWinner({ id: created.id, name: settings.name }, twins.value)
  if (!oursLost) {
    record(report, winner)
    if (verification.status === 'rejected') throw verification.reason
    return finishVerification(settings, report, created.id, verification.value, 'was created')
  }

  await services.store.deleteConnection(created.id).catch((error: unknown) => {
    throw withExisting(
      error,
      `Another run created "${settings.name}" first (id ${winner.id}), and deleting this run's copy ${created.id} failed, so both exist in sandbox "${settings.sandbox}"`
    )
  })
  const message = `Another run created "${settings.name}" first (id ${winner.id}); deleted this run's copy ${created.id}`
  note(services, report, message)
  report.created = false
  record(report, winner)
  if (settings.mode === 'create') {
    delete report.result
    throw new ActionError(
      `${message}. create mode fails when the name exists: the ${describeConnection(settings, winner.id)} is the one that remains.`
    )
  }
  report.result = 'reused'
  return verifyOrFail(settings, services, report, winner.id, 'exists')
}

/**
 * Sends the create once. When its outcome is unknown, looks up the name before anything else:
 * what the first attempt made is adopted, and only a proven absence allows another attempt.
 */
async function createOnce(settings: PlanSettings, services: PlanServices, body: CreateConnectionRequest) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await services.store.createConnection(body)
    } catch (error) {
      if (!(error instanceof CreateOutcomeUnknownError)) throw error
      services.log.warning(
        `The create's outcome is unknown (${error.message}); looking for it by name before anything else.`
      )
      const found = oldest(await services.store.findConnectionsByName(settings.name, settings.specId))
      if (found) {
        services.log.info(`The first attempt did create it: adopting ${found.id}.`)
        return { id: found.id, etag: found.etag }
      }
      if (attempt >= settings.maxAttempts) {
        throw new ActionError(
          `Creating "${settings.name}" failed ${attempt} times with an unknown outcome (last: ${error.message}); a lookup afterwards found no such connection in sandbox "${settings.sandbox}", so nothing was left behind.`
        )
      }
      await services.clock.sleep(retryDelayMs(attempt, undefined, services.clock.now(), services.random))
    }
  }
}

/** Replaces `/auth/params` and the description with If-Match; a stale etag is re-read once. */
async function update(settings: PlanSettings, services: PlanServices, report: Report, connection: Connection) {
  const body = await settings.connectionBody(await services.zohoAccessToken())
  const patch: PatchInstruction[] = [
    { op: 'replace', path: '/auth/params', value: body.auth.params },
    { op: 'replace', path: '/description', value: body.description }
  ]
  let etag = connection.etag
  for (let attempt = 1; ; attempt++) {
    if (etag === undefined) {
      const current = await services.store.getConnection(connection.id)
      if (!current)
        throw new ActionError(
          `The ${describeConnection(settings, connection.id)} disappeared before it could be updated.`
        )
      etag = current.etag ?? ''
    }
    try {
      const updated = await services.store.updateConnection(connection.id, etag, patch)
      if (updated.etag !== undefined) report.etag = updated.etag
      return
    } catch (error) {
      if (!(error instanceof StaleEtagError)) throw error
      if (attempt >= 2) {
        throw withExisting(
          error,
          `The ${describeConnection(settings, connection.id)} exists unchanged: someone else changed it twice during this run`
        )
      }
      services.log.info(`The etag of ${connection.id} changed meanwhile; reading it again and retrying once.`)
      etag = undefined
    }
  }
}

async function check(settings: PlanSettings, services: PlanServices, report: Report, existing: Connection[]) {
  const chosen = chooseExisting(settings, services, report, existing)
  if (!chosen) {
    const what = settings.connectionId ? `connection ${settings.connectionId}` : `connection named "${settings.name}"`
    throw new ActionError(
      `No ${what} exists in sandbox "${settings.sandbox}": run this action with mode: ensure first.`
    )
  }
  record(report, chosen)
  report.result = 'found'
  note(services, report, `Found the ${describeConnection(settings, chosen.id)}, state ${chosen.state ?? 'unknown'}.`)
  if (chosen.state !== undefined && chosen.state !== 'enabled') {
    throw new ActionError(`The ${describeConnection(settings, chosen.id)} is ${chosen.state}, not enabled.`)
  }
  return verifyOrFail(settings, services, report, chosen.id, 'exists')
}

async function remove(settings: PlanSettings, services: PlanServices, report: Report, existing: Connection[]) {
  const chosen = oldest(existing)
  if (!chosen) {
    report.result = 'absent'
    note(services, report, `Nothing to delete: no such connection in sandbox "${settings.sandbox}".`)
    return
  }
  report.connectionId = chosen.id
  const ids = existing.map((c) => c.id)
  if (settings.dryRun) {
    report.result = 'would-delete'
    note(services, report, `Dry run: would delete ${ids.join(', ')}.`)
    return
  }
  const outcomes = await services.phase(`Delete ${ids.join(', ')}`, () =>
    Promise.allSettled(ids.map((id) => services.store.deleteConnection(id)))
  )
  const failed = outcomes.flatMap((outcome, i) =>
    outcome.status === 'rejected' ? [{ id: ids[i], reason: outcome.reason as unknown }] : []
  )
  const deleted = ids.filter((_, i) => outcomes[i]?.status === 'fulfilled' && outcomes[i].value === 'deleted')
  if (deleted.length > 0) note(services, report, `Deleted ${deleted.join(', ')} in sandbox "${settings.sandbox}".`)
  if (failed.length > 0) {
    const first = failed[0]
    throw withExisting(first?.reason, `Could not delete connection ${first?.id} in sandbox "${settings.sandbox}"`)
  }
  report.result = deleted.length > 0 ? 'deleted' : 'absent'
}

/** `gone`: the connection was deleted meanwhile (a concurrent teardown). */
type VerificationOutcome = { verified: 'true' | 'false' | 'skipped'; problem?: string; gone?: boolean }

async function runVerification(
  settings: PlanSettings,
  services: PlanServices,
  id: string
): Promise<VerificationOutcome> {
  const outcome = await verificationOutcome(settings, services, id)
  if (outcome.verified !== 'skipped') {
    services.log.info(
      `Verification (${settings.verify}) of ${id}: ${outcome.verified === 'true' ? 'passed' : 'failed'}`
    )
  }
  return outcome
}

async function verificationOutcome(
  settings: PlanSettings,
  services: PlanServices,
  id: string
): Promise<VerificationOutcome> {
  try {
    if (settings.verify === 'none') return { verified: 'skipped' }
    if (settings.verify === 'test') {
      return (await services.store.testConnection(id))
        ? { verified: 'true' }
        : { verified: 'false', problem: 'its test (GET /connections/{id}/test) answered result: false' }
    }
    const tables = await services.store.exploreRoot(id)
    return tables > 0
      ? { verified: 'true' }
      : { verified: 'false', problem: 'exploring it (objectType=root) listed no tables' }
  } catch (error) {
    if (error instanceof ServiceError && error.status === 404) return { verified: 'false', gone: true }
    if (error instanceof ActionError) return { verified: 'false', problem: error.message }
    throw error
  }
}

async function verifyOrFail(settings: PlanSettings, services: PlanServices, report: Report, id: string, what: string) {
  const outcome = await services.phase(`Verify ${id} (${settings.verify})`, () =>
    runVerification(settings, services, id)
  )
  return finishVerification(settings, report, id, outcome, what)
}

function finishVerification(
  settings: PlanSettings,
  report: Report,
  id: string,
  outcome: VerificationOutcome,
  what: string
): void {
  report.verified = outcome.verified
  if (outcome.verified === 'true') report.notes.push(`Verified with ${settings.verify}.`)
  if (outcome.gone) {
    // What the outputs named no longer exists: hand nothing on to later jobs.
    delete report.connectionId
    delete report.etag
    delete report.state
    throw new ActionError(
      `The ${describeConnection(settings, id)} ${what}, but was deleted before it could be verified (by a concurrent run or by hand): nothing named "${settings.name}" is left; rerun to create it again.`
    )
  }
  if (outcome.verified === 'false') {
    throw new ActionError(
      `The ${describeConnection(settings, id)} ${what}, but its verification failed: ${outcome.problem}. ` +
        'Check the Zoho credentials and data centre, then rerun with on-existing: update.'
    )
  }
}

/** Prefixes a failure with what exists, keeping Adobe's request id. */
function withExisting(error: unknown, prefix: string): Error {
  if (error instanceof ServiceError) {
    return new ServiceError(`${prefix}: ${error.message.replace(/ \(Adobe request id [^)]*\)$/, '')}`, error)
  }
  if (error instanceof Error) return new ActionError(`${prefix}: ${error.message}`)
  return new ActionError(prefix)
}
