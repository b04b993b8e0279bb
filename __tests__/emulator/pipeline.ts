/**
 * What hangs off a base connection, in the emulator (docs/api-notes.md §6): source connections
 * (`GET /sourceConnections`, filtered by `baseConnectionId`), dataflows with their states and last
 * runs (`GET /flows`, filtered by `sourceConnectionIds[]`), runs (`GET /runs`, by `flowId`,
 * newest first with `orderby=-createdAt`), all paged with continuation tokens; drafts and their
 * publication (`POST /connections/{id}/action?op=publish`); the refusal to delete a connection
 * that dataflows use (FLOW `1418-400`, emulator.ts asks `usedBy`); and a switch for each shape
 * Adobe leaves open (`PipelineShapes`), off by default.
 *
 * Test code, plain Node like emulator.ts, which routes these requests here.
 */
import { randomUUID } from 'node:crypto'
import { flowError, type Emulator, type StoredConnection } from './emulator.ts'

export type PipelineRoute = 'sourceConnections.list' | 'flows.list' | 'runs.list' | 'connections.publish'

/** How an imported connection's auth params look (§6.5 leaves it open). */
export type ImportedParams = 'absent' | 'empty' | 'placeholders' | 'non-secret'

/** Switches for the shapes of §6 that Adobe leaves open, each off by default. */
export interface PipelineShapes {
  /** Flows show no `lastRunDetails`; how a run ended is in `/runs` only (§6.3). */
  lastRunsOnlyInRuns?: boolean
  /** Runs spell their outcome `Success` and `Failed`, as one of Adobe's filter examples does (§6.3). */
  runStatusCapitalised?: boolean
  /** The state a draft shows on a read, `draft` when not set (§6.4). */
  draftState?: string
  /** What an imported connection's params look like, `absent` when not set (§6.5). */
  importedParams?: ImportedParams
  /**
   * The state an imported connection arrives in (§6.5 leaves it open): a draft when not set (shown
   * as `draftState`), or `enabled`, as it was in the sandbox it came from.
   */
  importedState?: 'draft' | 'enabled'
  /** Every read of source connections, flows and runs is refused: FLOW 2120-403 (§6.1). */
  dataflowReadForbidden?: boolean
  /** A PATCH of a draft is refused: FLOW 1416-400, update "only … in enabled, disabled or initializing state" (§6.4). */
  draftPatchRefused?: boolean
}

export interface StoredSourceConnection {
  readonly id: string
  readonly name: string
  readonly baseConnectionId: string
  readonly createdAt: number
}

export type RunStatus = 'success' | 'failed' | 'inProgress'

export interface StoredRun {
  readonly id: string
  readonly flowId: string
  readonly createdAt: number
  status: RunStatus
}

export interface StoredFlow {
  readonly id: string
  name: string
  /** `enabled`, `disabled`, or `draft` (shown as `shapes.draftState`). */
  state: string
  readonly sourceConnectionIds: string[]
  readonly createdAt: number
  /** Only a role with its access labels sees it: not listed, but it still blocks a delete (§6.1). */
  hidden: boolean
}

export interface DataflowSeed {
  name?: string
  state?: 'enabled' | 'disabled' | 'draft'
  /** Outcomes of its runs, oldest first; none: it never ran. */
  runs?: readonly RunStatus[]
  hidden?: boolean
  /** Use this source connection instead of a new one. */
  sourceConnectionId?: string
}

export function pipelineRouteOf(method: string, rest: string): PipelineRoute | undefined {
  if (method === 'GET' && rest === '/sourceConnections') return 'sourceConnections.list'
  if (method === 'GET' && rest === '/flows') return 'flows.list'
  if (method === 'GET' && rest === '/runs') return 'runs.list'
  if (method === 'POST' && /^\/connections\/[^/]+\/action$/.test(rest)) return 'connections.publish'
  return undefined
}

export function isPipelineRoute(route: string): route is PipelineRoute {
  return ['sourceConnections.list', 'flows.list', 'runs.list', 'connections.publish'].includes(route)
}

type Send = (status: number, payload: unknown, extra?: Record<string, string>) => void

/** The filters each listing takes, by key. */
const FILTER_KEYS: Record<Exclude<PipelineRoute, 'connections.publish'>, string> = {
  'sourceConnections.list': 'baseConnectionId',
  'flows.list': 'sourceConnectionIds[]',
  'runs.list': 'flowId'
}

export class Pipeline {
  readonly #emulator: Emulator
  /** sandbox → items */
  readonly sourceConnections = new Map<string, StoredSourceConnection[]>()
  readonly flows = new Map<string, StoredFlow[]>()
  readonly runs = new Map<string, StoredRun[]>()
  #clock = 1_700_000_000_000

  constructor(emulator: Emulator) {
    this.#emulator = emulator
  }

  get #shapes(): PipelineShapes {
    return this.#emulator.shapes
  }

  #now(): number {
    this.#clock = Math.max(this.#clock + 1, Date.now())
    return this.#clock
  }

  #in<T>(map: Map<string, T[]>, sandbox: string): T[] {
    let list = map.get(sandbox)
    if (!list) map.set(sandbox, (list = []))
    return list
  }

  seedSourceConnection(sandbox: string, baseConnectionId: string, name = 'Source connection'): StoredSourceConnection {
    const source = { id: randomUUID(), name, baseConnectionId, createdAt: this.#now() }
    this.#in(this.sourceConnections, sandbox).push(source)
    return source
  }

  /** A dataflow on the base connection, through a source connection of its own (or the one given). */
  seedDataflow(sandbox: string, baseConnectionId: string, seed: DataflowSeed = {}): StoredFlow {
    const sourceId = seed.sourceConnectionId ?? this.seedSourceConnection(sandbox, baseConnectionId).id
    const flow: StoredFlow = {
      id: randomUUID(),
      name: seed.name ?? 'Dataflow',
      state: seed.state ?? 'enabled',
      sourceConnectionIds: [sourceId],
      createdAt: this.#now(),
      hidden: seed.hidden ?? false
    }
    this.#in(this.flows, sandbox).push(flow)
    for (const status of seed.runs ?? []) this.addRun(sandbox, flow.id, status)
    return flow
  }

  addRun(sandbox: string, flowId: string, status: RunStatus): StoredRun {
    const run = { id: randomUUID(), flowId, createdAt: this.#now(), status }
    this.#in(this.runs, sandbox).push(run)
    return run
  }

  /** A connection as Adobe's sandbox tooling imports one: without its credentials, a draft unless `importedState` says otherwise (§6.5). */
  seedImportedConnection(sandbox: string, fields: Partial<StoredConnection> & { name: string }): StoredConnection {
    const valid = this.#emulator.validZohoParams()
    const form = this.#shapes.importedParams ?? 'absent'
    const params: Record<string, string> =
      form === 'absent'
        ? {}
        : form === 'non-secret'
          ? { endpoint: valid['endpoint'] ?? '', accountsUrl: valid['accountsUrl'] ?? '' }
          : Object.fromEntries(Object.keys(valid).map((key) => [key, form === 'empty' ? '' : `{${key}}`]))
    return this.#emulator.seedConnection(sandbox, {
      state: this.#shapes.importedState === 'enabled' ? 'enabled' : (this.#shapes.draftState ?? 'draft'),
      auth: { specName: 'Basic Authentication', params },
      ...fields
    })
  }

  /** The dataflows that use a base connection, listed or not: Adobe refuses its delete while any do. */
  usedBy(sandbox: string, baseConnectionId: string): number {
    const sources = new Set(
      this.#in(this.sourceConnections, sandbox)
        .filter((source) => source.baseConnectionId === baseConnectionId)
        .map((source) => source.id)
    )
    return this.#in(this.flows, sandbox).filter((flow) => flow.sourceConnectionIds.some((id) => sources.has(id))).length
  }

  /** A PATCH of a draft, refused when `draftPatchRefused` is on. */
  refusesPatch(connection: StoredConnection): { code: string; message: string } | undefined {
    if (!this.#shapes.draftPatchRefused || connection.state.toLowerCase() !== 'draft') return undefined
    return {
      code: '1416',
      message: 'Delete/Update operation can only be applied on connection with enabled, disabled or initializing state'
    }
  }

  answer(route: PipelineRoute, sandbox: string, url: URL, send: Send, requestId: string): void {
    if (route === 'connections.publish') return this.#publish(sandbox, url, send, requestId)
    if (this.#shapes.dataflowReadForbidden) {
      return send(
        403,
        flowError(
          403,
          '2120',
          'You do not have sufficient permissions to perform the operation. Please contact your administrator to resolve permissions and try again.',
          requestId
        )
      )
    }
    const listing = this.#listingOf(url, FILTER_KEYS[route], requestId)
    if ('refused' in listing) return send(400, listing.refused)
    const { values, offset, carried } = listing
    let items: unknown[]
    let resource: string
    if (route === 'sourceConnections.list') {
      resource = '/sourceConnections'
      items = this.#in(this.sourceConnections, sandbox)
        .filter((source) => values === undefined || values.includes(source.baseConnectionId))
        .map((source) => this.#sourceView(source, sandbox))
    } else if (route === 'flows.list') {
      resource = '/flows'
      items = this.#in(this.flows, sandbox)
        .filter((flow) => !flow.hidden)
        .filter((flow) => values === undefined || flow.sourceConnectionIds.some((id) => values.includes(id)))
        .map((flow) => this.#flowView(flow, sandbox))
    } else {
      resource = '/runs'
      const newestFirst = url.searchParams.get('orderby') === '-createdAt'
      items = this.#in(this.runs, sandbox)
        .filter((run) => values === undefined || values.includes(run.flowId))
        .sort((a, b) => (newestFirst ? b.createdAt - a.createdAt : a.createdAt - b.createdAt))
        .map((run) => this.#runView(run, sandbox))
    }
    const size = Number(url.searchParams.get('limit') ?? this.#emulator.options.pageSize)
    const shown = items.slice(offset, offset + size)
    const more = offset + size < items.length
    const token = Buffer.from(JSON.stringify({ filters: carried, offset: offset + size })).toString('base64url')
    send(200, {
      items: shown,
      ...(more ? { _links: { next: { href: `${resource}?continuationToken=${token}` } } } : {})
    })
  }

  /**
   * The filter values of a listing (undefined: unfiltered) and where its page starts. A
   * continuation token carries the filters, unless `nextLinksDropFilters`: then the filters sent
   * beside the token apply, or none (api-notes.md §5.6).
   */
  #listingOf(
    url: URL,
    key: string,
    requestId: string
  ): { values: string[] | undefined; offset: number; carried: string[] } | { refused: unknown } {
    let filters = url.searchParams.getAll('property')
    let offset = 0
    const token = url.searchParams.get('continuationToken')
    if (token) {
      try {
        const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {
          filters: string[]
          offset: number
        }
        offset = parsed.offset
        if (!this.#emulator.shapes.nextLinksDropFilters) filters = parsed.filters
      } catch {
        return { refused: flowError(400, '1400', 'Invalid continuation token', requestId) }
      }
    }
    let values: string[] | undefined
    for (const filter of filters) {
      const at = filter.indexOf('==')
      if (at < 0 || filter.slice(0, at) !== key) {
        return { refused: flowError(400, '1430', 'Invalid property filter', requestId) }
      }
      const these = filter.slice(at + 2).split(',')
      values = values ? values.filter((value) => these.includes(value)) : these
    }
    return { values, offset, carried: this.#emulator.shapes.nextLinksDropFilters ? [] : filters }
  }

  #publish(sandbox: string, url: URL, send: Send, requestId: string): void {
    const id = decodeURIComponent(url.pathname.split('/')[5] ?? '')
    const connection = this.#emulator.connectionsIn(sandbox).find((c) => c.id === id)
    if (!connection) return send(404, flowError(404, '1101', `Connection ${id} not found`, requestId))
    if (url.searchParams.get('op')?.toLowerCase() !== 'publish') {
      return send(400, flowError(400, '1455', 'Invalid operation', requestId))
    }
    if (connection.state.toLowerCase() !== 'draft') {
      return send(400, flowError(400, '1416', 'Only a connection in draft state can be published', requestId))
    }
    connection.state = 'enabled'
    connection.etag = `"${randomUUID()}"`
    connection.updatedAt = this.#now()
    send(200, { id: connection.id, etag: connection.etag })
  }

  #sourceView(source: StoredSourceConnection, sandbox: string) {
    const base = this.#emulator.connectionsIn(sandbox).find((c) => c.id === source.baseConnectionId)
    return {
      id: source.id,
      name: source.name,
      baseConnectionId: source.baseConnectionId,
      state: 'enabled',
      data: { format: 'tabular' },
      params: { path: 'Contacts' },
      connectionSpec: base?.connectionSpec,
      inheritedAttributes: { baseConnection: { id: source.baseConnectionId, connectionSpec: base?.connectionSpec } },
      createdAt: source.createdAt,
      updatedAt: source.createdAt,
      sandboxName: sandbox,
      imsOrgId: this.#emulator.options.orgId
    }
  }

  #flowView(flow: StoredFlow, sandbox: string) {
    const runs = this.#in(this.runs, sandbox).filter((run) => run.flowId === flow.id && run.status !== 'inProgress')
    const last = runs.sort((a, b) => b.createdAt - a.createdAt)[0]
    return {
      id: flow.id,
      name: flow.name,
      state: flow.state === 'draft' ? (this.#shapes.draftState ?? 'draft') : flow.state,
      flowSpec: { id: '14518937-270c-4525-bdec-c2ba7cce3860', version: '1.0' },
      sourceConnectionIds: flow.sourceConnectionIds,
      targetConnectionIds: [randomUUID()],
      inheritedAttributes: {
        sourceConnections: flow.sourceConnectionIds.map((id) => ({
          id,
          baseConnection: { id: this.#in(this.sourceConnections, sandbox).find((s) => s.id === id)?.baseConnectionId }
        }))
      },
      runs: `/runs?property=flowId==${flow.id}`,
      ...(last && !this.#shapes.lastRunsOnlyInRuns
        ? {
            lastRunDetails: {
              id: last.id,
              state: last.status,
              startedAtUTC: last.createdAt,
              completedAtUTC: last.createdAt + 1
            }
          }
        : {}),
      createdAt: flow.createdAt,
      updatedAt: flow.createdAt,
      sandboxName: sandbox,
      imsOrgId: this.#emulator.options.orgId
    }
  }

  #runView(run: StoredRun, sandbox: string) {
    const status =
      this.#shapes.runStatusCapitalised && run.status !== 'inProgress'
        ? `${run.status.charAt(0).toUpperCase()}${run.status.slice(1)}`
        : run.status
    return {
      id: run.id,
      flowId: run.flowId,
      createdAt: run.createdAt,
      updatedAt: run.createdAt,
      metrics: {
        durationSummary: { startedAtUTC: run.createdAt, completedAtUTC: run.createdAt + 1 },
        statusSummary: {
          status,
          errors: status.toLowerCase() === 'failed' ? [{ code: 'CONNECTOR-2001-500', message: 'Failed' }] : []
        }
      },
      sandboxName: sandbox
    }
  }
}
