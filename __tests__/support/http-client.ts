import type { Dispatcher } from 'undici'
import { HttpClient, type HttpSettings } from '../../src/http.ts'
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
