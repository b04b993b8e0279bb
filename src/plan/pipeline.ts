/**
 * What hangs off a base connection, as the plan sees it (part of the plan's own interface): the
 * dataflows that use it through its source connections, each with its state and the outcome of
 * its last run (api-notes.md §6). The dataflows client (src/adobe/dataflows.ts) implements the
 * reader; it only reads: nothing in this action changes or deletes a dataflow.
 */
import { ActionError, type ServiceError } from '../errors.ts'

/**
 * How a dataflow's last run ended: `none` when it never ran (or no run has ended yet); `unread`
 * when its listing showed none and its runs were not read, because the caller (a delete) needs
 * only which dataflows use the connection.
 */
export type LastRun = 'success' | 'failed' | 'none' | 'unread'

export interface Dataflow {
  readonly id: string
  /** As Adobe shows it; empty when it shows none. */
  readonly name: string
  /** As Adobe shows it (`enabled`, `disabled`, a draft's state), `unknown` when it shows none. */
  readonly state: string
  readonly lastRun: LastRun
}

/** Reads the dataflows that use a base connection; never writes. */
export interface DataflowReader {
  /**
   * Every dataflow that uses the connection (all pages of its source connections and of their
   * dataflows). Throws when a read fails: a failed read is never "no dataflows". With
   * `lastRuns: 'never'` (a delete, which needs only which dataflows use it), no run is read: a
   * dataflow whose listing shows no last run is `unread`.
   */
  dataflowsOf(connectionId: string, options?: { readonly lastRuns: 'all' | 'never' }): Promise<Dataflow[]>
}

/** More dataflows show no last run than this action reads the runs of: `dataflows: list` and `healthy` cannot report them. */
export class TooManyRunReadsError extends ActionError {
  override readonly name = 'TooManyRunReadsError'
}

/**
 * Adobe refused to delete a base connection because dataflows use it (FLOW `1418-400`,
 * api-notes.md §2.6): one created after this run read them, or one the credential cannot see.
 */
export class ConnectionInUseError extends ActionError {
  override readonly name = 'ConnectionInUseError'
  readonly refusal: ServiceError

  constructor(refusal: ServiceError) {
    super(refusal.message, { cause: refusal })
    this.refusal = refusal
  }
}
