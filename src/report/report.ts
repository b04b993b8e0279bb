import type { Result } from '../modes.ts'
import type { Dataflow } from '../plan/pipeline.ts'
import type { Verified } from '../vocabulary.ts'

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
  /** The dataflows that use the connection (or, in delete mode, the connections), once read. */
  dataflows?: readonly Dataflow[]
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

/** Whether the connection the outputs name is one this run created. */
export function recordOwnership(report: Report, created: boolean): void {
  report.created = created
}

/** An update gave the connection the outputs name a new etag. */
export function recordEtag(report: Report, etag: string): void {
  report.etag = etag
}

/** What a verification showed: whether it passed, the tables it listed, and what proved it. */
export function recordVerified(
  report: Report,
  outcome: { readonly verified: Verified; readonly tables?: readonly string[] | undefined }
): void {
  report.verified = outcome.verified
  if (outcome.tables) report.tables = outcome.tables
}

/** What a verification that passed proved, for the summary, with its line. */
export function recordVerifiedBy(report: Report, by: string): void {
  report.verifiedBy = by
  report.notes.push(`Verified with ${by}.`)
}

/** The dataflows read for a connection; read for several (delete by name), they add up. */
export function recordDataflows(report: Report, dataflows: readonly Dataflow[]): void {
  const known = report.dataflows ?? []
  report.dataflows = [...known, ...dataflows.filter((flow) => !known.some((k) => k.id === flow.id))]
}

/** In delete mode: a connection deleted. */
export function recordDeleted(report: Report, id: string): void {
  report.deletedIds.push(id)
}

/** A line for the summary: what was done, what was seen. */
export function addNote(report: Report, line: string): void {
  report.notes.push(line)
}

/** A line for the summary that needs attention. */
export function addWarning(report: Report, line: string): void {
  report.warnings.push(line)
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
