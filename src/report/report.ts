import type { Result, Verified } from '../vocabulary.ts'

/** What is known so far; written as outputs and summary even when the run fails half-way. */
export interface Report {
  connectionId?: string
  etag?: string
  state?: string
  result?: Result
  /** True while a connection this run created is the one the outputs name. */
  created: boolean
  verified: Verified
  /** What verification proved, for the summary: `test`, or `explore` with its tables. */
  verifiedBy?: string
  /** With verify explore: the root table names Adobe listed. */
  tables?: readonly string[]
  /** In delete mode: the ids deleted. */
  readonly deletedIds: string[]
  /** Why the run did what it did, one line. */
  reason?: string
  /** Lines for the summary: what was done, what was seen. */
  readonly notes: string[]
  /** Lines for the summary that need attention. */
  readonly warnings: string[]
}

export function newReport(): Report {
  return { created: false, verified: 'skipped', deletedIds: [], notes: [], warnings: [] }
}

export interface ConnectionFacts {
  readonly id: string
  readonly etag?: string | undefined
  readonly state?: string | undefined
}

/** The outputs now name this connection. */
export function recordConnection(report: Report, connection: ConnectionFacts): void {
  report.connectionId = connection.id
  if (connection.etag !== undefined) report.etag = connection.etag
  if (connection.state !== undefined) report.state = connection.state
}

/** The connection the outputs named is gone: hand nothing on to later jobs. */
export function forgetConnection(report: Report): void {
  delete report.connectionId
  delete report.etag
  delete report.state
  report.created = false
}

export function recordResult(report: Report, result: Result | undefined, reason?: string): void {
  if (result === undefined) delete report.result
  else report.result = result
  if (reason !== undefined) report.reason = reason
}

/** A failure after a connection is known says which one exists, unless it already does. */
export function namingTheKnownConnection(failure: string, report: Report): string {
  const id = report.connectionId
  if (!id || failure.includes(id)) return failure
  return `${failure} (connection ${id}, which this run ${report.created ? 'created' : 'found'}, exists)`
}
