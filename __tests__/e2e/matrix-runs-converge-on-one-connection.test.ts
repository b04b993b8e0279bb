import { describe, expect } from 'vitest'
import { Barrier } from '../emulator/emulator.ts'
import { emulatorTest } from '../support/fixtures.ts'

describe.concurrent('runs racing on one name (a matrix) end with one connection', () => {
  const it = emulatorTest()

  it.for([5, 10])('%i concurrent ensure runs: one connection, one id in every output', async (jobs, { ctx }) => {
    // Every run's lookup is answered only once all have asked: each sees "none" and creates.
    ctx.emulator.inject('connections.list', { kind: 'barrier', barrier: new Barrier(jobs) }, jobs)
    const runs = await Promise.all(Array.from({ length: jobs }, () => ctx.run()))
    for (const run of runs) expect(run.exitCode).toBe(0)
    const remaining = ctx.emulator.connectionsIn('dev')
    expect(remaining).toHaveLength(1)
    expect(new Set(runs.map((run) => run.outputs['connection-id']))).toEqual(new Set([remaining[0]?.id]))
    expect(runs.filter((run) => run.outputs['created'] === 'true')).toHaveLength(1)
    // The race really happened: more than one run created, and the losers deleted their copies.
    expect(ctx.emulator.requests('connections.create').length).toBeGreaterThan(1)
    expect(ctx.emulator.requests('connections.delete')).toHaveLength(
      ctx.emulator.requests('connections.create').length - 1
    )
  })

  it('10 concurrent runs on 10 sandboxes leave one connection each', async ({ ctx }) => {
    const sandboxes = Array.from({ length: 10 }, (_, i) => `env-${i}`)
    for (const name of sandboxes) {
      ctx.emulator.options.sandboxes.push({ name, state: 'active' })
      ctx.emulator.connections.set(name, new Map())
    }
    const runs = await Promise.all(sandboxes.map((sandbox) => ctx.run({ sandbox })))
    sandboxes.forEach((sandbox, i) => {
      const [only, ...rest] = ctx.emulator.connectionsIn(sandbox)
      expect(rest).toEqual([])
      expect(runs[i]?.outputs['connection-id']).toBe(only?.id)
      expect(runs[i]?.outputs['sandbox']).toBe(sandbox)
    })
  })
})

describe.concurrent('create runs racing on one name', () => {
  const it = emulatorTest()

  it('leave the older connection; the later run deletes its copy and fails, naming what remains', async ({ ctx }) => {
    ctx.emulator.inject('connections.list', { kind: 'barrier', barrier: new Barrier(2) }, 2)
    const runs = await Promise.all([ctx.run({ mode: 'create' }), ctx.run({ mode: 'create' })])
    const [remaining, ...others] = ctx.emulator.connectionsIn('dev')
    expect(others).toEqual([])
    const winner = runs.find((run) => run.exitCode === 0)
    const loser = runs.find((run) => run.exitCode === 1)
    expect(winner?.outputs).toMatchObject({ 'connection-id': remaining?.id, result: 'created', created: 'true' })
    expect(loser?.errors[0]).toContain(`Another run created "Zoho CRM base connection" first (id ${remaining?.id})`)
    expect(loser?.outputs).toMatchObject({ 'connection-id': remaining?.id, created: 'false', result: '' })
  })

  it('say both exist when the losing copy cannot be deleted', async ({ ctx }) => {
    ctx.emulator.inject('connections.list', { kind: 'barrier', barrier: new Barrier(2) }, 2)
    ctx.emulator.inject('connections.delete', { kind: 'status', status: 400 })
    const runs = await Promise.all([ctx.run(), ctx.run()])
    const loser = runs.find((run) => run.exitCode === 1)
    expect(ctx.emulator.connectionsIn('dev')).toHaveLength(2)
    expect(loser?.errors[0]).toContain('so both exist in sandbox "dev"')
    for (const connection of ctx.emulator.connectionsIn('dev')) expect(loser?.errors[0]).toContain(connection.id)
  })
})

describe.concurrent('ensure and delete racing on one name', () => {
  const it = emulatorTest()

  it('end in a state that the summaries explain', async ({ ctx }) => {
    const existing = ctx.emulator.seedConnection('dev', { name: 'Zoho CRM base connection' })
    // Both lookups see the connection before either acts; ensure's test comes after the delete.
    ctx.emulator.inject('connections.list', { kind: 'barrier', barrier: new Barrier(2) }, 2)
    ctx.emulator.inject('connections.test', { kind: 'delay', ms: 1500 })
    const [ensure, teardown] = await Promise.all([ctx.run(), ctx.run({ mode: 'delete' })])
    expect(teardown.exitCode).toBe(0)
    expect(teardown.outputs).toMatchObject({ result: 'deleted', 'connection-id': existing.id })
    expect(teardown.summary).toContain(`Deleted ${existing.id}`)
    expect(ctx.emulator.connectionsIn('dev')).toEqual([])
    expect(ensure.exitCode).toBe(1)
    expect(ensure.errors[0]).toContain(`(id ${existing.id})`)
    expect(ensure.errors[0]).toContain('was deleted before it could be verified')
    expect(ensure.summary).toContain('was deleted before it could be verified')
    expect(ensure.outputs).toMatchObject({ 'connection-id': '', verified: 'false' })
  })
})
