/**
 * "Cancelled, cut short, or out of disk" in-process, on a virtual clock: what the plan saves for
 * the post step before and after each step of a create, what the post step does with a create
 * left open (which copies it deletes, which it keeps), and how a cancellation stops requests and
 * waits. The end-to-end suite proves the same through the bundle for the cases users meet.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Cancellation, CancelledError } from '../../src/cancellation.ts'
import {
  CREATE_STATE,
  notThisRuns,
  readCreateRecord,
  writeCreateRecord,
  type CreateRecord
} from '../../src/runner/create-record.ts'
import { createDispatcher, HttpClient } from '../../src/http.ts'
import { runMarkerPrefix } from '../../src/run-marker.ts'
import { leftoverCopiesToDelete, recognisedAsCreated, settleLeftovers } from '../../src/post/leftovers.ts'
import { executePlan } from '../../src/plan/plan.ts'
import { RunnerOutput } from '../../src/runner/output.ts'
import { nullLogger, sleepWithin, systemClock, type Runtime } from '../../src/runtime.ts'
import { SecretRegistry } from '../../src/runner/secrets.ts'
import { StateJournal } from '../../src/runner/state-journal.ts'
import { harness, MARKER, MemoryStore, VirtualClock } from '../support/memory-store.ts'
import { parseFileCommand } from '../support/run-action.ts'

const NAME = 'Zoho CRM base connection'
const OTHER = 'x [aep-run:8.1.ffffffffffff]'

function runtimeOf(store: MemoryStore): Runtime {
  return { clock: store.clock, random: () => 0.5, log: nullLogger, deadlineAt: undefined }
}

/** The record without the creation times, which the cases that need them check on their own. */
function withoutTimes(record: CreateRecord | 'invalid' | undefined): unknown {
  if (record === undefined || record === 'invalid') return record
  const { times: _times, ...rest } = record
  return rest
}

function openRecord(fields: Partial<CreateRecord> = {}): CreateRecord {
  return { marker: MARKER, name: NAME, sandbox: 'dev', specId: 'spec', ids: [], settled: false, ...fields }
}

describe('what the plan saves for the post step', () => {
  it('the intent before the create is sent, the id as soon as it is known, then the settled create', async () => {
    const run = harness()
    await executePlan(run)
    const create = run.store.calls.indexOf('create')
    expect(run.store.calls.slice(create - 1, create + 2)).toEqual(['state', 'create', 'state'])
    const [made] = run.store.settled()
    expect(withoutTimes(run.state())).toEqual(openRecord({ ids: [made?.id ?? 'none'], settled: true }))
    // When Adobe answered, and the creation time its listing showed: how the post step knows it.
    expect(run.state()?.times).toEqual({
      [made?.id ?? 'none']: { answeredAt: made?.createdAt, createdAt: made?.createdAt }
    })
  })

  it('a reuse saves nothing', async () => {
    const run = harness()
    run.store.seed({ name: NAME })
    await executePlan(run)
    expect(run.store.calls).not.toContain('state')
    expect(run.state()).toBeUndefined()
  })

  it('a create refused outright settles with nothing made', async () => {
    const run = harness()
    run.store.creates.push({ kind: 'refused' })
    await expect(executePlan(run)).rejects.toThrow('create refused')
    expect(withoutTimes(run.state())).toEqual(openRecord({ settled: true }))
  })

  it.for([
    [false, true],
    [true, false]
  ] as const)(
    'cancelled with the create sent: %s; the record is settled (nothing for the post step to wait for): %s',
    async ([sent, settled]) => {
      const run = harness()
      run.store.creates.push({ kind: 'cancelled', sent })
      await expect(executePlan(run)).rejects.toThrow('The step was cancelled (SIGINT)')
      expect(withoutTimes(run.state())).toEqual(openRecord({ settled }))
    }
  )

  it('timeout reached while settling an unknown outcome: left open, for the post step to settle', async () => {
    const run = harness({ settleTimeoutMs: 30_000 }, 5_000)
    run.store.creates.push({ kind: 'unknown', commitAfterMs: 20_000 })
    await expect(executePlan(run)).rejects.toThrow('may or may not have created it')
    expect(withoutTimes(run.state())).toEqual(openRecord())
  })

  it('a twin wins: this run deletes its copy and saves that it keeps none', async () => {
    const run = harness({ settleTimeoutMs: 5_000 })
    run.store.listLagMs = 1_000
    const theirs = run.store.seedRecent(NAME, 10)
    theirs.listedAt = run.clock.now() + 1 // after this run's lookup, before its twin check
    await executePlan(run)
    expect(run.report).toMatchObject({ connectionId: theirs.id, created: false })
    expect(withoutTimes(run.state())).toEqual(openRecord({ settled: true }))
  })

  it('an own copy that cannot be deleted stays open, with every id, for the post step', async () => {
    const run = harness({ settleTimeoutMs: 2_000 })
    run.store.listLagMs = 500
    run.store.creates.push({ kind: 'unknown', commitAfterMs: 2_100 }, { kind: 'ok' })
    run.store.failDeletes.add('made-1')
    await expect(executePlan(run)).rejects.toThrow('delete made-')
    const record = run.state()
    expect(record?.settled).toBe(false)
    expect([...(record?.ids ?? [])].sort()).toEqual(
      run.store
        .settled()
        .map((c) => c.id)
        .sort()
    )
  })

  it('its own connection deleted meanwhile, never listed: the run fails, names it gone, outputs no id', async () => {
    const run = harness({ settleTimeoutMs: 2_000, verify: 'none' })
    run.store.listLagMs = 60_000
    void run.clock.sleep(1_000).then(() => run.store.items.clear())
    await expect(executePlan(run)).rejects.toThrow(/made-1\) in sandbox "dev" was created, but was deleted before/)
    expect(run.report.connectionId).toBeUndefined()
    expect(run.report.created).toBe(false)
    expect(withoutTimes(run.state())).toEqual(openRecord({ settled: true }))
  })

  it('its own connection never listed but still there: read by id, then reported', async () => {
    const run = harness({ settleTimeoutMs: 2_000 })
    run.store.listLagMs = 60_000
    await executePlan(run)
    expect(run.report).toMatchObject({ connectionId: 'made-1', created: true, result: 'created' })
    expect(run.store.calls).toContain('get')
  })

  it('a journal that cannot save the intent stops the create before it is sent', () => {
    const journal = new StateJournal({ marker: MARKER, name: NAME, sandbox: 'dev', specId: 'spec' }, () => {
      throw new Error('ENOSPC: no space left on device, write')
    })
    expect(() => journal.opened()).toThrow(/could not write GITHUB_STATE .*ENOSPC.*nothing was created/)
    expect(journal.open).toBe(false)
  })

  it('a journal whose later write fails says so when flushed, and again while the disk stays full', () => {
    let full = false
    const saved: string[] = []
    const journal = new StateJournal({ marker: MARKER, name: NAME, sandbox: 'dev', specId: 'spec' }, (_n, v) => {
      if (full) throw new Error('ENOSPC')
      saved.push(v)
    })
    journal.opened()
    full = true
    journal.made('made-1')
    expect(journal.flush()).toMatch(/could not write GITHUB_STATE/)
    full = false
    expect(journal.flush()).toBeUndefined()
    expect(withoutTimes(readCreateRecord(saved.at(-1) ?? ''))).toEqual(openRecord({ ids: ['made-1'] }))
  })
})

describe('the record the post step reads', () => {
  it('reads back what was written', () => {
    const record = openRecord({ ids: ['made-1', 'made-2'] })
    expect(readCreateRecord(writeCreateRecord(record))).toEqual(record)
    expect(readCreateRecord('')).toBeUndefined()
  })

  it('is saved to GITHUB_STATE exactly as built, whatever secrets the run holds and whatever the name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'state-'))
    const file = join(dir, 'state')
    writeFileSync(file, '')
    const before = process.env['GITHUB_STATE']
    process.env['GITHUB_STATE'] = file
    try {
      const specId = '929e4450-0237-4ed2-9404-b7e1e0a00309'
      const id = '3defc5f5-0c23-4a6c-9e10-18721fb4aa01'
      const secrets = new SecretRegistry(() => undefined)
      // Minted tokens are UUIDs too: an 8-character run they share with an id is redacted in text.
      secrets.register('ims-11111111-0237-4ed2-9404-222222222222')
      secrets.register('1000.zoho-access-33333333-0c23-4a6c-9e10-444444444444')
      const name = 'Zoho  CRM\u00a0PR ##[7] ::x'
      const journal = new StateJournal({ marker: MARKER, name, sandbox: 'dev', specId }, (key, value) =>
        new RunnerOutput(secrets).saveState(key, value)
      )
      journal.opened()
      journal.made(id)
      const saved = parseFileCommand(readFileSync(file, 'utf8'))[CREATE_STATE] ?? ''
      expect(withoutTimes(readCreateRecord(saved))).toEqual(openRecord({ name, specId, ids: [id] }))
    } finally {
      if (before === undefined) delete process.env['GITHUB_STATE']
      else process.env['GITHUB_STATE'] = before
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it.each([
    ['not JSON', '{'],
    ['an id that is no resource id', writeCreateRecord(openRecord({ ids: ['../../x'] }))],
    ['a marker this action never writes', writeCreateRecord(openRecord({ marker: 'rm -rf' }))],
    ['a sandbox name no sandbox has', writeCreateRecord(openRecord({ sandbox: 'Prod Main' }))],
    ['fields missing', '{"marker":"aep-run:1.1.a"}']
  ])('refuses %s', (_what, value) => {
    expect(readCreateRecord(value)).toBe('invalid')
  })
})

describe("the post step's check that a record is this run's", () => {
  const env = { GITHUB_RUN_ID: '7', GITHUB_RUN_ATTEMPT: '1' }
  const expected = { sandbox: 'dev', name: NAME, specId: 'spec' }

  it("accepts this attempt's marker with the inputs' sandbox, name and spec", () => {
    expect(notThisRuns(openRecord(), expected, env)).toBeUndefined()
    expect(openRecord().marker.startsWith(runMarkerPrefix(env))).toBe(true)
  })

  it.each([
    ['the previous attempt of the run', openRecord({ marker: 'aep-run:7.2.abcdef012345' }), env],
    ['another run', openRecord({ marker: 'aep-run:77.1.abcdef012345' }), env],
    ['a marker with more after the random part', openRecord({ marker: `${MARKER}.0` }), env],
    ['a local marker on the runner', openRecord({ marker: 'aep-run:local.abcdef012345' }), env],
    ['another sandbox', openRecord({ sandbox: 'prod' }), env],
    ['another name', openRecord({ name: 'Zoho CRM production' }), env],
    ['another spec', openRecord({ specId: 'other-spec' }), env]
  ])('refuses %s', (_what, record, runEnv) => {
    expect(notThisRuns(record, expected, runEnv)).toEqual(expect.any(String))
  })
})

describe('which copies the post step deletes', () => {
  const at = (id: string, createdAt: number, description = `x [${MARKER}]`) => ({
    id,
    name: NAME,
    createdAt,
    description
  })

  it('cleanup: created deletes every copy of this run, oldest or not', () => {
    const own = [at('a', 1), at('b', 3)]
    expect(leftoverCopiesToDelete(own, [...own, at('theirs', 2, OTHER)], 'created')).toEqual({
      toDelete: own,
      toKeep: []
    })
  })

  it('without cleanup, the oldest with the name stays, whoever made it', () => {
    const own = [at('a', 1), at('b', 3)]
    expect(leftoverCopiesToDelete(own, [...own, at('theirs', 2, OTHER)], 'none')).toEqual({
      toDelete: [at('b', 3)],
      toKeep: [at('a', 1)]
    })
    expect(leftoverCopiesToDelete(own, [at('theirs', 0, OTHER), ...own], 'none')).toEqual({
      toDelete: own,
      toKeep: []
    })
  })
})

describe('the post step settling a create left open', () => {
  it('waits for a late commit listed late, then deletes it (cleanup: created)', async () => {
    const store = new MemoryStore(new VirtualClock())
    store.listLagMs = 2_000
    const late = store.seed({ name: NAME, description: `x [${MARKER}]`, listedAt: store.clock.now() + 5_000 })
    const outcome = await settleLeftovers(store, runtimeOf(store), openRecord(), 'created', 30_000)
    expect(outcome.deleted).toEqual([late.id])
    expect(store.clock.now() - 1_000_000).toBeGreaterThanOrEqual(5_000)
    expect(store.settled()).toEqual([])
  })

  it("without cleanup: deletes a late copy newer than another run's connection, keeps one that is oldest", async () => {
    const store = new MemoryStore(new VirtualClock())
    const theirs = store.seed({ name: NAME, description: OTHER, createdAt: store.clock.now() - 1_000 })
    const ours = store.seed({ name: NAME, description: `x [${MARKER}]`, createdAt: store.clock.now() })
    const outcome = await settleLeftovers(store, runtimeOf(store), openRecord(), 'none', 30_000)
    expect(outcome.deleted).toEqual([ours.id])
    expect(store.settled().map((c) => c.id)).toEqual([theirs.id])

    const alone = new MemoryStore(new VirtualClock())
    const only = alone.seed({ name: NAME, description: `x [${MARKER}]` })
    const kept = await settleLeftovers(alone, runtimeOf(alone), openRecord(), 'none', 30_000)
    expect(kept.kept.map((k) => k.id)).toEqual([only.id])
    expect(alone.calls.filter((c) => c.startsWith('delete'))).toEqual([])
  })

  it('reads an id it knows but the listing does not show yet, and acts on it', async () => {
    const store = new MemoryStore(new VirtualClock())
    const ours = store.seed({ name: NAME, description: `x [${MARKER}]`, listedAt: Number.MAX_SAFE_INTEGER })
    const outcome = await settleLeftovers(store, runtimeOf(store), openRecord({ ids: [ours.id] }), 'created', 3_000)
    expect(outcome.deleted).toEqual([ours.id])
    expect(store.calls).toContain('get')
  })

  it('finds nothing within settle-timeout: no all-clear, a warning naming the marker; deletes nothing', async () => {
    const store = new MemoryStore(new VirtualClock())
    store.seed({ name: NAME, description: OTHER })
    const outcome = await settleLeftovers(store, runtimeOf(store), openRecord(), 'created', 3_000)
    expect(outcome.deleted).toEqual([])
    expect(outcome.notes.join(' ')).not.toContain('left nothing behind')
    expect(outcome.warnings).toEqual([expect.stringContaining(`whose description holds ${MARKER}`)])
    expect(outcome.warnings[0]).toContain('may still apply it later')
    expect(store.clock.now() - 1_000_000).toBeGreaterThanOrEqual(3_000)
  })

  it('a settled record: recognises its connection by id and creation time once the marker is gone', async () => {
    const store = new MemoryStore(new VirtualClock())
    const ours = store.seed({ name: NAME, description: 'edited by hand' })
    const record = openRecord({ ids: [ours.id], settled: true, times: { [ours.id]: { createdAt: ours.createdAt } } })
    const outcome = await settleLeftovers(store, runtimeOf(store), record, 'created', 30_000)
    expect(outcome.deleted).toEqual([ours.id])
    expect(outcome.notDeleted).toEqual([])
    expect(outcome.notes.join(' ')).toContain('its id and creation time are those the main step recorded')
  })

  it('a settled record: deletes only ids that carry the marker; warns about the rest', async () => {
    const store = new MemoryStore(new VirtualClock())
    const ours = store.seed({ name: NAME, description: `x [${MARKER}]` })
    const theirs = store.seed({ name: NAME, description: OTHER })
    const record = openRecord({ ids: [ours.id, theirs.id, 'gone-1'], settled: true })
    const outcome = await settleLeftovers(store, runtimeOf(store), record, 'created', 30_000)
    expect(outcome.deleted).toEqual([ours.id])
    expect(outcome.notDeleted).toEqual([
      { id: theirs.id, why: expect.stringContaining("does not carry this run's marker") as string },
      { id: 'gone-1', why: expect.stringContaining('already gone') as string }
    ])
    expect(store.settled().map((c) => c.id)).toEqual([theirs.id])
  })

  it('a delete that fails is reported with its id, not as deleted', async () => {
    const store = new MemoryStore(new VirtualClock())
    const ours = store.seed({ name: NAME, description: `x [${MARKER}]` })
    store.failDeletes.add(ours.id)
    const outcome = await settleLeftovers(
      store,
      runtimeOf(store),
      openRecord({ ids: [ours.id], settled: true }),
      'created',
      1
    )
    expect(outcome.deleted).toEqual([])
    expect(outcome.notDeleted).toEqual([{ id: ours.id, why: expect.stringContaining('HTTP 400') as string }])
  })
})

describe('how the post step recognises the connection its main step created', () => {
  const answeredAt = 5_000_000
  const connection = (fields: { id?: string; description?: string; createdAt?: number | undefined }) => ({
    id: 'made-1',
    name: NAME,
    createdAt: answeredAt - 200,
    ...fields
  })
  it.each([
    ['its marker, whatever the times', openRecord(), { description: `x [${MARKER}]` }, 'marker'],
    ['its marker among others', openRecord(), { description: `[aep-run:9.1.aaaaaaaaaaaa] [${MARKER}]` }, 'marker'],
    [
      'the id and the createdAt Adobe showed',
      openRecord({ ids: ['made-1'], times: { 'made-1': { createdAt: 42 } } }),
      { createdAt: 42 },
      'id-and-time'
    ],
    [
      'the id, another createdAt than Adobe showed',
      openRecord({ ids: ['made-1'], times: { 'made-1': { createdAt: 42 } } }),
      { createdAt: 43 },
      undefined
    ],
    [
      'the id, created just before the answer',
      openRecord({ ids: ['made-1'], times: { 'made-1': { answeredAt } } }),
      {},
      'id-and-time'
    ],
    [
      'the id, created an hour before the answer',
      openRecord({ ids: ['made-1'], times: { 'made-1': { answeredAt } } }),
      { createdAt: answeredAt - 3_600_000 },
      undefined
    ],
    [
      'the id, created long after the answer',
      openRecord({ ids: ['made-1'], times: { 'made-1': { answeredAt } } }),
      { createdAt: answeredAt + 3_600_000 },
      undefined
    ],
    ['the id with no time recorded', openRecord({ ids: ['made-1'] }), {}, undefined],
    [
      'a time recorded for an id the record does not name',
      openRecord({ times: { 'made-1': { createdAt: 42 } } }),
      { createdAt: 42 },
      undefined
    ],
    ['another id', openRecord({ ids: ['made-2'], times: { 'made-2': { answeredAt } } }), {}, undefined],
    ['another run’s marker and no time', openRecord(), { description: OTHER }, undefined],
    [
      'a connection Adobe shows without createdAt',
      openRecord({ ids: ['made-1'], times: { 'made-1': { answeredAt } } }),
      { createdAt: undefined },
      undefined
    ]
  ] as const)('%s', (_what, record, fields, expected) => {
    expect(recognisedAsCreated(record, connection(fields))).toBe(expected)
  })
})

describe('a cancellation', () => {
  it('ends a wait at once, with a CancelledError naming what it was for', async () => {
    const cancellation = new Cancellation()
    const runtime: Runtime = {
      clock: systemClock,
      random: Math.random,
      log: nullLogger,
      deadlineAt: undefined,
      cancellation
    }
    const started = Date.now()
    const wait = sleepWithin(runtime, 60_000, 'check for a concurrent twin')
    cancellation.cancel('SIGINT')
    await expect(wait).rejects.toThrow(new CancelledError('SIGINT', 'check for a concurrent twin'))
    expect(Date.now() - started).toBeLessThan(1_000)
  })

  it('lets the HTTP layer start no request after it', async () => {
    const cancellation = new Cancellation()
    cancellation.cancel('SIGTERM')
    const dispatcher = createDispatcher()
    const http = new HttpClient({
      dispatcher,
      userAgent: 'test',
      timeoutMs: 1_000,
      maxAttempts: 3,
      runtime: { clock: systemClock, random: Math.random, log: nullLogger, deadlineAt: undefined, cancellation }
    })
    // Port 9 refuses: a request that started would fail differently.
    await expect(
      http.send({ operation: 'list connections', method: 'GET', url: 'http://127.0.0.1:9/x' })
    ).rejects.toThrow('The step was cancelled (SIGTERM) while trying to list connections; nothing more was sent')
    await dispatcher.close()
  })
})
