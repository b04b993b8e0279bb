import { describe, expect } from 'vitest'
import { emulatorTest } from '../support/fixtures.ts'

describe.concurrent('create: make it, never a second one', () => {
  const it = emulatorTest()

  it('creates the connection', async ({ ctx }) => {
    const run = await ctx.run({ mode: 'create' })
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ result: 'created', created: 'true', verified: 'true' })
    expect(ctx.emulator.connectionsIn('dev')).toHaveLength(1)
  })

  it('fails when the name already exists, and writes nothing', async ({ ctx }) => {
    const existing = ctx.emulator.seedConnection('dev', { name: 'Zoho CRM base connection' })
    const run = await ctx.run({ mode: 'create' })
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toContain(`already exists`)
    expect(run.errors[0]).toContain(existing.id)
    expect(ctx.emulator.writes()).toEqual([])
  })

  it('refreshes the Zoho token while the IMS exchange is under way', async ({ ctx }) => {
    ctx.emulator.inject('ims.token', { kind: 'delay', ms: 300 })
    ctx.emulator.inject('zoho.token', { kind: 'delay', ms: 300 })
    const run = await ctx.run({ mode: 'create' })
    expect(run.exitCode).toBe(0)
    const [ims] = ctx.emulator.requests('ims.token')
    const [zoho] = ctx.emulator.requests('zoho.token')
    expect(ims && zoho).toBeTruthy()
    // Each started before the other ended: they overlapped.
    expect(zoho!.startedAt).toBeLessThan(ims!.endedAt)
    expect(ims!.startedAt).toBeLessThan(zoho!.endedAt)
  })
})
