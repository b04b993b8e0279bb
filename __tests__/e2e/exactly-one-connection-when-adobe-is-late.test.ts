/**
 * "Adobe answers late and lists late" (README, Consistency): a gateway 504 or a timeout while the
 * create still commits, and list results that trail writes. Every case waits for late commits to
 * land before it counts, then asserts exactly one connection, every run's id equal to it, and
 * the exit codes. Through the bundle: one case of each kind, with what the user sees (the warning,
 * the error line, the summary); the other lags and races run in-process in
 * `wiring/exactly-one-connection-when-adobe-is-late.test.ts`, and the plan's own rules on the
 * memory store in `plan/converges-on-one-connection.test.ts`.
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
  it.for([[350, 0]] as const)(
    'a gateway 504 at once, the commit %i ms later, the list %i ms behind: adopted, sent once',
    async ([commit, lag], { ctx }) => {
      ctx.emulator.listLagMs = lag
      ctx.emulator.inject('connections.create', { kind: 'late-commit', commitAfterMs: commit, status: 504 })
      const run = await ctx.run()
      const id = await exactlyOne(ctx.emulator, [run])
      expect(ctx.emulator.requests('connections.create')).toHaveLength(1)
      expect(run.outputs).toMatchObject({ result: 'created', created: 'true', verified: 'true' })
      expect(run.warnings.join('\n')).toContain("The create's outcome is unknown")
      expect(run.stdout).toContain(`The create did happen: Adobe's listing shows ${id}, made by this run; adopting it.`)
    }
  )

  it('a commit later than settle-timeout: sent again, and the late copy this run made is deleted', async ({ ctx }) => {
    // The first attempt lands after the settle time; the second is created; the twin check
    // (which waits for the listing to show the second) finds the first, older one by its marker.
    ctx.emulator.listLagMs = 200
    ctx.emulator.inject('connections.create', { kind: 'late-commit', commitAfterMs: 1500, status: 504 })
    ctx.emulator.inject('connections.list', { kind: 'delay', ms: 0 }) // preflight
    ctx.emulator.inject('connections.create', { kind: 'delay', ms: 1000 })
    const run = await ctx.run({ 'settle-timeout': '1' })
    const id = await exactlyOne(ctx.emulator, [run])
    expect(ctx.emulator.requests('connections.create')).toHaveLength(2)
    expect(ctx.emulator.requests('connections.delete')).toHaveLength(1)
    expect(run.outputs).toMatchObject({ result: 'created', created: 'true' })
    expect(run.stdout).toContain('Sending the create again (attempt 2 of 4): the whole settle time showed nothing')
    const copy = ctx.emulator.requests('connections.delete')[0]?.path.split('/').pop() ?? 'none'
    const removed = `This run created "${NAME}" first (id ${id}); deleted this run's copy ${copy}`
    expect(run.stdout).toContain(removed)
    // The summary lists what was removed too (escaped as HTML).
    expect(run.summary).toContain(copy)
    expect(run.summary).toMatch(/deleted this run(&#39;|&#x27;|')s copy/)
  })
})

describe.concurrent('runs racing on one name while the list lags', () => {
  it.for([[5, 300]] as const)(
    '%i concurrent ensure runs, the list %i ms behind: one connection, one id everywhere',
    async ([jobs, lag], { ctx }) => {
      ctx.emulator.listLagMs = lag
      ctx.emulator.inject('connections.list', { kind: 'barrier', barrier: new Barrier(jobs) }, jobs)
      const runs = await Promise.all(Array.from({ length: jobs }, () => ctx.run()))
      await exactlyOne(ctx.emulator, runs)
      expect(runs.filter((run) => run.outputs['created'] === 'true')).toHaveLength(1)
      expect(ctx.emulator.requests('connections.create')).toHaveLength(jobs)
      expect(ctx.emulator.requests('connections.delete')).toHaveLength(jobs - 1)
    }
  )
})

describe.concurrent('runs that meet a lagging list on their own', () => {
  it('a listing that never shows the new connection: kept, with a warning naming settle-timeout', async ({ ctx }) => {
    ctx.emulator.listLagMs = 60_000
    const run = await ctx.run({ 'settle-timeout': '1' })
    await exactlyOne(ctx.emulator, [run])
    expect(run.warnings.join('\n')).toContain('within settle-timeout (1 s)')
  })
})

describe.concurrent('a create that never commits', () => {
  it('fails cleanly after max-attempts, saying nothing exists, within its bounds', async ({ ctx }) => {
    ctx.emulator.inject('connections.create', { kind: 'status', status: 504 }, 2)
    const run = await ctx.run({ 'max-attempts': '2', 'settle-timeout': '1' })
    expect(run.exitCode).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toContain('failed 2 times with an unknown outcome')
    expect(run.errors[0]).toContain('so nothing was left behind')
    expect(run.outputs).toMatchObject({ 'connection-id': '', created: 'false' })
    expect(run.durationMs).toBeLessThan(10_000)
    await ctx.emulator.settled()
    expect(ctx.emulator.connectionsIn('dev')).toEqual([])
  })

  it('stops at timeout while settling, saying what it knows', async ({ ctx }) => {
    ctx.emulator.inject('connections.create', { kind: 'status', status: 504 })
    const run = await ctx.run({ timeout: '2', 'settle-timeout': '30' })
    expect(run.exitCode).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toContain('timeout')
    expect(run.errors[0]).toContain('may or may not have created it')
    expect(run.durationMs).toBeLessThan(6_000)
    expect(ctx.emulator.connectionsIn('dev')).toEqual([])
  })

  it('a create still unanswered at timeout: says it may exist, and the next run adopts it', async ({ ctx }) => {
    ctx.emulator.inject('connections.create', { kind: 'late-commit', commitAfterMs: 300, hang: true })
    const first = await ctx.run({ timeout: '2' })
    expect(first.exitCode).toBe(1)
    expect(first.errors).toHaveLength(1)
    expect(first.errors[0]).toContain('got no answer before the run')
    expect(first.errors[0]).toContain('may or may not have created it in sandbox "dev"')
    expect(first.durationMs).toBeLessThan(5_000)
    await ctx.emulator.settled()
    const next = await ctx.run()
    expect(await exactlyOne(ctx.emulator, [next])).toBe(ctx.emulator.connectionsIn('dev')[0]?.id)
    expect(next.outputs['result']).toBe('reused')
  })
})
