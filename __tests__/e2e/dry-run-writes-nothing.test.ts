import { describe, expect } from 'vitest'
import { emulatorTest } from '../support/fixtures.ts'

const NAME = 'Zoho CRM base connection'

describe.concurrent('dry-run: every read, no write, and says what it would do', () => {
  const it = emulatorTest()

  it.for([
    ['ensure with nothing there', { mode: 'ensure' }, false, 'would-create'],
    ['create with nothing there', { mode: 'create' }, false, 'would-create'],
    ['ensure with update', { mode: 'ensure', 'on-existing': 'update' }, true, 'would-update'],
    ['delete', { mode: 'delete' }, true, 'would-delete']
  ] as const)('%s', async ([, inputs, seeded, result], { ctx }) => {
    if (seeded) ctx.emulator.seedConnection('dev', { name: NAME })
    const run = await ctx.run({ ...inputs, 'dry-run': 'true' })
    expect(run.exitCode).toBe(0)
    expect(run.outputs['result']).toBe(result)
    expect(run.outputs['created']).toBe('false')
    expect(ctx.emulator.writes()).toEqual([])
    expect(ctx.emulator.requests('zoho.token')).toEqual([])
    expect(ctx.emulator.requests('connections.list').length).toBeGreaterThan(0)
    expect(run.summary).toContain('dry run')
    expect(run.lines.join('\n')).toContain('Dry run: would')
  })
})
