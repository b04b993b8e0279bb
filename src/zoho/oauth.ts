import { ActionError, DeadlineError, oneLine } from '../errors.ts'
import { NetworkError, parseJsonLeniently, type HttpClient } from '../http.ts'
import type { ZohoTokenSource } from '../vocabulary.ts'
import { regionLabel, regionOfAccountsHost, sameDataCentre, type ZohoRegion } from './regions.ts'

export interface ZohoRefreshRequest {
  readonly accountsUrl: string
  /** The API domain the connection will use; Zoho's `api_domain` must agree with it. */
  readonly endpoint: string
  readonly clientId: string
  readonly clientSecret: string
  readonly refreshToken: string
  /** The data centre the inputs name, when they name one (an emulator's URLs do not). */
  readonly region?: ZohoRegion | undefined
}

export type RefreshVerdict =
  | { readonly ok: true; readonly accessToken: string; readonly apiDomain: string | undefined }
  | {
      readonly ok: false
      readonly kind: 'invalid_client' | 'invalid_code' | 'throttled' | 'refused' | 'not_json'
      readonly detail: string
    }

/**
 * Judges a refresh answer by its body, not its status: Zoho answers 200 with an `error` field,
 * and 200 or 400 with `"status": "failure"` when throttled (api-notes.md §4.3, §4.4).
 */
export function judgeRefreshAnswer(status: number, body: string): RefreshVerdict {
  const parsed = parseJsonLeniently(body)
  if (parsed === undefined) {
    if (/access denied/i.test(body)) return { ok: false, kind: 'throttled', detail: 'Access Denied' }
    return { ok: false, kind: 'not_json', detail: `HTTP ${status} with a body that is not JSON` }
  }
  const fields = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {}
  const error = typeof fields['error'] === 'string' ? fields['error'] : undefined
  const description = typeof fields['error_description'] === 'string' ? fields['error_description'] : undefined
  const token =
    typeof fields['access_token'] === 'string' && fields['access_token'] !== '' ? fields['access_token'] : undefined
  if (error === 'invalid_client' || error === 'invalid_code') return { ok: false, kind: error, detail: error }
  // Zoho words `error` in the account's language (`拒绝访问`): the throttle is told by
  // `"status": "failure"` without a token, at HTTP 200 or 400 (api-notes.md §4.3).
  const failed = fields['status'] === 'failure' && token === undefined
  if (
    failed ||
    /access denied/i.test(`${error ?? ''} ${description ?? ''}`) ||
    /too many requests/i.test(description ?? '')
  ) {
    return { ok: false, kind: 'throttled', detail: 'Access Denied' }
  }
  if (error || !token) {
    return {
      ok: false,
      kind: 'refused',
      detail: error ? `${error}${description ? `: ${description}` : ''}` : `HTTP ${status} without an access_token`
    }
  }
  const apiDomain = typeof fields['api_domain'] === 'string' ? fields['api_domain'] : undefined
  return { ok: true, accessToken: token, apiDomain }
}

export function refreshFailureMessage(
  verdict: Exclude<RefreshVerdict, { ok: true }>,
  accountsUrl: string,
  inputRegion?: ZohoRegion
): string {
  const hostRegion = regionOfAccountsHost(new URL(accountsUrl).hostname)
  const where = hostRegion ? `${accountsUrl}, Zoho's ${regionLabel(hostRegion)} data centre` : accountsUrl
  const region = inputRegion ?? hostRegion
  const prefix = 'Zoho refused the refresh of the access token'
  switch (verdict.kind) {
    case 'invalid_client': {
      const used = region ? `${regionLabel(region)}, the one this run used` : 'the one zoho-accounts-url points at'
      return (
        `${prefix} (invalid_client) at ${where}: zoho-client-id or zoho-client-secret is wrong, or the Zoho ` +
        `account lives in another data centre than ${used}. The domain you sign in to Zoho CRM at names the ` +
        "account's data centre (crm.zoho.com is us, crm.zoho.eu is eu): set zoho-region to it. Nothing was written to Adobe."
      )
    }
    case 'invalid_code':
      return (
        `${prefix} (invalid_code) at ${where}: zoho-refresh-token is wrong or was revoked. ` +
        'Generate a new one with access_type=offline and update the secret. Nothing was written to Adobe.'
      )
    case 'throttled':
      return (
        `${prefix} (Access Denied) at ${where}: Zoho allows 10 access tokens per refresh token per 10 minutes, ` +
        'and every job using this refresh token (matrix jobs, and Adobe itself) shares that quota. ' +
        'Wait up to 10 minutes, then rerun. Nothing was written to Adobe.'
      )
    case 'not_json':
      return `Zoho's accounts server ${accountsUrl} answered ${verdict.detail}: check zoho-accounts-url. Nothing was written to Adobe.`
    case 'refused':
      return `${prefix} at ${where}: ${verdict.detail}. Nothing was written to Adobe.`
  }
}

/** After a failure that may have reached Zoho: it is not sent again (api-notes.md §5.8). */
const MAYBE_SPENT =
  'The refresh may have reached Zoho, so one of the 10 access tokens Zoho issues per refresh token per 10 minutes may have been spent; it was not sent again, so that no more are. Rerun later. Nothing was written to Adobe.'

/**
 * One refresh-token grant (api-notes.md §4.2). Secrets go in the form body, never in the URL.
 * `mask` receives the access token before anything else sees it. Sent again only when the
 * failure proves Zoho never received it (§5.8).
 */
export async function refreshZohoAccessToken(
  http: HttpClient,
  request: ZohoRefreshRequest,
  mask: (secret: string) => void
): Promise<string> {
  let answer
  try {
    answer = await http.postForm(
      'refresh the Zoho access token',
      `${request.accountsUrl}/oauth/v2/token`,
      {
        grant_type: 'refresh_token',
        client_id: request.clientId,
        client_secret: request.clientSecret,
        refresh_token: request.refreshToken
      },
      { service: "Zoho's accounts server", input: 'zoho-accounts-url' },
      'token-refresh'
    )
  } catch (error) {
    if (error instanceof NetworkError) {
      throw new ActionError(`${error.message} ${error.maybeApplied ? MAYBE_SPENT : 'Nothing was written to Adobe.'}`, {
        cause: error
      })
    }
    if (error instanceof DeadlineError && error.maybeApplied) {
      throw new ActionError(`${error.message} ${MAYBE_SPENT}`, { cause: error })
    }
    throw error
  }
  if (answer.status >= 500 || answer.status === 429) {
    throw new ActionError(
      `Zoho's accounts server (zoho-accounts-url: ${request.accountsUrl}) answered HTTP ${answer.status} while trying to refresh the Zoho access token. ${MAYBE_SPENT}`
    )
  }
  const verdict = judgeRefreshAnswer(answer.status, answer.body)
  if (verdict.ok) mask(verdict.accessToken)
  if (!verdict.ok) throw new ActionError(oneLine(refreshFailureMessage(verdict, request.accountsUrl, request.region)))
  if (verdict.apiDomain && !sameDataCentre(request.endpoint, verdict.apiDomain)) {
    throw new ActionError(
      `Zoho says this account's API domain is ${verdict.apiDomain}, but zoho-endpoint is ${request.endpoint}: ` +
        'the account lives in another data centre. Set zoho-endpoint (or zoho-region) to match. Nothing was written to Adobe.'
    )
  }
  return verdict.accessToken
}

/**
 * The access token to store in the connection, from where `zoho-check` says it comes. `log` hears
 * what the refresh proved.
 */
export async function accessTokenToStore(
  http: HttpClient,
  request: ZohoRefreshRequest,
  source: ZohoTokenSource,
  mask: (secret: string) => void,
  log: (message: string) => void
): Promise<string> {
  if (source.check === 'none') return source.accessToken
  const minted = await refreshZohoAccessToken(http, request, mask)
  log(
    `Zoho issued an access token (masked) at ${request.accountsUrl}: client, secret, refresh token and data centre are valid`
  )
  return source.accessToken ?? minted
}
