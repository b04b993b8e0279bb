import { Agent, Dispatcher, EnvHttpProxyAgent, request } from 'undici'
import { ActionError, DeadlineError, ServiceError } from './errors.ts'
import { isLoopbackHost } from './loopback.ts'
import {
  DEFAULT_REQUEST_KIND,
  RETRY_POLICIES,
  retriesAnswer,
  retriesFailure,
  type RequestKind
} from './retry-policy.ts'
import { formatSeconds, sleepUnlessCancelled, type Logger, type Runtime } from './runtime.ts'

/** The service a request goes to, as users know it, and the input that points at it. */
export interface HttpTarget {
  /** e.g. "Adobe IMS". */
  readonly service: string
  /** e.g. "adobe-ims-url". */
  readonly input: string
}

export interface HttpRequest {
  /** Names the call in messages; completes "while trying to …", e.g. "list connections". */
  readonly operation: string
  readonly target?: HttpTarget
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  readonly url: string
  readonly headers?: Readonly<Record<string, string>>
  /** Never logged. */
  readonly body?: string
  /** How it may be sent again (RETRY_POLICIES); `read` when not named. */
  readonly kind?: RequestKind
}

export interface HttpResponse {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
  readonly attempts: number
}

/** Why no usable answer came. `too-large`: an answer came, but over MAX_BODY_BYTES. */
export type NetworkFailureKind = 'refused' | 'timeout' | 'reset' | 'dns' | 'tls' | 'proxy' | 'too-large' | 'other'

/**
 * No usable HTTP answer after every allowed attempt. An ordinary failure, not a bug: its message
 * names the service, the input that points at it, the cause and what to check.
 */
export class NetworkError extends ActionError {
  override readonly name = 'NetworkError'
  readonly operation: string
  readonly attempts: number
  readonly kind: NetworkFailureKind
  /** False only when the request surely never reached the server (refused, not resolved). */
  readonly maybeApplied: boolean

  constructor(
    req: Pick<HttpRequest, 'operation' | 'url' | 'target'>,
    failure: { reason: string; kind: NetworkFailureKind; maybeApplied: boolean; cause?: unknown },
    attempts: number
  ) {
    super(
      networkFailureMessage(req, failure, attempts),
      failure.cause === undefined ? undefined : { cause: failure.cause }
    )
    this.operation = req.operation
    this.attempts = attempts
    this.kind = failure.kind
    this.maybeApplied = failure.maybeApplied
  }
}

function networkFailureMessage(
  req: Pick<HttpRequest, 'operation' | 'url' | 'target'>,
  failure: { reason: string; kind: NetworkFailureKind },
  attempts: number
): string {
  const { origin } = new URL(req.url)
  const who = req.target ? `${req.target.service} (${req.target.input}: ${origin})` : origin
  const tries = `${attempts} attempt${attempts === 1 ? '' : 's'}`
  const input = req.target ? `${req.target.input}, ` : 'the URL, '
  if (failure.kind === 'too-large') {
    return `${who} sent an answer larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB while trying to ${req.operation}; it was refused and not retried. Check ${input}and any gateway or proxy in between.`
  }
  const check =
    failure.kind === 'tls' || failure.kind === 'proxy'
      ? ''
      : ` Check ${input}${failure.kind === 'timeout' ? 'request-timeout, ' : ''}the runner's network and the proxy variables (HTTPS_PROXY, HTTP_PROXY, NO_PROXY).`
  return `${who} could not be reached while trying to ${req.operation}: ${failure.reason} (${tries}).${check}`
}

/** Bodies are read up to this size and no further: a bigger answer is refused, not retried. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024

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
  /** Its deadline bounds every attempt and every retry wait. */
  readonly runtime: Runtime
}

/**
 * Loopback targets go direct, everything else through EnvHttpProxyAgent (HTTPS_PROXY, HTTP_PROXY,
 * NO_PROXY). Plain http is allowed only to loopback hosts, so it never crosses a proxy: a
 * secret sent in clear never leaves the machine.
 */
class LoopbackDirectDispatcher extends Dispatcher {
  readonly #direct: Agent
  readonly #proxied: EnvHttpProxyAgent

  constructor(options: Agent.Options) {
    super()
    this.#direct = new Agent(options)
    this.#proxied = new EnvHttpProxyAgent(options)
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    const origin = options.origin === undefined ? undefined : new URL(String(options.origin))
    const direct = origin !== undefined && isLoopbackHost(origin.hostname)
    return (direct ? this.#direct : this.#proxied).dispatch(options, handler)
  }

  override async close(): Promise<void> {
    await Promise.all([this.#direct.close(), this.#proxied.close()])
  }

  override async destroy(): Promise<void> {
    await Promise.all([this.#direct.destroy(), this.#proxied.destroy()])
  }
}

/**
 * One dispatcher per run. `options` are for tests (a `connect.lookup`). Close it when done.
 * Certificates are verified whatever the environment says: `rejectUnauthorized` is given
 * explicitly to every TLS connection (direct, through a proxy's tunnel, and to an `https` proxy),
 * so `NODE_TLS_REJECT_UNAUTHORIZED=0`, which changes only Node's default, cannot turn it off. A
 * proxy variable that cannot be used fails here, naming the variable, before any request.
 */
export function createDispatcher(options: Agent.Options = {}, env: NodeJS.ProcessEnv = process.env): Dispatcher {
  const [problem] = proxyEnvironmentProblems(env)
  if (problem) throw new ActionError(problem)
  const verified = { rejectUnauthorized: true }
  const connect = typeof options.connect === 'function' ? options.connect : { ...options.connect, ...verified }
  return new LoopbackDirectDispatcher({
    ...options,
    connect,
    requestTls: verified,
    proxyTls: verified
  } as Agent.Options)
}

/** The proxy variables undici's EnvHttpProxyAgent reads, lower case first as it reads them. */
export const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'] as const

const PROXY_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:', 'socks5:', 'socks:'])

/**
 * Each proxy variable set to something the dispatcher cannot use, as a problem naming the
 * variable; never its value, which may hold the proxy's credentials.
 */
export function proxyEnvironmentProblems(env: NodeJS.ProcessEnv = process.env): string[] {
  return PROXY_VARIABLES.flatMap((name) => {
    const value = env[name]?.trim()
    if (!value) return []
    const why = whyNotAProxyUrl(value)
    return why
      ? [
          `${name} is not a proxy URL this action can use: ${why}. Set it to a URL such as http://proxy.example.com:3128 ` +
            '(credentials, if the proxy needs them, as http://user:password@proxy.example.com:3128), or unset it'
        ]
      : []
  })
}

function whyNotAProxyUrl(value: string): string | undefined {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'it cannot be read as a URL (the value is not shown: it may hold credentials)'
  }
  if (!PROXY_SCHEMES.has(url.protocol)) {
    return `its scheme is not http, https or socks5 (a host without a scheme, such as proxy.example.com:3128, is read as the scheme "${url.protocol.slice(0, 20)}")`
  }
  if (url.hostname === '') return 'it names no host'
  return undefined
}

/** The credentials in the proxy variables, to be masked before anything can print them. */
export function proxyCredentials(env: NodeJS.ProcessEnv = process.env): string[] {
  return PROXY_VARIABLES.flatMap((name) => {
    const value = env[name]?.trim()
    if (!value) return []
    try {
      const url = new URL(value)
      const decoded = (part: string) => {
        try {
          return decodeURIComponent(part)
        } catch {
          return part
        }
      }
      return [url.password, decoded(url.password), url.username, decoded(url.username)].filter(
        (part) => part.length >= 4
      )
    } catch {
      return []
    }
  })
}

/**
 * The warning for a job that sets `NODE_TLS_REJECT_UNAUTHORIZED=0` (a workaround for
 * TLS-inspecting proxies): this action ignores it, and says what to do instead.
 */
export function tlsOverrideWarning(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env['NODE_TLS_REJECT_UNAUTHORIZED']?.trim() !== '0') return undefined
  return (
    "NODE_TLS_REJECT_UNAUTHORIZED=0 is set in the job's environment; this action ignores it and verifies every TLS " +
    'certificate, so that no secret goes to a server it cannot trust. Behind a proxy or a private CA that signs ' +
    "certificates, point NODE_EXTRA_CA_CERTS at that CA's certificate (a PEM file) instead."
  )
}

/** The proxy an https request goes through, as EnvHttpProxyAgent picks it, named by its variable, without credentials. */
function proxyFor(env: NodeJS.ProcessEnv = process.env): string {
  for (const name of PROXY_VARIABLES) {
    const value = env[name]?.trim()
    if (!value) continue
    try {
      const url = new URL(value)
      return `the proxy (${name}: ${url.protocol}//${url.host})`
    } catch {
      return `the proxy (${name})`
    }
  }
  return 'the proxy'
}

interface Attempt {
  response?: HttpResponse
  /** `final`: retrying cannot help (an untrusted certificate, a proxy's refusal, an oversized body). */
  error?: { reason: string; kind: NetworkFailureKind; maybeApplied: boolean; final?: boolean; cause?: unknown }
  /** The attempt was cut short by the run's deadline, not by its own timeout. */
  deadline?: boolean
  /** The attempt was cut short because the step was cancelled. */
  cancelled?: boolean
}

const NO_ANSWER: NonNullable<Attempt['error']> = { reason: 'no answer', kind: 'other', maybeApplied: true }

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

  /** The run's log, for the clients built on this one: what they learn of an answer's shape. */
  get log(): Logger {
    return this.#settings.runtime.log
  }

  /**
   * Sends a request, retrying transient failures as its kind's entry in RETRY_POLICIES allows.
   * Resolves with the last HTTP answer whatever its status; rejects with NetworkError only when
   * no answer came.
   */
  async send(req: HttpRequest): Promise<HttpResponse> {
    const { maxAttempts, runtime } = this.#settings
    const { clock, random, log, deadlineAt, cancellation } = runtime
    const policy = RETRY_POLICIES[req.kind ?? DEFAULT_REQUEST_KIND]
    const label = `${req.method} ${new URL(req.url).pathname} (${req.operation})`
    for (let attempt = 1; ; attempt++) {
      if (cancellation?.signal.aborted) throw cancellation.error(req.operation)
      if (deadlineAt !== undefined && clock.now() >= deadlineAt) throw new DeadlineError(req.operation)
      const outcome = await this.#attempt(req, attempt)
      if (outcome.cancelled && cancellation) throw cancellation.error(req.operation, req.method !== 'GET')
      if (outcome.deadline) {
        throw new DeadlineError(req.operation, { maybeApplied: outcome.error?.maybeApplied ?? true })
      }
      const failure = outcome.error ?? NO_ANSWER
      const retryable = outcome.response
        ? retriesAnswer(policy, outcome.response.status, outcome.response.body)
        : retriesFailure(policy, failure)
      if (!retryable || attempt >= maxAttempts) {
        if (outcome.response) return outcome.response
        throw new NetworkError(req, failure, attempt)
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
      await sleepUnlessCancelled(runtime, delay, req.operation)
    }
  }

  /** An OAuth token request: credentials go in the form body, never in the URL. */
  postForm(
    operation: string,
    url: string,
    fields: Readonly<Record<string, string>>,
    target?: HttpTarget,
    kind?: RequestKind
  ): Promise<HttpResponse> {
    return this.send({
      operation,
      ...(target ? { target } : {}),
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
      ...(kind ? { kind } : {})
    })
  }

  async #attempt(req: HttpRequest, attempt: number): Promise<Attempt> {
    const { dispatcher, userAgent, timeoutMs, runtime } = this.#settings
    const { log, clock, deadlineAt, cancellation } = runtime
    const remaining = deadlineAt === undefined ? Infinity : Math.max(0, deadlineAt - clock.now())
    const cutByDeadline = remaining < timeoutMs
    const timeout = AbortSignal.timeout(Math.min(timeoutMs, remaining))
    // A read is dropped at the cancellation; a write may still answer for a short grace.
    const cancelled = req.method === 'GET' ? cancellation?.signal : cancellation?.writeSignal
    const signal = cancelled ? AbortSignal.any([timeout, cancelled]) : timeout
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
      const flat = flattenHeaders(response.headers)
      const body = await readBounded(response.body, flat['content-length'])
      log.debug(
        `${req.method} ${stripQuery(req.url)} answered HTTP ${response.statusCode}` +
          (flat['x-request-id'] ? ` (request id ${flat['x-request-id']})` : '')
      )
      if (body === undefined) {
        return {
          error: { reason: 'too large', kind: 'too-large', maybeApplied: true, final: true }
        }
      }
      return { response: { status: response.statusCode, headers: flat, body, attempts: attempt } }
    } catch (error) {
      if (cancelled?.aborted) {
        return { error: { reason: 'the step was cancelled', kind: 'other', maybeApplied: true }, cancelled: true }
      }
      if (signal.aborted) {
        if (cutByDeadline) {
          return {
            error: { reason: 'the run reached its timeout', kind: 'timeout', maybeApplied: true },
            deadline: true
          }
        }
        return {
          error: {
            reason: `no answer within ${timeoutMs / 1000} s (request-timeout)`,
            kind: 'timeout',
            maybeApplied: true
          }
        }
      }
      return { error: { ...classifyNetworkError(error, req.url), cause: error } }
    }
  }
}

/** The body as text, or undefined as soon as it grows past MAX_BODY_BYTES (nothing more is read). */
async function readBounded(body: AsyncIterable<Buffer> & { destroy(): unknown }, contentLength: string | undefined) {
  if (contentLength !== undefined && Number(contentLength) > MAX_BODY_BYTES) {
    body.destroy()
    return undefined
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of body) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) {
      body.destroy()
      return undefined
    }
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

const DNS_ERRORS: ReadonlySet<string> = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA'])
const RESET_ERRORS: ReadonlySet<string> = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ECONNABORTED'])
const TIMEOUT_ERRORS: ReadonlySet<string> = new Set([
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT'
])

/** undici's words when a proxy answers its CONNECT with anything but 200. */
const PROXY_REFUSAL = /Proxy response \((\d{3})\) !== 200 when HTTP Tunneling/

/** One cause per failure, in words; the code undici or Node gave is kept in brackets. */
function classifyNetworkError(error: unknown, url: string): NonNullable<Attempt['error']> {
  const outer = error as { code?: string; cause?: { code?: string } }
  const code = outer.code && outer.code !== 'UND_ERR' ? outer.code : outer.cause?.code
  const { host, hostname } = new URL(url)
  const refusal = PROXY_REFUSAL.exec(error instanceof Error ? error.message : '')
  if (refusal) {
    // The proxy answered instead of the server: nothing reached it, and sending again changes nothing.
    const status = Number(refusal[1])
    const fix =
      status === 407
        ? '407 Proxy Authentication Required: the proxy wants credentials; give them in the variable (http://user:password@host:port), or check the ones it holds'
        : `${status}: check that the proxy allows connections to ${host}, or set NO_PROXY for it`
    return {
      reason: `${proxyFor()} refused to open a tunnel to ${host} with HTTP ${fix}`,
      kind: 'proxy',
      maybeApplied: false,
      final: true
    }
  }
  if (code && TLS_TRUST_ERRORS.has(code)) {
    return {
      reason: `the TLS certificate of ${host} is not trusted (${code}); when a proxy or private CA signs it, point NODE_EXTRA_CA_CERTS at that CA's certificate`,
      kind: 'tls',
      maybeApplied: false,
      final: true
    }
  }
  if (code === 'ECONNREFUSED') return { reason: 'the connection was refused', kind: 'refused', maybeApplied: false }
  if (code && DNS_ERRORS.has(code)) {
    return { reason: `the host name ${hostname} could not be resolved (${code})`, kind: 'dns', maybeApplied: false }
  }
  if (code && RESET_ERRORS.has(code)) {
    return { reason: `the connection was closed before an answer came (${code})`, kind: 'reset', maybeApplied: true }
  }
  if (code && TIMEOUT_ERRORS.has(code)) {
    return { reason: `no answer in time (${code})`, kind: 'timeout', maybeApplied: true }
  }
  const message = error instanceof Error ? error.message : String(error)
  return { reason: `${code ?? 'network error'}: ${message}`, kind: 'other', maybeApplied: true }
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
