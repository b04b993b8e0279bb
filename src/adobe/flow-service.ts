import * as z from 'zod/mini'
import { ActionError } from '../errors.ts'
import {
  CreateOutcomeUnknownError,
  isFlowServiceCode,
  sameName,
  SourceRefusedError,
  StaleEtagError,
  type Connection,
  type ConnectionSpec,
  type ConnectionStore,
  type CreateConnectionRequest,
  type ListedTable,
  type PatchInstruction
} from '../plan/store.ts'
import { ConnectionInUseError } from '../plan/pipeline.ts'
import { NetworkError, parseJsonBody, parseJsonLeniently, type HttpResponse } from '../http.ts'
import { gatewayRefusedBeforeTheService } from '../retry-policy.ts'
import { RESOURCE_ID } from '../vocabulary.ts'
import { AnswerShapes } from './answer-shape.ts'
import { readAdobeErrorBody } from './errors.ts'
import { callPlatform, platformError, type PlatformCall, type PlatformSession } from './platform.ts'

const BASE = '/data/foundation/flowservice'

const resourceId = z.string().check(z.regex(RESOURCE_ID))

const connectionItemSchema = z.object({
  id: resourceId,
  name: z.string(),
  description: z.optional(z.string()),
  state: z.optional(z.string()),
  etag: z.optional(z.string()),
  createdAt: z.optional(z.number()),
  connectionSpec: z.optional(z.object({ id: z.string(), version: z.optional(z.string()) })),
  auth: z.optional(z.object({ params: z.optional(z.record(z.string(), z.unknown())) }))
})

/** Params that hold a credential: never kept, whatever Adobe shows of them. */
const SECRET_PARAMS: ReadonlySet<string> = new Set(['clientSecret', 'accessToken', 'refreshToken', 'password'])

/**
 * Of `auth` only the params Adobe shows in clear are kept (its "partial view of the credentials",
 * in the Flow Service API reference), for repair to compare; the credentials are dropped here.
 */
function toConnection(item: z.infer<typeof connectionItemSchema>): Connection {
  const { auth, ...rest } = item
  if (!auth?.params) return rest
  const params: Record<string, string> = {}
  for (const [name, value] of Object.entries(auth.params)) {
    if (typeof value === 'string' && !SECRET_PARAMS.has(name)) params[name] = value
  }
  return { ...rest, params }
}

const listSchema = z.object({
  items: z.array(connectionItemSchema),
  _links: z.optional(z.object({ next: z.optional(z.object({ href: z.string() })) }))
})
const specSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.optional(z.string()),
      version: z.optional(z.string()),
      authSpec: z.optional(z.array(z.object({ name: z.string(), spec: z.optional(z.unknown()) })))
    })
  )
})
const writeSchema = z.object({ id: resourceId, etag: z.optional(z.string()) })
const testSchema = z.object({ result: z.boolean() })

/** A create refused because the source or its spec is unknown, disabled, deprecated or not provisioned (§5.7). */
function refusedForTheSource(response: HttpResponse): boolean {
  const status = response.status
  if (status < 400 || status >= 500 || [401, 408, 429].includes(status)) return false
  const { code, message = '' } = readAdobeErrorBody(response)
  if (code === '1413-400') return true
  if (code === '1415-400' || code === '1304-400') return false
  // The gateway's 403 and Flow Service's request-level codes (2xxx) are about the run's credential.
  if (isFlowServiceCode(code) ? code?.startsWith('2') : status === 403) return false
  return (
    /connection ?spec|\bsource\b|connector|provider/i.test(message) &&
    /unknown|invalid|disabled|deprecated|withdrawn|retired|discontinued|no longer|not (?:provisioned|enabled|available|supported|found|allowed)/i.test(
      message
    )
  )
}

/** A PATCH refused because the connector does not allow it (api-notes.md §5.3). */
function patchNotAllowed(response: HttpResponse): boolean {
  if (response.status < 400 || response.status >= 500) return false
  const { code, message = '' } = readAdobeErrorBody(response)
  if (code === '1300-400' || code === '1445-400') return true
  return /patch/i.test(message) && /not supported|unsupported|not enabled|not allowed/i.test(message)
}

/** The endpoint an answer came from, ids left out: the key of the shapes logged once each. */
function endpointOf(method: string, path: string): string {
  const bare = path.split('?')[0] ?? path
  return `${method} ${bare.replace(BASE, '').replace(/\/(connections|connectionSpecs)\/[^/]+/, '/$1/{id}')}`
}

/** Pages of one listing this action follows at most; fresh next links cannot keep it busy. */
export const MAX_PAGES = 100

/** True when a parse failed on an `id` field (the id itself is never repeated: it is untrusted). */
function badIdIn(error: { issues: readonly { path: readonly PropertyKey[] }[] }): boolean {
  return error.issues.some((issue) => issue.path[issue.path.length - 1] === 'id')
}

/** Flow Service base connections (api-notes.md §2): the plan's connection store. */
export class FlowServiceClient implements ConnectionStore {
  readonly #session: PlatformSession
  readonly #shapes: AnswerShapes

  /** `authParams`: the params of the source's connections, which debug shapes list even when absent. */
  constructor(session: PlatformSession, authParams: readonly string[] = []) {
    this.#session = session
    this.#shapes = new AnswerShapes((line) => session.http.log.debug(line), authParams)
  }

  /** Undefined when the spec does not exist for this org and sandbox. */
  async getConnectionSpec(specId: string): Promise<ConnectionSpec | undefined> {
    const operation = 'read the connection spec'
    const response = await this.#call({
      operation,
      method: 'GET',
      path: `${BASE}/connectionSpecs/${encodeURIComponent(specId)}`
    })
    if (this.#resourceNotFound(response)) return undefined
    return this.#parse(response, operation, 200, specSchema).items[0]
  }

  /**
   * Every connection of the spec with exactly this name, across all pages. Names that the
   * filter syntax cannot carry literally (`,` is an OR, quoting is undocumented for connections)
   * are matched here instead of by the server, so a name is never mis-read as several.
   */
  async findConnectionsByName(name: string, specId: string): Promise<Connection[]> {
    const operation = 'list connections'
    // Written as Adobe's examples are (`property=description==Test%20description`): the key and
    // `==` literal, the value percent-encoded, a space as %20 rather than a form-encoded `+`.
    const filters = [`connectionSpec.id==${encodeURIComponent(specId)}`]
    // Only a name of plain ASCII is filtered by the server: its NFC and NFD forms are the same
    // (api-notes.md §5.4); any other is matched here, after normalisation.
    if (/^[A-Za-z0-9 _.()-]+$/.test(name)) filters.unshift(`name==${encodeURIComponent(name)}`)
    const query = filters.map((filter) => `property=${filter}`).join('&')
    let path: string | undefined = `${BASE}/connections?${query}`
    const found: Connection[] = []
    const seen = new Set<string>()
    for (let page = 0; path !== undefined; page++) {
      if (page >= MAX_PAGES || seen.has(path))
        throw new ActionError(
          `Adobe's Flow Service API kept answering with a next page while trying to ${operation}; stopped after ${page} pages (the most this action follows is ${MAX_PAGES})`
        )
      seen.add(path)
      const body = this.#parse(await this.#call({ operation, method: 'GET', path }), operation, 200, listSchema)
      found.push(
        ...body.items
          .filter((item) => sameName(item.name, name) && (item.connectionSpec?.id ?? specId) === specId)
          .map(toConnection)
      )
      path = this.#nextPage(body._links?.next?.href, query)
    }
    return found
  }

  async getConnection(id: string): Promise<Connection | undefined> {
    const operation = 'read the connection'
    const response = await this.#call({
      operation,
      method: 'GET',
      path: `${BASE}/connections/${encodeURIComponent(id)}`
    })
    if (this.#resourceNotFound(response)) return undefined
    // A single GET answers with a list wrapper (api-notes.md §2.3).
    const item = this.#parse(response, operation, 200, listSchema).items[0]
    return item && toConnection(item)
  }

  /** Sent once: a repeat could make a duplicate. Throws CreateOutcomeUnknownError when unsure. */
  async createConnection(body: CreateConnectionRequest): Promise<{ id: string; etag: string | undefined }> {
    const operation = 'create the connection'
    let response: HttpResponse
    try {
      response = await this.#call({
        operation,
        method: 'POST',
        path: `${BASE}/connections`,
        json: body,
        kind: 'create'
      })
    } catch (error) {
      if (error instanceof NetworkError && error.maybeApplied)
        throw new CreateOutcomeUnknownError(error.message, { cause: error })
      throw error
    }
    if (response.status >= 500) {
      const failed = platformError(this.#session, operation, response)
      // Sent again by the HTTP layer until max-attempts; still refused, it proves nothing was made.
      if (gatewayRefusedBeforeTheService(response)) {
        throw failed.retold(`${failed.summary}; the request never passed Adobe's gateway, so nothing was created`)
      }
      throw new CreateOutcomeUnknownError(failed.message, { cause: failed })
    }
    if (response.status === 200 || response.status === 201) {
      // Accepted, but an unreadable answer hides the id: as unknown as a timeout.
      const created = writeSchema.safeParse(parseJsonLeniently(response.body))
      if (!created.success) {
        throw new CreateOutcomeUnknownError(
          `Adobe's Flow Service API accepted the request to ${operation} (HTTP ${response.status}) but answered ${badIdIn(created.error) ? 'with an id that is not a valid resource id' : 'with an unreadable body'}`
        )
      }
      return { id: created.data.id, etag: created.data.etag }
    }
    const refused = platformError(this.#session, operation, response)
    throw refusedForTheSource(response) ? new SourceRefusedError(refused) : refused
  }

  async updateConnection(
    id: string,
    etag: string,
    patch: readonly PatchInstruction[]
  ): Promise<{ etag: string | undefined }> {
    const operation = 'update the connection'
    const response = await this.#call({
      operation,
      method: 'PATCH',
      path: `${BASE}/connections/${encodeURIComponent(id)}`,
      json: patch,
      // Sent as returned by Flow Service, quotes included (api-notes.md §2.5).
      headers: { 'if-match': etag }
    })
    if (response.status === 412) {
      const refused = platformError(this.#session, operation, response)
      throw new StaleEtagError(refused.message, { cause: refused })
    }
    if (patchNotAllowed(response)) {
      const refused = platformError(this.#session, operation, response)
      throw refused.retold(
        `${refused.summary}. Adobe does not allow updating this connection's credentials through the API: to replace ` +
          'them, delete the connection (mode: delete) and run ensure again to create it anew, once no dataflow uses it ' +
          '(Adobe refuses to delete a connection that dataflows use)'
      )
    }
    return { etag: this.#parse(response, operation, 200, writeSchema).etag }
  }

  /** `absent` when it was already gone before this call. */
  async deleteConnection(id: string): Promise<'deleted' | 'absent'> {
    const operation = 'delete the connection'
    const response = await this.#call({
      operation,
      method: 'DELETE',
      path: `${BASE}/connections/${encodeURIComponent(id)}`
    })
    // A 404 after a retried attempt means the earlier attempt did delete it.
    if (this.#resourceNotFound(response)) return response.attempts > 1 ? 'deleted' : 'absent'
    if (response.status === 200 || response.status === 204) return 'deleted'
    const refused = platformError(this.#session, operation, response)
    // Dataflows use it (§2.6): the plan names them.
    throw readAdobeErrorBody(response).code === '1418-400' ? new ConnectionInUseError(refused) : refused
  }

  /**
   * Publishes a draft (api-notes.md §6.4): `POST /connections/{id}/action?op=publish`, no body, as
   * Adobe's draft tutorial sends it. Sent again after an outage like a read: publishing is what
   * the run wants either way, and the plan reads the connection back when a repeat is refused.
   */
  async publishConnection(id: string): Promise<{ etag: string | undefined }> {
    const operation = 'publish the draft connection'
    const response = await this.#call({
      operation,
      method: 'POST',
      path: `${BASE}/connections/${encodeURIComponent(id)}/action?op=publish`
    })
    const published = writeSchema.safeParse(parseJsonLeniently(response.body))
    if (response.status !== 200 && response.status !== 201) throw platformError(this.#session, operation, response)
    return { etag: published.success ? published.data.etag : undefined }
  }

  async testConnection(id: string): Promise<boolean> {
    const operation = 'test the connection'
    const response = await this.#call({
      operation,
      method: 'GET',
      path: `${BASE}/connections/${encodeURIComponent(id)}/test`
    })
    return this.#parse(response, operation, 200, testSchema).result
  }

  /** The root objects (tables) the source lists: a display `name`, and the `path` that identifies it (§5.5). */
  async exploreRoot(id: string): Promise<ListedTable[]> {
    const operation = 'explore the connection'
    const response = await this.#call({
      operation,
      method: 'GET',
      path: `${BASE}/connections/${encodeURIComponent(id)}/explore?objectType=root`
    })
    const items = this.#parse(response, operation, 200, z.array(z.unknown()))
    return items.flatMap((item) => {
      const { name, path } = item && typeof item === 'object' ? (item as { name?: unknown; path?: unknown }) : {}
      const shownPath = typeof path === 'string' && path !== '' ? path : undefined
      const shownName = typeof name === 'string' && name !== '' ? name : shownPath
      return shownName === undefined ? [] : [{ name: shownName, path: shownPath }]
    })
  }

  /** A 404 about the resource itself; "Sandbox not found" (FLOW 2100/2101-404) is an error instead. */
  #resourceNotFound(response: HttpResponse): boolean {
    if (response.status !== 404) return false
    const { code } = readAdobeErrorBody(response)
    return code !== '2100-404' && code !== '2101-404'
  }

  async #call(call: PlatformCall): Promise<HttpResponse> {
    const response = await callPlatform(this.#session, call)
    this.#shapes.record(endpointOf(call.method, call.path), response.status, response.body)
    return response
  }

  #parse<T>(response: HttpResponse, operation: string, ok: number | number[], schema: z.ZodMiniType<T>): T {
    const expected = Array.isArray(ok) ? ok : [ok]
    if (!expected.includes(response.status)) throw platformError(this.#session, operation, response)
    const parsed = schema.safeParse(parseJsonBody(response, `Flow Service (${operation})`))
    if (!parsed.success) {
      throw new ActionError(
        `Adobe's Flow Service API answered HTTP ${response.status} ${badIdIn(parsed.error) ? 'with an id that is not a valid resource id' : 'with a body of an unexpected shape'} while trying to ${operation}; not using it`
      )
    }
    return parsed.data
  }

  /**
   * Next-page links are relative to the service (api-notes.md §2.4); absolute ones must stay on
   * Platform. A link without the query's `property` filters gets them again beside its
   * continuation token (§5.6).
   */
  #nextPage(href: string | undefined, filters: string): string | undefined {
    const path = this.#nextPath(href)
    if (path === undefined || new URL(path, 'http://next.invalid').searchParams.has('property')) return path
    return `${path}${path.includes('?') ? '&' : '?'}${filters}`
  }

  #nextPath(href: string | undefined): string | undefined {
    if (!href) return undefined
    if (/^https?:\/\//i.test(href)) {
      const url = new URL(href)
      if (url.origin !== new URL(this.#session.platformUrl).origin) {
        throw new ActionError(
          `list connections: Flow Service pointed the next page at another host (${url.host}); not following it`
        )
      }
      return `${url.pathname}${url.search}`.replace(new URL(this.#session.platformUrl).pathname.replace(/\/$/, ''), '')
    }
    if (href.startsWith(BASE)) return href
    return `${BASE}${href.startsWith('/') ? '' : '/'}${href}`
  }
}
