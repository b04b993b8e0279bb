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

/** What the inputs settle before anything is sent: the outputs that come from them, and whether tables are listed. */
export interface SettledByInputs extends Pick<StepOutputs, 'sandbox' | 'zoho-api-domain' | 'zoho-accounts-url'> {
  readonly listsTables: boolean
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
    'deleted-ids': report.deletedIds.join(','),
    reason: failure ?? report.reason ?? '',
    sandbox: settled.sandbox,
    'zoho-api-domain': settled['zoho-api-domain'],
    'zoho-accounts-url': settled['zoho-accounts-url']
  }
}
