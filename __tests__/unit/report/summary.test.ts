import { describe, expect, it } from 'vitest'
import { newReport, type Report } from '../../../src/report/report.ts'
import {
  escapeSummaryText,
  MAX_SUMMARY_BYTES,
  renderInputProblems,
  renderSummary,
  type SummaryFacts
} from '../../../src/report/summary.ts'
import { HOSTILE } from '../../emulator/emulator.ts'
import { liveContentIn, readSummary } from '../../support/summary.ts'

const none = (text: string) => text
const report = (fields: Partial<Report> = {}): Report => ({ ...newReport(), ...fields })
const facts = (fields: Partial<SummaryFacts> = {}): SummaryFacts => ({
  source: 'Zoho CRM',
  mode: 'ensure',
  sandbox: 'dev',
  name: 'Zoho CRM',
  dryRun: false,
  report: report(),
  elapsedMs: 1234,
  failure: undefined,
  ...fields
})

describe('the job summary, rendered', () => {
  it('shows mode, sandbox, name, id, state, etag, result, what was verified, the data centre and the time', () => {
    const summary = readSummary(
      renderSummary(
        facts({
          report: report({
            connectionId: 'c0ffee00-1',
            etag: '"e-1"',
            state: 'enabled',
            result: 'created',
            created: true,
            verified: 'true',
            tables: ['Leads', 'Contacts', 'Accounts', 'Deals']
          }),
          verify: 'explore',
          sourceRows: [['Zoho data centre', 'Europe (eu), https://accounts.zoho.eu']]
        }),
        none
      )
    )
    expect(summary.heading).toBe('Zoho CRM base connection')
    expect(summary.status).toBe('✅ created (c0ffee00-1)')
    expect(summary.rows).toEqual({
      Mode: 'ensure',
      Sandbox: 'dev',
      Name: 'Zoho CRM',
      'Connection id': 'c0ffee00-1',
      State: 'enabled',
      Etag: '"e-1"',
      Result: 'created',
      Verification: 'passed: explore (4 tables listed)',
      'Zoho data centre': 'Europe (eu), https://accounts.zoho.eu',
      Time: '1.2 s'
    })
  })

  it('marks a dry run as a dry run, not as done', () => {
    const summary = readSummary(
      renderSummary(facts({ dryRun: true, report: report({ result: 'would-create' }) }), none)
    )
    expect(summary.status).toBe('🔍 Dry run: would-create; nothing was written')
    expect(summary.status).not.toContain('✅')
    expect(summary.rows['Mode']).toBe('ensure (dry run)')
  })

  it('marks warnings as warnings', () => {
    const warning = '2 connections are named "Zoho CRM"; using the oldest'
    const summary = readSummary(
      renderSummary(
        facts({ report: report({ result: 'reused', notes: [warning, 'Verified with test.'], warnings: [warning] }) }),
        none
      )
    )
    expect(summary.status).toBe('⚠️ reused, with 1 warning')
    expect(summary.items).toEqual([`⚠️ Warning: ${warning}`, 'Verified with test.'])
  })

  it('says what failed, and which verification', () => {
    const summary = readSummary(
      renderSummary(facts({ failure: 'It broke', report: report({ verified: 'false' }), verify: 'test' }), none)
    )
    expect(summary.status).toBe('❌ Failed: It broke')
    expect(summary.rows['Verification']).toBe('failed: test')
    expect(summary.rows['Result']).toBe('failed')
  })

  it('lists the problems of invalid inputs', () => {
    const summary = readSummary(
      renderInputProblems(
        {
          source: 'Zoho CRM',
          mode: 'ensure',
          sandbox: 'Prod',
          name: '',
          problems: ['sandbox must be …', 'verify must be …'],
          elapsedMs: 5
        },
        none
      )
    )
    expect(summary.status).toBe('❌ Failed: 2 inputs are invalid')
    expect(summary.rows).toMatchObject({ Sandbox: 'Prod', Name: '(not given)' })
    expect(summary.items).toEqual(['sandbox must be …', 'verify must be …'])
  })

  it('says what the problems have in common before them, and only when there is one', () => {
    const headline = 'no secret reached this step (every secret input is empty): the job likely …'
    const given = { source: 'Zoho CRM', mode: 'ensure', sandbox: 'dev', name: '', elapsedMs: 5, headline }
    const html = renderInputProblems({ ...given, problems: ['adobe-client-secret is required …'] }, none)
    const paragraphs = [...html.matchAll(/<p>(.*?)<\/p>/g)].map(([, text = '']) => text)
    expect(paragraphs).toEqual(['❌ <strong>Failed</strong>: an input is invalid', escapeSummaryText(headline)])
    expect(html.indexOf(escapeSummaryText(headline))).toBeLessThan(html.indexOf('<table>'))
    expect(html.indexOf('<table>')).toBeLessThan(html.indexOf('<li>'))
    expect(readSummary(renderInputProblems({ ...given, headline: undefined, problems: ['x'] }, none)).items).toEqual([
      'x'
    ])
    expect(renderInputProblems({ ...given, headline: undefined, problems: ['x'] }, none)).not.toContain('no secret')
  })

  it('renders hostile names and messages as text, and stays bounded', () => {
    const html = renderSummary(
      facts({
        name: HOSTILE.markdown,
        failure: `${HOSTILE.markdown} ${'x'.repeat(20 * 1024 * 1024)}`,
        report: report({ notes: Array.from({ length: 50 }, () => `${HOSTILE.markdown}${'y'.repeat(10_000)}`) })
      }),
      none
    )
    expect(liveContentIn(html)).toEqual([])
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(MAX_SUMMARY_BYTES)
    expect(readSummary(html).rows['Name']).toBe(HOSTILE.markdown)
  })

  it('shows the dataflows read: a count in the table, then each one, bounded, names as text', () => {
    const dataflows = Array.from({ length: 23 }, (_, i) => ({
      id: `flow-${i}`,
      name: i === 0 ? HOSTILE.markdown : `Flow ${i}`,
      state: i === 1 ? 'disabled' : 'enabled',
      lastRun: i === 2 ? ('failed' as const) : ('success' as const)
    }))
    const html = renderSummary(facts({ report: report({ result: 'found', dataflows }) }), none)
    const summary = readSummary(html)
    expect(summary.rows['Dataflows']).toBe('23: 22 enabled, 1 disabled; last runs: 22 success, 1 failed')
    expect(html.match(/<tr><td>flow-/g)).toHaveLength(20)
    expect(html).toContain('… and 3 more dataflows, in the log and the dataflows output')
    expect(liveContentIn(html)).toEqual([])
    expect(html).not.toContain('flow-20<')
  })

  it('says none when no dataflow uses the connection, and nothing when none was read', () => {
    const read = readSummary(renderSummary(facts({ report: report({ dataflows: [] }) }), none))
    expect(read.rows['Dataflows']).toBe('none')
    const unread = readSummary(renderSummary(facts(), none))
    expect(unread.rows['Dataflows']).toBeUndefined()
  })
})
