/**
 * The whole action in-process, as `node dist/index.js` would run it but without spawning: the
 * same `INPUT_*` variables and runner files, against the emulator. Fast, and it lets coverage see
 * src/ (the end-to-end suite proves what a user sees through the bundle).
 */
import { describe, expect } from 'vitest'
import { CREATE_STATE } from '../../src/runner/create-record.ts'
import { ZOHO_SPEC_ID } from '../emulator/emulator.ts'
import { emulatorTest, NO_ZOHO } from '../support/fixtures.ts'

const NAME = 'Zoho CRM base connection'
const it = emulatorTest()
const paged = emulatorTest({ pageSize: 2 })

describe.concurrent('the action in-process', () => {
  it('creates, reuses, repairs, checks and deletes', async ({ ctx }) => {
    const created = await ctx.runInProcess({})
    expect(created.exitCode).toBe(0)
    expect(created.outputs).toMatchObject({ result: 'created', created: 'true' })
    const reused = await ctx.runInProcess({})
    expect(reused.outputs).toMatchObject({ result: 'reused', 'connection-id': created.outputs['connection-id'] })
    const stored = ctx.emulator.connectionsIn('dev')[0]
    if (stored) stored.auth.params = {}
    const repaired = await ctx.runInProcess({})
    expect(repaired.outputs).toMatchObject({ result: 'repaired', verified: 'true' })
    const checked = await ctx.runInProcess({ ...NO_ZOHO, mode: 'check', verify: 'explore', 'verify-tables': 'Leads' })
    expect(checked.outputs).toMatchObject({ result: 'found', verified: 'true' })
    expect(JSON.parse(checked.outputs['tables'] ?? '[]')).toContain('Leads')
    const dry = await ctx.runInProcess({ ...NO_ZOHO, mode: 'delete', 'dry-run': 'true' })
    expect(dry.outputs['result']).toBe('would-delete')
    const deleted = await ctx.runInProcess({ ...NO_ZOHO, mode: 'delete' })
    expect(deleted.outputs).toMatchObject({ result: 'deleted', 'deleted-ids': created.outputs['connection-id'] })
    expect(ctx.emulator.connectionsIn('dev')).toEqual([])
  })

  it('updates, fails on an existing name in create mode and with on-existing fail', async ({ ctx }) => {
    ctx.emulator.seedConnection('dev', { name: NAME })
    expect((await ctx.runInProcess({ 'on-existing': 'update' })).outputs['result']).toBe('updated')
    const create = await ctx.runInProcess({ mode: 'create' })
    expect(create.exitCode).toBe(1)
    expect(create.stdout).toContain('create mode never makes a second one')
    const fail = await ctx.runInProcess({ 'on-existing': 'fail' })
    expect(fail.exitCode).toBe(1)
    expect(fail.outputs['reason']).toContain('on-existing is fail')
  })

  it('creates in create mode with the Zoho refresh beside the IMS exchange, and cleans up after', async ({ ctx }) => {
    const main = await ctx.runInProcess({ mode: 'create', cleanup: 'created', 'adobe-access-token': '' })
    expect(main.outputs).toMatchObject({ result: 'created', created: 'true' })
    const post = await ctx.runInProcess({ mode: 'create', cleanup: 'created' }, { postWithState: main.state })
    expect(post.exitCode).toBe(0)
    expect(ctx.emulator.connectionsIn('dev')).toEqual([])
  })

  it('settles a lost answer, and lists the problems of bad inputs in the summary', async ({ ctx }) => {
    ctx.emulator.listLagMs = 300
    ctx.emulator.inject('connections.create', { kind: 'late-commit', commitAfterMs: 200, status: 504 })
    const settled = await ctx.runInProcess({})
    expect(settled.outputs).toMatchObject({ result: 'created', created: 'true' })
    await ctx.emulator.settled()
    expect(ctx.emulator.connectionsIn('dev')).toHaveLength(1)
    const bad = await ctx.runInProcess({ sandbox: 'Not Valid' })
    expect(bad.exitCode).toBe(1)
    expect(bad.summary).toContain('sandbox')
  })

  it('fails clearly when Platform cannot be reached, and when the sandbox is unknown', async ({ ctx }) => {
    const unreachable = await ctx.runInProcess({ 'adobe-platform-url': 'http://127.0.0.1:9', 'max-attempts': '1' })
    expect(unreachable.exitCode).toBe(1)
    expect(unreachable.stdout).toContain('adobe-platform-url')
    const unknown = await ctx.runInProcess({ sandbox: 'nowhere' })
    expect(unknown.exitCode).toBe(1)
    expect(unknown.stdout).toContain('is not one of the sandboxes')
  })

  it('post step: nothing to do, a forged state, a connection in use, one already gone, one not its own', async ({
    ctx
  }) => {
    const marker = 'aep-run:1.1.0123456789ab'
    const stateNaming = (id: string) =>
      `${CREATE_STATE}=${JSON.stringify({ marker, name: NAME, sandbox: 'dev', specId: ZOHO_SPEC_ID, ids: [id], settled: true })}\n`
    const none = await ctx.runInProcess({ cleanup: 'created' }, { postWithState: '' })
    expect(none.stdout).toContain('nothing to delete')
    const forged = await ctx.runInProcess(
      { cleanup: 'created' },
      { postWithState: `${CREATE_STATE}={"ids":["../../x"]}\n` }
    )
    expect(forged.stdout).toContain('the saved state is not one this action wrote, so nothing is deleted')
    const inUse = ctx.emulator.seedConnection('dev', { name: NAME, usedByFlows: 1, description: `x [${marker}]` })
    const busy = await ctx.runInProcess({ cleanup: 'created' }, { postWithState: stateNaming(inUse.id) })
    expect(busy.exitCode).toBe(0)
    expect(busy.stdout).toContain(`::warning::cleanup: created did not delete connection ${inUse.id}`)
    const gone = await ctx.runInProcess(
      { cleanup: 'created' },
      { postWithState: stateNaming('2484f2df-c057-4ab5-84f2-dfc0577ab592') }
    )
    expect(gone.stdout).toContain('already gone')
    const theirs = ctx.emulator.seedConnection('dev', { name: NAME, description: 'x [aep-run:8.1.ffffffffffff]' })
    const foreign = await ctx.runInProcess({ cleanup: 'created' }, { postWithState: stateNaming(theirs.id) })
    expect(foreign.exitCode).toBe(0)
    expect(foreign.stdout).toContain(
      `did not delete connection ${theirs.id} in sandbox "dev": it does not carry this run's marker`
    )
    expect(
      ctx.emulator
        .connectionsIn('dev')
        .map((c) => c.id)
        .sort()
    ).toEqual([inUse.id, theirs.id].sort())
    expect(ctx.emulator.requests('connections.delete').map((r) => r.path.split('/').pop())).toEqual([inUse.id])
  })

  paged('follows every page, converges on the oldest of several, and acts on a connection-id', async ({ ctx }) => {
    const oldest = ctx.emulator.seedConnection('dev', { name: NAME })
    for (let i = 0; i < 4; i++) ctx.emulator.seedConnection('dev', { name: i % 2 ? NAME : 'other' })
    const ensure = await ctx.runInProcess({})
    expect(ensure.outputs['connection-id']).toBe(oldest.id)
    expect(ensure.stdout).toContain('::warning::3 connections are named')
    const byId = await ctx.runInProcess({ ...NO_ZOHO, mode: 'check', 'connection-id': oldest.id })
    expect(byId.outputs).toMatchObject({ result: 'found', 'connection-id': oldest.id })
    const foreign = ctx.emulator.seedConnection('dev', {
      name: 'x',
      connectionSpec: { id: 'another-spec', version: '1.0' }
    })
    const refused = await ctx.runInProcess({ ...NO_ZOHO, mode: 'delete', 'connection-id': foreign.id })
    expect(refused.exitCode).toBe(1)
    expect(refused.stdout).toContain('refusing to act on it')
    const busy = ctx.emulator.seedConnection('dev', { name: 'busy', usedByFlows: 1 })
    const failed = await ctx.runInProcess({ ...NO_ZOHO, mode: 'delete', 'connection-name': 'busy' })
    expect(failed.exitCode).toBe(1)
    expect(failed.stdout).toContain(`Could not delete connection ${busy.id}`)
  })
})
