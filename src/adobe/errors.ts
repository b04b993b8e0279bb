import { ServiceError, oneLine } from '../errors.ts'
import { parseJsonLeniently, type HttpResponse } from '../http.ts'

/** What the error bodies of Platform's gateway, Flow Service and the Sandbox API carry (api-notes.md §2.9). */
export interface AdobeErrorBody {
  /** `NNNN-SSS` from a `type` ending in `FLOW-NNNN-SSS` (or `SMS-…`), or a gateway `error_code`. */
  readonly code: string | undefined
  readonly message: string | undefined
  readonly requestId: string | undefined
}

export function readAdobeErrorBody(response: HttpResponse): AdobeErrorBody {
  // Not JSON (a proxy's HTML page, an empty body): the status alone has to speak.
  const parsed = parseJsonLeniently(response.body)
  const body = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {}
  const text = (key: string): string | undefined => {
    const value = body[key]
    return typeof value === 'string' && value.trim() !== '' ? value : undefined
  }
  const report = body['report'] && typeof body['report'] === 'object' ? (body['report'] as Record<string, unknown>) : {}
  const reportRequestId = typeof report['request-id'] === 'string' ? report['request-id'] : undefined
  const typeCode = text('type')?.match(/(?:FLOW|SMS)-(\d+-\d{3})$/)?.[1]
  const rawGatewayCode = body['error_code']
  const gatewayCode =
    typeof rawGatewayCode === 'string' || typeof rawGatewayCode === 'number' ? String(rawGatewayCode) : undefined
  const title = text('title')
  const detail = text('errorMessage') ?? text('message') ?? text('detail')
  return {
    code: typeCode ?? gatewayCode,
    message: detail && title && detail !== title ? `${title}: ${detail}` : (detail ?? title),
    requestId: reportRequestId ?? response.headers['x-request-id']
  }
}

export interface AdobeCallContext {
  /** The API as Adobe's docs name it, e.g. "Adobe's Flow Service API". */
  readonly api?: string
  /** Completes "refused to …", e.g. "list connections". */
  readonly operation: string
  readonly sandbox: string
  readonly orgId: string
  /** The refused token was one the run minted at IMS with adobe-client-secret (api-notes.md §5.2). */
  readonly tokenMintedByRun?: boolean
}

/**
 * A 401 that a token the run minted itself does not cure: IMS issued the token, so it is not
 * stale; the gateway refuses the credential itself (api-notes.md §5.2).
 */
function lastingRefusal(ctx: AdobeCallContext): string {
  return (
    'Adobe IMS issued this run a fresh access token, and the gateway still refused it, so the credential may no ' +
    'longer be allowed to use the API: in the Adobe Developer Console, check that its project still holds the ' +
    `Experience Platform API and a product profile of org ${ctx.orgId}, and that the credential was not revoked`
  )
}

/** The likely cause and the fix, for the errors users actually meet (api-notes.md §2.9). */
function hintFor(status: number, code: string | undefined, ctx: AdobeCallContext): string | undefined {
  switch (code) {
    case '401013':
      if (ctx.tokenMintedByRun) return lastingRefusal(ctx)
      return 'the Adobe access token is not valid or has expired: pass a fresh adobe-access-token, or pass adobe-client-secret so the action mints one'
    case '403011':
      return (
        "the access token lacks the scope of this API (the gateway's Scope mismatch), not a sandbox permission: the " +
        "credential's Developer Console project must include the Experience Platform API, and adobe-scopes must ask " +
        'for the scopes its credential page lists (leave adobe-scopes empty for the default)'
      )
    case '403000':
    case '403003':
      return 'the API key is not valid: adobe-client-id must be the client id of the Developer Console project that holds the Experience Platform API'
    case '403025':
      return `the credential is not entitled to org ${ctx.orgId}: check adobe-org-id, and that the Developer Console project has an Experience Platform product profile`
    case '403027':
      return `adobe-org-id ${ctx.orgId} is wrong, or the credential has no Experience Platform product profile`
    case '2100-404':
    case '2101-404':
      return `sandbox "${ctx.sandbox}" was not found in org ${ctx.orgId}: check the sandbox input (the sandbox name, not its title)`
    case '2105-400':
      return 'the x-sandbox-name header was refused: check the sandbox input'
    case '2118-403':
    case '2120-403':
    case '2121-403':
      return `the credential is missing a permission in sandbox "${ctx.sandbox}": in the Adobe Admin Console, give its product profile the View Sources and Manage Sources permissions and access to this sandbox`
    case '1418-400':
      return 'the base connection is still used by dataflows: delete those dataflows first'
    case '1416-400':
      return 'Adobe changes or deletes a connection only while it is enabled, disabled or initializing (a draft, as sandbox tooling imports one, may be refused)'
    case '1404-412':
      return 'the connection was changed by someone else meanwhile (etag mismatch)'
    case '1415-400':
      return 'auth-spec-name is not an auth spec of this connection spec'
  }
  if (status === 401) {
    return ctx.tokenMintedByRun ? lastingRefusal(ctx) : 'the Adobe access token was refused: it is invalid or expired'
  }
  if (status === 403) {
    return `access denied: check that the credential's product profile grants the Sources permissions in sandbox "${ctx.sandbox}" of org ${ctx.orgId}`
  }
  return undefined
}

/** What an Adobe error body may say, bounded: the rest of a 20 MB `errorMessage` is of no use. */
const MAX_ADOBE_MESSAGE = 1000

/**
 * Turns a failed Platform answer into one line: which API refused what, Adobe's words, the likely
 * fix. An outage (5xx) and rate limiting (429) are worded as such, not as a refusal.
 */
export function adobeError(response: HttpResponse, ctx: AdobeCallContext): ServiceError {
  const parsed = readAdobeErrorBody(response)
  const api = ctx.api ?? "Adobe's Flow Service API"
  const status = `HTTP ${response.status}${parsed.code ? ` (${parsed.code})` : ''}`
  const said = parsed.message ? `: ${parsed.message.slice(0, MAX_ADOBE_MESSAGE)}` : ''
  let line: string
  if (response.status >= 500) {
    line = `${api} is unavailable (${status}) while trying to ${ctx.operation}${said}. This is on Adobe's side: retry later`
  } else if (response.status === 429) {
    line = `${api} is rate limiting this credential (${status}) while trying to ${ctx.operation}${said}. Retry later, or run fewer jobs at once`
  } else {
    const hint = hintFor(response.status, parsed.code, ctx)
    line = `${api} refused to ${ctx.operation}: ${status}${said}${hint ? `. Likely cause: ${hint}` : ''}`
  }
  line = oneLine(line)
  return new ServiceError(line, { status: response.status, code: parsed.code, requestId: parsed.requestId })
}
