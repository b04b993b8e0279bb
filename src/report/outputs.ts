import type { Report } from './report.ts'

/**
 * Every output, in action.yml's order (`action-yml-matches-the-code.test.ts` holds them to it):
 * `stepOutputs` must give each one a value, or it does not compile.
 */
export const STEP_OUTPUTS = [
  'connection-id',
  'etag',
  'state',
  'result',
  'created',
  'verified',
  'tables',
  'dataflows',
  'deleted-ids',
  'reason',
  'sandbox',
  'zoho-api-domain',
  'zoho-accounts-url'
] as const

export type StepOutputName = (typeof STEP_OUTPUTS)[number]
export type StepOutputs = Readonly<Record<StepOutputName, string>>

/** Outputs are JSON for later steps: the table list is bounded by count, never cut mid-JSON. */
const MAX_TABLES_IN_OUTPUT = 500
/** The dataflows listed, at most (the summary says how many there are). */
export const MAX_DATAFLOWS_IN_OUTPUT = 100
/** A dataflow's name in the output, at most (Adobe sets no documented limit). */
const MAX_DATAFLOW_NAME = 256

/** What the inputs settle before anything is sent: the outputs that come from them, and whether tables are listed. */
export interface SettledByInputs extends Pick<StepOutputs, 'sandbox' | 'zoho-api-domain' | 'zoho-accounts-url'> {
  readonly listsTables: boolean
  /** `dataflows` is `list` or `healthy`. */
  readonly listsDataflows: boolean
}

/** The step's outputs, from what the run knows; set even when it failed half-way. */
export function stepOutputs(settled: SettledByInputs, report: Report, failure: string | undefined): StepOutputs {
  return {
    'connection-id': report.connectionId ?? '',
    etag: report.etag ?? '',
    state: report.state ?? '',
    result: report.result ?? '',
    created: String(report.created),
    verified: report.verified,
    tables: settled.listsTables && report.tables ? JSON.stringify(report.tables.slice(0, MAX_TABLES_IN_OUTPUT)) : '',
    dataflows: settled.listsDataflows && report.dataflows ? dataflowsJson(report.dataflows) : '',
    'deleted-ids': report.deletedIds.join(','),
    reason: failure ?? report.reason ?? '',
    sandbox: settled.sandbox,
    'zoho-api-domain': settled['zoho-api-domain'],
    'zoho-accounts-url': settled['zoho-accounts-url']
  }
}

/** `[{id, name, state, lastRun}, …]`, bounded by count and by name length. */
function dataflowsJson(dataflows: Report['dataflows'] & object): string {
  return JSON.stringify(
    dataflows.slice(0, MAX_DATAFLOWS_IN_OUTPUT).map(({ id, name, state, lastRun }) => ({
      id,
      name: name.slice(0, MAX_DATAFLOW_NAME),
      state,
      lastRun
    }))
  )
}
