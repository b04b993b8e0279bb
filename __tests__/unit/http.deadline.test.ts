import { MockAgent } from 'undici'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ActionError, DeadlineError } from '../../src/errors.ts'
import type { HttpRequest } from '../../src/http.ts'
import { nullLogger, sleepWithin, type Clock } from '../../src/runtime.ts'
import { retriedOutage, testClient } from '../support/http-client.ts'

/** Some outage a read is sent again after; which one does not matter here. */
const OUTAGE = retriedOutage('read')

/** A clock whose time moves only when the code under test sleeps. */
function fakeClock(start = 1_000_000) {
  let now = start
  const slept: number[] = []
  const clock: Clock = {
    now: () => now,
    sleep: (ms) => {
      slept.push(ms)
      now += ms
      return Promise.resolve()
    }
  }
  return { clock, slept, advance: (ms: number) => (now += ms) }
}

describe('HttpClient with a run deadline', () => {
  let agent: MockAgent
  const get: HttpRequest = { operation: 'list connections', method: 'GET', url: 'https://api.test/thing' }
  const pool = () => agent.get('https://api.test')
  const client = (clock: Clock, deadlineAt: number | undefined, timeoutMs = 1000, maxAttempts = 5) =>
    testClient(agent, { clock, deadlineAt, timeoutMs, maxAttempts })

  beforeEach(() => {
    agent = new MockAgent()
    agent.disableNetConnect()
  })
  afterEach(async () => {
    await agent.close()
  })

  it('starts no attempt at or after the deadline, and says what it was doing', async () => {
    const { clock } = fakeClock()
    pool().intercept({ path: '/thing' }).reply(200, '{}')
    const error = await client(clock, clock.now())
      .send(get)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DeadlineError)
    expect(error).toBeInstanceOf(ActionError)
    expect((error as DeadlineError).message).toBe(
      'The run reached the limit of its `timeout` input while trying to list connections; nothing more was sent. Raise `timeout`, or find out why the service is slow.'
    )
    expect((error as DeadlineError).maybeApplied).toBe(false)
    // The interceptor was never used: nothing was sent.
    expect(() => agent.assertNoPendingInterceptors()).toThrow()
  })

  it('takes a retry wait that ends before the deadline', async () => {
    const { clock, slept } = fakeClock()
    pool()
      .intercept({ path: '/thing' })
      .reply(OUTAGE, 'busy', { headers: { 'retry-after': '2' } })
    pool().intercept({ path: '/thing' }).reply(200, '{}')
    const response = await client(clock, clock.now() + 2001).send(get)
    expect(response).toMatchObject({ status: 200, attempts: 2 })
    expect(slept).toEqual([2000])
  })

  it('does not take a Retry-After wait that would end past the deadline', async () => {
    const { clock, slept } = fakeClock()
    pool()
      .intercept({ path: '/thing' })
      .reply(OUTAGE, 'busy', { headers: { 'retry-after': '30' } })
    pool().intercept({ path: '/thing' }).reply(200, '{}')
    const error = await client(clock, clock.now() + 10_000)
      .send(get)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DeadlineError)
    expect((error as Error).message).toContain(
      `while trying to list connections (it answered HTTP ${OUTAGE}, and the wait of 30.0 s before a retry would have passed the limit); nothing more was sent`
    )
    expect(slept).toEqual([])
  })

  it('does not take a backoff wait that would end past the deadline', async () => {
    const { clock, slept } = fakeClock()
    pool()
      .intercept({ path: '/thing' })
      .replyWithError(Object.assign(new Error('reset'), { code: 'ECONNRESET' }))
      .times(3)
    // random 0.5: backoff waits 250 ms, then 500 ms; the deadline allows only the first.
    const error = await client(clock, clock.now() + 600)
      .send(get)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DeadlineError)
    expect(slept).toEqual([250])
    expect((error as DeadlineError).maybeApplied).toBe(true)
    expect((error as Error).message).toContain(
      'it failed (the connection was closed before an answer came (ECONNRESET))'
    )
  })

  it('cuts an attempt short at the deadline instead of waiting for its own timeout', async () => {
    const clock: Clock = { now: () => Date.now(), sleep: () => Promise.reject(new Error('no sleep expected')) }
    pool().intercept({ path: '/thing' }).reply(200, '{}').delay(5000)
    const started = Date.now()
    const error = await client(clock, started + 150, 10_000)
      .send(get)
      .catch((e: unknown) => e)
    const took = Date.now() - started
    expect(error).toBeInstanceOf(DeadlineError)
    expect((error as DeadlineError).maybeApplied).toBe(true)
    expect((error as Error).message).toContain('it may still have been applied')
    expect(took).toBeGreaterThanOrEqual(100)
    expect(took).toBeLessThan(3000)
  })

  it('keeps its own per-attempt timeout when the deadline is further away', async () => {
    const clock: Clock = { now: () => Date.now(), sleep: () => Promise.resolve() }
    pool().intercept({ path: '/thing' }).reply(200, '{}').delay(5000)
    const error = await client(clock, Date.now() + 60_000, 100, 1)
      .send(get)
      .catch((e: unknown) => e)
    expect(error).not.toBeInstanceOf(DeadlineError)
    expect((error as Error).message).toContain('no answer within 0.1 s (request-timeout)')
  })

  it('without a deadline behaves as before', async () => {
    const { clock, slept } = fakeClock()
    pool()
      .intercept({ path: '/thing' })
      .reply(OUTAGE, 'busy', { headers: { 'retry-after': '50' } })
    pool().intercept({ path: '/thing' }).reply(200, '{}')
    expect(await client(clock, undefined).send(get)).toMatchObject({ status: 200, attempts: 2 })
    expect(slept).toEqual([50_000])
  })
})

describe('sleepWithin', () => {
  const runtime = (clock: Clock, deadlineAt: number | undefined) => ({
    clock,
    random: Math.random,
    log: nullLogger,
    deadlineAt
  })

  it('sleeps when the wait ends by the deadline', async () => {
    const { clock, slept } = fakeClock()
    await sleepWithin(runtime(clock, clock.now() + 1000), 1000, 'find the new connection')
    await sleepWithin(runtime(clock, undefined), 5000, 'find the new connection')
    expect(slept).toEqual([1000, 5000])
  })

  it('throws a DeadlineError instead of sleeping past the deadline', async () => {
    const { clock, slept, advance } = fakeClock()
    const deadline = clock.now() + 1000
    advance(400)
    const error = await sleepWithin(runtime(clock, deadline), 601, 'find the new connection').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DeadlineError)
    expect((error as Error).message).toBe(
      'The run reached the limit of its `timeout` input while trying to find the new connection (a wait of 0.6 s would have passed it); nothing more was sent. Raise `timeout`, or find out why the service is slow.'
    )
    expect(slept).toEqual([])
  })
})
