import { describe, expect } from 'vitest'
import { emulatorTest } from '../support/fixtures.ts'

describe.concurrent('the lookup by name follows every page', () => {
  const it = emulatorTest({ pageSize: 2 })

  it('finds a match on page 3, for a name the filter syntax cannot carry (commas, quotes, ==)', async ({ ctx }) => {
    const name = 'Zoho, "CRM" == prod'
    const target = ctx.emulator.seedConnection('dev', { name, createdAt: 1 })
    for (let i = 0; i < 5; i++) ctx.emulator.seedConnection('dev', { name: `other ${i}`, createdAt: 100 + i })
    const run = await ctx.run({ 'connection-name': name })
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ 'connection-id': target.id, result: 'reused' })
    const pages = ctx.emulator.requests('connections.list')
    expect(pages).toHaveLength(3)
    expect(pages[2]?.query).toMatch(/^\?continuationToken=/)
    expect(ctx.emulator.writes()).toEqual([])
  })

  it('filters by name on the server when the name is plain', async ({ ctx }) => {
    for (let i = 0; i < 5; i++) ctx.emulator.seedConnection('dev', { name: `other ${i}` })
    const target = ctx.emulator.seedConnection('dev', { name: 'Zoho CRM base connection' })
    const run = await ctx.run()
    expect(run.outputs['connection-id']).toBe(target.id)
    const [lookup] = ctx.emulator.requests('connections.list')
    expect(lookup?.query).toBe(
      '?property=name==Zoho%20CRM%20base%20connection&property=connectionSpec.id==929e4450-0237-4ed2-9404-b7e1e0a00309'
    )
    expect(new URLSearchParams(lookup?.query).getAll('property')).toEqual([
      'name==Zoho CRM base connection',
      'connectionSpec.id==929e4450-0237-4ed2-9404-b7e1e0a00309'
    ])
  })
})
