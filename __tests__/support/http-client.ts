import type { Dispatcher } from 'undici'
import { HttpClient, type HttpSettings } from '../../src/http.ts'
import { RETRY_POLICIES, type RequestKind } from '../../src/retry-policy.ts'
import { nullLogger, type Clock } from '../../src/runtime.ts'

/** A clock that stands still and records every wait instead of sleeping. */
export function recordingClock(slept: number[]): Clock {
  return {
    now: () => 0,
    sleep: (ms) => {
      slept.push(ms)
      return Promise.resolve()
    }
  }
}

/** An HttpClient over a mock dispatcher, quiet, with jitter fixed at half. */
export function testClient(
  dispatcher: Dispatcher,
  settings: Partial<Omit<HttpSettings, 'dispatcher' | 'runtime'>> & { clock: Clock; deadlineAt?: number | undefined }
): HttpClient {
  const { clock, deadlineAt, ...http } = settings
  return new HttpClient({
    dispatcher,
    userAgent: 'test-agent/1',
    timeoutMs: 1000,
    maxAttempts: 4,
    runtime: { clock, random: () => 0.5, log: nullLogger, deadlineAt },
    ...http
  })
}

/**
 * A 5xx that a request of this kind sends again, from RETRY_POLICIES: for a test that needs
 * "some outage that is retried", not the treatment of one status.
 */
export function retriedOutage(kind: RequestKind = 'read'): number {
  const status = RETRY_POLICIES[kind].statuses.find((listed) => listed >= 500)
  if (status === undefined) throw new Error(`RETRY_POLICIES['${kind}'] retries no 5xx`)
  return status
}
