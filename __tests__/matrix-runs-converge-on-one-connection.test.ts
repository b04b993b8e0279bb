import { describe, expect, it } from 'vitest'
import { Barrier } from './emulator/emulator.ts'
import { useEmulator } from './support/fixtures.ts'

describe('runs racing on one name (a matrix) end with one connection', () => {
  const ctx = useEmulator()

  it('5 concurrent ensure runs: one connection, one id in every output', async () => {
    // Every run's lookup is answered only once all five have asked: each sees "none" and creates.
    ctx.emulator.inject('connections.list', { kind: 'barrier', barrier: new Barrier(5) }, 5)
    const runs = await Promise.all(Array.from({ length: 5 }, () => ctx.run()))
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

  it('concurrent runs on different sandboxes leave one connection each', async () => {
    const sandboxes = ['dev', 'stage', 'prod']
    const runs = await Promise.all(sandboxes.map((sandbox) => ctx.run({ sandbox })))
    sandboxes.forEach((sandbox, i) => {
      const [only, ...rest] = ctx.emulator.connectionsIn(sandbox)
      expect(rest).toEqual([])
      expect(runs[i]?.outputs['connection-id']).toBe(only?.id)
      expect(runs[i]?.outputs['sandbox']).toBe(sandbox)
    })
  })
})
