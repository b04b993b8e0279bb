/**
 * "Shared connections" (contract) in-process, on a virtual clock: with `cleanup: created` a run
 * uses nothing another run made, a race ends with the younger run deleting its own copy, an
 * earlier attempt of the same workflow run counts as the run's own; and every update keeps the
 * run markers the description carries. The end-to-end suite proves the same through the bundle
 * for the cases users meet (matrix legs, two repositories, an update between create and post step).
 */
import { describe, expect, it } from 'vitest'
import { executePlan } from '../../src/plan/plan.ts'
import { runMarkersIn } from '../../src/run-marker.ts'
import { harness, MemoryStore, VirtualClock } from '../support/memory-store.ts'

const NAME = 'Zoho CRM base connection'
const OURS = 'aep-run:9.2.abcdef012345'
const CLEANUP = { cleanup: 'created', runMarker: OURS } as const
const writes = (calls: readonly string[]) =>
  calls.filter((c) => c === 'create' || c === 'patch' || c.startsWith('delete'))

describe('cleanup: created, a name another run uses', () => {
  it.each([
    ['a matrix leg of the same attempt', 'x [aep-run:9.2.ffffffffffff] [params:0123456789ab]'],
    ['another workflow run', 'x [aep-run:8.1.abcdef012345]'],
    ['another repository', 'Managed by GitHub Actions: other-org/other-repo [aep-run:77.1.abcdef012345]'],
    ['a later attempt of the same run', 'x [aep-run:9.3.abcdef012345]'],
    ['a person, in the UI (no marker)', 'Created by hand'],
    ['a run outside GitHub Actions', 'x [aep-run:local.abcdef012345]']
  ])(
    'made by %s: fails before any write, naming it, how to make the name unique, no id output',
    async (_what, description) => {
      for (const onExisting of ['repair', 'reuse', 'update', 'fail'] as const) {
        const run = harness({ ...CLEANUP, onExisting })
        const theirs = run.store.seed({ name: NAME, description, secretsWork: onExisting !== 'reuse' })
        await expect(executePlan(run)).rejects.toThrow(
          `Connection "${NAME}" (id ${theirs.id}) in sandbox "dev" exists, and another run`
        )
        await expect(executePlan(harness({ ...CLEANUP, onExisting }, 300_000, run.store))).rejects.toThrow(
          'the connection name must be unique to the job'
        )
        expect(writes(run.store.calls)).toEqual([])
        expect(run.zohoCalls.count).toBe(0)
        expect(run.report.connectionId).toBeUndefined()
        expect(run.state()).toBeUndefined()
        expect(run.store.items.get(theirs.id)?.description).toBe(description)
      }
    }
  )

  it('in create mode and in a dry run: the same failure, nothing written', async () => {
    for (const settings of [{ mode: 'create' as const }, { dryRun: true }]) {
      const run = harness({ ...CLEANUP, ...settings })
      run.store.seed({ name: NAME, description: 'x [aep-run:8.1.abcdef012345]' })
      await expect(executePlan(run)).rejects.toThrow('the connection name must be unique to the job')
      expect(writes(run.store.calls)).toEqual([])
    }
  })

  it('without cleanup, the same connection is shared as ensure always did', async () => {
    const run = harness({ runMarker: OURS })
    const theirs = run.store.seed({ name: NAME, description: 'x [aep-run:8.1.abcdef012345]' })
    await executePlan(run)
    expect(run.report).toMatchObject({ connectionId: theirs.id, result: 'reused', created: false })
  })
})

describe('cleanup: created, a connection an earlier attempt of the same workflow run made', () => {
  it.each([
    ['healthy: reused', true, 'reused'],
    ['failing its test: repaired', false, 'repaired']
  ] as const)('%s, and recorded as its own for the post step', async (_what, secretsWork, result) => {
    const run = harness(CLEANUP)
    const earlier = run.store.seed({ name: NAME, description: 'x [aep-run:9.1.0123456789ab]', secretsWork })
    await executePlan(run)
    expect(run.report).toMatchObject({ connectionId: earlier.id, result })
    expect(run.state()).toMatchObject({
      ids: [earlier.id],
      settled: true,
      times: { [earlier.id]: { createdAt: earlier.createdAt } }
    })
    expect(run.lines.join('\n')).toContain('created by an earlier attempt of this workflow run')
  })

  it('a dry run records nothing: its post step deletes nothing', async () => {
    const run = harness({ ...CLEANUP, dryRun: true })
    run.store.seed({ name: NAME, description: 'x [aep-run:9.1.0123456789ab]' })
    await executePlan(run)
    expect(run.state()).toBeUndefined()
  })
})

describe('cleanup: created, runs racing on one name', () => {
  it.each([
    [2, 0],
    [3, 0],
    [3, 1_500],
    [5, 3_000]
  ])(
    '%i runs, the listing %i ms behind: the oldest copy stays, every younger run deletes its own and fails',
    async (runs, lag) => {
      const store = new MemoryStore(new VirtualClock())
      store.listLagMs = lag
      const all = Array.from({ length: runs }, (_, i) =>
        harness({ cleanup: 'created', runMarker: `aep-run:9.2.00000000000${i}` }, 300_000, store)
      )
      const outcomes = await Promise.allSettled(all.map((run) => executePlan(run)))
      const [only, ...rest] = store.settled()
      expect(rest).toEqual([])
      const won = all.filter((_, i) => outcomes[i]?.status === 'fulfilled')
      expect(won).toHaveLength(1)
      expect(won[0]?.report).toMatchObject({ connectionId: only?.id, created: true, result: 'created' })
      for (const [i, outcome] of outcomes.entries()) {
        if (outcome.status === 'fulfilled') continue
        expect(String(outcome.reason)).toContain('this run deleted its own copy')
        expect(String(outcome.reason)).toContain('the connection name must be unique to the job')
        // It used nothing: no id for later steps, nothing for its post step to delete.
        expect(all[i]?.report.connectionId).toBeUndefined()
        expect(all[i]?.state()).toMatchObject({ ids: [], settled: true })
      }
      expect(store.calls.filter((c) => c.startsWith('delete'))).toHaveLength(runs - 1)
    }
  )

  it('a create with an unknown outcome that finds only another run’s connection fails the same way', async () => {
    const run = harness({ ...CLEANUP, settleTimeoutMs: 5_000 })
    run.store.creates.push({ kind: 'unknown' })
    const theirs = run.store.seed({ name: NAME, description: 'x [aep-run:8.1.abcdef012345]', listedAt: 0 })
    theirs.listedAt = run.clock.now() + 1
    await expect(executePlan(run)).rejects.toThrow('the connection name must be unique to the job')
    expect(run.report.connectionId).toBeUndefined()
    expect(run.store.settled().map((c) => c.id)).toEqual([theirs.id])
  })

  it('a twin an earlier attempt of the same run made is the older: adopted, recorded as its own', async () => {
    const run = harness(CLEANUP)
    // Listed just after the preflight lookup, and before this run's own copy is.
    run.store.listLagMs = 10
    const earlier = run.store.seed({ name: NAME, description: 'x [aep-run:9.1.0123456789ab]', listedAt: 0 })
    earlier.listedAt = run.clock.now() + 1
    await executePlan(run)
    expect(run.store.settled().map((c) => c.id)).toEqual([earlier.id])
    expect(run.report).toMatchObject({ connectionId: earlier.id, result: 'reused' })
    expect(run.state()).toMatchObject({ ids: [earlier.id], settled: true })
  })
})

describe('markers survive writes', () => {
  it.each([
    ['one marker', 'Made [aep-run:1.1.abcdef012345] [params:0123456789ab]', ['aep-run:1.1.abcdef012345']],
    [
      'two markers',
      'x [aep-run:1.1.abcdef012345] y [aep-run:2.1.0123456789ab] [params:0123456789ab]',
      ['aep-run:1.1.abcdef012345', 'aep-run:2.1.0123456789ab']
    ],
    ['none: none is added', 'Created by hand', []]
  ])('an update keeps %s and replaces the text and the params tag', async (_what, description, markers) => {
    const run = harness({ onExisting: 'update', runMarker: OURS, description: 'New text' })
    const existing = run.store.seed({ name: NAME, description })
    await executePlan(run)
    expect(run.report.result).toBe('updated')
    expect(runMarkersIn(existing.description)).toEqual(markers)
    expect(existing.description).toMatch(/^New text( \[aep-run:[^\]]+\])* \[params:[0-9a-f]{12}\]$/)
    expect(existing.description).not.toContain('0123456789ab]' + ' [params:0123456789ab]')
    expect(existing.description).not.toContain(OURS)
  })

  it('a repair keeps the creator’s marker, and a stale etag re-reads the markers written meanwhile', async () => {
    const run = harness({ runMarker: OURS })
    const existing = run.store.seed({ name: NAME, description: 'x [aep-run:1.1.abcdef012345]', secretsWork: false })
    // Someone writes the description between the lookup and the PATCH: the etag is stale.
    const update = run.store.updateConnection.bind(run.store)
    let first = true
    run.store.updateConnection = (id, etag, patch) => {
      if (first) {
        first = false
        existing.description = 'y [aep-run:1.1.abcdef012345] [aep-run:5.1.555555555555]'
        existing.etag = '"changed"'
      }
      return update(id, etag, patch)
    }
    await executePlan(run)
    expect(run.report.result).toBe('repaired')
    expect(runMarkersIn(existing.description)).toEqual(['aep-run:1.1.abcdef012345', 'aep-run:5.1.555555555555'])
  })
})
