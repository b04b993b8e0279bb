import type { ParamExpectation } from './decisions.ts'
import { ActionError, ServiceError } from '../errors.ts'
import type { AdobeInputs, ConnectionInputs, Inputs } from '../inputs/parse.ts'
import { addNote, addWarning, type Report } from '../report/report.ts'
import type { Runtime } from '../runtime.ts'
import type { ConnectionStore, CreateConnectionRequest, CreateJournal, Sandbox } from './store.ts'

export interface PlanServices {
  readonly store: ConnectionStore
  readonly journal: CreateJournal
  readonly listSandboxes: () => Promise<Sandbox[] | undefined>
  /** The source's access token the connection stores (Zoho's); minted at most once, on first call. */
  readonly sourceAccessToken: () => Promise<string>
  /** The clock, random source, log and deadline the HTTP layer works with too. */
  readonly runtime: Runtime
}

/** The inputs the plan acts on, as parsed: their types follow `Inputs`. */
type SettingsFromInputs = {
  readonly [
    K in
      | 'mode'
      | 'sandbox'
      | 'dryRun'
      | 'onExisting'
      | 'verify'
      | 'verifyTables'
      | 'connectionId'
      | 'maxAttempts'
      | 'settleTimeoutMs'
  ]: Inputs[K]
}

/** The inputs the plan acts on, and what the wiring adds for one run. */
export interface PlanSettings extends SettingsFromInputs, Pick<ConnectionInputs, 'name' | 'specId' | 'authSpecName'> {
  readonly orgId: AdobeInputs['orgId']
  /** Written into the description of every connection this run creates, to recognise them. */
  readonly runMarker: string
  /** The non-secret params repair compares with what Adobe shows. */
  readonly expectedParams: readonly ParamExpectation[]
  /** The create body, and the values an update replaces, for a given source access token. */
  readonly connectionBody: (sourceAccessToken: string) => Promise<CreateConnectionRequest>
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
  return `connection "${settings.name}" (id ${id}) in sandbox "${settings.sandbox}"`
}

/** Prefixes a failure with what exists, keeping Adobe's request id and the failure as `cause`. */
export function prefixFailure(error: unknown, prefix: string): Error {
  if (error instanceof ServiceError) {
    return error.retold(`${prefix}: ${error.summary}`)
  }
  if (error instanceof Error) return new ActionError(`${prefix}: ${error.message}`, { cause: error })
  return new ActionError(prefix)
}
