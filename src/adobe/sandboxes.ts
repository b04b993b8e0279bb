import * as z from 'zod/mini'
import { ServiceError } from '../errors.ts'
import type { Sandbox } from '../plan/store.ts'
import { parseJsonBody } from '../http.ts'
import { AnswerShapes } from './answer-shape.ts'
import { callPlatform, platformError, type PlatformSession } from './platform.ts'

const sandboxSchema = z.object({ name: z.string(), state: z.optional(z.string()), type: z.optional(z.string()) })
const listSchema = z.object({
  sandboxes: z.array(sandboxSchema),
  // Read leniently: a paging field of another type must not hide the sandboxes themselves.
  _page: z.optional(z.unknown()),
  _links: z.optional(z.unknown())
})

const API = "Adobe's Sandbox API"
const PAGE_SIZE = 100
const MAX_PAGES = 20

/** What an answer says of its paging: its page size, the total, and whether a next page exists. */
function pagingOf(body: z.infer<typeof listSchema>): { limit?: number; total?: number; next: boolean } {
  const page = body._page && typeof body._page === 'object' ? (body._page as Record<string, unknown>) : {}
  const links = body._links && typeof body._links === 'object' ? (body._links as Record<string, unknown>) : {}
  const count = (key: string) => {
    const value = page[key]
    return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined
  }
  const next =
    links['next'] && typeof links['next'] === 'object' ? (links['next'] as { href?: unknown }).href : undefined
  const total = count('totalCount') ?? count('total')
  const limit = count('limit')
  return {
    ...(limit !== undefined ? { limit } : {}),
    ...(total !== undefined ? { total } : {}),
    next: typeof next === 'string' && next !== ''
  }
}

/**
 * The sandboxes this credential can see, from the endpoint open to non-admins (api-notes.md §3.1).
 * Paged by what the server returns, never by the page size asked for (§5.6): the next offset is
 * the rows received so far, and the list ends at the total, at a page shorter than the server's
 * own page size when it names one and gives no next link, or at an empty page. Undefined when
 * the credential may not list them: Flow Service's own "Sandbox not found" then has to speak.
 */
export async function listAvailableSandboxes(session: PlatformSession): Promise<Sandbox[] | undefined> {
  const operation = 'list sandboxes'
  const shapes = new AnswerShapes((line) => session.http.log.debug(line))
  const sandboxes: Sandbox[] = []
  for (let page = 0; page < MAX_PAGES; page++) {
    const response = await callPlatform(session, {
      operation,
      method: 'GET',
      path: `/data/foundation/sandbox-management/?limit=${PAGE_SIZE}&offset=${sandboxes.length}`,
      withSandbox: false
    })
    shapes.record('GET /sandbox-management/', response.status, response.body)
    if (response.status === 403) return undefined
    if (response.status !== 200) throw platformError(session, operation, response, API)
    const parsed = listSchema.safeParse(parseJsonBody(response, API))
    if (!parsed.success) {
      throw new ServiceError(`${API} answered HTTP 200 with a sandbox list of an unexpected shape`, {
        status: response.status,
        requestId: response.headers['x-request-id']
      })
    }
    const rows = parsed.data.sandboxes.length
    sandboxes.push(...parsed.data.sandboxes)
    const { limit, total, next } = pagingOf(parsed.data)
    if (rows === 0 || (total !== undefined && sandboxes.length >= total)) break
    if (total === undefined && !next && limit !== undefined && rows < limit) break
  }
  return sandboxes
}
