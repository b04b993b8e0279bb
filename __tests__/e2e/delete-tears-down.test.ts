import { describe, expect } from 'vitest'
import { NO_ZOHO, emulatorTest } from '../support/fixtures.ts'

const NAME = 'Zoho CRM base connection'
const TEARDOWN = { ...NO_ZOHO, mode: 'delete' }

describe.concurrent('delete: teardown', () => {
  const it = emulatorTest()

  it('deletes by name, without calling Zoho', async ({ ctx }) => {
    const existing = ctx.emulator.seedConnection('dev', { name: NAME })
    const run = await ctx.run(TEARDOWN)
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ result: 'deleted', 'connection-id': existing.id, verified: 'skipped' })
    expect(ctx.emulator.connectionsIn('dev')).toEqual([])
    expect(ctx.emulator.requests('zoho.token')).toEqual([])
  })

  it('deletes by connection-id', async ({ ctx }) => {
    const existing = ctx.emulator.seedConnection('dev', { name: 'something else' })
    const run = await ctx.run({ ...TEARDOWN, 'connection-id': existing.id })
    expect(run.outputs['result']).toBe('deleted')
    expect(ctx.emulator.connectionsIn('dev')).toEqual([])
  })

  it('succeeds as absent when there is nothing to delete', async ({ ctx }) => {
    const byName = await ctx.run(TEARDOWN)
    expect(byName.exitCode).toBe(0)
    expect(byName.outputs).toMatchObject({ result: 'absent', 'connection-id': '' })
    const byId = await ctx.run({ ...TEARDOWN, 'connection-id': '2484f2df-c057-4ab5-84f2-dfc0577ab592' })
    expect(byId.outputs['result']).toBe('absent')
    expect(ctx.emulator.writes()).toEqual([])
  })

  it("fails with Adobe's refusal when a dataflow no listing shows still uses it", async ({ ctx }) => {
    const existing = ctx.emulator.seedConnection('dev', { name: NAME, usedByFlows: 1 })
    const run = await ctx.run(TEARDOWN)
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toContain(
      `Could not delete connection ${existing.id} in sandbox "dev": Adobe refuses to delete it because dataflows use it (FLOW 1418-400)`
    )
    expect(run.errors[0]).toMatch(/Adobe request id emu-\d+/)
    expect(ctx.emulator.connectionsIn('dev')).toHaveLength(1)
  })

  it('deletes every connection with the name, and lists each id deleted', async ({ ctx }) => {
    const first = ctx.emulator.seedConnection('dev', { name: NAME })
    const second = ctx.emulator.seedConnection('dev', { name: NAME })
    ctx.emulator.seedConnection('dev', { name: 'keep me' })
    const run = await ctx.run(TEARDOWN)
    expect(run.outputs['result']).toBe('deleted')
    expect(run.outputs['deleted-ids']?.split(',')).toEqual([first.id, second.id])
    expect(run.outputs['connection-id']).toBe(first.id)
    for (const { id } of [first, second]) {
      expect(run.summary).toContain(`Deleted ${id} in sandbox`)
      expect(run.stdout).toContain(`Deleted ${id} in sandbox "dev".`)
    }
    expect(ctx.emulator.connectionsIn('dev').map((c) => c.name)).toEqual(['keep me'])
  })

  it('leaves deleted-ids empty when nothing was there', async ({ ctx }) => {
    const run = await ctx.run(TEARDOWN)
    expect(run.outputs).toMatchObject({ result: 'absent', 'deleted-ids': '' })
  })
})
