/**
 * What hangs off a connection, in the plan on the memory store: `dataflows: list` and `healthy`
 * after the operation of check, ensure and create; delete, which reads the dataflows first and
 * deletes nothing while any use the connection; and drafts, which repair publishes once their
 * credentials are written and verified, and only then.
 */
import { describe, expect, it } from 'vitest'
import { ServiceError } from '../../src/errors.ts'
import { executePlan } from '../../src/plan/plan.ts'
import { TooManyRunReadsError, type Dataflow } from '../../src/plan/pipeline.ts'
import { harness, type HarnessOptions } from '../support/memory-store.ts'

const NAME = 'Zoho CRM base connection'
const writes = (calls: readonly string[]) => calls.filter((call) => /^(create|patch|delete|publish)/.test(call))
const FORBIDDEN = new ServiceError(
  "Adobe's Flow Service API refused to list the dataflows that use the connection: HTTP 403 (2120-403): Forbidden",
  { status: 403, code: '2120-403', requestId: 'req-7' }
)

/** The error a run failed with; a run that succeeds fails the test. */
async function failureOf(run: Promise<void>): Promise<ServiceError> {
  const error = await run.then(
    () => undefined,
    (reason: unknown) => reason
  )
  if (!(error instanceof Error)) throw new Error('the run succeeded')
  return error as ServiceError
}

/** A run on a store with one connection, whose dataflows are `flows`. */
function withDataflows(settings: HarnessOptions, ...flows: Partial<Dataflow>[]) {
  const run = harness(settings)
  const connection = run.store.seed({ name: NAME })
  const seeded = run.dataflows.seed(connection.id, ...flows)
  return { run, connection, seeded }
}

describe('dataflows: list and healthy, after the operation', () => {
  it.each(['check', 'ensure'] as const)(
    '%s with dataflows: list reports each one, and writes nothing more',
    async (mode) => {
      const { run, connection, seeded } = withDataflows(
        { mode, dataflows: 'list' },
        { state: 'enabled', lastRun: 'success' },
        { state: 'disabled', lastRun: 'failed' }
      )
      await executePlan(run)
      expect(run.report.dataflows).toEqual(seeded)
      expect(run.report.notes.join('\n')).toContain(
        `is used by 2 dataflows: 1 enabled, 1 disabled; last runs: 1 success, 1 failed.`
      )
      expect(writes(run.store.calls)).toEqual([])
      // After the operation: the verification came first.
      expect(run.store.calls.indexOf(`dataflows ${connection.id}`)).toBeGreaterThan(run.store.calls.indexOf('test'))
    }
  )

  it('reads none with dataflows: skip, in every mode but delete', async () => {
    for (const mode of ['check', 'ensure'] as const) {
      const { run } = withDataflows({ mode }, { state: 'disabled' })
      await executePlan(run)
      expect(run.store.calls.some((call) => call.startsWith('dataflows'))).toBe(false)
      expect(run.report.dataflows).toBeUndefined()
    }
  })

  it.each([
    [
      'every one enabled and its last run a success',
      [{ lastRun: 'success' as const }, { lastRun: 'success' as const }]
    ],
    ['one that never ran', [{ lastRun: 'none' as const }]],
    ['states spelled in another case', [{ state: 'Enabled', lastRun: 'success' as const }]]
  ])('healthy passes with %s', async (_what, flows) => {
    const { run } = withDataflows({ mode: 'check', dataflows: 'healthy' }, ...flows)
    await executePlan(run)
    expect(run.report.result).toBe('found')
    expect(run.report.notes.join('\n')).toContain('The dataflows: healthy gate passes')
  })

  it('healthy passes with no dataflow at all, and says so', async () => {
    const { run, connection } = withDataflows({ mode: 'check', dataflows: 'healthy' })
    await executePlan(run)
    expect(run.report.dataflows).toEqual([])
    expect(run.report.notes).toContain(
      `No dataflow uses the connection "${NAME}" (id ${connection.id}) in sandbox "dev": the dataflows: healthy gate passes.`
    )
  })

  it.each([
    ['disabled', { state: 'disabled', lastRun: 'success' as const }, 'is disabled, not enabled'],
    ['a draft', { state: 'draft', lastRun: 'none' as const }, 'is a draft (state draft), not enabled'],
    ['one whose last run failed', { state: 'enabled', lastRun: 'failed' as const }, 'its last run failed'],
    [
      'auto-disabled after failing',
      { state: 'disabled', lastRun: 'failed' as const },
      'is disabled, not enabled, and its last run failed'
    ]
  ])('healthy fails on a dataflow %s, naming it and why', async (_what, unhealthy, why) => {
    const { run, connection, seeded } = withDataflows(
      { mode: 'check', dataflows: 'healthy' },
      { state: 'enabled', lastRun: 'success', name: 'Leads hourly' },
      { ...unhealthy, name: 'Contacts daily' }
    )
    const failure = executePlan(run)
    await expect(failure).rejects.toThrow(
      `1 of 2 dataflows that use the connection "${NAME}" (id ${connection.id}) in sandbox "dev" is not healthy (dataflows: healthy): ${seeded[1]?.id} ("Contacts daily") ${why}.`
    )
    await expect(failure).rejects.not.toThrow(seeded[0]?.id ?? 'x')
    // The outputs still list them all.
    expect(run.report.dataflows).toHaveLength(2)
    expect(run.report.result).toBe('found')
  })

  it('healthy names each unhealthy one, at most ten, and counts the rest', async () => {
    const flows = Array.from({ length: 13 }, (_, i) => ({ state: 'disabled', name: `flow ${i}` }))
    const { run } = withDataflows({ mode: 'check', dataflows: 'healthy' }, ...flows)
    await expect(executePlan(run)).rejects.toThrow(
      /13 of 13 dataflows .* are not healthy .* and 3 more\. Publish or enable them/
    )
  })

  it('a failed read fails the run with what to grant, and is never reported as no dataflows', async () => {
    const { run, connection } = withDataflows({ mode: 'check', dataflows: 'list' }, {})
    run.dataflows.failure = FORBIDDEN
    const failure = await failureOf(executePlan(run))
    expect(failure).toBeInstanceOf(ServiceError)
    expect(failure.message).toContain(
      `Could not read the dataflows that use connection ${connection.id} in sandbox "dev", so dataflows: list cannot report them (a failed read is never taken for "no dataflows"): Adobe's Flow Service API refused to list the dataflows that use the connection: HTTP 403 (2120-403): Forbidden. Reading them needs the View Sources permission in sandbox "dev"`
    )
    expect(failure.message).toContain('(Adobe request id req-7)')
    expect(failure.code).toBe('2120-403')
    expect(run.report.dataflows).toBeUndefined()
    expect(run.report.notes.join('\n')).not.toMatch(/No dataflow/)
  })

  it('too many dataflows without a last run: says to skip them, not what to grant (nothing was refused)', async () => {
    const { run } = withDataflows({ mode: 'check', dataflows: 'healthy' }, {})
    run.dataflows.failure = new TooManyRunReadsError(
      '51 dataflows that use connection c show no last run, … use dataflows: skip for this connection'
    )
    const failure = await failureOf(executePlan(run))
    expect(failure.message).toContain('so dataflows: healthy cannot report them')
    expect(failure.message).toContain('use dataflows: skip for this connection')
    expect(failure.message).not.toContain('View Sources')
    expect(run.dataflows.lastRunsAsked).toEqual(['all'])
  })

  it('ensure reads the dataflows of the connection it created, and of the one it would create in a dry run: none', async () => {
    const created = harness({ dataflows: 'healthy' })
    await executePlan(created)
    expect(created.report.result).toBe('created')
    expect(created.store.calls).toContain(`dataflows ${created.report.connectionId}`)
    expect(created.report.dataflows).toEqual([])

    const dry = harness({ dataflows: 'healthy', dryRun: true })
    await executePlan(dry)
    expect(dry.report.result).toBe('would-create')
    expect(dry.store.calls.some((call) => call.startsWith('dataflows'))).toBe(false)
    expect(dry.report.notes).toContain(
      'No connection exists yet, so no dataflow uses it: the dataflows: healthy gate passes.'
    )
  })

  it('create with dataflows: list reads them after the create', async () => {
    const run = harness({ mode: 'create', dataflows: 'list' })
    await executePlan(run)
    expect(run.store.calls.indexOf(`dataflows ${run.report.connectionId}`)).toBeGreaterThan(
      run.store.calls.indexOf('create')
    )
  })

  it('a failed operation reads no dataflows', async () => {
    const run = harness({ mode: 'check', dataflows: 'list' })
    run.store.seed({ name: NAME, secretsWork: false })
    await expect(executePlan(run)).rejects.toThrow('verification failed')
    expect(run.store.calls.some((call) => call.startsWith('dataflows'))).toBe(false)
  })
})

describe('delete reads the dataflows first', () => {
  it.each(['skip', 'list', 'healthy'] as const)(
    'with dataflows: %s, and deletes a connection none uses',
    async (dataflows) => {
      const { run, connection } = withDataflows({ mode: 'delete', dataflows })
      await executePlan(run)
      expect(run.report.result).toBe('deleted')
      const calls = run.store.calls
      expect(calls.indexOf(`dataflows ${connection.id}`)).toBeGreaterThanOrEqual(0)
      expect(calls.indexOf(`dataflows ${connection.id}`)).toBeLessThan(calls.indexOf(`delete ${connection.id}`))
    }
  )

  it.each([false, true])('sends no DELETE while dataflows use it, naming them (dry run: %s)', async (dryRun) => {
    const { run, connection, seeded } = withDataflows(
      { mode: 'delete', dryRun },
      { name: 'Contacts daily' },
      { name: 'Leads hourly', state: 'disabled' }
    )
    const failure = await failureOf(executePlan(run))
    expect(failure.message).toBe(
      `${dryRun ? 'Dry run: would not delete' : 'Not deleting'} connection ${connection.id} in sandbox "dev": 2 dataflows use it: ${seeded[0]?.id} ("Contacts daily"), ${seeded[1]?.id} ("Leads hourly"); delete them first (Adobe refuses to delete a base connection that dataflows use; this action never deletes a dataflow). Then rerun; nothing was deleted.`
    )
    expect(writes(run.store.calls)).toEqual([])
    expect(run.store.items.has(connection.id)).toBe(true)
    expect(run.report.result).toBeUndefined()
  })

  it('deletes none of several connections with the name while one is used', async () => {
    const run = harness({ mode: 'delete' })
    const free = run.store.seed({ name: NAME })
    const used = run.store.seed({ name: NAME, createdAt: free.createdAt + 1 })
    const [flow] = run.dataflows.seed(used.id, { name: 'Contacts daily' })
    await expect(executePlan(run)).rejects.toThrow(
      `Not deleting the 2 connections named "${NAME}" in sandbox "dev", because dataflows use connection ${used.id}: 1 dataflow uses it: ${flow?.id} ("Contacts daily")`
    )
    expect(writes(run.store.calls)).toEqual([])
  })

  it.each([
    ['delete', {}],
    ['delete with dataflows: list', { dataflows: 'list' as const }],
    ['a dry-run delete', { dryRun: true }]
  ])('%s asks only which dataflows use it: no run is read', async (_, options) => {
    const { run } = withDataflows({ mode: 'delete', ...options })
    await executePlan(run).catch(() => undefined)
    expect(run.dataflows.lastRunsAsked.length).toBeGreaterThan(0)
    expect(new Set(run.dataflows.lastRunsAsked)).toEqual(new Set(['never']))
  })

  it('deletes nothing when the dataflows cannot be read', async () => {
    const { run } = withDataflows({ mode: 'delete' })
    run.dataflows.failure = FORBIDDEN
    await expect(executePlan(run)).rejects.toThrow(/Could not read the dataflows .*, so nothing was deleted/)
    expect(writes(run.store.calls)).toEqual([])
  })

  it('names the dataflow created meanwhile when Adobe refuses the DELETE (1418-400)', async () => {
    const { run, connection } = withDataflows({ mode: 'delete' })
    run.store.inUse.add(connection.id)
    const read = run.dataflows.dataflowsOf.bind(run.dataflows)
    let reads = 0
    run.dataflows.dataflowsOf = (id) => {
      // Created after the first read, before the DELETE.
      if (++reads === 2) run.dataflows.seed(id, { name: 'Created meanwhile' })
      return read(id)
    }
    const failure = await failureOf(executePlan(run))
    expect(failure.message).toContain(
      `Could not delete connection ${connection.id} in sandbox "dev": 1 dataflow uses it: flow-${connection.id}-1 ("Created meanwhile"); delete it first (Adobe refuses to delete a base connection that dataflows use; this action never deletes a dataflow). Then rerun`
    )
    expect(failure.code).toBe('1418-400')
    expect(run.store.calls.filter((call) => call.startsWith('delete'))).toHaveLength(1)
  })

  it('says so when Adobe refuses the DELETE but lists no dataflow (access labels hide it)', async () => {
    const { run, connection } = withDataflows({ mode: 'delete' })
    run.store.inUse.add(connection.id)
    await expect(executePlan(run)).rejects.toThrow(
      'Adobe refuses to delete it because dataflows use it (FLOW 1418-400), though none is listed for this credential'
    )
  })
})

describe('a draft, as sandbox tooling imports one', () => {
  const imported = (settings: HarnessOptions = {}, fields = {}) => {
    const run = harness(settings)
    const draft = run.store.seed({ name: NAME, state: 'draft', params: {}, secretsWork: false, ...fields })
    return { run, draft }
  }

  it('is repaired, verified, then published: result repaired, and the reason says so', async () => {
    const { run, draft } = imported()
    await executePlan(run)
    const calls = run.store.calls
    expect(writes(calls)).toEqual(['patch', `publish ${draft.id}`])
    // Published only after the verification of what was written.
    expect(calls.lastIndexOf('test')).toBeLessThan(calls.indexOf(`publish ${draft.id}`))
    expect(run.report).toMatchObject({ result: 'repaired', verified: 'true', state: 'enabled' })
    expect(run.report.reason).toBe(
      'its verification (test) failed: its test (GET /connections/{id}/test) answered result: false; it was a draft: published once its credentials were written and verified'
    )
    expect(run.zohoCalls.count).toBe(1)
  })

  it('with dry-run: would-repair, nothing written or published', async () => {
    const { run } = imported({ dryRun: true })
    await executePlan(run)
    expect(writes(run.store.calls)).toEqual([])
    expect(run.report.result).toBe('would-repair')
    expect(run.report.reason).toContain(
      '; it is a draft, and would be published once its credentials are written and verified'
    )
    expect(run.zohoCalls.count).toBe(0)
  })

  it('whose params match and whose verification passes is published without a write', async () => {
    const { run, draft } = imported(
      {},
      { params: { endpoint: 'https://www.zohoapis.eu', accountsUrl: 'https://accounts.zoho.eu' }, secretsWork: true }
    )
    await executePlan(run)
    expect(writes(run.store.calls)).toEqual([`publish ${draft.id}`])
    expect(run.report.result).toBe('repaired')
    expect(run.report.reason).toBe(
      'it is a draft whose params match the inputs and whose verification (test) passed: published it, with no write of its credentials'
    )
    expect(run.zohoCalls.count).toBe(0)
  })

  it('whose params match, in a dry run: would-repair, and would publish without a write', async () => {
    const { run } = imported({ dryRun: true }, { params: { endpoint: 'https://www.zohoapis.eu' }, secretsWork: true })
    await executePlan(run)
    expect(writes(run.store.calls)).toEqual([])
    expect(run.report.result).toBe('would-repair')
    expect(run.report.reason).toContain('it would be published, with no write of its credentials')
  })

  it('with verify: none, is published once its credentials are written, with no verification', async () => {
    const { run, draft } = imported(
      { verify: 'none' },
      { params: { endpoint: 'https://www.zohoapis.eu' }, secretsWork: true }
    )
    await executePlan(run)
    expect(writes(run.store.calls)).toEqual(['patch', `publish ${draft.id}`])
    expect(run.store.calls).not.toContain('test')
    expect(run.report.reason).toBe(
      'it is a draft, and with verify: none nothing proves the Zoho CRM credentials it holds (sandbox tooling copies none); it was a draft: published once its credentials were written'
    )
  })

  it('is never published when its verification still fails after the write', async () => {
    const { run, draft } = imported()
    run.store.testConnection = () => Promise.resolve(false)
    await expect(executePlan(run)).rejects.toThrow(
      `was repaired (it stays a draft: not published), but its verification failed`
    )
    expect(run.store.calls).not.toContain(`publish ${draft.id}`)
  })

  it("fails with Adobe's reason when the publish is refused, and it stays a draft", async () => {
    const { run, draft } = imported()
    run.store.publishFailure = new ServiceError(
      "Adobe's Flow Service API refused to publish the draft connection: HTTP 400 (1401-400): auth params are missing",
      { status: 400, code: '1401-400' }
    )
    await expect(executePlan(run)).rejects.toThrow(
      `The connection "${NAME}" (id ${draft.id}) in sandbox "dev" has its credentials written and verified, but Adobe refused to publish the draft, so it stays a draft (not enabled): Adobe's Flow Service API refused to publish the draft connection: HTTP 400 (1401-400): auth params are missing`
    )
    expect(draft.state).toBe('draft')
  })

  it('takes a refused publish of a connection published meanwhile (a concurrent run) as done', async () => {
    const { run, draft } = imported()
    run.store.publishConnection = (id) => {
      const item = run.store.items.get(id)
      if (item) item.state = 'enabled'
      return Promise.reject(new ServiceError('refused: HTTP 400 (1416-400)', { status: 400 }))
    }
    await executePlan(run)
    expect(run.report).toMatchObject({ connectionId: draft.id, result: 'repaired', state: 'enabled' })
  })

  it('fails check, saying how to publish it', async () => {
    const { run, draft } = imported({ mode: 'check' })
    await expect(executePlan(run)).rejects.toThrow(
      `The connection "${NAME}" (id ${draft.id}) in sandbox "dev" is draft, not enabled: it is a draft (as sandbox tooling imports one); run this action with mode: ensure (on-existing: repair) to write its credentials and publish it.`
    )
  })

  it.each(['reuse', 'update'] as const)('is not published with on-existing: %s, which warns', async (onExisting) => {
    const { run, draft } = imported({ onExisting, verify: 'none' })
    await executePlan(run)
    expect(run.store.calls).not.toContain(`publish ${draft.id}`)
    expect(run.report.warnings.join('\n')).toContain(
      'is draft, not enabled (on-existing: repair writes the credentials of a draft and publishes it)'
    )
  })

  it('an enabled connection is never published', async () => {
    const run = harness()
    run.store.seed({ name: NAME, params: {}, secretsWork: false })
    await executePlan(run)
    expect(run.report.result).toBe('repaired')
    expect(run.store.calls.some((call) => call.startsWith('publish'))).toBe(false)
  })
})
