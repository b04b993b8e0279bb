import type { HttpClient, HttpRequest, HttpResponse, HttpTarget } from '../http.ts'
import { adobeError } from './errors.ts'

/** What every Platform call needs: the headers of api-notes.md §2.1 and where to send them. */
export interface PlatformSession {
  readonly http: HttpClient
  readonly platformUrl: string
  readonly clientId: string
  readonly orgId: string
  readonly sandbox: string
  readonly accessToken: string
}

export interface PlatformCall {
  readonly operation: string
  readonly method: HttpRequest['method']
  readonly path: string
  readonly json?: unknown
  readonly headers?: Readonly<Record<string, string>>
  readonly retry?: HttpRequest['retry']
  /** The Sandbox API's user endpoint takes no sandbox header. */
  readonly withSandbox?: boolean
}

const PLATFORM: HttpTarget = { service: 'Adobe Experience Platform', input: 'adobe-platform-url' }

export async function callPlatform(session: PlatformSession, call: PlatformCall): Promise<HttpResponse> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${session.accessToken}`,
    'x-api-key': session.clientId,
    'x-gw-ims-org-id': session.orgId,
    ...call.headers
  }
  if (call.withSandbox !== false) headers['x-sandbox-name'] = session.sandbox
  if (call.json !== undefined) headers['content-type'] = 'application/json'
  return session.http.send({
    operation: call.operation,
    target: PLATFORM,
    method: call.method,
    url: `${session.platformUrl}${call.path}`,
    headers,
    ...(call.json !== undefined ? { body: JSON.stringify(call.json) } : {}),
    ...(call.retry ? { retry: call.retry } : {})
  })
}

export function platformError(
  session: PlatformSession,
  operation: string,
  response: HttpResponse,
  api = "Adobe's Flow Service API"
) {
  return adobeError(response, { api, operation, sandbox: session.sandbox, orgId: session.orgId })
}
