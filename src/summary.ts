import * as core from '@actions/core'
import type { Report } from './report.ts'

export interface SummaryFacts {
  readonly mode: string
  readonly sandbox: string
  readonly name: string
  readonly dryRun: boolean
  readonly report: Report
  readonly elapsedMs: number
  readonly failure: string | undefined
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"'|]/g, (c) => `&#${c.charCodeAt(0)};`)
}

function summaryStatus(facts: SummaryFacts): string {
  if (facts.failure) return `❌ Failed: ${facts.failure}`
  const { report } = facts
  const id = report.connectionId ? ` (${report.connectionId})` : ''
  return `✅ ${report.result ?? 'done'}${id}${facts.dryRun ? ' — dry run, nothing was written' : ''}`
}

/** The job summary: a status line, then a table and notes. Never a secret: only ids and names. */
export async function writeSummary(facts: SummaryFacts): Promise<void> {
  if (!process.env['GITHUB_STEP_SUMMARY']) return
  const { report } = facts
  const row = (label: string, value: string) => [{ data: label, header: true }, escapeHtml(value)]
  core.summary
    .addHeading('Zoho CRM base connection', 3)
    .addRaw(escapeHtml(summaryStatus(facts)), true)
    .addTable([
      row('Mode', facts.dryRun ? `${facts.mode} (dry run)` : facts.mode),
      row('Sandbox', facts.sandbox),
      row('Name', facts.name),
      row('Connection id', report.connectionId ?? '—'),
      row('Result', report.result ?? (facts.failure ? 'failed' : '—')),
      row('Verification', report.verified),
      row('Time', `${(facts.elapsedMs / 1000).toFixed(1)} s`)
    ])
  const lines = [...report.warnings.map((warning) => `⚠️ Warning: ${warning}`), ...report.notes]
  if (lines.length > 0) core.summary.addList(lines.map(escapeHtml))
  await core.summary.write()
}
