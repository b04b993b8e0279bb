/**
 * The one error type that reaches the user. Its message is a single line that says what failed,
 * why, and what to do; it never contains a secret (callers build it from non-secret parts only).
 * An error that wraps another keeps it as `cause` (`causeOf` finds it again); the message says
 * what the wrapping adds, and describeFailure turns it into the one line the user sees.
 */
export class ActionError extends Error {
  override readonly name: string = 'ActionError'
}

/**
 * An HTTP exchange that failed; carries the status, the service's error code and request id as
 * fields. `summary` is what failed and why; the message adds the request id, in this one place.
 */
export class ServiceError extends ActionError {
  override readonly name = 'ServiceError'
  readonly summary: string
  readonly status: number | undefined
  readonly code: string | undefined
  readonly requestId: string | undefined

  constructor(
    summary: string,
    details: {
      status?: number | undefined
      code?: string | undefined
      requestId?: string | undefined
      cause?: unknown
    } = {}
  ) {
    super(
      details.requestId ? `${summary} (Adobe request id ${details.requestId})` : summary,
      details.cause === undefined ? undefined : { cause: details.cause }
    )
    this.summary = summary
    this.status = details.status
    this.code = details.code
    this.requestId = details.requestId
  }

  /** The same failure told with more context: status, code and request id kept, this error as its cause. */
  retold(summary: string): ServiceError {
    return new ServiceError(summary, { status: this.status, code: this.code, requestId: this.requestId, cause: this })
  }
}

/**
 * The run reached the limit of its `timeout` input. Nothing more is sent after it; `maybeApplied`
 * is true when the request that was cut short may still have been acted on by the server.
 */
export class DeadlineError extends ActionError {
  override readonly name = 'DeadlineError'
  readonly operation: string
  readonly maybeApplied: boolean

  constructor(operation: string, options: { detail?: string; maybeApplied?: boolean } = {}) {
    const maybeApplied = options.maybeApplied ?? false
    super(
      `The run reached the limit of its \`timeout\` input while trying to ${operation}${options.detail ? ` (${options.detail})` : ''}; nothing more was sent` +
        (maybeApplied ? ', and the last request got no answer, so it may still have been applied' : '') +
        '. Raise `timeout`, or find out why the service is slow.'
    )
    this.operation = operation
    this.maybeApplied = maybeApplied
  }
}

/**
 * The error of `type` that `error` is, or that it wraps through its `cause` chain: a deadline
 * stays a deadline, however often what ran into it was put into words.
 */
export function causeOf<T extends Error>(error: unknown, type: abstract new (...args: never[]) => T): T | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 10; current = current.cause, depth++) {
    if (current instanceof type) return current
  }
  return undefined
}

/** Collapses line breaks so a message is always one log line. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim()
}

/** The one line a failure is reported as; anything but an ActionError is a bug, and says so. */
export function describeFailure(error: unknown): string {
  if (error instanceof ActionError) return oneLine(error.message)
  if (error instanceof Error) return oneLine(`Unexpected ${error.name}: ${error.message}`)
  return 'Unexpected failure'
}
