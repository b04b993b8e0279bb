/**
 * What a run shares with every part that waits, draws random numbers or logs: the HTTP layer and
 * the plan receive the same one, so that tests can run either on a virtual clock, with a fixed
 * random source and a null logger, and a deadline means the same thing everywhere.
 */
import { setTimeout as delay } from 'node:timers/promises'
import type { Cancellation } from './cancellation.ts'
import { DeadlineError } from './errors.ts'

export interface Clock {
  now(): number
  /** Ends early, rejecting, when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

/** Lines for the runner's log; `group` folds the lines of one phase (core.group on the runner). */
export interface Logger {
  debug(message: string): void
  info(message: string): void
  warning(message: string): void
  group<T>(title: string, work: () => Promise<T>): Promise<T>
}

export interface Runtime {
  readonly clock: Clock
  /** In [0, 1), as Math.random: the jitter of retry waits. */
  readonly random: () => number
  readonly log: Logger
  /**
   * When the run must be over (same time base as `clock.now()`): no request starts at or after
   * it, none outlasts it, and no wait ends past it. Undefined: no deadline.
   */
  readonly deadlineAt: number | undefined
  /** Set on the runner: SIGINT or SIGTERM stops every request and wait (src/cancellation.ts). */
  readonly cancellation?: Cancellation | undefined
}

export const systemClock: Clock = {
  now: () => Date.now(),
  // The timer is cleared on abort, so that a cancelled wait does not keep the process alive.
  sleep: (ms, signal) => delay(ms, undefined, signal ? { signal } : {})
}

/** A logger that drops every line: for tests that judge outcomes, not log text. */
export const nullLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warning: () => undefined,
  group: (_title, work) => work()
}

/** The runtime of a run on the runner: the system clock, Math.random, and the given log. */
export function systemRuntime(log: Logger, deadlineAt: number, cancellation?: Cancellation): Runtime {
  return { clock: systemClock, random: Math.random, log, deadlineAt, cancellation }
}

/**
 * A wait that the run's deadline allows, or a DeadlineError instead of sleeping past it. `what`
 * completes "while trying to …", e.g. "find the new connection".
 */
export async function sleepWithin(runtime: Runtime, ms: number, what: string): Promise<void> {
  const { clock, deadlineAt } = runtime
  if (deadlineAt !== undefined && clock.now() + ms > deadlineAt) {
    throw new DeadlineError(what, { detail: `a wait of ${formatSeconds(ms)} would have passed it` })
  }
  await sleepUnlessCancelled(runtime, ms, what)
}

/** A wait that ends at once, with a CancelledError naming `what`, when the step is cancelled. */
export async function sleepUnlessCancelled(runtime: Runtime, ms: number, what: string): Promise<void> {
  const { clock, cancellation } = runtime
  if (!cancellation) return clock.sleep(ms)
  if (cancellation.signal.aborted) throw cancellation.error(what)
  try {
    await clock.sleep(ms, cancellation.signal)
  } catch (error) {
    if (cancellation.signal.aborted) throw cancellation.error(what)
    throw error
  }
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
}
