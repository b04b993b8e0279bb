/**
 * One refresh-token grant at an OAuth 2 token endpoint (RFC 6749 §6), for the sources whose
 * credentials a refresh proves before they are written: HubSpot and the Generic REST API source
 * (api-notes.md §7.2, §7.5). Form-encoded, secrets in the body, never in the URL; sent at most
 * once, and again only when the failure proves it never arrived (RETRY_POLICIES `token-refresh`).
 * What the source says of a refusal is the caller's: `explain` words it.
 */
import { ActionError, DeadlineError } from '../errors.ts'
import { NetworkError, parseJsonLeniently, type HttpClient } from '../http.ts'

export interface RefreshRequest {
  readonly tokenUrl: string
  readonly clientId: string
  readonly clientSecret: string
  readonly refreshToken: string
  /** How users know the server, in messages: "HubSpot's token endpoint". */
  readonly service: string
  /** The input that points at it: `source-token-url`, or `auth-params (accessTokenUrl)`. */
  readonly input: string
}

/** What the answer proved: a new access token, and the refresh token the answer carries, if any. */
export interface RefreshGrant {
  readonly accessToken: string
  /** Present when the answer carries one; a source that rotates refresh tokens sends a new one. */
  readonly refreshToken: string | undefined
}

/** A refusal as the server put it: RFC 6749's `error` and `error_description`, and HubSpot's older `status` and `message`. */
export interface Refusal {
  readonly status: number
  readonly error: string | undefined
  readonly description: string | undefined
  /** A legacy status code such as HubSpot's `BAD_REFRESH_TOKEN`. */
  readonly code: string | undefined
  readonly message: string | undefined
}

/** Reads an answer: the grant, or the refusal (also a 2xx without an access token). */
export function judgeRefresh(status: number, body: string): { grant: RefreshGrant } | { refusal: Refusal } {
  const parsed = parseJsonLeniently(body)
  const fields =
    parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {}
  const text = (name: string) => (typeof fields[name] === 'string' && fields[name] !== '' ? fields[name] : undefined)
  const accessToken = text('access_token')
  if (status >= 200 && status < 300 && accessToken && !text('error')) {
    return { grant: { accessToken, refreshToken: text('refresh_token') } }
  }
  return {
    refusal: {
      status,
      error: text('error'),
      description: text('error_description'),
      code: text('status'),
      message: text('message')
    }
  }
}

/** The server's own words about a refusal, for a message: short, and never more than it said. */
export function refusalDetail(refusal: Refusal): string {
  const said = [refusal.error ?? refusal.code, refusal.description ?? refusal.message].filter(Boolean).join(': ')
  const bounded = said.length > 200 ? `${said.slice(0, 197)}...` : said
  return bounded ? `HTTP ${refusal.status}, ${bounded}` : `HTTP ${refusal.status} without an access_token`
}

/**
 * Sends the refresh once. `mask` receives the minted access token and the refresh token the
 * answer carries before anything else sees them; `explain` words a refusal (it ends saying that
 * nothing was written).
 */
export async function refreshAccessToken(
  http: HttpClient,
  request: RefreshRequest,
  mask: (secret: string) => void,
  explain: (refusal: Refusal) => string
): Promise<RefreshGrant> {
  const maybeSpent =
    `The refresh may have reached ${request.service}, so the refresh token may have been used (a source that rotates refresh tokens would then have issued a new one this run never received); ` +
    'it was not sent again. Check the refresh token, then rerun. Nothing was written to Adobe.'
  let answer
  try {
    answer = await http.postForm(
      'refresh the access token that proves the credentials',
      request.tokenUrl,
      {
        grant_type: 'refresh_token',
        client_id: request.clientId,
        client_secret: request.clientSecret,
        refresh_token: request.refreshToken
      },
      { service: request.service, input: request.input },
      'token-refresh'
    )
  } catch (error) {
    if (error instanceof NetworkError) {
      throw new ActionError(`${error.message} ${error.maybeApplied ? maybeSpent : 'Nothing was written to Adobe.'}`, {
        cause: error
      })
    }
    if (error instanceof DeadlineError && error.maybeApplied) {
      throw new ActionError(`${error.message} ${maybeSpent}`, { cause: error })
    }
    throw error
  }
  if (answer.status >= 500 || answer.status === 429) {
    throw new ActionError(
      `${request.service} (${request.input}: ${request.tokenUrl}) answered HTTP ${answer.status} to the refresh. ${maybeSpent}`
    )
  }
  const verdict = judgeRefresh(answer.status, answer.body)
  if ('refusal' in verdict) throw new ActionError(explain(verdict.refusal))
  mask(verdict.grant.accessToken)
  if (verdict.grant.refreshToken) mask(verdict.grant.refreshToken)
  return verdict.grant
}
