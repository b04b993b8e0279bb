/**
 * A loopback emulator of the APIs the action calls, faithful to the API facts in docs/api-notes.md and
 * Adobe's OpenAPI files: Adobe IMS, Flow Service (specs, connections, test, explore), the Sandbox API,
 * and Zoho's accounts server (its token endpoint). It checks the headers Adobe requires,
 * keeps state per sandbox, logs every request, and injects faults per route.
 *
 * Test code: plain, with no dependency beyond Node itself, so `npm start` can run it directly.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo, Socket } from 'node:net'
import { formFields, imsShapedToken } from './forms.ts'
import { isPipelineRoute, Pipeline, pipelineRouteOf, type PipelineRoute, type PipelineShapes } from './pipeline.ts'
import { SOURCE_SPECS, SourceEmulation } from './sources.ts'

/**
 * Letters that no id, etag, marker or digest uses (those are hex and `-`): a minted token can then
 * share no 8 characters with one by chance, so the leak scanner's fragment check never sees a
 * coincidence in the state, the outputs or the log, only a real leak.
 */
const TOKEN_LETTERS = 'ghijklmnopqrstuvwxyzGHIJKLMNOPQRSTUVWXYZ'

function opaqueToken(length: number): string {
  return [...randomBytes(length)].map((byte) => TOKEN_LETTERS[byte % TOKEN_LETTERS.length]).join('')
}

export const ZOHO_SPEC_ID = '929e4450-0237-4ed2-9404-b7e1e0a00309'
const FLOW = '/data/foundation/flowservice'
const SANDBOXES = '/data/foundation/sandbox-management/'

export type Route =
  | 'ims.token'
  | 'sandboxes.list'
  | 'spec.get'
  | 'connections.list'
  | 'connections.get'
  | 'connections.create'
  | 'connections.patch'
  | 'connections.delete'
  | 'connections.test'
  | 'connections.explore'
  | 'zoho.token'
  /** HubSpot's and a generic OAuth 2 token endpoint: sources.ts. */
  | 'hubspot.token'
  | 'oauth.token'
  /** Source connections, dataflows, runs and publishing: pipeline.ts. */
  | PipelineRoute

/** One injected misbehaviour, consumed by the next request to its route. */
export type Fault =
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: 'delay'; ms: number }
  | { kind: 'reset' }
  | { kind: 'hang' }
  | { kind: 'bad-json'; status?: number }
  | { kind: 'html'; status: number }
  | { kind: 'empty'; status: number }
  /** Apply the request, then answer with an error status (or drop the socket). */
  | { kind: 'commit-then-fail'; status?: number; reset?: boolean }
  /** Hold the request until the barrier's other requests have arrived too, then answer it. */
  | { kind: 'barrier'; barrier: Barrier }
  /**
   * A gateway that answers at once (a status, a dropped socket, or no answer at all) while the
   * backend applies the request `commitAfterMs` later, as a late commit behind a 504 does.
   */
  | {
      kind: 'late-commit'
      commitAfterMs: number
      status?: number
      reset?: boolean
      hang?: boolean
      /** Commit only once this has resolved too (then `commitAfterMs` later): an order a test needs. */
      commitWhen?: Promise<unknown>
    }
  | HostileFault

/** Lines up concurrent requests, so that a race in a test happens every time, not by luck. */
export class Barrier {
  readonly size: number
  #arrived = 0
  readonly #open: Promise<void>
  #release: () => void = () => undefined

  constructor(size: number, timeoutMs = 20_000) {
    this.size = size
    this.#open = new Promise((resolve) => {
      this.#release = resolve
      setTimeout(resolve, timeoutMs).unref()
    })
  }

  arrive(): Promise<void> {
    if (++this.#arrived >= this.size) this.#release()
    return this.#open
  }
}

export interface LoggedRequest {
  readonly route: Route | 'unknown'
  readonly method: string
  readonly path: string
  readonly query: string
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
  readonly sandbox: string | undefined
  readonly startedAt: number
  endedAt: number
  status: number
  fault: Fault['kind'] | undefined
}

export interface StoredConnection {
  id: string
  name: string
  description: string
  state: string
  etag: string
  createdAt: number
  updatedAt: number
  auth: { specName: string; params: Record<string, string> }
  connectionSpec: { id: string; version: string }
  /** Dataflows using it that no listing shows (pipeline.ts models listed ones): a delete is refused while any remain. */
  usedByFlows: number
  /** From when list and filter queries show it (reads by id always do): a lagging index. */
  listedAt: number
}

export interface SpecItem {
  id: string
  name: string
  version: string
  authSpec?: { name: string; type: string; spec?: unknown }[]
}

/**
 * How Flow Service shows a stored auth param on a read (api-notes.md §5.1 leaves it open): the
 * form it shows, or undefined to leave the param out. Without one, the secret params are left
 * out and the others shown as stored.
 */
export type ParamForm = (stored: string) => string | undefined

/** A refusal Adobe's gateway sends before Flow Service sees the request (api-notes.md §2.9, §5.2). */
export const GATEWAY_REFUSALS = {
  /** An expired or revoked IMS token. */
  401: { kind: 'status', status: 401, body: { error_code: '401013', message: 'Oauth token is not valid' } },
  /** A token without an Experience Platform product profile for the org. */
  403: { kind: 'status', status: 403, body: { error_code: '403027', message: 'User region is missing' } }
} as const satisfies Record<number, Fault>

/** What a create is refused with when Adobe has withdrawn the source (api-notes.md §5.7 leaves the shape open). */
export const WITHDRAWN_SOURCE_REFUSALS = {
  'invalid-spec': {
    status: 400,
    code: '1413',
    message: 'Invalid connection spec ID 929e4450-0237-4ed2-9404-b7e1e0a00309'
  },
  deprecated: {
    status: 400,
    code: '1470',
    message: 'The source zoho-crm is deprecated: new connections cannot be created for this connection spec'
  },
  'not-provisioned': {
    status: 403,
    code: '1471',
    message: 'Connection spec 929e4450-0237-4ed2-9404-b7e1e0a00309 is not provisioned for this organization'
  }
} as const

/** What a PATCH is refused with when the connector does not allow it (api-notes.md §5.3). */
export const PATCH_REFUSALS = {
  '1300': { code: '1300', message: 'The patch connection request is not supported for zoho-crm connector' },
  '1445': { code: '1445', message: 'PATCH Connection Feature not enabled' },
  wording: { code: '1499', message: 'Updating connections with PATCH is unsupported for this source' }
} as const

/** How the sandbox list pages (api-notes.md §5.6): at most `cap` rows, and what the answer says of its paging. */
export interface SandboxPaging {
  readonly cap: number
  readonly says: 'limit' | 'next' | 'total' | 'nothing'
}

export interface EmulatorOptions {
  clientId?: string
  clientSecret?: string
  orgId?: string
  /** Tokens Platform accepts without an IMS exchange (a ready adobe-access-token). */
  staticTokens?: string[]
  sandboxes?: { name: string; state?: string; type?: string }[]
  sandboxListForbidden?: boolean
  specs?: SpecItem[]
  pageSize?: number
  zoho?: { clientId: string; clientSecret: string; refreshToken: string; apiDomain?: string }
  /** Added before every answer: the network round trip the benchmark varies. */
  latencyMs?: number
  /** How long after its creation a connection stays out of list and filter results. */
  listLagMs?: number
  /** The root tables explore lists for a connection whose credentials work, by path. */
  tables?: string[]
  tls?: { key: string; cert: string }
  /** Off by default: how the shapes Adobe leaves undocumented fall (api-notes.md §5). */
  shapes?: EmulatorShapes
}

/** Switches for the shapes Adobe leaves undocumented, each off by default (api-notes.md §5, §6). */
export interface EmulatorShapes extends PipelineShapes {
  /** How reads show each auth param (§5.1). */
  paramForms?: Readonly<Record<string, ParamForm>>
  /** A display label explore shows as `name` for a table's path (§5.5). */
  tableLabels?: Readonly<Record<string, string>>
  /** The Unicode form Flow Service stores names in (§5.4). */
  storeNamesAs?: 'NFC' | 'NFD'
  /** Continuation tokens carry no filters: a next page applies the `property` filters sent beside the token, or none (§5.6). */
  nextLinksDropFilters?: boolean
  sandboxPaging?: SandboxPaging
  /** PATCH is refused, in one of Adobe's catalogued forms (§5.3). */
  patchRefusal?: keyof typeof PATCH_REFUSALS
  /** Creates are refused as for a withdrawn source, while the spec still reads (§5.7). */
  sourceWithdrawn?: keyof typeof WITHDRAWN_SOURCE_REFUSALS
  /**
   * How Zoho answers a refresh past its throttle: HTTP 200 (Zoho's community post) or 400 (recorded
   * answers), and `error` in the account's language (`拒绝访问`); `status: failure` either way (§4.4).
   */
  zohoThrottle?: { readonly status?: 200 | 400; readonly error?: string }
  /**
   * Each IMS token serves `uses` Platform requests; past them the gateway refuses it with
   * `status` (an expired token, 401; a revoked permission, 403), as a job's token meets (§5.2).
   */
  tokenLimit?: { readonly uses: number; readonly status: 401 | 403 }
}

export const DEFAULTS = {
  clientId: 'adobe-client-id-0001',
  clientSecret: 'adobe+secret/with"odd\\chars%20 and spaces',
  orgId: '0A1B2C3D4E5F60718293A4B5@AdobeOrg',
  zoho: {
    clientId: '1000.ZOHOCLIENTID0001',
    clientSecret: 'zoho+client/secret"with\\odd%chars',
    refreshToken: '1000.refresh+token/with%2Fodd"chars'
  }
} as const

const ZOHO_TABLES = ['Leads', 'Contacts', 'Accounts', 'Deals']

export class Emulator {
  readonly options: Required<Omit<EmulatorOptions, 'tls' | 'zoho' | 'listLagMs' | 'tables' | 'shapes'>> & {
    tls: EmulatorOptions['tls'] | undefined
  }
  readonly zoho: { clientId: string; clientSecret: string; refreshToken: string; apiDomain?: string }
  readonly log: LoggedRequest[] = []
  /** sandbox name → connection id → connection */
  readonly connections = new Map<string, Map<string, StoredConnection>>()
  readonly faults = new Map<Route, Fault[]>()
  readonly issuedImsTokens = new Set<string>()
  /** Issued, then revoked (an admin rotating the credential): Platform answers 401 to them. */
  readonly revokedImsTokens = new Set<string>()
  readonly issuedZohoTokens = new Set<string>()
  /** What the hostile faults did: bytes a huge body sent before the client stopped reading. */
  readonly hostile = { hugeBytesSent: 0, freshPages: 0 }
  /** Refresh times per refresh token, for Zoho's 10-per-10-minutes throttle. */
  readonly zohoRefreshTimes = new Map<string, number[]>()
  /** The sources beyond Zoho CRM: their token endpoints, credentials and switches (sources.ts). */
  readonly sources = new SourceEmulation()
  /** When set, every /test answers this instead of judging the stored credentials. */
  testResult: boolean | undefined
  /** The undocumented shapes in force; tests may change them between runs. */
  shapes: EmulatorShapes
  /** Source connections, dataflows and runs; drafts and publishing (pipeline.ts). */
  readonly pipeline: Pipeline
  /** Platform requests served per IMS token, for `shapes.tokenLimit`. */
  readonly #tokenUses = new Map<string, number>()
  latencyMs: number
  listLagMs: number
  tables: string[]
  /** Late commits still to land; `settled()` waits for them. */
  readonly #pendingCommits = new Set<Promise<void>>()
  #server: Server | undefined
  readonly #sockets = new Set<Socket>()
  readonly #hanging = new Set<ServerResponse>()
  /** Checks run after each logged request; one that returns true is done. */
  #watchers: (() => boolean)[] = []
  #requestCounter = 0
  #clock = 0

  constructor(options: EmulatorOptions = {}) {
    this.options = {
      clientId: options.clientId ?? DEFAULTS.clientId,
      clientSecret: options.clientSecret ?? DEFAULTS.clientSecret,
      orgId: options.orgId ?? DEFAULTS.orgId,
      staticTokens: options.staticTokens ?? [],
      sandboxes: options.sandboxes ?? [
        { name: 'prod', state: 'active', type: 'production' },
        { name: 'dev', state: 'active', type: 'development' },
        { name: 'stage', state: 'active', type: 'development' }
      ],
      sandboxListForbidden: options.sandboxListForbidden ?? false,
      specs: options.specs ?? [
        {
          id: ZOHO_SPEC_ID,
          name: 'zoho-crm',
          version: '1.0',
          authSpec: [{ name: 'Basic Authentication', type: 'OAuth2RefreshCode' }]
        },
        ...SOURCE_SPECS
      ],
      pageSize: options.pageSize ?? 50,
      latencyMs: options.latencyMs ?? 0,
      tls: options.tls
    }
    this.zoho = { ...DEFAULTS.zoho, ...options.zoho }
    this.latencyMs = this.options.latencyMs
    this.listLagMs = options.listLagMs ?? 0
    this.tables = options.tables ?? [...ZOHO_TABLES]
    this.shapes = { ...options.shapes }
    this.pipeline = new Pipeline(this)
    for (const sandbox of this.options.sandboxes) this.connections.set(sandbox.name, new Map())
  }

  /** The listening server, for tests that watch its connections. */
  get server(): Server {
    if (!this.#server) throw new Error('emulator not started')
    return this.#server
  }

  get url(): string {
    const address = this.#server?.address() as AddressInfo | null
    if (!address) throw new Error('emulator not started')
    return `${this.options.tls ? 'https' : 'http'}://127.0.0.1:${address.port}`
  }

  async start(port = 0): Promise<this> {
    const handler = (req: IncomingMessage, res: ServerResponse) => void this.#handle(req, res)
    this.#server = this.options.tls ? createHttpsServer(this.options.tls, handler) : createHttpServer(handler)
    this.#server.on('connection', (socket: Socket) => {
      this.#sockets.add(socket)
      socket.on('close', () => this.#sockets.delete(socket))
    })
    const server = this.#server
    // A port in use fails the start (EADDRINUSE) rather than crashing the process.
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject)
        resolve()
      })
    })
    return this
  }

  /** Waits until every late commit has landed, so a test counts what is really left. */
  async settled(): Promise<void> {
    while (this.#pendingCommits.size > 0) await Promise.all([...this.#pendingCommits])
  }

  async stop(): Promise<void> {
    for (const res of this.#hanging) res.destroy()
    for (const socket of this.#sockets) socket.destroy()
    await new Promise<void>((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()))
  }

  /** Queues a fault for the next `times` requests to a route. */
  inject(route: Route, fault: Fault, times = 1): this {
    const queue = this.faults.get(route) ?? []
    for (let i = 0; i < times; i++) queue.push(fault)
    this.faults.set(route, queue)
    return this
  }

  seedConnection(sandbox: string, fields: Partial<StoredConnection> & { name: string }): StoredConnection {
    const now = this.#now()
    const connection: StoredConnection = {
      id: randomUUID(),
      description: '',
      state: 'enabled',
      etag: `"${randomUUID()}"`,
      createdAt: now,
      updatedAt: now,
      auth: { specName: 'Basic Authentication', params: this.validZohoParams() },
      connectionSpec: { id: ZOHO_SPEC_ID, version: '1.0' },
      usedByFlows: 0,
      listedAt: 0,
      ...fields
    }
    this.#sandbox(sandbox).set(connection.id, connection)
    return connection
  }

  /** The params of a connection whose /test succeeds. */
  validZohoParams(): Record<string, string> {
    // What the test inputs resolve to, so that repair finds such a connection healthy.
    const here = this.#server ? this.url : 'https://www.zohoapis.com'
    return {
      endpoint: this.zoho.apiDomain ?? here,
      accountsUrl: this.#server ? this.url : 'https://accounts.zoho.com',
      clientId: this.zoho.clientId,
      clientSecret: this.zoho.clientSecret,
      accessToken: 'seeded-access-token',
      refreshToken: this.zoho.refreshToken
    }
  }

  connectionsIn(sandbox: string): StoredConnection[] {
    return [...this.#sandbox(sandbox).values()]
  }

  requests(route: Route): LoggedRequest[] {
    return this.log.filter((entry) => entry.route === route)
  }

  /** Resolves when request number `count` to a route has arrived: a test acts at that moment. */
  whenRequested(route: Route, count = 1): Promise<LoggedRequest> {
    return new Promise((resolve) => {
      const check = () => {
        const entry = this.requests(route)[count - 1]
        if (!entry) return false
        resolve(entry)
        return true
      }
      if (!check()) this.#watchers.push(check)
    })
  }

  /** Every request that changes state on Adobe's side. */
  writes(): LoggedRequest[] {
    return this.log.filter((e) => e.path.startsWith('/data/') && e.method !== 'GET')
  }

  #sandbox(name: string): Map<string, StoredConnection> {
    let map = this.connections.get(name)
    if (!map) {
      map = new Map()
      this.connections.set(name, map)
    }
    return map
  }

  /** Strictly increasing milliseconds, so that "older" is always well defined here. */
  #now(): number {
    this.#clock = Math.max(this.#clock + 1, Date.now())
    return this.#clock
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const body = Buffer.concat(chunks).toString('utf8')
    const url = new URL(req.url ?? '/', 'http://emulator')
    const headers: Record<string, string> = {}
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : value
    }
    const method = req.method ?? 'GET'
    const route = routeOf(method, url.pathname)
    const entry: LoggedRequest = {
      route,
      method,
      path: url.pathname,
      query: url.search,
      headers,
      body,
      sandbox: headers['x-sandbox-name'],
      startedAt: performance.timeOrigin + performance.now(),
      endedAt: 0,
      status: 0,
      fault: undefined
    }
    this.log.push(entry)
    this.#watchers = this.#watchers.filter((check) => !check())
    res.on('close', () => {
      entry.endedAt = performance.timeOrigin + performance.now()
    })
    if (this.latencyMs > 0) await sleep(this.latencyMs)

    const fault = route === 'unknown' ? undefined : this.faults.get(route)?.shift()
    entry.fault = fault?.kind
    const requestId = `emu-${++this.#requestCounter}`
    const send = (status: number, payload: unknown, extra: Record<string, string> = {}) => {
      entry.status = status
      const text = payload === undefined ? '' : typeof payload === 'string' ? payload : JSON.stringify(payload)
      res.writeHead(status, {
        'content-type': typeof payload === 'string' ? 'text/plain' : 'application/json',
        'x-request-id': requestId,
        ...extra
      })
      res.end(text)
    }

    if (fault) {
      switch (fault.kind) {
        case 'status':
          return send(
            fault.status,
            fault.body ?? flowError(fault.status, '1102', 'Injected error', requestId),
            fault.headers
          )
        case 'delay':
          await sleep(fault.ms)
          break
        case 'barrier':
          await fault.barrier.arrive()
          break
        case 'reset':
          entry.status = -1
          req.socket.destroy()
          return
        case 'hang':
          entry.status = -2
          this.#hanging.add(res)
          return
        case 'bad-json':
          return send(fault.status ?? 200, '{"items": [ {"id": ')
        case 'html':
          entry.status = fault.status
          res.writeHead(fault.status, { 'content-type': 'text/html', 'x-request-id': requestId })
          res.end('<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>')
          return
        case 'empty':
          entry.status = fault.status
          res.writeHead(fault.status, { 'x-request-id': requestId })
          res.end()
          return
        case 'huge-body':
        case 'fresh-next-page':
        case 'echo-secrets':
          return answerHostile(fault, { req, res, entry, body, headers, requestId, hostile: this.hostile })
        case 'commit-then-fail': {
          this.#answer(route, method, url, headers, body, () => undefined, requestId)
          if (fault.reset) {
            entry.status = -1
            req.socket.destroy()
            return
          }
          const status = fault.status ?? 500
          return send(status, flowError(status, '1102', 'Internal server error', requestId))
        }
        case 'late-commit': {
          const commit = Promise.resolve(fault.commitWhen)
            .then(() => sleep(fault.commitAfterMs))
            .then(() => {
              this.#answer(route, method, url, headers, body, () => undefined, requestId)
              this.#pendingCommits.delete(commit)
            })
          this.#pendingCommits.add(commit)
          if (fault.hang) {
            entry.status = -2
            this.#hanging.add(res)
            return
          }
          if (fault.reset) {
            entry.status = -1
            req.socket.destroy()
            return
          }
          const status = fault.status ?? 504
          return send(status, { error_code: String(status), message: 'Gateway Timeout' })
        }
      }
    }
    this.#answer(route, method, url, headers, body, send, requestId)
  }

  #answer(
    route: Route | 'unknown',
    method: string,
    url: URL,
    headers: Record<string, string>,
    body: string,
    send: (status: number, payload: unknown, extra?: Record<string, string>) => void,
    requestId: string
  ): void {
    if (route === 'ims.token') return this.#imsToken(headers, body, url, send)
    if (route === 'zoho.token') return this.#zohoToken(headers, body, url, send)
    if (route === 'hubspot.token' || route === 'oauth.token') {
      return this.sources.token(route, body, url, headers['content-type'] ?? '', send)
    }
    if (route === 'unknown' && url.pathname === '/health') return send(200, { status: 'ok' })
    if (route === 'unknown') return send(404, { error_code: '404', message: `No route ${method} ${url.pathname}` })

    const denied = this.#gateway(headers, route !== 'sandboxes.list', requestId)
    if (denied) return send(denied.status, denied.body)
    if (isPipelineRoute(route))
      return this.pipeline.answer(route, headers['x-sandbox-name'] ?? '', url, send, requestId)
    if ((method === 'POST' || method === 'PATCH') && !/^application\/json/.test(headers['content-type'] ?? '')) {
      return send(400, {
        type: 'BadRequestError',
        title: 'BadRequestError',
        status: 400,
        message: 'A valid content-type must be specified'
      })
    }
    const sandbox = headers['x-sandbox-name'] ?? ''
    const id = decodeURIComponent(url.pathname.split('/')[5] ?? '')
    switch (route) {
      case 'sandboxes.list':
        return this.#listSandboxes(url, send)
      case 'spec.get': {
        const spec = this.options.specs.find((s) => s.id === id)
        return spec ? send(200, { items: [spec] }) : send(404, flowError(404, '1101', 'Resource not found', requestId))
      }
      case 'connections.list':
        return this.#listConnections(sandbox, url, send, requestId)
      case 'connections.get': {
        const connection = this.#sandbox(sandbox).get(id)
        return connection
          ? send(200, { items: [view(connection, sandbox, this.options.orgId, this.shapes.paramForms)] })
          : send(404, flowError(404, '1101', `Connection ${id} not found`, requestId))
      }
      case 'connections.create':
        return this.#create(sandbox, body, send, requestId)
      case 'connections.patch':
        return this.#patch(sandbox, id, headers['if-match'], body, send, requestId)
      case 'connections.delete': {
        const connection = this.#sandbox(sandbox).get(id)
        if (!connection) return send(404, flowError(404, '1101', `Connection ${id} not found`, requestId))
        if (connection.usedByFlows > 0 || this.pipeline.usedBy(sandbox, id) > 0) {
          return send(
            400,
            flowError(
              400,
              '1418',
              'Please ensure that corresponding flows are deleted before deleting a base connection',
              requestId
            )
          )
        }
        this.#sandbox(sandbox).delete(id)
        return send(204, undefined)
      }
      case 'connections.test': {
        const connection = this.#sandbox(sandbox).get(id)
        if (!connection) return send(404, flowError(404, '1101', `Connection ${id} not found`, requestId))
        return send(200, { result: this.testResult ?? this.#credentialsWork(connection) })
      }
      case 'connections.explore': {
        const connection = this.#sandbox(sandbox).get(id)
        if (!connection) return send(404, flowError(404, '1101', `Connection ${id} not found`, requestId))
        if (url.searchParams.get('objectType')?.toLowerCase() !== 'root') {
          return send(400, flowError(400, '1358', 'Invalid objectType', requestId))
        }
        return this.#credentialsWork(connection)
          ? send(
              200,
              (this.sources.tablesOf(connection.connectionSpec.id) ?? this.tables).map((path) => ({
                type: 'table',
                name: this.shapes.tableLabels?.[path] ?? path,
                path,
                canPreview: true,
                canFetchSchema: true
              }))
            )
          : send(400, flowError(400, '1300', 'Unable to connect to Zoho CRM: invalid credentials', requestId))
      }
    }
  }

  #credentialsWork(connection: StoredConnection): boolean {
    const other = this.sources.credentialsWork(connection)
    if (other !== undefined) return other
    const p = connection.auth.params
    return (
      p['clientId'] === this.zoho.clientId &&
      p['clientSecret'] === this.zoho.clientSecret &&
      p['refreshToken'] === this.zoho.refreshToken
    )
  }

  /** Platform's gateway and Flow Service header checks (api-notes.md §2.1, §2.9). */
  #gateway(
    headers: Record<string, string>,
    needsSandbox: boolean,
    requestId: string
  ): { status: number; body: unknown } | undefined {
    const authorization = headers['authorization']
    if (!authorization) return { status: 403, body: { error_code: '403010', message: 'Oauth token is missing.' } }
    const token = authorization.replace(/^Bearer /, '')
    if (
      this.revokedImsTokens.has(token) ||
      (!this.issuedImsTokens.has(token) && !this.options.staticTokens.includes(token))
    ) {
      return { status: 401, body: { error_code: '401013', message: 'Oauth token is not valid' } }
    }
    const limit = this.shapes.tokenLimit
    if (limit) {
      const uses = (this.#tokenUses.get(token) ?? 0) + 1
      this.#tokenUses.set(token, uses)
      if (uses > limit.uses) return { status: limit.status, body: GATEWAY_REFUSALS[limit.status].body }
    }
    if (!headers['x-api-key']) return { status: 403, body: { error_code: '403000', message: 'Api Key is required' } }
    if (headers['x-api-key'] !== this.options.clientId)
      return { status: 403, body: { error_code: '403003', message: 'Api Key is invalid' } }
    if (!headers['x-gw-ims-org-id'])
      return { status: 400, body: { error_code: '400003', message: 'Missing header: x-gw-ims-org-id' } }
    if (headers['x-gw-ims-org-id'] !== this.options.orgId)
      return { status: 403, body: { error_code: '403025', message: 'Profile is not valid' } }
    if (!needsSandbox) return undefined
    const sandbox = headers['x-sandbox-name']
    if (!sandbox)
      return { status: 400, body: flowError(400, '2105', 'The header x-sandbox-name is missing', requestId) }
    if (!this.connections.has(sandbox))
      return { status: 404, body: flowError(404, '2101', 'Sandbox not found', requestId) }
    return undefined
  }

  #listSandboxes(url: URL, send: (status: number, payload: unknown) => void): void {
    if (this.options.sandboxListForbidden) {
      return send(403, { type: 'http://ns.adobe.com/aep/errors/SMS-1001-403', title: 'Forbidden', status: 403 })
    }
    const limit = url.searchParams.get('limit')
    const offset = url.searchParams.get('offset')
    if ((limit === null) !== (offset === null)) {
      return send(400, {
        type: 'http://ns.adobe.com/aep/errors/SMS-2000-400',
        title: 'limit and offset go together',
        status: 400
      })
    }
    const start = Number(offset ?? 0)
    const paging = this.shapes.sandboxPaging
    const size = paging ? Math.min(paging.cap, Number(limit ?? 50)) : Number(limit ?? 50)
    const page = this.options.sandboxes.slice(start, start + size)
    const more = start + page.length < this.options.sandboxes.length
    const says = paging?.says ?? 'limit'
    send(200, {
      sandboxes: page.map((s) => ({
        name: s.name,
        title: s.name,
        state: s.state ?? 'active',
        type: s.type ?? 'development',
        isDefault: s.name === 'prod'
      })),
      ...(says === 'limit' ? { _page: { limit: size, count: page.length } } : {}),
      ...(says === 'total' ? { _page: { count: page.length, totalCount: this.options.sandboxes.length } } : {}),
      ...(says === 'next' && more
        ? { _links: { next: { href: `${SANDBOXES}?limit=${size}&offset=${start + page.length}` } } }
        : {})
    })
  }

  /** Filters per api-notes.md §2.4: repeated `property` is AND, a comma inside one is OR. */
  #listConnections(
    sandbox: string,
    url: URL,
    send: (status: number, payload: unknown) => void,
    requestId: string
  ): void {
    let filters: string[]
    let offset = 0
    const token = url.searchParams.get('continuationToken')
    if (token) {
      try {
        ;({ filters, offset } = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {
          filters: string[]
          offset: number
        })
      } catch {
        return send(400, flowError(400, '1400', 'Invalid continuation token', requestId))
      }
      // As aepp's clients expect: the filters of a next page are those sent beside its token.
      if (this.shapes.nextLinksDropFilters) filters = url.searchParams.getAll('property')
    } else {
      filters = url.searchParams.getAll('property')
    }
    const clauses = filters.map((filter) => {
      const at = filter.indexOf('==')
      if (at < 0) return undefined
      return { key: filter.slice(0, at), values: filter.slice(at + 2).split(',') }
    })
    if (
      clauses.some(
        (clause) =>
          clause === undefined || !['id', 'name', 'description', 'connectionSpec.id', 'state'].includes(clause.key)
      )
    ) {
      return send(400, flowError(400, '1430', 'Invalid property filter', requestId))
    }
    const field = (c: StoredConnection, key: string) =>
      key === 'connectionSpec.id' ? c.connectionSpec.id : String(c[key as 'id' | 'name' | 'description' | 'state'])
    const now = Date.now()
    const matching = this.connectionsIn(sandbox)
      .filter((c) => c.listedAt <= now)
      .filter((c) => clauses.every((clause) => clause && clause.values.includes(field(c, clause.key))))
      // Newest first, so that nothing can rely on the listing's order.
      .sort((a, b) => b.createdAt - a.createdAt)
    const size = Number(url.searchParams.get('limit') ?? this.options.pageSize)
    const items = matching
      .slice(offset, offset + size)
      .map((c) => view(c, sandbox, this.options.orgId, this.shapes.paramForms))
    const next = offset + size < matching.length
    const carried = this.shapes.nextLinksDropFilters ? [] : filters
    const nextToken = Buffer.from(JSON.stringify({ filters: carried, offset: offset + size })).toString('base64url')
    send(200, { items, ...(next ? { _links: { next: { href: `/connections?continuationToken=${nextToken}` } } } : {}) })
  }

  #create(
    sandbox: string,
    body: string,
    send: (status: number, payload: unknown, extra?: Record<string, string>) => void,
    requestId: string
  ): void {
    let request: Record<string, unknown>
    try {
      request = JSON.parse(body) as Record<string, unknown>
    } catch {
      return send(400, flowError(400, '1000', 'Malformed JSON body', requestId))
    }
    const auth = (request['auth'] ?? {}) as { specName?: string; params?: Record<string, string> }
    const connectionSpec = (request['connectionSpec'] ?? {}) as { id?: string; version?: string }
    if (typeof request['name'] !== 'string' || request['name'] === '') {
      return send(400, flowError(400, '1304', 'The mandatory field name is not provided', requestId))
    }
    if (this.shapes.sourceWithdrawn) {
      const { status, code, message } = WITHDRAWN_SOURCE_REFUSALS[this.shapes.sourceWithdrawn]
      return send(status, flowError(status, code, message, requestId))
    }
    const spec = this.options.specs.find((s) => s.id === connectionSpec.id)
    if (!spec) return send(400, flowError(400, '1413', `Invalid connection spec ID ${connectionSpec.id}`, requestId))
    if (!spec.authSpec?.some((a) => a.name === auth.specName)) {
      return send(
        400,
        flowError(
          400,
          '1415',
          `The auth spec '${auth.specName}' could not be found for the connection spec ID ${spec.id}`,
          requestId
        )
      )
    }
    const required = SourceEmulation.requiredParams(spec, auth.specName ?? '') ?? [
      'endpoint',
      'accountsUrl',
      'clientId',
      'clientSecret',
      'accessToken',
      'refreshToken'
    ]
    for (const param of required) {
      if (!auth.params?.[param])
        return send(400, flowError(400, '1304', `The mandatory field ${param} is not provided`, requestId))
    }
    const connection = this.seedConnection(sandbox, {
      listedAt: Date.now() + this.listLagMs,
      name: this.shapes.storeNamesAs ? request['name'].normalize(this.shapes.storeNamesAs) : request['name'],
      description: typeof request['description'] === 'string' ? request['description'] : '',
      auth: { specName: auth.specName ?? '', params: { ...auth.params } },
      connectionSpec: { id: spec.id, version: connectionSpec.version ?? spec.version }
    })
    send(201, { id: connection.id, etag: connection.etag }, { location: `${FLOW}/connections/${connection.id}` })
  }

  #patch(
    sandbox: string,
    id: string,
    ifMatch: string | undefined,
    body: string,
    send: (status: number, payload: unknown) => void,
    requestId: string
  ): void {
    const connection = this.#sandbox(sandbox).get(id)
    if (!connection) return send(404, flowError(404, '1101', `Connection ${id} not found`, requestId))
    if (this.shapes.patchRefusal) {
      const { code, message } = PATCH_REFUSALS[this.shapes.patchRefusal]
      return send(400, flowError(400, code, message, requestId))
    }
    const draftRefusal = this.pipeline.refusesPatch(connection)
    if (draftRefusal) return send(400, flowError(400, draftRefusal.code, draftRefusal.message, requestId))
    if (!ifMatch) return send(400, flowError(400, '1403', 'If-Match header is missing', requestId))
    if (ifMatch !== connection.etag) {
      return send(
        412,
        flowError(
          412,
          '1404',
          `Supplied version=[${ifMatch}] does not match the current version on entity=[${connection.etag}]`,
          requestId
        )
      )
    }
    let patch: { op: string; path: string; value: unknown }[]
    try {
      patch = JSON.parse(body) as typeof patch
      if (!Array.isArray(patch)) throw new Error('not an array')
    } catch {
      return send(400, flowError(400, '1455', 'Invalid patch instruction', requestId))
    }
    for (const instruction of patch) {
      const op = instruction.op.toLowerCase()
      if (!['add', 'replace'].includes(op))
        return send(400, flowError(400, '1455', 'Invalid patch instruction', requestId))
      if (instruction.path === '/auth/params')
        connection.auth.params = { ...(instruction.value as Record<string, string>) }
      else if (instruction.path === '/description') connection.description = String(instruction.value)
      else if (instruction.path === '/name') connection.name = String(instruction.value)
      else return send(400, flowError(400, '1455', `Invalid patch path ${instruction.path}`, requestId))
    }
    connection.etag = `"${randomUUID()}"`
    connection.updatedAt = this.#now()
    send(200, { id: connection.id, etag: connection.etag })
  }

  /** IMS OAuth Server-to-Server (api-notes.md §1). */
  #imsToken(
    headers: Record<string, string>,
    body: string,
    url: URL,
    answer: (status: number, payload: unknown, extra?: Record<string, string>) => void
  ): void {
    // IMS errors carry x-debug-id, the id its support asks for (api-notes.md §1).
    const send = (status: number, payload: unknown) =>
      answer(status, payload, status === 200 ? {} : { 'x-debug-id': `emu-debug-${randomUUID()}` })
    if (url.search.includes('client_secret')) {
      return send(400, { error: 'invalid_request', error_description: 'credentials must be sent in the body' })
    }
    const form = formFields(headers['content-type'], body)
    if (!form) return send(400, { error: 'invalid_request', error_description: 'unsupported content type' })
    if (form.get('grant_type') !== 'client_credentials') return send(400, { error: 'unsupported_grant_type' })
    // v2 (what Adobe's own client calls) names the org too; it must be the credential's.
    const orgId = form.get('org_id')
    if (url.pathname === '/ims/token/v2' && orgId !== null && orgId !== this.options.orgId) {
      return send(400, { error: 'invalid_org', error_description: 'org_id is not the credential organization' })
    }
    if (form.get('client_id') !== this.options.clientId) {
      return send(400, { error: 'invalid_client', error_description: 'invalid client_id parameter' })
    }
    if (form.get('client_secret') !== this.options.clientSecret) {
      return send(400, { error: 'invalid_client', error_description: 'invalid client_secret parameter' })
    }
    const scopes = (form.get('scope') ?? '').split(',').filter(Boolean)
    if (scopes.length === 0 || !scopes.includes('openid')) {
      return send(400, { error: 'invalid_scope', error_description: 'scope is missing or invalid' })
    }
    const token = imsShapedToken(
      { clientId: this.options.clientId, scope: scopes.join(','), orgId: orgId ?? undefined },
      opaqueToken(43)
    )
    this.issuedImsTokens.add(token)
    send(200, { access_token: token, token_type: 'bearer', expires_in: 86399 })
  }

  /** Zoho's refresh grant (api-notes.md §4.2–4.4): errors come back as HTTP 200 with an `error` field. */
  #zohoToken(
    headers: Record<string, string>,
    body: string,
    url: URL,
    send: (status: number, payload: unknown) => void
  ): void {
    // Zoho reads the fields from the query string or from the body, URL-encoded or multipart.
    const form =
      url.search.length > 1
        ? new URLSearchParams(url.search)
        : (formFields(headers['content-type'], body) ?? new URLSearchParams())
    if (form.get('grant_type') !== 'refresh_token') return send(200, { error: 'unsupported_grant_type' })
    if (form.get('client_id') !== this.zoho.clientId || form.get('client_secret') !== this.zoho.clientSecret) {
      return send(200, { error: 'invalid_client' })
    }
    const refreshToken = form.get('refresh_token') ?? ''
    if (refreshToken !== this.zoho.refreshToken) return send(200, { error: 'invalid_code' })
    const now = Date.now()
    const recent = (this.zohoRefreshTimes.get(refreshToken) ?? []).filter((t) => now - t < 10 * 60_000)
    if (recent.length >= 10) {
      const { status, error } = { status: 200, error: 'Access Denied', ...this.shapes.zohoThrottle }
      return send(status, {
        error_description: 'You have made too many requests continuously. Please try again after some time.',
        error,
        status: 'failure'
      })
    }
    recent.push(now)
    this.zohoRefreshTimes.set(refreshToken, recent)
    const token = `1000.${opaqueToken(32)}.${opaqueToken(32)}`
    this.issuedZohoTokens.add(token)
    send(200, {
      access_token: token,
      expires_in: 3600,
      api_domain: this.zoho.apiDomain ?? this.url,
      token_type: 'Bearer'
    })
  }
}

function routeOf(method: string, path: string): Route | 'unknown' {
  if (method === 'POST' && (path === '/ims/token/v3' || path === '/ims/token/v2')) return 'ims.token'
  if (method === 'POST' && path === '/oauth/v2/token') return 'zoho.token'
  const source = SourceEmulation.routeOf(method, path)
  if (source) return source
  if (method === 'GET' && path === SANDBOXES) return 'sandboxes.list'
  if (!path.startsWith(FLOW)) return 'unknown'
  const rest = path.slice(FLOW.length).replace(/\/$/, '')
  if (method === 'GET' && /^\/connectionSpecs\/[^/]+$/.test(rest)) return 'spec.get'
  if (rest === '/connections')
    return method === 'GET' ? 'connections.list' : method === 'POST' ? 'connections.create' : 'unknown'
  if (/^\/connections\/[^/]+$/.test(rest)) {
    if (method === 'GET') return 'connections.get'
    if (method === 'PATCH') return 'connections.patch'
    if (method === 'DELETE') return 'connections.delete'
  }
  if (method === 'GET' && /^\/connections\/[^/]+\/test$/.test(rest)) return 'connections.test'
  if (method === 'GET' && /^\/connections\/[^/]+\/explore$/.test(rest)) return 'connections.explore'
  return pipelineRouteOf(method, rest) ?? 'unknown'
}

/**
 * What Flow Service shows of a connection: by default secret params are not returned (a partial
 * view), the others as stored; `forms` shows any param in another form, or leaves it out.
 */
function view(c: StoredConnection, sandbox: string, orgId: string, forms: EmulatorShapes['paramForms'] = {}) {
  const visible: Record<string, string> = {}
  for (const [name, value] of Object.entries(c.auth.params)) {
    const form = forms[name]
    const shown = form
      ? form(value)
      : ['clientSecret', 'accessToken', 'refreshToken'].includes(name)
        ? undefined
        : value
    if (shown !== undefined) visible[name] = shown
  }
  return {
    id: c.id,
    name: c.name,
    description: c.description,
    state: c.state,
    etag: c.etag,
    version: c.etag,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    createdBy: 'techacct@AdobeID',
    createdClient: 'client',
    sandboxName: sandbox,
    imsOrgId: orgId,
    auth: { specName: c.auth.specName, params: visible },
    connectionSpec: c.connectionSpec
  }
}

/** Waits for room to write, or for the client to leave; leaves no listener behind either way. */
function drainedOrClosed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done).off('close', done)
      resolve()
    }
    res.once('drain', done).once('close', done)
  })
}

export function flowError(status: number, code: string, message: string, requestId: string) {
  return {
    type: `https://ns.adobe.com/aep/errors/FLOW-${code}-${status}`,
    title: message,
    status,
    report: { 'detailed-message': message, 'request-id': requestId },
    errorMessage: message
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

// ---------------------------------------------------------------------------------------------
// Hostile answers (issue 12): a server that is broken, compromised or simply odd.

/** Strings that would command the runner if printed as they are, or render as live Markdown. */
export const HOSTILE = {
  /** Ends the line, then switches the runner's command processing (and masking) off. */
  stopCommands: 'Zoho CRM\n::stop-commands::pwned\n',
  /** A command after a Unicode line separator and a bare CR. */
  separators: 'name\u2028::warning::forged\r::error::forged too',
  /** A legacy-format command in the middle of a line. */
  legacy: 'spec ##[stop-commands]pwned',
  markdown:
    '[Re-authenticate here](https://evil.example/login) ![x](https://evil.example/p.png) <a href="https://evil.example">a</a> <https://evil.example/auto> https://evil.example/bare www.evil.example'
} as const

/** A hostile answer, consumed like any fault by the next request to its route. */
export type HostileFault =
  /** Streams `bytes` of a JSON body as fast as the client reads it (or declares them in content-length). */
  | { kind: 'huge-body'; bytes: number; status?: number; declareLength?: boolean }
  /** A listing page with no items and a next link never seen before: endless pagination. */
  | { kind: 'fresh-next-page' }
  /** An error whose body echoes parts of the secrets the request carried. */
  | { kind: 'echo-secrets'; status: number; route: 'ims' | 'zoho' | 'flow' }

interface HostileContext {
  readonly req: IncomingMessage
  readonly res: ServerResponse
  readonly entry: LoggedRequest
  readonly body: string
  readonly headers: Record<string, string>
  readonly requestId: string
  readonly hostile: { hugeBytesSent: number; freshPages: number }
}

async function answerHostile(fault: HostileFault, ctx: HostileContext): Promise<void> {
  const { res, entry, requestId } = ctx
  switch (fault.kind) {
    case 'huge-body': {
      entry.status = fault.status ?? 200
      res.writeHead(entry.status, {
        'content-type': 'application/json',
        'x-request-id': requestId,
        ...(fault.declareLength ? { 'content-length': String(fault.bytes) } : {})
      })
      const chunk = Buffer.alloc(64 * 1024, 0x20)
      res.write('{"items":[],"filler":"')
      let closed = false
      res.on('close', () => (closed = true))
      for (let sent = 0; sent < fault.bytes && !closed; sent += chunk.length) {
        ctx.hostile.hugeBytesSent += chunk.length
        if (!res.write(chunk)) await drainedOrClosed(res)
      }
      if (!closed) res.end('"}')
      return
    }
    case 'fresh-next-page': {
      entry.status = 200
      const page = ++ctx.hostile.freshPages
      res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': requestId })
      res.end(
        JSON.stringify({
          items: [],
          _links: { next: { href: `/connections?continuationToken=fresh-${page}-${randomUUID()}` } }
        })
      )
      return
    }
    case 'echo-secrets': {
      const secrets = secretsCarried(ctx, fault.route)
      const echoes = secrets.flatMap((secret) => [
        secret.slice(0, 24),
        `${secret.slice(0, -4)}****`,
        secret.slice(3, -3)
      ])
      const said = `Rejected credentials: ${echoes.join(' | ')}`
      entry.status = fault.status
      const payload =
        fault.route === 'flow'
          ? flowError(fault.status, '1102', said, requestId)
          : { error: fault.route === 'ims' ? 'invalid_client' : 'invalid_request', error_description: said }
      res.writeHead(fault.status, { 'content-type': 'application/json', 'x-request-id': requestId })
      res.end(JSON.stringify(payload))
      return
    }
  }
}

/** The secrets a request carried: form fields, the auth params of a JSON body, the bearer token. */
function secretsCarried(ctx: HostileContext, route: 'ims' | 'zoho' | 'flow'): string[] {
  if (route !== 'flow') {
    const form = new URLSearchParams(ctx.body)
    return ['client_secret', 'refresh_token'].map((field) => form.get(field) ?? '').filter(Boolean)
  }
  const bearer = (ctx.headers['authorization'] ?? '').replace(/^Bearer /, '')
  let params: Record<string, string> = {}
  try {
    params = (JSON.parse(ctx.body) as { auth?: { params?: Record<string, string> } }).auth?.params ?? {}
  } catch {
    // A GET has no body: the bearer token alone is echoed.
  }
  return [bearer, params['clientSecret'] ?? '', params['refreshToken'] ?? '', params['accessToken'] ?? ''].filter(
    (secret) => secret.length >= 8
  )
}
