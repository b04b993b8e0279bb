import type { Dispatcher } from 'undici'
import { HttpClient, type Clock, type HttpSettings } from '../../src/http.ts'

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
  settings: Partial<Omit<HttpSettings, 'dispatcher'>> & { clock: Clock }
): HttpClient {
  return new HttpClient({
    dispatcher,
    userAgent: 'test-agent/1',
    timeoutMs: 1000,
    maxAttempts: 4,
    random: () => 0.5,
    log: { debug: () => undefined, info: () => undefined },
    ...settings
  })
}
