/**
 * The fault matrix: every route the action calls × every fault, each cell with its expected
 * outcome. Success means exactly the connections the mode should leave; failure means one clear
 * error line and nothing duplicated or half-made. A fault is retried when the route's kind of
 * request retries it (RETRY_POLICIES); others are not. `wiring/fault-matrix.test.ts` runs every
 * cell in-process; `e2e/faults-on-every-route.test.ts` runs one cell per fault class through the
 * bundle, which between them cover every route.
 */
import { expect } from 'vitest'
import { BACKOFF_CAP_MS } from '../../src/http.ts'
import { RETRY_POLICIES, retriesAnswer, retriesFailure, type RequestKind } from '../../src/retry-policy.ts'
import type { Emulator, Fault, Route, StoredConnection } from '../emulator/emulator.ts'
import { NO_ZOHO, type EmulatorContext } from './fixtures.ts'
import type { ActionRun } from './run-action.ts'

const NAME = 'Zoho CRM base connection'

interface Scenario {
  readonly inputs: Record<string, string>
  readonly seed: boolean
  readonly result: string
  /** Connections left in the sandbox by a successful run. */
  readonly leaves: number
  /** What the route needs beside the seeded connection: its dataflows, or a draft. */
  readonly prepare?: (emulator: Emulator, seeded: StoredConnection) => void
}

/** A gate that lists the dataflows of the seeded connection. */
const LISTS_DATAFLOWS = { ...NO_ZOHO, mode: 'check', dataflows: 'list' }

const ENSURE_CREATES: Scenario = { inputs: {}, seed: false, result: 'created', leaves: 1 }
/**
 * Every route of a Zoho CRM run. The token endpoints of the other sources (HubSpot's, a Generic
 * REST token URL) share the `token-refresh` policy with Zoho's; their faults are proven in
 * `wiring/sources-prove-before-writing.test.ts`.
 */
export const SCENARIOS: Record<Exclude<Route, 'hubspot.token' | 'oauth.token'>, Scenario> = {
  'ims.token': ENSURE_CREATES,
  'sandboxes.list': ENSURE_CREATES,
  'spec.get': ENSURE_CREATES,
  'connections.list': ENSURE_CREATES,
  'zoho.token': ENSURE_CREATES,
  'connections.create': ENSURE_CREATES,
  'connections.test': ENSURE_CREATES,
  'connections.patch': { inputs: { 'on-existing': 'update' }, seed: true, result: 'updated', leaves: 1 },
  'connections.get': { inputs: { ...NO_ZOHO, mode: 'check' }, seed: true, result: 'found', leaves: 1 },
  'connections.delete': { inputs: { ...NO_ZOHO, mode: 'delete' }, seed: true, result: 'deleted', leaves: 0 },
  'connections.explore': {
    inputs: { ...NO_ZOHO, mode: 'check', verify: 'explore' },
    seed: true,
    result: 'found',
    leaves: 1
  },
  'sourceConnections.list': { inputs: LISTS_DATAFLOWS, seed: true, result: 'found', leaves: 1 },
  'flows.list': {
    inputs: LISTS_DATAFLOWS,
    seed: true,
    result: 'found',
    leaves: 1,
    prepare: (emulator, seeded) => emulator.pipeline.seedDataflow('dev', seeded.id, { runs: ['success'] })
  },
  // A dataflow that never ran shows no last run, so its runs are read.
  'runs.list': {
    inputs: LISTS_DATAFLOWS,
    seed: true,
    result: 'found',
    leaves: 1,
    prepare: (emulator, seeded) => emulator.pipeline.seedDataflow('dev', seeded.id)
  },
  // A draft imported without credentials: repaired, then published.
  'connections.publish': {
    inputs: {},
    seed: true,
    result: 'repaired',
    leaves: 1,
    prepare: (_emulator, seeded) => {
      seeded.state = 'draft'
      seeded.auth.params = {}
    }
  }
}

/**
 * `retried`: the fault was retried and the run succeeded. `resent`: a create of unknown outcome
 * was looked up, found absent and sent again. `adopted`: a create that was applied before the
 * fault was found by the lookup and adopted, never sent again. `tolerated`: answered once, not
 * retried, and the run still succeeded. `absent`: a delete told 404, which is success.
 * `fails`: one clear error line, not retried. `spent`: a Zoho refresh that may have reached Zoho,
 * not sent again, failing with the sentence that a Zoho token may have been spent. `renewed`: a
 * gateway 401, after which one new IMS token was minted and the request sent once more.
 */
type Expected = 'retried' | 'fails' | 'resent' | 'adopted' | 'tolerated' | 'absent' | 'spent' | 'renewed'

interface FaultCase {
  readonly name: string
  readonly fault: () => Fault
  readonly expected: (route: Route) => Expected | 'skip'
}

const WRITES: ReadonlySet<Route> = new Set(['connections.patch', 'connections.delete', 'connections.publish'])
/** The kind of request each route is: its entry in RETRY_POLICIES decides which faults are sent again. */
const KIND_OF = (route: Route): RequestKind =>
  route === 'connections.create' ? 'create' : route === 'zoho.token' ? 'token-refresh' : 'read'
/**
 * A fault the route's kind does not send again: a create of unknown outcome is looked up, then sent
 * again; a Zoho refresh that may have reached Zoho says a token may have been spent; a read fails.
 */
const NOT_SENT_AGAIN: Record<RequestKind, Expected> = { read: 'fails', create: 'resent', 'token-refresh': 'spent' }
/** An answer with this status (whatever its body): retried when the route's kind lists the status. */
const answered =
  (status: number) =>
  (route: Route): Expected =>
    retriesAnswer(RETRY_POLICIES[KIND_OF(route)], status) ? 'retried' : NOT_SENT_AGAIN[KIND_OF(route)]
/** A reset or a hang: the request may have reached the server. */
const mayHaveReached = (route: Route): Expected =>
  retriesFailure(RETRY_POLICIES[KIND_OF(route)], { maybeApplied: true }) ? 'retried' : NOT_SENT_AGAIN[KIND_OF(route)]
/** A 200 whose body cannot be read: a failure, except for the create (outcome unknown, looked up). */
const unreadable = (route: Route): Expected | 'skip' =>
  route === 'connections.create'
    ? 'resent'
    : route === 'connections.delete'
      ? 'skip'
      : // A publish answered 200 is done, whatever its body: the connection is read back for its state.
        route === 'connections.publish'
        ? 'tolerated'
        : 'fails'

export const FAULTS: FaultCase[] = [
  {
    name: '429 with Retry-After in seconds',
    fault: () => ({ kind: 'status', status: 429, headers: { 'retry-after': '1' } }),
    expected: answered(429)
  },
  {
    name: '429 with Retry-After as an HTTP date',
    fault: () => ({
      kind: 'status',
      status: 429,
      headers: { 'retry-after': new Date(Date.now() + 1500).toUTCString() }
    }),
    expected: answered(429)
  },
  { name: 'HTTP 500', fault: () => ({ kind: 'status', status: 500 }), expected: answered(500) },
  { name: 'HTTP 502', fault: () => ({ kind: 'status', status: 502 }), expected: answered(502) },
  { name: 'HTTP 503', fault: () => ({ kind: 'status', status: 503 }), expected: answered(503) },
  { name: 'HTTP 504', fault: () => ({ kind: 'status', status: 504 }), expected: answered(504) },
  { name: 'connection reset', fault: () => ({ kind: 'reset' }), expected: mayHaveReached },
  { name: 'hang past request-timeout', fault: () => ({ kind: 'hang' }), expected: mayHaveReached },
  { name: 'an HTML error page (502)', fault: () => ({ kind: 'html', status: 502 }), expected: answered(502) },
  { name: 'an empty body (503)', fault: () => ({ kind: 'empty', status: 503 }), expected: answered(503) },
  { name: 'malformed JSON (200)', fault: () => ({ kind: 'bad-json' }), expected: unreadable },
  { name: 'an empty body (200)', fault: () => ({ kind: 'empty', status: 200 }), expected: unreadable },
  { name: 'HTTP 400 (never retried)', fault: () => ({ kind: 'status', status: 400 }), expected: () => 'fails' },
  {
    name: 'HTTP 401 (a new IMS token, once)',
    fault: () => ({ kind: 'status', status: 401, body: { error_code: '401013', message: 'Oauth token is not valid' } }),
    // Platform's gateway refusing the token: the run mints one new token and tries once more.
    expected: (route) => (route === 'ims.token' || route === 'zoho.token' ? 'fails' : 'renewed')
  },
  {
    name: 'HTTP 404 (never retried)',
    fault: () => ({ kind: 'status', status: 404 }),
    expected: (route) => (route === 'connections.delete' ? 'absent' : 'fails')
  },
  {
    name: 'applied, then HTTP 500',
    fault: () => ({ kind: 'commit-then-fail', status: 500 }),
    expected: (route) => (route === 'connections.create' ? 'adopted' : WRITES.has(route) ? 'retried' : 'skip')
  },
  {
    name: 'applied, then the socket dropped',
    fault: () => ({ kind: 'commit-then-fail', reset: true }),
    expected: (route) => (route === 'connections.create' ? 'adopted' : WRITES.has(route) ? 'retried' : 'skip')
  },
  {
    name: 'HTTP 403 (never retried)',
    fault: () => ({ kind: 'status', status: 403 }),
    // A credential that may not list sandboxes falls back to Flow Service's own sandbox check.
    expected: (route) => (route === 'sandboxes.list' ? 'tolerated' : 'fails')
  }
]

const REQUEST_TIMEOUT_S = 1
const MAX_ATTEMPTS = 3
const SETTLE_TIMEOUT_S = 1

/** Every route the action calls × every fault that applies to it. */
export const matrix = Object.entries(SCENARIOS).flatMap(([route, scenario]) =>
  FAULTS.flatMap((fault) => {
    const expected = fault.expected(route as Route)
    return expected === 'skip' ? [] : [{ route: route as Route, scenario, fault, expected }]
  })
)
export const ROUTES = [...new Set(matrix.map((cell) => cell.route))]

/**
 * The cells run through the bundle: one per fault class, each on the next route in turn, so that
 * between them they cover every route too. Every cell runs in-process.
 */
export const BUNDLE_CELLS = FAULTS.map((fault, n) => {
  const onRoutes = matrix.filter((cell) => cell.fault === fault)
  return onRoutes.find((cell) => cell.route === ROUTES[n % ROUTES.length]) ?? onRoutes[n % onRoutes.length]!
})

export type Cell = (typeof matrix)[number]

export const cellTitle = (cell: Cell) => `${cell.route} × ${cell.fault.name}: ${cell.expected}`

/** Runs one cell against the context's own emulator, in-process or through the bundle, and checks its outcome. */
export async function runCell(
  { route, scenario, fault, expected }: Cell,
  ctx: EmulatorContext,
  through: 'bundle' | 'in-process'
): Promise<void> {
  const { emulator } = ctx
  const seeded = scenario.seed ? emulator.seedConnection('dev', { name: NAME }) : undefined
  const overrides: Record<string, string> = {
    ...scenario.inputs,
    'request-timeout': String(REQUEST_TIMEOUT_S),
    'max-attempts': String(MAX_ATTEMPTS),
    // A create of unknown outcome is re-sent only after a whole settle time showed nothing.
    'settle-timeout': String(SETTLE_TIMEOUT_S)
  }
  if (route === 'connections.get' && seeded) overrides['connection-id'] = seeded.id
  if (seeded) scenario.prepare?.(emulator, seeded)
  emulator.inject(route, fault.fault())
  const run: ActionRun = through === 'bundle' ? await ctx.run(overrides) : await ctx.runInProcess(overrides)

  const left = emulator.connectionsIn('dev')
  const hits = emulator.requests(route)
  expect(left.length).toBeLessThanOrEqual(1)
  expect(run.durationMs).toBeLessThan(MAX_ATTEMPTS * (REQUEST_TIMEOUT_S * 1000 + BACKOFF_CAP_MS))
  expect(hits[0]?.fault).toBe(fault.fault().kind)
  if (expected === 'fails' || expected === 'spent') {
    expect(run.exitCode).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/\n\s+at /)
    // Not retried: the faulty answer was the last word.
    expect(hits).toHaveLength(1)
    if (scenario.seed) expect(left).toHaveLength(1)
    if (left.length === 1 && !scenario.seed) expect(run.errors[0]).toContain(left[0]!.id)
    if (expected === 'spent') {
      expect(run.errors[0]).toContain(
        'one of the 10 access tokens Zoho issues per refresh token per 10 minutes may have been spent'
      )
      expect(emulator.writes()).toEqual([])
    }
  } else if (expected === 'absent') {
    expect(run.exitCode).toBe(0)
    expect(run.outputs['result']).toBe('absent')
    expect(hits).toHaveLength(1)
  } else {
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.outputs['result']).toBe(scenario.result)
    expect(left).toHaveLength(scenario.leaves)
    if (scenario.leaves === 1) expect(run.outputs['connection-id']).toBe(left[0]?.id)
    expect(hits.length).toBeGreaterThanOrEqual(expected === 'tolerated' || expected === 'adopted' ? 1 : 2)
    if (expected === 'tolerated') expect(hits).toHaveLength(1)
    if (expected === 'resent') expect(emulator.requests('connections.create')).toHaveLength(2)
    if (expected === 'adopted') expect(emulator.requests('connections.create')).toHaveLength(1)
    if (expected === 'renewed') {
      // Sent once more, with the one new token minted after the 401.
      expect(hits[1]?.headers['authorization']).not.toBe(hits[0]?.headers['authorization'])
      expect(emulator.requests('ims.token')).toHaveLength(2)
    }
  }
}
