import type { HttpClient, HttpRequest, HttpResponse, HttpTarget } from '../http.ts'
import { isFlowServiceCode } from '../plan/store.ts'
import { adobeError, readAdobeErrorBody } from './errors.ts'

/** What every Platform call needs: the headers of api-notes.md §2.1 and where to send them. */
export interface PlatformSession {
  readonly http: HttpClient
  readonly platformUrl: string
  readonly clientId: string
  readonly orgId: string
  readonly sandbox: string
  readonly accessToken: string
  /**
   * Mints a new IMS token, when the run holds a client secret: after the gateway refuses the
   * token (HTTP 401), the run mints one, once, and sends the refused request again (§5.2).
   */
  readonly renewAccessToken?: (() => Promise<string>) | undefined
  /** The run minted its token at IMS (it holds the client secret): a lasting 401 is then not about a stale token. */
  readonly tokenMintedByRun?: boolean | undefined
}

export interface PlatformCall {
  readonly operation: string
  readonly method: HttpRequest['method']
  readonly path: string
  readonly json?: unknown
  readonly headers?: Readonly<Record<string, string>>
  /** How it may be sent again: `read` when not named. */
  readonly kind?: HttpRequest['kind']
  /** The Sandbox API's user endpoint takes no sandbox header. */
  readonly withSandbox?: boolean
}

const PLATFORM: HttpTarget = { service: 'Adobe Experience Platform', input: 'adobe-platform-url' }

/**
 * The one renewal of a session's token, shared by the calls that met the 401 together (the
 * preflight reads run at once): a run mints at most one new token.
 */
const renewals = new WeakMap<PlatformSession, Promise<string>>()

export async function callPlatform(session: PlatformSession, call: PlatformCall): Promise<HttpResponse> {
  const renewed = renewals.get(session)
  const response = await send(session, call, renewed ? await renewed : session.accessToken)
  if (response.status !== 401 || renewed || !session.renewAccessToken || !refusedByGateway(response)) return response
  let renewal = renewals.get(session)
  if (!renewal) {
    session.http.log.info(
      `Adobe's gateway refused the access token (HTTP 401) while trying to ${call.operation}; minting one new token at Adobe IMS and trying once more`
    )
    renewal = session.renewAccessToken()
    renewals.set(session, renewal)
  }
  return send(session, call, await renewal)
}

/** A 401 from the gateway (`error_code`, api-notes.md §2.9), not a Flow Service answer. */
function refusedByGateway(response: HttpResponse): boolean {
  return !isFlowServiceCode(readAdobeErrorBody(response).code)
}

function send(session: PlatformSession, call: PlatformCall, accessToken: string): Promise<HttpResponse> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${accessToken}`,
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
    ...(call.kind ? { kind: call.kind } : {})
  })
}

export function platformError(
  session: PlatformSession,
  operation: string,
  response: HttpResponse,
  api = "Adobe's Flow Service API"
) {
  return adobeError(response, {
    api,
    operation,
    sandbox: session.sandbox,
    orgId: session.orgId,
    tokenMintedByRun: session.tokenMintedByRun ?? false
  })
}
