/**
 * The dataflows that use a base connection (api-notes.md §6): its source connections
 * (`baseConnectionId`), the flows that use those (`sourceConnectionIds[]`), and how each flow's
 * last run ended (`lastRunDetails`, or its runs when a flow shows none). Reads only: this client
 * has no method that could change or delete anything.
 */
import * as z from 'zod/mini'
import { ActionError } from '../errors.ts'
import { parseJsonBody, type HttpResponse } from '../http.ts'
import { TooManyRunReadsError, type Dataflow, type DataflowReader, type LastRun } from '../plan/pipeline.ts'
import { RESOURCE_ID } from '../vocabulary.ts'
import { AnswerShapes } from './answer-shape.ts'
import { collectPages, type Listing, type Page } from './pages.ts'
import { callPlatform, platformError, type PlatformSession } from './platform.ts'

const BASE = '/data/foundation/flowservice'

/** Source connection ids per flows query: Adobe's example ORs two; 20 keep the URL short (§6.2). */
export const SOURCE_CONNECTIONS_PER_QUERY = 20
/** Flows whose runs this client reads at most, for flows that show no last run (§6.3). */
export const MAX_RUN_READS = 50
/** Requests of one kind this client has in flight at once. */
const AT_ONCE = 4
/** Runs asked for per flow, newest first: the newest that has ended is the last run. */
const RUNS_PER_FLOW = 10

const resourceId = z.string().check(z.regex(RESOURCE_ID))
const text = z.optional(z.nullable(z.string()))

const sourceConnectionSchema = z.object({
  id: resourceId,
  baseConnectionId: text,
  inheritedAttributes: z.optional(
    z.nullable(z.object({ baseConnection: z.optional(z.nullable(z.object({ id: text }))) }))
  )
})

const flowSchema = z.object({
  id: resourceId,
  name: text,
  state: text,
  sourceConnectionIds: z.optional(z.nullable(z.array(z.string()))),
  inheritedAttributes: z.optional(
    z.nullable(z.object({ sourceConnections: z.optional(z.nullable(z.array(z.object({ id: text })))) }))
  ),
  lastRunDetails: z.optional(z.nullable(z.object({ state: text })))
})

const runSchema = z.object({
  flowId: text,
  createdAt: z.optional(z.nullable(z.number())),
  metrics: z.optional(
    z.nullable(
      z.object({
        statusSummary: z.optional(z.nullable(z.object({ status: text }))),
        durationSummary: z.optional(z.nullable(z.object({ startedAtUTC: z.optional(z.nullable(z.number())) })))
      })
    )
  )
})

function pageSchema<T extends z.ZodMiniType>(item: T) {
  return z.object({
    items: z.array(item),
    _links: z.optional(z.nullable(z.object({ next: z.optional(z.nullable(z.object({ href: z.string() }))) })))
  })
}

type Flow = z.infer<typeof flowSchema>
type Run = z.infer<typeof runSchema>

/**
 * A last run's outcome as Adobe words it: `lastRunDetails.state` is "`success` or `failed`"
 * (§6.3), a run's `statusSummary.status` is spelled `success`, `failed` or `Failed`. Anything
 * else (absent, in progress) is no outcome.
 */
export function outcomeOf(state: string | null | undefined): Exclude<LastRun, 'none'> | undefined {
  const word = state?.trim().toLowerCase()
  return word === 'success' || word === 'failed' ? word : undefined
}

/** The newest run that has ended, by when it started (or was created). */
export function lastRunOf(runs: readonly Run[]): LastRun {
  const ended = runs
    .map((run) => ({
      outcome: outcomeOf(run.metrics?.statusSummary?.status),
      at: run.metrics?.durationSummary?.startedAtUTC ?? run.createdAt ?? 0
    }))
    .filter((run) => run.outcome !== undefined)
    .sort((a, b) => b.at - a.at)
  return ended[0]?.outcome ?? 'none'
}

/** True when a parse failed on an `id` field (the id itself is never repeated: it is untrusted). */
function badIdIn(error: { issues: readonly { path: readonly PropertyKey[] }[] }): boolean {
  return error.issues.some((issue) => issue.path[issue.path.length - 1] === 'id')
}

/** Runs `work` over `items`, at most `limit` at a time, keeping their order. */
async function eachAtMost<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const at = next++
      results[at] = await work(items[at] as T)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

export class DataflowsClient implements DataflowReader {
  readonly #session: PlatformSession
  readonly #shapes: AnswerShapes

  constructor(session: PlatformSession) {
    this.#session = session
    this.#shapes = new AnswerShapes((line) => session.http.log.debug(line))
  }

  async dataflowsOf(
    connectionId: string,
    options: { readonly lastRuns: 'all' | 'never' } = { lastRuns: 'all' }
  ): Promise<Dataflow[]> {
    const sourceIds = await this.#sourceConnectionsOf(connectionId)
    if (sourceIds.length === 0) return []
    const chunks: string[][] = []
    for (let at = 0; at < sourceIds.length; at += SOURCE_CONNECTIONS_PER_QUERY) {
      chunks.push(sourceIds.slice(at, at + SOURCE_CONNECTIONS_PER_QUERY))
    }
    const flows = new Map<string, Flow>()
    for (const found of await eachAtMost(chunks, AT_ONCE, (ids) => this.#flowsUsing(ids))) {
      for (const flow of found) flows.set(flow.id, flow)
    }
    const unshown = [...flows.values()].filter((flow) => outcomeOf(flow.lastRunDetails?.state) === undefined)
    const readRuns = options.lastRuns === 'all'
    if (readRuns && unshown.length > MAX_RUN_READS) {
      throw new TooManyRunReadsError(
        `${unshown.length} dataflows that use connection ${connectionId} show no last run, and this action reads the runs of at most ${MAX_RUN_READS}: use dataflows: skip for this connection`
      )
    }
    const lastRuns = new Map<string, LastRun>(
      !readRuns
        ? []
        : await eachAtMost(unshown, AT_ONCE, async (flow) => [flow.id, await this.#lastRunOf(flow.id)] as const)
    )
    return [...flows.values()]
      .map((flow) => ({
        id: flow.id,
        name: flow.name ?? '',
        state: flow.state?.trim() || 'unknown',
        lastRun: outcomeOf(flow.lastRunDetails?.state) ?? lastRuns.get(flow.id) ?? (readRuns ? 'none' : 'unread')
      }))
      .sort((a, b) => (a.name === b.name ? (a.id < b.id ? -1 : 1) : a.name < b.name ? -1 : 1))
  }

  /** The ids of the connection's source connections (§6.1), across all pages. */
  async #sourceConnectionsOf(connectionId: string): Promise<string[]> {
    const items = await this.#list(
      'list the source connections of the connection',
      '/sourceConnections',
      [`baseConnectionId==${encodeURIComponent(connectionId)}`],
      sourceConnectionSchema
    )
    // The filter is the server's; an item that names another base connection is not kept.
    const uses = (item: (typeof items)[number]) => {
      const named = item.baseConnectionId ?? item.inheritedAttributes?.baseConnection?.id
      return named === undefined || named === null || named === connectionId
    }
    return [...new Set(items.filter(uses).map((item) => item.id))]
  }

  /** The flows that use any of these source connections (§6.2), across all pages. */
  async #flowsUsing(sourceIds: readonly string[]): Promise<Flow[]> {
    const flows = await this.#list(
      'list the dataflows that use the connection',
      '/flows',
      // `[]` marks an array property; a comma is an OR (§6.2). The ids are resource ids: no escaping needed.
      [`sourceConnectionIds[]==${sourceIds.join(',')}`],
      flowSchema
    )
    const wanted = new Set(sourceIds)
    return flows.filter((flow) => {
      const named = [
        ...(flow.sourceConnectionIds ?? []),
        ...(flow.inheritedAttributes?.sourceConnections ?? []).flatMap((source) => (source.id ? [source.id] : []))
      ]
      return named.length === 0 || named.some((id) => wanted.has(id))
    })
  }

  /** How the flow's last run ended, from its runs, newest first (§6.3). */
  async #lastRunOf(flowId: string): Promise<LastRun> {
    const operation = `read the runs of dataflow ${flowId}`
    const path = `${BASE}/runs?property=flowId==${encodeURIComponent(flowId)}&orderby=-createdAt&limit=${RUNS_PER_FLOW}`
    const page = this.#parse(await this.#get(operation, path, 'GET /runs'), operation, pageSchema(runSchema))
    return lastRunOf(
      page.items.filter((run) => run.flowId === undefined || run.flowId === null || run.flowId === flowId)
    )
  }

  async #list<T extends z.ZodMiniType>(
    operation: string,
    resource: string,
    filters: readonly string[],
    item: T
  ): Promise<z.infer<T>[]> {
    const query = filters.map((filter) => `property=${filter}`).join('&')
    const listing: Listing = { base: BASE, platformUrl: this.#session.platformUrl, operation, query }
    const schema = pageSchema(item)
    return collectPages(listing, `${BASE}${resource}?${query}`, async (path): Promise<Page<z.infer<T>>> => {
      const body = this.#parse(await this.#get(operation, path, `GET ${resource}`), operation, schema)
      return { items: body.items, next: body._links?.next?.href ?? undefined }
    })
  }

  async #get(operation: string, path: string, endpoint: string): Promise<HttpResponse> {
    const response = await callPlatform(this.#session, { operation, method: 'GET', path })
    this.#shapes.record(endpoint, response.status, response.body)
    return response
  }

  #parse<T>(response: HttpResponse, operation: string, schema: z.ZodMiniType<T>): T {
    if (response.status !== 200) throw platformError(this.#session, operation, response)
    const parsed = schema.safeParse(parseJsonBody(response, `Flow Service (${operation})`))
    if (!parsed.success) {
      throw new ActionError(
        `Adobe's Flow Service API answered HTTP ${response.status} ${badIdIn(parsed.error) ? 'with an id that is not a valid resource id' : 'with a body of an unexpected shape'} while trying to ${operation}; not using it`
      )
    }
    return parsed.data
  }
}
