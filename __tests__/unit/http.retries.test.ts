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
import { recordingClock, testClient } from '../support/http-client.ts'

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

describe('HttpClient', () => {
  let agent: MockAgent
  let slept: number[]
  const client = (maxAttempts = 4) => testClient(agent, { maxAttempts, clock: recordingClock(slept) })
  const get: HttpRequest = { operation: 'read', method: 'GET', url: 'https://api.test/thing' }
  const pool = () => agent.get('https://api.test')

  beforeEach(() => {
    agent = new MockAgent()
    agent.disableNetConnect()
    slept = []
  })
  afterEach(async () => {
    await agent.close()
  })

  it.each([429, 500, 502, 503, 504])('retries %i, then returns the answer that succeeds', async (status) => {
    pool()
      .intercept({ path: '/thing' })
      .reply(status, 'busy', { headers: { 'retry-after': '2' } })
    pool().intercept({ path: '/thing' }).reply(200, '{"ok":true}')
    const response = await client().send(get)
    expect(response).toMatchObject({ status: 200, attempts: 2 })
    expect(slept).toEqual([2000])
  })

  it.each([400, 401, 403, 404, 409, 412])('never retries %i', async (status) => {
    pool().intercept({ path: '/thing' }).reply(status, '{}')
    const response = await client().send(get)
    expect(response).toMatchObject({ status, attempts: 1 })
    expect(slept).toEqual([])
  })

  it('gives up after max-attempts and returns the last answer', async () => {
    pool().intercept({ path: '/thing' }).reply(503, 'no').times(3)
    const response = await client(3).send(get)
    expect(response).toMatchObject({ status: 503, attempts: 3 })
    expect(slept).toHaveLength(2)
  })

  it('retries network errors and reports them after the last attempt', async () => {
    pool()
      .intercept({ path: '/thing' })
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
      .times(2)
    const error = await client(2)
      .send(get)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NetworkError)
    expect((error as NetworkError).maybeApplied).toBe(true)
    expect((error as NetworkError).message).toContain(
      'could not be reached while trying to read: the connection was closed before an answer came (ECONNRESET) (2 attempts)'
    )
  })

  it('does not repeat a create that may have been applied, but does after a 429', async () => {
    const create: HttpRequest = {
      operation: 'create',
      method: 'POST',
      url: 'https://api.test/thing',
      body: '{}',
      retry: 'unless-maybe-applied'
    }
    pool().intercept({ path: '/thing', method: 'POST' }).reply(503, 'no')
    expect((await client().send(create)).attempts).toBe(1)
    pool().intercept({ path: '/thing', method: 'POST' }).reply(429, 'slow down')
    pool().intercept({ path: '/thing', method: 'POST' }).reply(201, '{}')
    expect(await client().send(create)).toMatchObject({ status: 201, attempts: 2 })
    pool()
      .intercept({ path: '/thing', method: 'POST' })
      .replyWithError(Object.assign(new Error('reset'), { code: 'ECONNRESET' }))
    const error = await client()
      .send(create)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NetworkError)
    expect((error as NetworkError).attempts).toBe(1)
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
