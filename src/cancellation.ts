/**
 * The runner cancels a step (`cancel-in-progress`, the Cancel button, `timeout-minutes`) with
 * SIGINT, then SIGTERM about 7.5 s later (SIGBREAK on Windows), then a kill. From the first signal on, nothing new is
 * sent and every wait ends; a read in flight is dropped at once, while a write in flight (a create
 * above all) gets WRITE_GRACE_MS to answer, so that its id can still be saved and reported.
 */
import { ActionError } from './errors.ts'

/** How long a write in flight may still answer after the signal: well inside the 5 s to exit. */
export const WRITE_GRACE_MS = 3_000

/**
 * The runner's SIGTERM comes about 7.5 s after SIGINT; a step still alive this long after the
 * signal (a handle that keeps Node's event loop busy) exits anyway, its files already written.
 */
const EXIT_WITHIN_MS = 4_500

/** The step was cancelled; `maybeApplied` when the request cut short may still have been acted on. */
export class CancelledError extends ActionError {
  override readonly name = 'CancelledError'
  readonly maybeApplied: boolean

  constructor(signal: string, operation: string | undefined, maybeApplied = false) {
    super(
      `The step was cancelled (${signal})${operation ? ` while trying to ${operation}` : ''}; nothing more was sent` +
        (maybeApplied ? ', and the request cut short may still have been applied' : '')
    )
    this.maybeApplied = maybeApplied
  }
}

export class Cancellation {
  readonly #now = new AbortController()
  readonly #afterGrace = new AbortController()
  #signalName: string | undefined

  /** Aborted at the signal: nothing new starts, waits and reads in flight end. */
  get signal(): AbortSignal {
    return this.#now.signal
  }

  /** Aborted WRITE_GRACE_MS after the signal: writes in flight end too. */
  get writeSignal(): AbortSignal {
    return this.#afterGrace.signal
  }

  /** The signal that cancelled the step ("SIGINT"), or undefined. */
  get by(): string | undefined {
    return this.#signalName
  }

  /**
   * Resolves a little after the grace, once every request has ended and the plan has had its
   * turn to say where it stopped: whatever still runs then is not waited for.
   */
  readonly overdue: Promise<void> = new Promise((resolve) =>
    this.#afterGrace.signal.addEventListener('abort', () => setTimeout(resolve, 500).unref(), { once: true })
  )

  cancel(signalName: string): void {
    if (this.#signalName) return
    this.#signalName = signalName
    this.#now.abort(new CancelledError(signalName, undefined))
    setTimeout(() => this.#afterGrace.abort(new CancelledError(signalName, undefined, true)), WRITE_GRACE_MS).unref()
  }

  /** The error a request or wait cut short by the cancellation reports. */
  error(operation: string | undefined, maybeApplied = false): CancelledError {
    return new CancelledError(this.#signalName ?? 'SIGINT', operation, maybeApplied)
  }
}

/**
 * The signals that cancel a step: the runner sends SIGINT, then SIGTERM; on Windows runners
 * SIGBREAK (Ctrl+Break) comes in place of SIGTERM. Listening for one a platform never sends is
 * harmless.
 */
export const CANCEL_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGBREAK'] as const satisfies readonly NodeJS.Signals[]

export interface CancelListening {
  /** The exit code should the step still be alive EXIT_WITHIN_MS after the signal: 1, a failed step. */
  readonly exitCode?: number
  /** Said once, at the first signal, before anything else stops. */
  readonly onSignal?: (signal: NodeJS.Signals) => void
  /** For tests: how the process exits. */
  readonly exit?: (code: number) => void
}

/**
 * Turns each of CANCEL_SIGNALS into `cancellation.cancel`, for as long as `work` runs; a step
 * still alive EXIT_WITHIN_MS later exits with `exitCode`.
 */
export async function whileListeningForCancel<T>(
  cancellation: Cancellation,
  work: () => Promise<T>,
  { exitCode = 1, onSignal, exit = (code) => process.exit(code) }: CancelListening = {}
): Promise<T> {
  const listener = (signal: NodeJS.Signals) => {
    const first = cancellation.by === undefined
    cancellation.cancel(signal)
    if (!first) return
    onSignal?.(signal)
    setTimeout(() => exit(exitCode), EXIT_WITHIN_MS).unref()
  }
  listening.add(listener)
  if (listening.size === 1) for (const signal of CANCEL_SIGNALS) process.on(signal, toEveryListener)
  try {
    return await work()
  } finally {
    listening.delete(listener)
    if (listening.size === 0) for (const signal of CANCEL_SIGNALS) process.off(signal, toEveryListener)
  }
}

/**
 * One process listener per signal, however many runs listen (a step runs one; in-process tests run
 * many at once, and a listener each would pass Node's limit of 10 and warn of a leak). With none
 * left, the signal's default comes back.
 */
const listening = new Set<(signal: NodeJS.Signals) => void>()
function toEveryListener(signal: NodeJS.Signals): void {
  for (const listener of [...listening]) listener(signal)
}
