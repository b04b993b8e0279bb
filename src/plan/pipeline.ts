/**
 * What hangs off a base connection, as the plan sees it (part of the plan's own interface): the
 * dataflows that use it through its source connections, each with its state and the outcome of
 * its last run (api-notes.md §6). The dataflows client (src/adobe/dataflows.ts) implements the
 * reader; it only reads: nothing in this action changes or deletes a dataflow.
 */
import { ActionError, type ServiceError } from '../errors.ts'

/** How a dataflow's last run ended: `none` when it never ran (or no run has ended yet). */
export type LastRun = 'success' | 'failed' | 'none'

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
   * dataflows). Throws when a read fails: a failed read is never "no dataflows".
   */
  dataflowsOf(connectionId: string): Promise<Dataflow[]>
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
