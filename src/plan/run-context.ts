import { ActionError, ServiceError } from '../errors.ts'
import type { ConnectionInputs, Inputs } from '../inputs/parse.ts'
import { addNote, addWarning, type Report } from '../report/report.ts'
import type { Runtime } from '../runtime.ts'
import type { DataflowReader } from './pipeline.ts'
import type { ConnectionSource } from './source.ts'
import type { ConnectionStore, CreateJournal, Sandbox } from './store.ts'

export interface PlanServices {
  readonly store: ConnectionStore
  /** The dataflows that use a connection: read only. */
  readonly dataflows: DataflowReader
  readonly journal: CreateJournal
  readonly listSandboxes: () => Promise<Sandbox[] | undefined>
  /** The source the connection is for: what it writes, proven at most once, and how its params compare. */
  readonly source: ConnectionSource
  /** The clock, random source, log and deadline the HTTP layer works with too. */
  readonly runtime: Runtime
}

/**
 * The inputs the plan acts on, as parsed (the wiring passes the inputs themselves), and what the
 * wiring adds for one run.
 */
export type PlanSettings = Pick<
  Inputs,
  | 'mode'
  | 'sandbox'
  | 'dryRun'
  | 'onExisting'
  | 'verify'
  | 'verifyTables'
  | 'dataflows'
  | 'connectionId'
  | 'maxAttempts'
  | 'settleTimeoutMs'
  | 'cleanup'
> & {
  readonly connection: Pick<ConnectionInputs, 'name' | 'specId' | 'specVersion' | 'authSpecName'>
  readonly adobe: Pick<Inputs['adobe'], 'orgId'>
  /** Written into the description of every connection this run creates, to recognise them. */
  readonly runMarker: string
  /** The description the inputs give, or one naming the repository and workflow. */
  readonly description: string
}

/** Everything one run of the plan works with. */
export interface RunContext {
  readonly settings: PlanSettings
  readonly services: PlanServices
  readonly report: Report
}

/** A line for the log and the summary. */
export function note(ctx: RunContext, message: string): void {
  ctx.services.runtime.log.info(message)
  addNote(ctx.report, message)
}

/** A warning for the log and the summary. */
export function warn(ctx: RunContext, message: string): void {
  ctx.services.runtime.log.warning(message)
  addWarning(ctx.report, message)
}

export function describeConnection(settings: PlanSettings, id: string): string {
  return `connection "${settings.connection.name}" (id ${id}) in sandbox "${settings.sandbox}"`
}

/** Prefixes a failure with what exists, keeping Adobe's request id and the failure as `cause`. */
export function prefixFailure(error: unknown, prefix: string): Error {
  if (error instanceof ServiceError) {
    return error.retold(`${prefix}: ${error.summary}`)
  }
  if (error instanceof Error) return new ActionError(`${prefix}: ${error.message}`, { cause: error })
  return new ActionError(prefix)
}
