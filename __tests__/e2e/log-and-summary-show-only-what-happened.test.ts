/**
 * The log and the summary read without the source: no group without a line in it, no line that
 * needs the code to be understood, no Zoho data-centre row in a run that never asked Zoho.
 */
import { describe, expect } from 'vitest'
import type { ActionRun } from '../support/run-action.ts'
import { emulatorTest, NO_ZOHO } from '../support/fixtures.ts'
import { readSummary } from '../support/summary.ts'

const test = emulatorTest()
const forbidden = emulatorTest({ sandboxListForbidden: true })
const NAME = 'Zoho CRM base connection'

/** Groups the runner would show with nothing in them. */
function emptyGroups(run: ActionRun): string[] {
  const empty: string[] = []
  run.lines.forEach((line, i) => {
    if (line.startsWith('::group::') && run.lines[i + 1] === '::endgroup::') empty.push(line)
  })
  return empty
}

describe.concurrent('the log', () => {
  test.for([
    ['IMS refuses the client secret', { 'adobe-client-secret': 'not-the-secret' }],
    ['the sandbox is unknown', { sandbox: 'nowhere' }],
    ['the connection spec is gone', { 'connection-spec-id': '00000000-0000-4000-8000-000000000000' }],
    ['check finds nothing', { mode: 'check', ...NO_ZOHO }],
    ['Zoho refuses the refresh', { 'zoho-refresh-token': 'not-the-token' }]
  ] as const)('shows no empty group when %s', async ([_what, inputs], { ctx }) => {
    const run = await ctx.run(inputs)
    expect(run.exitCode).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(emptyGroups(run)).toEqual([])
    const opened = run.lines.filter((line) => line.startsWith('::group::')).length
    expect(run.lines.filter((line) => line === '::endgroup::')).toHaveLength(opened)
  })

  test('keeps the groups of a run that succeeds, each with its lines', async ({ ctx }) => {
    const run = await ctx.run()
    expect(run.exitCode).toBe(0)
    expect(run.lines.filter((line) => line.startsWith('::group::')).length).toBeGreaterThan(2)
    expect(emptyGroups(run)).toEqual([])
  })

  forbidden('says what a sandbox list refused with 403 means for the run', async ({ ctx }) => {
    const run = await ctx.run()
    expect(run.exitCode).toBe(0)
    const line = run.lines.find((text) => text.includes('sandbox list'))
    expect(line).toContain('answered 403')
    expect(line).toContain('sandbox "dev" is not checked against a list')
    expect(line).toContain('Flow Service answers "Sandbox not found" should it not exist')
  })
})

describe.concurrent('the Zoho data-centre row of the summary', () => {
  test('is there when the run asked Zoho for a token, and names where', async ({ ctx }) => {
    const run = await ctx.run({ 'zoho-region': 'eu' })
    expect(run.outputs['result']).toBe('created')
    expect(ctx.emulator.requests('zoho.token')).toHaveLength(1)
    expect(readSummary(run.summary).rows['Zoho data centre']).toBe(ctx.emulator.url)
  })

  test('is there when Zoho refused, which is when it matters most', async ({ ctx }) => {
    const run = await ctx.run({ 'zoho-client-secret': 'not-the-zoho-secret' })
    expect(run.exitCode).toBe(1)
    expect(readSummary(run.summary).rows).toHaveProperty('Zoho data centre')
  })

  test.for([
    ['ensure reuses a healthy connection', {}, true],
    ['check, given the Zoho inputs anyway', { mode: 'check', 'zoho-region': 'eu' }, true],
    ['delete', { mode: 'delete', ...NO_ZOHO }, true],
    ['a dry run', { 'dry-run': 'true' }, false]
  ] as const)('is absent when %s: Zoho was never asked', async ([_what, inputs, seeded], { ctx }) => {
    if (seeded) ctx.emulator.seedConnection('dev', { name: NAME })
    const run = await ctx.run(inputs)
    expect(run.exitCode).toBe(0)
    expect(ctx.emulator.requests('zoho.token')).toEqual([])
    expect(readSummary(run.summary).rows).not.toHaveProperty('Zoho data centre')
  })
})
