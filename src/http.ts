import { EnvHttpProxyAgent, request, type Dispatcher } from 'undici'
import { DeadlineError, ServiceError } from './errors.ts'

/** Time, injected so retry tests run instantly and deterministically. */
export interface Clock {
  now(): number
  sleep(ms: number): Promise<void>
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms))
}

export interface HttpLog {
  debug(message: string): void
  info(message: string): void
}

/**
 * How a request may be repeated. `idempotent`: any retryable failure. `unless-maybe-applied`: only
 * when the server cannot have acted on it (429, or the connection was refused), for a create
 * whose repetition could make a duplicate.
 */
export type RetryPolicy = 'idempotent' | 'unless-maybe-applied'

export interface HttpRequest {
  /** Names the call in messages, e.g. "list connections". */
  readonly operation: string
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  readonly url: string
  readonly headers?: Readonly<Record<string, string>>
  /** Never logged. */
  readonly body?: string
  readonly retry?: RetryPolicy
}

export interface HttpResponse {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
  readonly attempts: number
}

/** No HTTP answer after every allowed attempt: refused, reset, timed out. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError'
  readonly operation: string
  readonly attempts: number
  /** False only when the request surely never reached the server (connection refused). */
  readonly maybeApplied: boolean

  constructor(operation: string, reason: string, attempts: number, maybeApplied: boolean) {
    super(`${operation} failed after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${reason}`)
    this.operation = operation
    this.attempts = attempts
    this.maybeApplied = maybeApplied
  }
}

export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504])
export const BACKOFF_BASE_MS = 500
export const BACKOFF_CAP_MS = 20_000
export const RETRY_AFTER_CAP_MS = 60_000

/**
 * The wait before retry number `retry` (1 for the first retry): the server's Retry-After when it
 * gives one (seconds or an HTTP date, capped), else full-jitter exponential backoff.
 */
export function retryDelayMs(retry: number, retryAfter: string | undefined, now: number, random: () => number): number {
  const fromServer = parseRetryAfter(retryAfter, now)
  if (fromServer !== undefined) return Math.min(fromServer, RETRY_AFTER_CAP_MS)
  return Math.floor(random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (retry - 1)))
}

export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  const date = Date.parse(trimmed)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

export interface HttpSettings {
  readonly dispatcher: Dispatcher
  readonly userAgent: string
  readonly timeoutMs: number
  readonly maxAttempts: number
  readonly clock: Clock
  readonly random: () => number
  readonly log: HttpLog
  /**
   * When the run must be over (same time base as `clock.now()`): no attempt starts at or after it,
   * no attempt outlasts it, and no retry wait ends past it.
   */
  readonly deadlineAt?: number | undefined
}

/**
 * A wait that the run's deadline allows, or a DeadlineError instead of sleeping past it. `what`
 * completes "while trying to …", e.g. "find the new connection".
 */
export async function sleepWithin(clock: Clock, ms: number, deadlineAt: number | undefined, what: string) {
  if (deadlineAt !== undefined && clock.now() + ms > deadlineAt) {
    throw new DeadlineError(what, { detail: `a wait of ${formatSeconds(ms)} would have passed it` })
  }
  await clock.sleep(ms)
}

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
}

/** One dispatcher per run; honours HTTPS_PROXY, HTTP_PROXY and NO_PROXY. Close it when done. */
export function createDispatcher(): Dispatcher {
  return new EnvHttpProxyAgent()
}

interface Attempt {
  response?: HttpResponse
  /** `final`: retrying cannot help (an untrusted certificate). */
  error?: { reason: string; maybeApplied: boolean; final?: boolean }
  /** The attempt was cut short by the run's deadline, not by its own timeout. */
  deadline?: boolean
}

/** Certificate failures: never retried, and never worked around by turning verification off. */
const TLS_TRUST_ERRORS: ReadonlySet<string> = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'ERR_TLS_CERT_ALTNAME_INVALID'
])

export class HttpClient {
  readonly #settings: HttpSettings

  constructor(settings: HttpSettings) {
    this.#settings = settings
  }

  /**
   * Sends a request, retrying transient failures as its policy allows. Resolves with the last
   * HTTP answer whatever its status; rejects with NetworkError only when no answer came.
   */
  async send(req: HttpRequest): Promise<HttpResponse> {
    const { maxAttempts, clock, random, log, deadlineAt } = this.#settings
    const policy = req.retry ?? 'idempotent'
    const label = `${req.method} ${new URL(req.url).pathname} (${req.operation})`
    for (let attempt = 1; ; attempt++) {
      if (deadlineAt !== undefined && clock.now() >= deadlineAt) throw new DeadlineError(req.operation)
      const outcome = await this.#attempt(req, attempt)
      if (outcome.deadline) {
        throw new DeadlineError(req.operation, { maybeApplied: outcome.error?.maybeApplied ?? true })
      }
      const retryable = outcome.response
        ? RETRYABLE_STATUSES.has(outcome.response.status) &&
          (policy === 'idempotent' || outcome.response.status === 429)
        : !outcome.error?.final && (policy === 'idempotent' || !outcome.error?.maybeApplied)
      if (!retryable || attempt >= maxAttempts) {
        if (outcome.response) return outcome.response
        const error = outcome.error ?? { reason: 'no answer', maybeApplied: true }
        throw new NetworkError(req.operation, error.reason, attempt, error.maybeApplied)
      }
      const delay = retryDelayMs(attempt, outcome.response?.headers['retry-after'], clock.now(), random)
      const what = outcome.response ? `answered HTTP ${outcome.response.status}` : `failed (${outcome.error?.reason})`
      if (deadlineAt !== undefined && clock.now() + delay > deadlineAt) {
        throw new DeadlineError(req.operation, {
          detail: `it ${what}, and the wait of ${formatSeconds(delay)} before a retry would have passed the limit`,
          maybeApplied: outcome.response === undefined && (outcome.error?.maybeApplied ?? true)
        })
      }
      log.info(`${label} ${what}; retrying in ${formatSeconds(delay)} (attempt ${attempt + 1} of ${maxAttempts})`)
      await clock.sleep(delay)
    }
  }

  /** An OAuth token request: credentials go in the form body, never in the URL. */
  postForm(operation: string, url: string, fields: Readonly<Record<string, string>>): Promise<HttpResponse> {
    return this.send({
      operation,
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString()
    })
  }

  async #attempt(req: HttpRequest, attempt: number): Promise<Attempt> {
    const { dispatcher, userAgent, timeoutMs, log, clock, deadlineAt } = this.#settings
    const remaining = deadlineAt === undefined ? Infinity : Math.max(0, deadlineAt - clock.now())
    const cutByDeadline = remaining < timeoutMs
    const signal = AbortSignal.timeout(Math.min(timeoutMs, remaining))
    const headers: Record<string, string> = { 'user-agent': userAgent, accept: 'application/json', ...req.headers }
    log.debug(`${req.method} ${stripQuery(req.url)} (${req.operation}, attempt ${attempt})`)
    try {
      const response = await request(req.url, {
        dispatcher,
        method: req.method,
        headers,
        body: req.body ?? null,
        signal
      })
      const body = await response.body.text()
      const flat = flattenHeaders(response.headers)
      log.debug(
        `${req.method} ${stripQuery(req.url)} answered HTTP ${response.statusCode}` +
          (flat['x-request-id'] ? ` (request id ${flat['x-request-id']})` : '')
      )
      return { response: { status: response.statusCode, headers: flat, body, attempts: attempt } }
    } catch (error) {
      if (signal.aborted) {
        if (cutByDeadline)
          return { error: { reason: 'the run reached its timeout', maybeApplied: true }, deadline: true }
        return { error: { reason: `no answer within ${timeoutMs / 1000} s (request-timeout)`, maybeApplied: true } }
      }
      const code = (error as { code?: string }).code
      const message = error instanceof Error ? error.message : String(error)
      if (code && TLS_TRUST_ERRORS.has(code)) {
        return {
          error: {
            reason: `the TLS certificate of ${new URL(req.url).host} is not trusted (${code}); when a proxy or private CA signs it, point NODE_EXTRA_CA_CERTS at that CA's certificate`,
            maybeApplied: false,
            final: true
          }
        }
      }
      const refused = code === 'ECONNREFUSED'
      return {
        error: {
          reason: refused ? 'connection refused' : `${code ?? 'network error'}: ${message}`,
          maybeApplied: !refused
        }
      }
    }
  }
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
  }
  return flat
}

/** Queries carry only names and ids here, but debug lines show paths alone to stay short. */
function stripQuery(url: string): string {
  const parsed = new URL(url)
  return `${parsed.origin}${parsed.pathname}`
}

/** For error bodies, which may be anything: the parsed JSON, or undefined when it is not JSON. */
export function parseJsonLeniently(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** Parses a JSON body, or explains in one line what came back instead. */
export function parseJsonBody(response: HttpResponse, what: string): unknown {
  const text = response.body.trim()
  const details = { status: response.status, requestId: response.headers['x-request-id'] }
  if (text === '') {
    throw new ServiceError(
      `${what} answered HTTP ${response.status} with an empty body where JSON was expected`,
      details
    )
  }
  try {
    return JSON.parse(text)
  } catch {
    const kind = /^<(!doctype|html)/i.test(text) ? 'an HTML page' : 'a body that is not valid JSON'
    throw new ServiceError(`${what} answered HTTP ${response.status} with ${kind} where JSON was expected`, details)
  }
}
