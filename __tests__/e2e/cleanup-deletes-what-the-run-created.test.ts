/**
 * cleanup: created. The runner runs the action's post entry at the end of the job with the same
 * inputs and the state the main step saved; it deletes the connection the main step created and
 * nothing else, and never fails the job.
 */
import { describe, expect } from 'vitest'
import { emulatorTest } from '../support/fixtures.ts'

const NAME = 'Zoho CRM base connection'
const CLEANUP = { cleanup: 'created' }

describe.concurrent('the post step of cleanup: created', () => {
  const it = emulatorTest()

  it('deletes the connection the main step created', async ({ ctx }) => {
    const main = await ctx.run(CLEANUP)
    expect(main.exitCode).toBe(0)
    const id = main.outputs['connection-id']
    expect(main.outputs['created']).toBe('true')
    const post = await ctx.run(CLEANUP, { postAfter: main })
    expect(post.exitCode).toBe(0)
    expect(post.errors).toEqual([])
    expect(post.warnings).toEqual([])
    expect(post.stdout).toContain(`deleted the connection ${id} in sandbox "dev", which the main step created`)
    expect(post.summary).toContain(id)
    expect(ctx.emulator.connectionsIn('dev')).toEqual([])
    const deletes = ctx.emulator.requests('connections.delete')
    expect(deletes.map((d) => d.path.split('/').pop())).toEqual([id])
    // The post step signs in for itself and never calls Zoho.
    expect(ctx.emulator.requests('ims.token')).toHaveLength(2)
    expect(ctx.emulator.requests('zoho.token')).toHaveLength(1)
  })

  it('uses nothing it did not create: fails before any write, and its post step deletes nothing', async ({ ctx }) => {
    const existing = ctx.emulator.seedConnection('dev', { name: NAME })
    const main = await ctx.run(CLEANUP)
    expect(main.exitCode).toBe(1)
    expect(main.errors[0]).toContain('With cleanup: created the connection name must be unique to the job')
    expect(main.outputs).toMatchObject({ 'connection-id': '', created: 'false' })
    expect(ctx.emulator.writes()).toEqual([])
    const post = await ctx.run(CLEANUP, { postAfter: main, jobStatus: 'failure' })
    expect(post.exitCode).toBe(0)
    expect(post.stdout).toContain('the main step created no connection, so there is nothing to delete')
    expect(ctx.emulator.connectionsIn('dev').map((c) => c.id)).toEqual([existing.id])
    expect(ctx.emulator.requests('connections.delete')).toEqual([])
    // Nothing to do means nothing loaded and nothing sent.
    expect(ctx.emulator.requests('ims.token')).toHaveLength(1)
  })

  it('deletes the connection of a main step that created it and then failed', async ({ ctx }) => {
    ctx.emulator.testResult = false
    const main = await ctx.run(CLEANUP)
    expect(main.exitCode).toBe(1)
    expect(main.outputs['created']).toBe('true')
    const post = await ctx.run(CLEANUP, { postAfter: main })
    expect(post.exitCode).toBe(0)
    expect(ctx.emulator.connectionsIn('dev')).toEqual([])
  })

  it('does nothing after a main step that failed before creating', async ({ ctx }) => {
    ctx.emulator.inject('spec.get', { kind: 'status', status: 404 })
    const main = await ctx.run(CLEANUP)
    expect(main.exitCode).toBe(1)
    const post = await ctx.run(CLEANUP, { postAfter: main })
    expect(post.exitCode).toBe(0)
    expect(ctx.emulator.requests('connections.delete')).toEqual([])
  })

  it('only warns, with the id, when the connection is in use', async ({ ctx }) => {
    const main = await ctx.run(CLEANUP)
    const id = main.outputs['connection-id'] ?? ''
    const stored = ctx.emulator.connectionsIn('dev')[0]
    if (stored) stored.usedByFlows = 1
    const post = await ctx.run(CLEANUP, { postAfter: main })
    expect(post.exitCode).toBe(0)
    expect(post.errors).toEqual([])
    expect(post.warnings).toHaveLength(1)
    expect(post.warnings[0]).toContain(`did not delete connection ${id} in sandbox "dev"`)
    expect(post.warnings[0]).toContain('Adobe refuses to delete it because dataflows use it (FLOW 1418-400)')
    expect(ctx.emulator.connectionsIn('dev')).toHaveLength(1)
  })

  it('only warns, with the id, when the connection is already gone', async ({ ctx }) => {
    const main = await ctx.run(CLEANUP)
    const id = main.outputs['connection-id'] ?? ''
    ctx.emulator.connections.get('dev')?.clear()
    const post = await ctx.run(CLEANUP, { postAfter: main })
    expect(post.exitCode).toBe(0)
    expect(post.warnings).toHaveLength(1)
    expect(post.warnings[0]).toContain(`did not delete connection ${id}`)
    expect(post.warnings[0]).toContain('already gone')
  })

  it('only warns when Platform cannot be reached', async ({ ctx }) => {
    const main = await ctx.run(CLEANUP)
    const post = await ctx.run(
      { ...CLEANUP, 'adobe-platform-url': 'http://127.0.0.1:9', 'max-attempts': '1' },
      { postAfter: main }
    )
    expect(post.exitCode).toBe(0)
    expect(post.warnings).toHaveLength(1)
    expect(post.warnings[0]).toContain(`did not delete connection ${main.outputs['connection-id']}`)
  })

  it('is a no-op without cleanup: created, even after a create', async ({ ctx }) => {
    const main = await ctx.run()
    const post = await ctx.run({}, { postAfter: main })
    expect(post.exitCode).toBe(0)
    expect(post.stdout.split('\n').filter((line) => line && !line.startsWith('::add-mask::'))).toEqual([])
    expect(ctx.emulator.connectionsIn('dev')).toHaveLength(1)
  })

  it('is refused for modes that create nothing', async ({ ctx }) => {
    const run = await ctx.run({ ...CLEANUP, mode: 'check' })
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toContain('cleanup: created deletes what this run creates, and check mode creates nothing')
  })
})
