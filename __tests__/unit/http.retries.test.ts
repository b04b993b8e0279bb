import { MockAgent } from 'undici'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  BACKOFF_BASE_MS,
  BACKOFF_CAP_MS,
  NetworkError,
  parseJsonBody,
  parseRetryAfter,
  RETRY_AFTER_CAP_MS,
  retryDelayMs,
  type HttpRequest
} from '../../src/http.ts'
import { DEFAULT_REQUEST_KIND, RETRY_POLICIES, type RequestKind, type RetryPolicy } from '../../src/retry-policy.ts'
import { recordingClock, retriedOutage, testClient } from '../support/http-client.ts'

describe('retryDelayMs', () => {
  it('uses full jitter under an exponential ceiling', () => {
    expect(retryDelayMs(1, undefined, 0, () => 0.999)).toBeLessThan(BACKOFF_BASE_MS)
    expect(retryDelayMs(3, undefined, 0, () => 0.5)).toBe(BACKOFF_BASE_MS * 2)
    expect(retryDelayMs(30, undefined, 0, () => 0.999)).toBeLessThan(BACKOFF_CAP_MS)
    expect(retryDelayMs(2, undefined, 0, () => 0)).toBe(0)
  })

  it('honours Retry-After in seconds or as an HTTP date, capped', () => {
    const now = Date.parse('2026-11-28T12:00:00Z')
    expect(retryDelayMs(1, '3', now, () => 0)).toBe(3000)
    expect(retryDelayMs(1, 'Sat, 28 Nov 2026 12:00:05 GMT', now, () => 0)).toBe(5000)
    expect(retryDelayMs(1, '86400', now, () => 0)).toBe(RETRY_AFTER_CAP_MS)
    expect(parseRetryAfter('Sat, 28 Nov 2026 11:00:00 GMT', now)).toBe(0)
    expect(parseRetryAfter('soon', now)).toBeUndefined()
  })
})

/** Every kind of request with its entry in the table: the cases below are generated from it. */
const KINDS = Object.entries(RETRY_POLICIES) as [RequestKind, RetryPolicy][]
/**
 * Every status a kind lists, and those the services answer when something is wrong, so that a
 * status taken off a list is still tried and found not sent again.
 */
const STATUSES = [
  ...new Set([...KINDS.flatMap(([, policy]) => policy.statuses), 400, 401, 403, 404, 409, 412, 429, 500, 502, 503, 504])
]
const treatment = (retried: boolean) => (retried ? 'sent again' : 'not sent again')
const STATUS_CASES = KINDS.flatMap(([kind, policy]) =>
  STATUSES.map((status) => {
    const retried = policy.statuses.includes(status)
    return { kind, status, retried, treatment: treatment(retried) }
  })
)
/** One network failure of each class: those that prove the request never reached the server, and those that do not. */
const FAILURES = [
  { code: 'ECONNREFUSED', reason: 'the connection was refused', maybeApplied: false },
  { code: 'ENOTFOUND', reason: 'the host name api.test could not be resolved (ENOTFOUND)', maybeApplied: false },
  { code: 'ECONNRESET', reason: 'the connection was closed before an answer came (ECONNRESET)', maybeApplied: true },
  { code: 'UND_ERR_HEADERS_TIMEOUT', reason: 'no answer in time (UND_ERR_HEADERS_TIMEOUT)', maybeApplied: true }
]
const FAILURE_CASES = KINDS.flatMap(([kind, policy]) =>
  FAILURES.map((failure) => {
    const retried = policy.networkFailures === 'any' || !failure.maybeApplied
    return { kind, ...failure, retried, treatment: treatment(retried) }
  })
)
const networkError = (code: string, message = `boom ${code}`) => Object.assign(new Error(message), { code })

describe('RETRY_POLICIES', () => {
  it.each(KINDS.filter(([, policy]) => policy.outcomeMayBeUnknown))(
    '%s, whose outcome may be unknown, is sent again only after failures that prove it never reached the server',
    (_kind, policy) => {
      expect(policy.networkFailures).toBe('never-reached')
    }
  )

  it('cannot be changed while the action runs', () => {
    expect(Object.isFrozen(RETRY_POLICIES)).toBe(true)
    for (const [, policy] of KINDS) {
      expect(Object.isFrozen(policy)).toBe(true)
      expect(Object.isFrozen(policy.statuses)).toBe(true)
    }
  })
})

describe('HttpClient', () => {
  let agent: MockAgent
  let slept: number[]
  const client = (maxAttempts = 4) => testClient(agent, { maxAttempts, clock: recordingClock(slept) })
  const get: HttpRequest = { operation: 'read', method: 'GET', url: 'https://api.test/thing' }
  const ofKind = (kind: RequestKind): HttpRequest =>
    kind === 'read' ? { ...get, kind } : { ...get, method: 'POST', body: '{}', kind }
  const pool = () => agent.get('https://api.test')

  beforeEach(() => {
    agent = new MockAgent()
    agent.disableNetConnect()
    slept = []
  })
  afterEach(async () => {
    await agent.close()
  })

  it.each(STATUS_CASES)('$kind, HTTP $status: $treatment', async ({ kind, status, retried }) => {
    pool()
      .intercept({ path: '/thing', method: ofKind(kind).method })
      .reply(status, 'busy', { headers: { 'retry-after': '2' } })
    pool()
      .intercept({ path: '/thing', method: ofKind(kind).method })
      .reply(200, '{"ok":true}')
    const response = await client().send(ofKind(kind))
    if (retried) {
      // Sent again after the server's Retry-After, and the answer that succeeds is returned.
      expect(response).toMatchObject({ status: 200, attempts: 2 })
      expect(slept).toEqual([2000])
    } else {
      expect(response).toMatchObject({ status, attempts: 1 })
      expect(slept).toEqual([])
    }
  })

  it.each(FAILURE_CASES)('$kind, $code: $treatment', async ({ kind, code, reason, maybeApplied, retried }) => {
    pool()
      .intercept({ path: '/thing', method: ofKind(kind).method })
      .replyWithError(networkError(code))
    pool()
      .intercept({ path: '/thing', method: ofKind(kind).method })
      .reply(200, '{"ok":true}')
    const outcome = await client()
      .send(ofKind(kind))
      .catch((e: unknown) => e)
    if (retried) {
      expect(outcome).toMatchObject({ status: 200, attempts: 2 })
      expect(slept).toHaveLength(1)
    } else {
      // Handed to the caller at once, saying whether the request may have been applied.
      expect(outcome).toBeInstanceOf(NetworkError)
      expect(outcome).toMatchObject({ attempts: 1, maybeApplied })
      expect((outcome as NetworkError).message).toContain(`: ${reason} (1 attempt).`)
      expect(slept).toEqual([])
    }
  })

  it.each(KINDS.map(([kind]) => kind))('%s: an untrusted certificate is never sent again', async (kind) => {
    pool()
      .intercept({ path: '/thing', method: ofKind(kind).method })
      .replyWithError(networkError('SELF_SIGNED_CERT_IN_CHAIN'))
      .times(2)
    const error = await client()
      .send(ofKind(kind))
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NetworkError)
    expect(error).toMatchObject({ kind: 'tls', attempts: 1 })
  })

  it.each(KINDS.flatMap(([kind, policy]) => policy.statuses.map((status) => ({ kind, status }))))(
    '$kind: gives up on HTTP $status after max-attempts and returns the last answer',
    async ({ kind, status }) => {
      pool()
        .intercept({ path: '/thing', method: ofKind(kind).method })
        .reply(status, 'no')
        .times(3)
      const response = await client(3).send(ofKind(kind))
      expect(response).toMatchObject({ status, attempts: 3 })
      expect(slept).toHaveLength(2)
    }
  )

  it.each(FAILURE_CASES.filter((failure) => failure.retried))(
    '$kind: gives up on $code after max-attempts and reports it',
    async ({ kind, code, reason, maybeApplied }) => {
      pool()
        .intercept({ path: '/thing', method: ofKind(kind).method })
        .replyWithError(networkError(code))
        .times(2)
      const error = await client(2)
        .send(ofKind(kind))
        .catch((e: unknown) => e)
      expect(error).toBeInstanceOf(NetworkError)
      expect(error).toMatchObject({ attempts: 2, maybeApplied })
      expect((error as NetworkError).message).toContain(
        `could not be reached while trying to read: ${reason} (2 attempts)`
      )
    }
  )

  it('sends a request that names no kind as a read', async () => {
    const status = retriedOutage('read')
    pool().intercept({ path: '/thing' }).reply(status, 'busy')
    pool().intercept({ path: '/thing' }).reply(200, '{}')
    expect(DEFAULT_REQUEST_KIND).toBe('read')
    expect(await client().send(get)).toMatchObject({ status: 200, attempts: 2 })
  })

  it('sends the user agent and JSON accept header', async () => {
    let seen: Record<string, string> = {}
    pool()
      .intercept({ path: '/thing' })
      .reply((options) => {
        seen = options.headers as Record<string, string>
        return { statusCode: 200, data: '{}' }
      })
    await client().send(get)
    expect(seen).toMatchObject({ 'user-agent': 'test-agent/1', accept: 'application/json' })
  })
})

describe('parseJsonBody', () => {
  const answer = (body: string) => ({ status: 200, headers: { 'x-request-id': 'req-1' }, body, attempts: 1 })
  it('parses JSON and explains what came instead', () => {
    expect(parseJsonBody(answer('{"a":1}'), 'Svc')).toEqual({ a: 1 })
    expect(() => parseJsonBody(answer(''), 'Svc')).toThrow(
      'Svc answered HTTP 200 with an empty body where JSON was expected'
    )
    expect(() => parseJsonBody(answer('<!DOCTYPE html><p>'), 'Svc')).toThrow('with an HTML page')
    expect(() => parseJsonBody(answer('{"a":'), 'Svc')).toThrow(/not valid JSON.*request id req-1/)
  })
})

describe('a gateway answer that proves the request never passed the gateway', () => {
  let agent: MockAgent
  let slept: number[]
  const client = () => testClient(agent, { maxAttempts: 4, clock: recordingClock(slept) })
  const post = (kind: RequestKind): HttpRequest => ({
    operation: 'create',
    method: 'POST',
    url: 'https://api.test/thing',
    body: '{}',
    kind
  })
  beforeEach(() => {
    agent = new MockAgent()
    agent.disableNetConnect()
    slept = []
  })
  afterEach(async () => {
    await agent.close()
  })

  const gateway = (code: unknown, message = 'Could not validate') => JSON.stringify({ error_code: code, message })
  it.each([
    ['503000 "Could not validate Api Key"', 503, gateway('503000', 'Could not validate Api Key'), true],
    ['503010 "Could not validate the oauth token"', 503, gateway('503010', 'Could not validate the oauth token'), true],
    ['503000 as a number', 503, gateway(503000), true],
    ['a 503 with another gateway code', 503, gateway('503020'), false],
    ['a 503 from Flow Service', 503, '{"type":"https://ns.adobe.com/aep/errors/FLOW-1102-503","title":"x"}', false],
    ['a 503 that is not JSON', 503, '<html>503</html>', false],
    ['503000 with another status', 500, gateway('503000'), false],
    ['a 504 gateway timeout', 504, gateway('504'), false]
  ])('a create answered %s: sent again at once? %s', async (_what, status, body, retried) => {
    const pool = agent.get('https://api.test')
    pool.intercept({ path: '/thing', method: 'POST' }).reply(status, body)
    pool.intercept({ path: '/thing', method: 'POST' }).reply(201, '{"id":"c-1"}')
    const response = await client().send(post('create'))
    expect(response).toMatchObject(retried ? { status: 201, attempts: 2 } : { status, attempts: 1 })
    // Full-jitter backoff, nothing like a settle-timeout.
    expect(slept.every((ms) => ms < BACKOFF_BASE_MS)).toBe(true)
    expect(slept).toHaveLength(retried ? 1 : 0)
  })

  it('a Zoho refresh is never sent again for it', async () => {
    agent.get('https://api.test').intercept({ path: '/thing', method: 'POST' }).reply(503, gateway('503000'))
    expect(await client().send(post('token-refresh'))).toMatchObject({ status: 503, attempts: 1 })
  })

  it('is sent again only up to max-attempts', async () => {
    agent.get('https://api.test').intercept({ path: '/thing', method: 'POST' }).reply(503, gateway('503010')).times(4)
    expect(await client().send(post('create'))).toMatchObject({ status: 503, attempts: 4 })
  })
})
