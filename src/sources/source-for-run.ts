/**
 * What the wiring knows of a run's source beyond the plan's view (ConnectionSource): the rows it
 * adds to the summary, the params the debug shapes name, whether its proof may run beside the IMS
 * exchange, and what a dry run without its secrets lacks.
 */
import type { HttpClient } from '../http.ts'
import type { ConnectionSource } from '../plan/source.ts'

export interface SourceForRun extends ConnectionSource {
  /** Rows for the job summary about the source, once the run has asked it for anything. */
  summaryRows(): readonly (readonly [label: string, value: string])[]
  /** The params of its connections, which the debug shapes list even when Adobe leaves them out. */
  readonly paramNames: readonly string[]
  /**
   * Its proof needs nothing the connection spec says, so a mode that always writes may send it
   * beside the IMS exchange. False when what it writes must first be checked against the spec's
   * schema: the proof then waits for that check.
   */
  readonly provesBeforeSpec: boolean
  /** For a dry run of a mode that writes: what a real run would need and this one lacks, or undefined. */
  dryRunWarning(): string | undefined
  /** The description written when the inputs give none and no repository names the run. */
  readonly managedBy: string
}

/** What a source of one run works with: the HTTP client, the mask, and the log and summary lines. */
export interface SourceContext {
  readonly http: HttpClient
  /** Registers a secret the moment it exists (a minted token). */
  readonly mask: (value: string) => void
  /** A log line. */
  readonly log: (message: string) => void
  /** A log line the summary lists too. */
  readonly note: (message: string) => void
  /** A warning, in the log and the summary. */
  readonly warn: (message: string) => void
}
