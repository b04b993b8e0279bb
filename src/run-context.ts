import type { Connection, ConnectionSpec, CreateConnectionRequest, PatchInstruction } from './adobe/flow-service.ts'
import type { Sandbox } from './adobe/sandboxes.ts'
import type { ListedTable, ParamExpectation } from './decisions.ts'
import { ActionError, ServiceError } from './errors.ts'
import type { Report } from './report.ts'
import type { Runtime } from './runtime.ts'
import type { Mode, OnExisting, Verify } from './vocabulary.ts'

/** The Flow Service calls the plan makes (FlowServiceClient in production). */
export interface ConnectionStore {
  getConnectionSpec(specId: string): Promise<ConnectionSpec | undefined>
  findConnectionsByName(name: string, specId: string): Promise<Connection[]>
  getConnection(id: string): Promise<Connection | undefined>
  createConnection(body: CreateConnectionRequest): Promise<{ id: string; etag: string | undefined }>
  updateConnection(id: string, etag: string, patch: readonly PatchInstruction[]): Promise<{ etag: string | undefined }>
  deleteConnection(id: string): Promise<'deleted' | 'absent'>
  testConnection(id: string): Promise<boolean>
  /** The root objects (tables) the source lists, by display name and path. */
  exploreRoot(id: string): Promise<ListedTable[]>
}

/**
 * Where a create leaves its trace for the post step (GITHUB_STATE on the runner), written before
 * and after each step of it, so that a run cancelled or cut short at any moment leaves behind what
 * finds the connections it may have made.
 */
export interface CreateJournal {
  /** Before the first create is sent: connections carrying this run's marker may now appear. Throws when it cannot be saved. */
  opened(): void
  /** A connection this run created is known by its id. */
  made(id: string): void
  /** This run made no further copy (or deleted it) and knows what remains: `kept`, when it keeps one. */
  settled(kept: string | undefined): void
}

export interface PlanServices {
  readonly store: ConnectionStore
  readonly journal: CreateJournal
  readonly listSandboxes: () => Promise<Sandbox[] | undefined>
  /** The Zoho access token for the connection; refreshes at Zoho at most once, on first call. */
  readonly zohoAccessToken: () => Promise<string>
  /** The clock, random source, log and deadline the HTTP layer works with too. */
  readonly runtime: Runtime
}

export interface PlanSettings {
  readonly mode: Mode
  readonly sandbox: string
  readonly orgId: string
  readonly dryRun: boolean
  readonly onExisting: OnExisting
  readonly verify: Verify
  readonly verifyTables: readonly string[]
  readonly name: string
  readonly connectionId: string | undefined
  readonly specId: string
  readonly authSpecName: string
  readonly maxAttempts: number
  readonly settleTimeoutMs: number
  /** Written into the description of every connection this run creates, to recognise them. */
  readonly runMarker: string
  /** The non-secret params repair compares with what Adobe shows. */
  readonly expectedParams: readonly ParamExpectation[]
  /** The create body, and the values an update replaces, for a given Zoho access token. */
  readonly connectionBody: (zohoAccessToken: string) => Promise<CreateConnectionRequest>
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
  ctx.report.notes.push(message)
}

/** A warning for the log and the summary. */
export function warn(ctx: RunContext, message: string): void {
  ctx.services.runtime.log.warning(message)
  ctx.report.warnings.push(message)
}

export function describeConnection(settings: PlanSettings, id: string): string {
  return `connection "${settings.name}" (id ${id}) in sandbox "${settings.sandbox}"`
}

/** Prefixes a failure with what exists, keeping Adobe's request id. */
export function withExisting(error: unknown, prefix: string): Error {
  if (error instanceof ServiceError) {
    return new ServiceError(`${prefix}: ${error.summary}`, error)
  }
  if (error instanceof Error) return new ActionError(`${prefix}: ${error.message}`)
  return new ActionError(prefix)
}
