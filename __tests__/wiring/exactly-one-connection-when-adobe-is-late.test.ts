/**
 * In-process (the whole action, against the emulator): "Adobe answers late and lists late"
 * (README, Consistency): a gateway 504 or a timeout while the
 * create still commits, and list results that trail writes. Every case waits for late commits to
 * land before it counts, then asserts exactly one connection, every run's id equal to it, and
 * the exit codes. One case of each kind runs through the bundle too:
 * `e2e/exactly-one-connection-when-adobe-is-late.test.ts`.
 */
import { describe, expect } from 'vitest'
import { Barrier } from '../emulator/emulator.ts'
import { emulatorTest } from '../support/fixtures.ts'
import { exactlyOne } from '../support/one-connection.ts'

const NAME = 'Zoho CRM base connection'

// The cases wait on Adobe's delays far more than on the CPU, so they run concurrently (every
// describe is concurrent), each with an emulator of its own (the `ctx` fixture): a case sees only
// its own runs, faults and connections.
const it = emulatorTest()

describe.concurrent('a create whose answer is lost while Adobe still commits it', () => {
  it.for([
    [1500, 1000],
    [3000, 2000]
  ] as const)(
    'a gateway 504 at once, the commit %i ms later, the list %i ms behind: adopted, sent once',
    async ([commit, lag], { ctx }) => {
      ctx.emulator.listLagMs = lag
      ctx.emulator.inject('connections.create', { kind: 'late-commit', commitAfterMs: commit, status: 504 })
      const run = await ctx.runInProcess()
      const id = await exactlyOne(ctx.emulator, [run])
      expect(ctx.emulator.requests('connections.create')).toHaveLength(1)
      expect(run.outputs).toMatchObject({ result: 'created', created: 'true', verified: 'true' })
      expect(run.warnings.join('\n')).toContain("The create's outcome is unknown")
      expect(run.stdout).toContain(`The create did happen: Adobe's listing shows ${id}, made by this run; adopting it.`)
    }
  )

  it.for([0, 1000])(
    'a create slower than request-timeout, the list %i ms behind: adopted, sent once',
    async (lag, { ctx }) => {
      ctx.emulator.listLagMs = lag
      ctx.emulator.inject('connections.create', { kind: 'delay', ms: 1500 })
      const run = await ctx.runInProcess({ 'request-timeout': '0.5' })
      await exactlyOne(ctx.emulator, [run])
      expect(ctx.emulator.requests('connections.create')).toHaveLength(1)
      expect(run.outputs).toMatchObject({ result: 'created', created: 'true' })
    }
  )

  it.for([1000, 3000])(
    'the answer lost after the commit, the list %i ms behind: adopted, sent once',
    async (lag, { ctx }) => {
      ctx.emulator.listLagMs = lag
      ctx.emulator.inject('connections.create', { kind: 'commit-then-fail', reset: true }, 3)
      const run = await ctx.runInProcess()
      await exactlyOne(ctx.emulator, [run])
      expect(ctx.emulator.requests('connections.create')).toHaveLength(1)
      expect(run.outputs).toMatchObject({ result: 'created', created: 'true' })
    }
  )
})

describe.concurrent('runs racing on one name while the list lags', () => {
  it.for([
    [5, 3000],
    [10, 1500]
  ] as const)(
    '%i concurrent ensure runs, the list %i ms behind: one connection, one id everywhere',
    async ([jobs, lag], { ctx }) => {
      ctx.emulator.listLagMs = lag
      ctx.emulator.inject('connections.list', { kind: 'barrier', barrier: new Barrier(jobs) }, jobs)
      const runs = await Promise.all(Array.from({ length: jobs }, () => ctx.runInProcess()))
      await exactlyOne(ctx.emulator, runs)
      expect(runs.filter((run) => run.outputs['created'] === 'true')).toHaveLength(1)
      expect(ctx.emulator.requests('connections.create')).toHaveLength(jobs)
      expect(ctx.emulator.requests('connections.delete')).toHaveLength(jobs - 1)
    }
  )

  it("a lost answer whose copy is listed only after the other run's: found and removed", async ({ ctx }) => {
    // The commit (1 s) and the lag (1.5 s) are each within settle-timeout (2 s); their sum is not.
    ctx.emulator.listLagMs = 1500
    ctx.emulator.inject('connections.list', { kind: 'barrier', barrier: new Barrier(2) }, 2)
    ctx.emulator.inject('connections.create', { kind: 'late-commit', commitAfterMs: 1000, status: 504 })
    const runs = await Promise.all([
      ctx.runInProcess({ 'settle-timeout': '2' }),
      ctx.runInProcess({ 'settle-timeout': '2' })
    ])
    await exactlyOne(ctx.emulator, runs)
    expect(ctx.emulator.requests('connections.delete')).toHaveLength(1)
  })

  it('a late-committing 504 in one of three racing runs still leaves one connection', async ({ ctx }) => {
    ctx.emulator.listLagMs = 1000
    ctx.emulator.inject('connections.list', { kind: 'barrier', barrier: new Barrier(3) }, 3)
    ctx.emulator.inject('connections.create', { kind: 'late-commit', commitAfterMs: 800, status: 504 })
    const runs = await Promise.all([ctx.runInProcess(), ctx.runInProcess(), ctx.runInProcess()])
    await exactlyOne(ctx.emulator, runs)
  })
})

describe.concurrent('runs that meet a lagging list on their own', () => {
  it.for([1000, 3000])('a plain create, the list %i ms behind: its own twin check keeps it', async (lag, { ctx }) => {
    ctx.emulator.listLagMs = lag
    const run = await ctx.runInProcess()
    await exactlyOne(ctx.emulator, [run])
    expect(run.outputs).toMatchObject({ result: 'created', created: 'true' })
    expect(ctx.emulator.requests('connections.delete')).toHaveLength(0)
    // It looked again until the listing showed its own connection.
    expect(ctx.emulator.requests('connections.list').length).toBeGreaterThan(2)
  })

  it('a reusing run, the list 3000 ms behind: never creates', async ({ ctx }) => {
    const existing = ctx.emulator.seedConnection('dev', { name: NAME })
    ctx.emulator.listLagMs = 3000
    const run = await ctx.runInProcess()
    expect(await exactlyOne(ctx.emulator, [run])).toBe(existing.id)
    expect(run.outputs).toMatchObject({ result: 'reused', created: 'false' })
    expect(ctx.emulator.requests('connections.create')).toHaveLength(0)
    expect(ctx.emulator.writes()).toEqual([])
  })
})

describe.concurrent('a create that never commits', () => {
  it('after a hang past request-timeout that then commits, adopts it', async ({ ctx }) => {
    ctx.emulator.inject('connections.create', { kind: 'late-commit', commitAfterMs: 700, hang: true })
    const run = await ctx.runInProcess({ 'request-timeout': '0.5' })
    await exactlyOne(ctx.emulator, [run])
    expect(ctx.emulator.requests('connections.create')).toHaveLength(1)
  })
})
