import * as z from 'zod/mini'
import { ServiceError } from '../errors.ts'
import { parseJsonBody } from '../http.ts'
import { callPlatform, platformError, type PlatformSession } from './platform.ts'

const sandboxSchema = z.object({ name: z.string(), state: z.optional(z.string()), type: z.optional(z.string()) })
export type Sandbox = z.infer<typeof sandboxSchema>
const listSchema = z.object({ sandboxes: z.array(sandboxSchema) })

const API = "Adobe's Sandbox API"
const PAGE_SIZE = 100
const MAX_PAGES = 20

/**
 * The sandboxes this credential can see, from the endpoint open to non-admins (api-notes.md §3.1).
 * Undefined when the credential may not list them: Flow Service's own "Sandbox not found" then
 * has to speak.
 */
export async function listAvailableSandboxes(session: PlatformSession): Promise<Sandbox[] | undefined> {
  const operation = 'list sandboxes'
  const sandboxes: Sandbox[] = []
  for (let page = 0; page < MAX_PAGES; page++) {
    const response = await callPlatform(session, {
      operation,
      method: 'GET',
      path: `/data/foundation/sandbox-management/?limit=${PAGE_SIZE}&offset=${page * PAGE_SIZE}`,
      withSandbox: false
    })
    if (response.status === 403) return undefined
    if (response.status !== 200) throw platformError(session, operation, response, API)
    const parsed = listSchema.safeParse(parseJsonBody(response, API))
    if (!parsed.success) {
      throw new ServiceError(`${API} answered HTTP 200 with a sandbox list of an unexpected shape`, {
        status: response.status,
        requestId: response.headers['x-request-id']
      })
    }
    sandboxes.push(...parsed.data.sandboxes)
    if (parsed.data.sandboxes.length < PAGE_SIZE) break
  }
  return sandboxes
}
