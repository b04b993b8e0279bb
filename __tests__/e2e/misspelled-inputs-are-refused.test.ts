/**
 * Undeclared inputs (contract: Inputs) through the bundle: the runner passes every `with:` key as
 * `INPUT_<NAME>` (upper-cased, spaces as `_`), declared or not, and only warns. A near miss of a
 * declared input is refused before any request; anything else is a warning. The near-miss rule
 * itself is in-process (unit/inputs/undeclared.test.ts).
 */
import { appendFileSync } from 'node:fs'
import { describe, expect } from 'vitest'
import { escapeSummaryText } from '../../src/report/summary.ts'
import { emulatorTest } from '../support/fixtures.ts'

const it = emulatorTest()

function figures(name: string, facts: Record<string, unknown>): void {
  const file = process.env['SHARED_FIGURES']
  if (file) appendFileSync(file, `${JSON.stringify({ name, ...facts })}\n`)
}

describe.concurrent('a misspelled input', () => {
  it.for([
    ['dryrun: true', 'INPUT_DRYRUN', 'true', 'dryrun', 'dry-run', false],
    ['on-exists: fail', 'INPUT_ON-EXISTS', 'fail', 'on-exists', 'on-existing', true],
    ['zoho_region: eu', 'INPUT_ZOHO_REGION', 'eu', 'zoho_region', 'zoho-region', false],
    ['verify-table: Leads', 'INPUT_VERIFY-TABLE', 'Leads', 'verify-table', 'verify-tables', false]
  ] as const)(
    '%s is refused before any request, naming it and the input it resembles',
    async ([what, variable, value, given, declared, seeded], { ctx }) => {
      if (seeded) ctx.emulator.seedConnection('dev', { name: 'Zoho CRM base connection' })
      const run = await ctx.run({}, { env: { [variable]: value } })
      expect(run.exitCode).toBe(1)
      expect(run.errors).toEqual([
        `Invalid input: ${given} (${variable}) is not an input of this action; it looks like ${declared}, which it would leave at its default: write ${declared} instead`
      ])
      expect(run.outputs['reason']).toBe(run.errors[0])
      expect(run.summary).toContain(escapeSummaryText(declared))
      expect(ctx.emulator.log).toEqual([])
      figures(`misspelled ${what}`, { exit: run.exitCode, requests: ctx.emulator.log.length, message: run.errors[0] })
    }
  )

  it('an undeclared input unlike any declared one is a warning that names it; the run goes on', async ({ ctx }) => {
    const run = await ctx.run({}, { env: { INPUT_TEAM_CHANNEL: '#data' } })
    expect(run.exitCode).toBe(0)
    expect(run.outputs['result']).toBe('created')
    expect(run.warnings).toEqual([
      'team_channel (INPUT_TEAM_CHANNEL) is not an input of this action, so it changes nothing: remove it from with:, or check its spelling against action.yml'
    ])
    expect(run.summary).toContain(escapeSummaryText('team_channel (INPUT_TEAM_CHANNEL) is not an input'))
    figures('an unrelated undeclared input', { exit: run.exitCode, warning: run.warnings[0] })
  })
})
