/**
 * When a request is sent again: one entry per kind of request, read by HttpClient.send. The
 * "Retries." list in docs/how-it-works.md says the same to users, and a contract test holds the
 * two together. Every retry waits as `retryDelayMs` says and counts towards `max-attempts`.
 */

/**
 * `read`: a request whose repetition changes nothing the run relies on: every GET, a PATCH
 * guarded by If-Match, a DELETE, the IMS client-credentials exchange (a second token is as good
 * as the first). `create`: a POST whose repetition could make a duplicate. `token-refresh`: a
 * refresh at a source's token endpoint (Zoho, HubSpot, a Generic REST token URL), each of which may
 * spend one of a scarce quota of tokens (api-notes.md §5.8) or use up a rotating refresh token.
 */
export type RequestKind = 'read' | 'create' | 'token-refresh'

/**
 * `any`: every one, except those that retrying cannot help (an untrusted certificate, an answer
 * over the size limit, a proxy that refuses the tunnel, such as a `407`). `never-reached`: only those that prove the request never reached the
 * server (the connection was refused, the host name did not resolve).
 */
export type RetriedNetworkFailures = 'any' | 'never-reached'

export interface RetryPolicy {
  /**
   * The HTTP statuses sent again: answers that say the server did not act on the request, or
   * for a `read`, that it could not answer now. A kind that may also resend after an answer which
   * proves it never passed a gateway adds a test of that answer beside this list, read by
   * `retriesAnswer`; a status that must end the request at once is simply not listed.
   */
  readonly statuses: readonly number[]
  /** The failures with no usable answer that are sent again. */
  readonly networkFailures: RetriedNetworkFailures
  /**
   * A request of this kind can end with its outcome unknown: a failure that may have been applied
   * is not sent again here but handed to the caller, which settles it (a create is looked up, a
   * refresh says a token may have been spent). False when repeating it is harmless.
   */
  readonly outcomeMayBeUnknown: boolean
  /**
   * Answers outside `statuses` that prove the request never passed Adobe's gateway, so it is
   * sent again like a refused connection; undefined when none is.
   */
  readonly neverPassedTheGateway?: ((answer: GatewayAnswer) => boolean) | undefined
}

export interface GatewayAnswer {
  readonly status: number
  readonly body: string
}

/**
 * Codes Adobe's gateway answers when its own validation failed before the request went on to the
 * service (api-notes.md §2.9): `503000` "Could not validate Api Key", `503010` "Could not
 * validate the oauth token".
 */
export const GATEWAY_NEVER_PASSED_CODES: readonly string[] = Object.freeze(['503000', '503010'])

/** True for a gateway answer whose `error_code` says the request never reached the service. */
export function gatewayRefusedBeforeTheService(answer: GatewayAnswer): boolean {
  if (answer.status !== 503) return false
  let parsed: unknown
  try {
    parsed = JSON.parse(answer.body)
  } catch {
    return false
  }
  const code = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>)['error_code'] : undefined
  return (typeof code === 'string' || typeof code === 'number') && GATEWAY_NEVER_PASSED_CODES.includes(String(code))
}

export const RETRY_POLICIES: Readonly<Record<RequestKind, RetryPolicy>> = Object.freeze({
  read: Object.freeze({
    statuses: Object.freeze([429, 500, 502, 503, 504]),
    networkFailures: 'any',
    outcomeMayBeUnknown: false
  }),
  // A 429 is refused before anything is done; any other 5xx may come after Adobe stored the
  // create, but not a gateway answer that says the request never passed the gateway.
  create: Object.freeze({
    statuses: Object.freeze([429]),
    networkFailures: 'never-reached',
    outcomeMayBeUnknown: true,
    neverPassedTheGateway: gatewayRefusedBeforeTheService
  }),
  // Even a 429 or a 5xx may come after the source minted a token (api-notes.md §5.8).
  'token-refresh': Object.freeze({
    statuses: Object.freeze([]),
    networkFailures: 'never-reached',
    outcomeMayBeUnknown: true
  })
})

/** The kind of a request that names none. */
export const DEFAULT_REQUEST_KIND: RequestKind = 'read'

/** Whether an HTTP answer with this status (and body) is sent again. */
export function retriesAnswer(policy: RetryPolicy, status: number, body = ''): boolean {
  return policy.statuses.includes(status) || (policy.neverPassedTheGateway?.({ status, body }) ?? false)
}

/**
 * Whether a failure with no usable answer is sent again. `maybeApplied`: the request may have
 * reached the server; `final`: retrying cannot help.
 */
export function retriesFailure(
  policy: RetryPolicy,
  failure: { maybeApplied: boolean; final?: boolean | undefined }
): boolean {
  if (failure.final) return false
  return policy.networkFailures === 'any' || !failure.maybeApplied
}
