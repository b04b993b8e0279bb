/**
 * An in-memory Flow Service for in-process tests of the plan, on a virtual clock: waits advance
 * time at once, so settling, lags and late commits cost no real time. Faithful to what the plan
 * relies on: list results trail writes by `listLagMs`, reads by id are consistent, a create can
 * answer "unknown" while committing later, PATCH checks If-Match.
 */
import type { Connection, CreateConnectionRequest, ListedTable, PatchInstruction } from '../../src/plan/store.ts'
import { CreateOutcomeUnknownError, StaleEtagError } from '../../src/plan/store.ts'
import { CancelledError } from '../../src/cancellation.ts'
import { ActionError, ServiceError } from '../../src/errors.ts'
import { newReport, type Report } from '../../src/report/report.ts'
import { readCreateRecord, type CreateRecord } from '../../src/runner/create-record.ts'
import type { PlanServices, PlanSettings, RunContext } from '../../src/plan/run-context.ts'
import type { ConnectionSource } from '../../src/plan/source.ts'
import type { ConnectionStore } from '../../src/plan/store.ts'
import { ConnectionInUseError, type Dataflow, type DataflowReader } from '../../src/plan/pipeline.ts'
import { StateJournal } from '../../src/runner/state-journal.ts'
import { ZOHO_CRM_ADVICE, zohoAccountsUrlParam, zohoEndpointParam } from '../../src/sources/zoho-crm.ts'

export interface StoredItem {
  id: string
  name: string
  description: string
  etag: string
  createdAt: number
  listedAt: number
  params: Record<string, string>
  secretsWork: boolean
  /** As Adobe shows it; `enabled` when not set. */
  state?: string
}

/** What the next create does: `unknown` answers an unknown outcome and commits `after` ms later. */
export type CreateBehaviour =
  | { kind: 'ok' }
  | { kind: 'unknown'; commitAfterMs?: number }
  | { kind: 'refused' }
  /** The step was cancelled before the create left (`sent: false`) or while it was in flight. */
  | { kind: 'cancelled'; sent: boolean }

/**
 * Time that moves only when every run is waiting on it: a wait is a timer, and once nothing else
 * is left to do (the store answers at once, so a pending macrotask means every run sleeps), the
 * clock jumps to the earliest timer and wakes the runs due then. Runs racing on one clock thus
 * wake in the order of their deadlines, as they would in real time.
 */
export class VirtualClock {
  time = 1_000_000
  #timers: { at: number; wake: () => void }[] = []
  #scheduled = false

  now = (): number => this.time

  sleep = (ms: number): Promise<void> =>
    new Promise((wake) => {
      this.#timers.push({ at: this.time + ms, wake })
      this.#schedule()
    })

  #schedule(): void {
    if (this.#scheduled) return
    this.#scheduled = true
    setImmediate(() => {
      this.#scheduled = false
      const next = Math.min(...this.#timers.map((timer) => timer.at))
      const due = this.#timers.filter((timer) => timer.at === next)
      this.#timers = this.#timers.filter((timer) => timer.at !== next)
      this.time = Math.max(this.time, next)
      for (const timer of due) timer.wake()
      if (this.#timers.length > 0) this.#schedule()
    })
  }
}

export class MemoryStore implements ConnectionStore {
  readonly items = new Map<string, StoredItem>()
  readonly calls: string[] = []
  readonly creates: CreateBehaviour[] = []
  readonly failDeletes = new Set<string>()
  /** Ids Adobe refuses to delete because dataflows use them (FLOW 1418-400). */
  readonly inUse = new Set<string>()
  /** When set, every publish fails with it. */
  publishFailure: Error | undefined
  /** When set, every test call fails with it (an outage, a rate limit). */
  testFailure: Error | undefined
  listLagMs = 0
  tables = ['Leads', 'Contacts']
  #pending: { at: number; item: StoredItem }[] = []
  #counter = 0

  readonly clock: VirtualClock

  constructor(clock: VirtualClock) {
    this.clock = clock
  }

  seed(fields: Partial<StoredItem> & { name: string }): StoredItem {
    const item: StoredItem = {
      id: `seeded-${++this.#counter}`,
      description: '',
      etag: `"e${this.#counter}"`,
      createdAt: this.clock.now() - 60_000,
      listedAt: 0,
      params: { endpoint: 'https://www.zohoapis.eu', accountsUrl: 'https://accounts.zoho.eu' },
      secretsWork: true,
      ...fields
    }
    this.items.set(item.id, item)
    return item
  }

  /** A connection another run created `ageMs` ago, listed only once the lag has passed. */
  seedRecent(name: string, ageMs: number, description = 'x [aep-run:other]'): StoredItem {
    const createdAt = this.clock.now() - ageMs
    return this.seed({ name, description, createdAt, listedAt: createdAt + this.listLagMs })
  }

  #land(): void {
    const due = this.#pending.filter((p) => p.at <= this.clock.now())
    this.#pending = this.#pending.filter((p) => p.at > this.clock.now())
    for (const { at, item } of due) {
      item.createdAt = at
      item.listedAt = at + this.listLagMs
      this.items.set(item.id, item)
    }
  }

  /** Lands every late commit, whatever the time: what is left once the dust settles. */
  settled(): StoredItem[] {
    for (const p of this.#pending) this.items.set(p.item.id, { ...p.item, createdAt: p.at, listedAt: p.at })
    this.#pending = []
    return [...this.items.values()]
  }

  #view(item: StoredItem): Connection {
    return {
      id: item.id,
      name: item.name,
      description: item.description,
      state: item.state ?? 'enabled',
      etag: item.etag,
      createdAt: item.createdAt,
      connectionSpec: { id: 'spec' },
      params: item.params
    }
  }

  getConnectionSpec(): Promise<{ id: string }> {
    this.calls.push('spec')
    return Promise.resolve({ id: 'spec' })
  }

  findConnectionsByName(name: string): Promise<Connection[]> {
    this.#land()
    this.calls.push('list')
    const now = this.clock.now()
    return Promise.resolve(
      [...this.items.values()].filter((i) => i.name === name && i.listedAt <= now).map((i) => this.#view(i))
    )
  }

  getConnection(id: string): Promise<Connection | undefined> {
    this.#land()
    this.calls.push('get')
    const item = this.items.get(id)
    return Promise.resolve(item && this.#view(item))
  }

  createConnection(body: CreateConnectionRequest): Promise<{ id: string; etag: string | undefined }> {
    this.calls.push('create')
    const behaviour = this.creates.shift() ?? { kind: 'ok' }
    if (behaviour.kind === 'refused') return Promise.reject(new ActionError('create refused: HTTP 400'))
    if (behaviour.kind === 'cancelled') {
      return Promise.reject(new CancelledError('SIGINT', 'create the connection', behaviour.sent))
    }
    const item: StoredItem = {
      id: `made-${++this.#counter}`,
      name: body.name,
      description: body.description,
      etag: `"e${this.#counter}"`,
      createdAt: this.clock.now(),
      listedAt: this.clock.now() + this.listLagMs,
      params: {
        endpoint: textOf(body.auth.params['endpoint']),
        accountsUrl: textOf(body.auth.params['accountsUrl'])
      },
      secretsWork: true
    }
    if (behaviour.kind === 'ok') {
      this.items.set(item.id, item)
      return Promise.resolve({ id: item.id, etag: item.etag })
    }
    if (behaviour.commitAfterMs !== undefined)
      this.#pending.push({ at: this.clock.now() + behaviour.commitAfterMs, item })
    return Promise.reject(new CreateOutcomeUnknownError('create the connection failed: HTTP 504'))
  }

  updateConnection(
    id: string,
    etag: string,
    patch: readonly PatchInstruction[]
  ): Promise<{ etag: string | undefined }> {
    this.calls.push('patch')
    const item = this.items.get(id)
    if (!item) return Promise.reject(new ServiceError('not found', { status: 404 }))
    if (item.etag !== etag) return Promise.reject(new StaleEtagError('update the connection failed: HTTP 412'))
    for (const op of patch) {
      if (op.path === '/auth/params') {
        const value = op.value as Record<string, string>
        item.params = { endpoint: value['endpoint'] ?? '', accountsUrl: value['accountsUrl'] ?? '' }
        item.secretsWork = true
      }
      if (op.path === '/description') item.description = String(op.value)
    }
    item.etag = `"e${++this.#counter}"`
    return Promise.resolve({ etag: item.etag })
  }

  deleteConnection(id: string): Promise<'deleted' | 'absent'> {
    this.calls.push(`delete ${id}`)
    if (this.failDeletes.has(id)) return Promise.reject(new ActionError(`delete the connection failed: HTTP 400`))
    if (this.inUse.has(id)) {
      const refusal = new ServiceError('refused to delete the connection: HTTP 400 (1418-400)', { code: '1418-400' })
      return Promise.reject(new ConnectionInUseError(refusal))
    }
    return Promise.resolve(this.items.delete(id) ? 'deleted' : 'absent')
  }

  publishConnection(id: string): Promise<{ etag: string | undefined }> {
    this.calls.push(`publish ${id}`)
    if (this.publishFailure) return Promise.reject(this.publishFailure)
    const item = this.items.get(id)
    if (!item) return Promise.reject(new ServiceError('not found', { status: 404 }))
    item.state = 'enabled'
    item.etag = `"e${++this.#counter}"`
    return Promise.resolve({ etag: item.etag })
  }

  testConnection(id: string): Promise<boolean> {
    this.calls.push('test')
    if (this.testFailure) return Promise.reject(this.testFailure)
    const item = this.items.get(id)
    if (!item) return Promise.reject(new ServiceError('not found', { status: 404 }))
    return Promise.resolve(item.secretsWork)
  }

  exploreRoot(id: string): Promise<ListedTable[]> {
    this.calls.push('explore')
    return this.items.has(id)
      ? Promise.resolve(this.tables.map((name) => ({ name, path: name })))
      : Promise.reject(new ServiceError('gone', { status: 404 }))
  }
}

/** The dataflows that use each connection, for the plan's tests; reads are logged in the store's calls. */
export class MemoryDataflows implements DataflowReader {
  readonly byConnection = new Map<string, Dataflow[]>()
  /** When set, every read fails with it (a forbidden read, an outage). */
  failure: Error | undefined
  readonly #store: MemoryStore

  constructor(store: MemoryStore) {
    this.#store = store
  }

  /** `count` dataflows on connection `id`, with the fields given (ids `flow-<id>-<n>`). */
  seed(id: string, ...dataflows: Partial<Dataflow>[]): Dataflow[] {
    const made = dataflows.map((fields, n) => ({
      id: `flow-${id}-${n + 1}`,
      name: `Dataflow ${n + 1}`,
      state: 'enabled',
      lastRun: 'success' as const,
      ...fields
    }))
    this.byConnection.set(id, [...(this.byConnection.get(id) ?? []), ...made])
    return made
  }

  /** The last runs each read asked for, in order. */
  readonly lastRunsAsked: ('all' | 'never')[] = []

  dataflowsOf(id: string, options?: { readonly lastRuns: 'all' | 'never' }): Promise<Dataflow[]> {
    this.#store.calls.push(`dataflows ${id}`)
    this.lastRunsAsked.push(options?.lastRuns ?? 'all')
    if (this.failure) return Promise.reject(this.failure)
    return Promise.resolve([...(this.byConnection.get(id) ?? [])])
  }
}

export const MARKER = 'aep-run:7.1.abcdef012345'

export interface PlanHarness extends RunContext {
  readonly store: MemoryStore
  readonly dataflows: MemoryDataflows
  /** What the run saved for the post step, last value first read back as the runner would. */
  readonly state: () => CreateRecord | undefined
  readonly clock: VirtualClock
  readonly lines: string[]
  readonly zohoCalls: { count: number }
  readonly report: Report
}

/** What a test may set of a run: the settings, a connection name, and the source. */
export type HarnessOptions = Partial<Omit<PlanSettings, 'connection'>> & {
  readonly name?: string
  readonly source?: Partial<ConnectionSource>
}

/**
 * A run context over a memory store; `settings` and the store's state are the test's to set.
 * Runs given one `store` race on it, on its clock.
 */
export function harness(
  settings: HarnessOptions = {},
  timeoutMs = 300_000,
  store = new MemoryStore(new VirtualClock())
): PlanHarness {
  const { clock } = store
  const marker = settings.runMarker ?? MARKER
  const lines: string[] = []
  const zohoCalls = { count: 0 }
  const deadlineAt = clock.now() + timeoutMs
  const saved: string[] = []
  const name = settings.name ?? 'Zoho CRM base connection'
  const journal = new StateJournal(
    { marker, name, sandbox: 'dev', specId: 'spec' },
    (_key, value) => {
      // In the store's log, so that a test sees what was saved before which request.
      store.calls.push('state')
      saved.push(value)
    },
    clock.now
  )
  const state = () => {
    const record = readCreateRecord(saved.at(-1) ?? '')
    if (record === 'invalid') throw new Error('the journal saved a record the post step cannot read')
    return record
  }
  const source: ConnectionSource = {
    label: 'Zoho CRM',
    expectedParams: [zohoEndpointParam('https://www.zohoapis.eu'), zohoAccountsUrlParam('https://accounts.zoho.eu')],
    authParams: () => {
      zohoCalls.count++
      return Promise.resolve({
        endpoint: 'https://www.zohoapis.eu',
        accountsUrl: 'https://accounts.zoho.eu',
        accessToken: 'zoho-token'
      })
    },
    advice: ZOHO_CRM_ADVICE,
    ...settings.source
  }
  const dataflows = new MemoryDataflows(store)
  const services: PlanServices = {
    store,
    dataflows,
    journal,
    listSandboxes: () => Promise.resolve([{ name: 'dev', state: 'active' }]),
    source,
    runtime: {
      clock,
      random: () => 0.5,
      log: {
        debug: () => undefined,
        info: (message) => lines.push(message),
        warning: (message) => lines.push(`warning: ${message}`),
        group: (_title, work) => work()
      },
      deadlineAt
    }
  }
  const { name: _name, source: _source, ...rest } = settings
  const full: PlanSettings = {
    mode: 'ensure',
    sandbox: 'dev',
    adobe: { orgId: 'org@AdobeOrg' },
    dryRun: false,
    onExisting: 'repair',
    verify: 'test',
    verifyTables: [],
    dataflows: 'skip',
    connection: { name, specId: 'spec', specVersion: '1.0', authSpecName: 'Basic Authentication' },
    connectionId: undefined,
    maxAttempts: 4,
    settleTimeoutMs: 30_000,
    cleanup: 'none',
    runMarker: marker,
    description: 'Managed',
    ...rest
  }
  return { settings: full, services, report: newReport(), store, dataflows, state, clock, lines, zohoCalls }
}

/** A written param as the store keeps it: text, or empty. */
function textOf(value: unknown): string {
  return typeof value === 'string' ? value : ''
}
