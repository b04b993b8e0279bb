/**
 * The create protocol in-process, on a virtual clock: unknown outcomes, late commits, lagging
 * lists and this run's own copies, each case in microseconds. The end-to-end suite proves the
 * same promises through dist/index.js for a few of them.
 */
import { describe, expect, it } from 'vitest'
import { settlePollDelayMs } from '../../src/plan/create-protocol.ts'
import { executePlan } from '../../src/plan/plan.ts'
import { harness, MARKER, MemoryStore, VirtualClock } from '../support/memory-store.ts'

const NAME = 'Zoho CRM base connection'

describe('a create whose outcome is unknown', () => {
  it('is adopted when it commits late, and never sent again', async () => {
    const run = harness()
    run.store.listLagMs = 2_000
    run.store.creates.push({ kind: 'unknown', commitAfterMs: 3_000 })
    await executePlan(run)
    const [only, ...rest] = run.store.settled()
    expect(rest).toEqual([])
    expect(run.report).toMatchObject({ connectionId: only?.id, created: true, result: 'created' })
    expect(run.store.calls.filter((c) => c === 'create')).toHaveLength(1)
    // It looked until the commit (3 s) and the lag (2 s) had passed, and not much longer.
    expect(run.clock.now() - 1_000_000).toBeGreaterThanOrEqual(5_000)
    expect(run.clock.now() - 1_000_000).toBeLessThan(5_000 + settlePollDelayMs(10))
  })

  it('is sent again only after a whole settle time showed nothing', async () => {
    const run = harness({ settleTimeoutMs: 10_000 })
    run.store.creates.push({ kind: 'unknown' })
    await executePlan(run)
    expect(run.store.calls.filter((c) => c === 'create')).toHaveLength(2)
    expect(run.clock.now() - 1_000_000).toBeGreaterThanOrEqual(10_000)
    expect(run.lines.join('\n')).toContain('the whole settle time showed nothing')
    expect(run.store.settled()).toHaveLength(1)
  })

  it('gives up after max-attempts, saying nothing was left behind', async () => {
    const run = harness({ settleTimeoutMs: 1_000, maxAttempts: 3 })
    run.store.creates.push({ kind: 'unknown' }, { kind: 'unknown' }, { kind: 'unknown' })
    await expect(executePlan(run)).rejects.toThrow(/failed 3 times with an unknown outcome.*nothing was left behind/)
    expect(run.report.connectionId).toBeUndefined()
  })

  it("adopts another run's connection when only that one appears", async () => {
    const run = harness({ settleTimeoutMs: 5_000 })
    run.store.creates.push({ kind: 'unknown' })
    const theirs = run.store.seed({ name: NAME, description: 'x [aep-run:other]', listedAt: 0 })
    // The preflight lookup must see nothing: the other run's create lands just after it.
    theirs.listedAt = run.clock.now() + 1
    await executePlan(run)
    expect(run.report).toMatchObject({ connectionId: theirs.id, created: false, result: 'reused' })
    expect(run.store.calls.filter((c) => c === 'create')).toHaveLength(1)
  })

  it("removes its own copy that is listed only after another run's, past the first settle time", async () => {
    // A commit (1 s) and a lag (1.5 s), each within settle-timeout (2 s), add up to more.
    const run = harness({ settleTimeoutMs: 2_000 })
    run.store.listLagMs = 1_500
    run.store.creates.push({ kind: 'unknown', commitAfterMs: 1_000 })
    const theirs = run.store.seed({
      name: NAME,
      description: 'x [aep-run:other]',
      createdAt: run.clock.now() + 100,
      listedAt: run.clock.now() + 1_600
    })
    await executePlan(run)
    expect(run.store.settled().map((c) => c.id)).toEqual([theirs.id])
    expect(run.report).toMatchObject({ connectionId: theirs.id, created: false, result: 'reused' })
    expect(run.store.calls.filter((c) => c.startsWith('delete'))).toHaveLength(1)
  })

  it('keeps its own late copy when it turns out to be the oldest', async () => {
    const run = harness({ settleTimeoutMs: 2_000 })
    run.store.listLagMs = 1_500
    run.store.creates.push({ kind: 'unknown', commitAfterMs: 50 })
    // Listed early by a faster index shard: another run's newer connection.
    const theirs = run.store.seed({
      name: NAME,
      description: 'x [aep-run:other]',
      createdAt: run.clock.now() + 100,
      listedAt: run.clock.now() + 200
    })
    run.store.listLagMs = 2_500
    await executePlan(run)
    const left = run.store.settled()
    expect(left.map((c) => c.id)).toContain(theirs.id)
    expect(run.report).toMatchObject({ created: true, result: 'created' })
    expect(run.report.connectionId).not.toBe(theirs.id)
  })

  it('stops at the run deadline while settling, saying it may or may not exist', async () => {
    const run = harness({ settleTimeoutMs: 60_000 }, 5_000)
    run.store.creates.push({ kind: 'unknown' })
    await expect(executePlan(run)).rejects.toThrow(/may or may not have created it.*timeout/)
    expect(run.clock.now() - 1_000_000).toBeLessThanOrEqual(5_000)
  })
})

describe('the twin check after a create', () => {
  it('waits until the listing shows its own connection, then keeps it when it is the oldest', async () => {
    const run = harness()
    run.store.listLagMs = 4_000
    await executePlan(run)
    expect(run.report).toMatchObject({ created: true, result: 'created', verified: 'true' })
    expect(run.store.calls.filter((c) => c.startsWith('delete'))).toEqual([])
    expect(run.store.calls.filter((c) => c === 'list').length).toBeGreaterThan(2)
  })

  it("gives way to an older twin the lagging listing shows with its own, deleting this run's copy", async () => {
    const run = harness()
    run.store.listLagMs = 1_000
    const older = run.store.seedRecent(NAME, 10) // invisible to the preflight lookup
    await executePlan(run)
    expect(run.report).toMatchObject({ connectionId: older.id, created: false, result: 'reused' })
    expect(run.store.settled().map((c) => c.id)).toEqual([older.id])
  })

  it('keeps the copy an earlier attempt made and deletes the newer one', async () => {
    const run = harness({ settleTimeoutMs: 1_000 })
    // Attempt 1 commits at 0.9 s, listed only at 1.1 s, after the settle time; attempt 2 is
    // created at 1 s; the listing that shows it shows the older copy too.
    run.store.listLagMs = 200
    run.store.creates.push({ kind: 'unknown', commitAfterMs: 900 })
    await executePlan(run)
    const [kept, ...rest] = run.store.settled()
    expect(rest).toEqual([])
    expect(kept?.description).toContain(MARKER)
    expect(run.report).toMatchObject({ connectionId: kept?.id, created: true, result: 'created' })
    expect(run.lines.join('\n')).toContain('This run created "Zoho CRM base connection" first')
  })

  it('fails naming every id when it cannot delete its own copy', async () => {
    const run = harness()
    run.store.listLagMs = 500
    const older = run.store.seedRecent(NAME, 10)
    run.store.failDeletes.add('made-2')
    await expect(executePlan(run)).rejects.toThrow(
      new RegExp(`deleting this run's copy made-2 failed, so both exist in sandbox "dev" \\(${older.id}, made-2\\)`)
    )
  })

  it('keeps its connection, warning, when the listing never shows it within settle-timeout', async () => {
    const run = harness({ settleTimeoutMs: 2_000 })
    run.store.listLagMs = 3_600_000
    await executePlan(run)
    expect(run.report).toMatchObject({ created: true, result: 'created' })
    expect(run.report.warnings.join('\n')).toContain('within settle-timeout (2 s)')
  })

  it('in create mode, fails naming the older twin that remains', async () => {
    const run = harness({ mode: 'create' })
    run.store.listLagMs = 500
    const older = run.store.seedRecent(NAME, 10)
    await expect(executePlan(run)).rejects.toThrow(`Another run created "${NAME}" first (id ${older.id})`)
    expect(run.report).toMatchObject({ connectionId: older.id, created: false })
    expect(run.report.result).toBeUndefined()
  })
})

describe('the settle waits', () => {
  it('start at 250 ms and double up to 5 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(settlePollDelayMs)).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000])
  })
})

describe('runs racing on one name', () => {
  // The runs share one virtual clock, which moves only when every run waits: they wake in the
  // order of their deadlines, as in real time, and wait alongside each other, not in turn.
  it.each([
    [2, 0],
    [5, 0],
    [5, 1_500],
    [10, 3_000]
  ])('%i runs, the listing %i ms behind: one connection, one id in every run', async (runs, lag) => {
    const store = new MemoryStore(new VirtualClock())
    store.listLagMs = lag
    const all = Array.from({ length: runs }, (_, i) => harness({ runMarker: `aep-run:race.${i}` }, 300_000, store))
    await Promise.all(all.map((run) => executePlan(run)))
    const [only, ...rest] = store.settled()
    expect(rest).toEqual([])
    for (const run of all) expect(run.report.connectionId).toBe(only?.id)
    expect(all.filter((run) => run.report.created)).toHaveLength(1)
    const alone = harness()
    alone.store.listLagMs = lag
    await executePlan(alone)
    expect(store.clock.now()).toBe(alone.clock.now())
    expect(all.map((run) => run.report.result).sort()).toEqual(
      ['created', ...Array<string>(runs - 1).fill('reused')].sort()
    )
  })

  it('converges when one racing create answers late and commits later', async () => {
    const store = new MemoryStore(new VirtualClock())
    store.listLagMs = 1_000
    store.creates.push({ kind: 'unknown', commitAfterMs: 1_500 })
    const all = [0, 1, 2].map((i) => harness({ runMarker: `aep-run:late.${i}` }, 300_000, store))
    await Promise.all(all.map((run) => executePlan(run)))
    const [only, ...rest] = store.settled()
    expect(rest).toEqual([])
    for (const run of all) expect(run.report.connectionId).toBe(only?.id)
  })
})
