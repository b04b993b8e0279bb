import { describe, expect } from 'vitest'
import { emulatorTest } from '../support/fixtures.ts'

describe.concurrent('a create whose outcome is unknown is looked up before anything else', () => {
  const it = emulatorTest()

  it.for([
    ['committed, then HTTP 500', { kind: 'commit-then-fail', status: 500 }],
    ['committed, then HTTP 503', { kind: 'commit-then-fail', status: 503 }],
    ['committed, then the socket dropped', { kind: 'commit-then-fail', reset: true }]
  ] as const)('%s: adopts what the first attempt made, sent once', async ([_what, fault], { ctx }) => {
    ctx.emulator.inject('connections.create', fault)
    const run = await ctx.run()
    expect(run.exitCode).toBe(0)
    const connections = ctx.emulator.connectionsIn('dev')
    expect(connections).toHaveLength(1)
    expect(ctx.emulator.requests('connections.create')).toHaveLength(1)
    expect(run.outputs).toMatchObject({ 'connection-id': connections[0]?.id, result: 'created', created: 'true' })
    expect(run.warnings.join('\n')).toContain('outcome is unknown')
  })

  it.for([
    ['HTTP 503 before anything was stored', { kind: 'status', status: 503 }],
    ['the socket dropped before anything was stored', { kind: 'reset' }],
    ['no answer within request-timeout', { kind: 'hang' }]
  ] as const)('%s: sends again only after the lookup proves it absent', async ([_what, fault], { ctx }) => {
    ctx.emulator.inject('connections.create', fault)
    const run = await ctx.run({ 'request-timeout': '0.5', 'settle-timeout': '1' })
    expect(run.exitCode).toBe(0)
    expect(ctx.emulator.connectionsIn('dev')).toHaveLength(1)
    const creates = ctx.emulator.requests('connections.create')
    expect(creates).toHaveLength(2)
    // A lookup by name stands between the two attempts.
    const lookups = ctx.emulator.requests('connections.list')
    expect(lookups.some((l) => l.startedAt > creates[0]!.startedAt && l.startedAt < creates[1]!.startedAt)).toBe(true)
  })

  it('gives up after max-attempts, saying nothing was left behind', async ({ ctx }) => {
    ctx.emulator.inject('connections.create', { kind: 'status', status: 503 }, 2)
    const run = await ctx.run({ 'max-attempts': '2', 'settle-timeout': '0.5' })
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toContain('failed 2 times with an unknown outcome')
    expect(run.errors[0]).toContain('nothing was left behind')
    expect(ctx.emulator.connectionsIn('dev')).toEqual([])
  })

  it('retries a create refused with 429, which the server did not act on', async ({ ctx }) => {
    ctx.emulator.inject('connections.create', { kind: 'status', status: 429, headers: { 'retry-after': '0' } })
    const run = await ctx.run()
    expect(run.exitCode).toBe(0)
    expect(ctx.emulator.requests('connections.create')).toHaveLength(2)
    expect(ctx.emulator.connectionsIn('dev')).toHaveLength(1)
  })

  it('reports what exists when verification fails after the create', async ({ ctx }) => {
    ctx.emulator.testResult = false
    const run = await ctx.run()
    expect(run.exitCode).toBe(1)
    const id = ctx.emulator.connectionsIn('dev')[0]?.id ?? 'missing'
    expect(run.errors[0]).toContain(`(id ${id}) in sandbox "dev" was created, but its verification failed`)
    expect(run.outputs).toMatchObject({ 'connection-id': id, created: 'true', verified: 'false', result: 'created' })
  })
})
