/**
 * The job summary, written on every run: a status line, a table of what is known, then notes.
 * Everything in it is HTML in one block with no blank line: GitHub renders such a
 * block as HTML and applies no Markdown to it, so a name or an error message cannot become a
 * link, an image or markup; every text is also entity-escaped, `:` and brackets included, so not
 * even a bare `https://…` is left for a linkifier to find. Never a secret: texts are redacted.
 */
import { EOL } from 'node:os'
import type { Report } from './report.ts'
import { runnerLine } from '../runner/runner-line.ts'

/** GitHub keeps up to 1 MiB of a step's summary; this one stays far below, whatever it is fed. */
export const MAX_SUMMARY_BYTES = 60_000
const MAX_CELL = 300
const MAX_MESSAGE = 2000
const MAX_NOTE = 500
const MAX_NOTES = 12
/** Dataflows the summary's table shows, at most; the output lists up to 100. */
export const MAX_DATAFLOWS_IN_SUMMARY = 20

export interface SummaryFacts {
  /** The source the connection is for, as users know it: "Zoho CRM". */
  readonly source: string
  readonly mode: string
  readonly sandbox: string
  readonly name: string
  readonly dryRun: boolean
  readonly report: Report
  readonly elapsedMs: number
  readonly failure: string | undefined
  /** The verify input; the tables explore listed are in the report. */
  readonly verify?: string | undefined
  /** Rows about the source, e.g. the Zoho data centre asked ("Europe (eu), https://accounts.zoho.eu"). */
  readonly sourceRows?: readonly (readonly [label: string, value: string])[] | undefined
}

/** What a run with invalid inputs knows: the inputs as given, and the problems. */
export interface InputProblemFacts {
  readonly source: string
  readonly mode: string
  readonly sandbox: string
  readonly name: string
  readonly problems: readonly string[]
  /** What the problems have in common (every secret input empty), shown before them. */
  readonly headline?: string | undefined
  readonly elapsedMs: number
}

type Redact = (text: string) => string

/** Entity-escapes everything HTML or a Markdown linkifier could read as syntax. */
export function escapeSummaryText(text: string): string {
  return text.replace(/[&<>"'|[\]()!*_`~\\:@]/g, (c) => `&#${c.charCodeAt(0)};`).replace(/\b(www)\./gi, '$1&#46;')
}

function cell(text: string, redact: Redact, max = MAX_CELL): string {
  return escapeSummaryText(runnerLine(text, redact, max))
}

function row(label: string, value: string, redact: Redact): string {
  return `<tr><th>${label}</th><td>${cell(value, redact)}</td></tr>`
}

function verification(facts: SummaryFacts): string {
  const { verified } = facts.report
  if (verified === 'skipped') return facts.verify === 'none' ? 'skipped (verify: none)' : 'skipped'
  if (verified === 'true' && facts.report.verifiedBy) return `passed: ${facts.report.verifiedBy}`
  const how =
    facts.verify === 'explore' && facts.report.tables
      ? `explore (${facts.report.tables.length} table${facts.report.tables.length === 1 ? '' : 's'} listed)`
      : (facts.verify ?? '')
  return `${verified === 'true' ? 'passed' : 'failed'}${how ? `: ${how}` : ''}`
}

function status(facts: SummaryFacts, warnings: number, redact: Redact): string {
  const { report } = facts
  if (facts.failure) return `❌ <strong>Failed</strong>: ${cell(facts.failure, redact, MAX_MESSAGE)}`
  const result = cell(report.result ?? 'done', redact)
  const id = report.connectionId ? ` (${cell(report.connectionId, redact)})` : ''
  if (facts.dryRun) return `🔍 <strong>Dry run</strong>: ${result}${id}; nothing was written`
  if (warnings > 0) return `⚠️ <strong>${result}</strong>${id}, with ${warnings} warning${warnings === 1 ? '' : 's'}`
  return `✅ <strong>${result}</strong>${id}`
}

function listItems(items: readonly string[], redact: Redact, mark: (item: string) => string): string {
  const shown = items.slice(0, MAX_NOTES).map((item) => `<li>${mark(item)}${cell(item, redact, MAX_NOTE)}</li>`)
  if (items.length > MAX_NOTES) shown.push(`<li>… and ${items.length - MAX_NOTES} more, in the log</li>`)
  return shown.length > 0 ? `<ul>${shown.join('')}</ul>` : ''
}

/** `3: 2 enabled, 1 draft; last runs: 2 success, 1 none`, or `none`. */
function dataflowsCell(dataflows: NonNullable<Report['dataflows']>): string {
  if (dataflows.length === 0) return 'none'
  const tally = (values: readonly string[]) => {
    const counts = new Map<string, number>()
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
    return [...counts].map(([value, n]) => `${n} ${value}`).join(', ')
  }
  return `${dataflows.length}: ${tally(dataflows.map((d) => d.state))}; last runs: ${tally(dataflows.map((d) => d.lastRun))}`
}

/** Each dataflow read, as a table (bounded), or nothing when none was read or none uses the connection. */
function dataflowsTable(report: Report, redact: Redact): string {
  const dataflows = report.dataflows ?? []
  if (dataflows.length === 0) return ''
  const rows = dataflows
    .slice(0, MAX_DATAFLOWS_IN_SUMMARY)
    .map(
      (d) =>
        `<tr><td>${cell(d.id, redact)}</td><td>${cell(d.name || '—', redact)}</td><td>${cell(d.state, redact)}</td><td>${cell(d.lastRun, redact)}</td></tr>`
    )
  const more =
    dataflows.length > MAX_DATAFLOWS_IN_SUMMARY
      ? `<p>… and ${dataflows.length - MAX_DATAFLOWS_IN_SUMMARY} more dataflows, in the log and the dataflows output</p>`
      : ''
  return `<table><tr><th>Dataflow</th><th>Name</th><th>State</th><th>Last run</th></tr>${rows.join('')}</table>${more}`
}

/** The summary's heading: "Zoho CRM base connection", and the post step's with what follows. */
export function title(source: string, redact: Redact, after = ''): string {
  return `<h3>${cell(`${source} base connection${after}`, redact)}</h3>`
}

/** The summary of a run whose inputs were valid, as one HTML block. */
export function renderSummary(facts: SummaryFacts, redact: Redact): string {
  const { report } = facts
  // Warnings are marked as warnings in the list.
  const { warnings } = report
  const notes = [...report.notes, ...warnings.filter((warning) => !report.notes.includes(warning))]
  const rows = [
    row('Mode', facts.dryRun ? `${facts.mode} (dry run)` : facts.mode, redact),
    row('Sandbox', facts.sandbox, redact),
    row('Name', facts.name, redact),
    row('Connection id', report.connectionId ?? '—', redact),
    row('State', report.state ?? '—', redact),
    row('Etag', report.etag ?? '—', redact),
    row('Result', report.result ?? (facts.failure ? 'failed' : '—'), redact),
    row('Verification', verification(facts), redact),
    ...(report.dataflows ? [row('Dataflows', dataflowsCell(report.dataflows), redact)] : []),
    ...(facts.sourceRows ?? []).map(([label, value]) => row(escapeSummaryText(label), value, redact)),
    row('Time', `${(facts.elapsedMs / 1000).toFixed(1)} s`, redact)
  ]
  const mark = (item: string) => (warnings.includes(item) ? '⚠️ <strong>Warning</strong>: ' : '')
  return bounded([
    title(facts.source, redact),
    `<p>${status(facts, warnings.length, redact)}</p>`,
    `<table>${rows.join('')}</table>`,
    dataflowsTable(report, redact),
    listItems(notes, redact, mark)
  ])
}

/** The summary of a run stopped by its inputs: nothing was sent anywhere. */
export function renderInputProblems(facts: InputProblemFacts, redact: Redact): string {
  const count = facts.problems.length
  const rows = [
    row('Mode', facts.mode || '(not given)', redact),
    row('Sandbox', facts.sandbox || '(not given)', redact),
    row('Name', facts.name || '(not given)', redact),
    row('Result', 'failed: invalid inputs, nothing was sent', redact),
    row('Time', `${(facts.elapsedMs / 1000).toFixed(1)} s`, redact)
  ]
  return bounded([
    title(facts.source, redact),
    // The headline belongs to the status, so that a list too long to keep never takes it along.
    `<p>❌ <strong>Failed</strong>: ${count === 1 ? 'an input is' : `${count} inputs are`} invalid</p>` +
      (facts.headline ? `${EOL}<p>${cell(facts.headline, redact, MAX_MESSAGE)}</p>` : ''),
    `<table>${rows.join('')}</table>`,
    listItems(facts.problems, redact, () => '')
  ])
}

/** One block, no blank line; under MAX_SUMMARY_BYTES whatever the parts hold (the list goes first). */
function bounded(parts: string[]): string {
  const html = parts.filter(Boolean).join(EOL)
  if (Buffer.byteLength(html) <= MAX_SUMMARY_BYTES) return html
  const withoutList = parts.slice(0, 3).join(EOL)
  return `${withoutList}${EOL}<p>(Notes left out: the summary would have been too long; see the log.)</p>`
}
