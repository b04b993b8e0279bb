/** The job summary of real runs through the bundle; how it renders is `unit/report/summary.test.ts`. */
import { describe, expect } from 'vitest'
import { emulatorTest } from '../support/fixtures.ts'
import { readSummary } from '../support/summary.ts'

describe.concurrent('the job summary of real runs', () => {
  const it = emulatorTest()

  it('says what verification passed', async ({ ctx }) => {
    const run = await ctx.run({ verify: 'explore' })
    expect(run.exitCode).toBe(0)
    const summary = readSummary(run.summary)
    expect(summary.rows['Verification']).toBe('passed: explore (4 tables listed)')
    expect(summary.rows['State']).toBe('enabled')
    expect(summary.rows['Etag']).toMatch(/^"[0-9a-f-]{36}"$/)
    expect(summary.rows['Zoho data centre']).toBe(ctx.emulator.url)
  })

  it('is written for invalid inputs too, with the problems and no secret', async ({ ctx }) => {
    const run = await ctx.run({ sandbox: 'Not A Sandbox', verify: 'maybe' })
    expect(run.exitCode).toBe(1)
    const summary = readSummary(run.summary)
    expect(summary.status).toBe('❌ Failed: 2 inputs are invalid')
    expect(summary.items).toHaveLength(2)
    expect(summary.items[0]).toContain('sandbox must be')
    expect(ctx.emulator.log).toEqual([])
  })
})
