/**
 * The post step's own limits (contract: Cancelled, cut short, or out of disk), through the bundle:
 * a create cut short in flight that Adobe applies after the post step's search has ended, and a
 * post step that is itself signalled (a runner shutting down).
 */
import { appendFileSync } from 'node:fs'
import { describe, expect } from 'vitest'
import { CREATE_STATE, readCreateRecord } from '../../src/runner/create-record.ts'
import { emulatorTest } from '../support/fixtures.ts'
import { parseFileCommand, type ActionRun } from '../support/run-action.ts'

const NAME = 'Zoho CRM base connection'
const it = emulatorTest()

function figures(name: string, facts: Record<string, unknown>): void {
  const file = process.env['SHARED_FIGURES']
  if (file) appendFileSync(file, `${JSON.stringify({ name, ...facts })}\n`)
}

function markerOf(run: ActionRun): string {
  const record = readCreateRecord(parseFileCommand(run.state)[CREATE_STATE] ?? '')
  if (!record || record === 'invalid') throw new Error(`no create record in ${run.state}`)
  return record.marker
}

describe.concurrent('the post step after a create cut short in flight', () => {
  it('a create Adobe applies after the post step looked: a warning naming the marker, never "nothing was left"', async ({
    ctx
  }) => {
    const inputs = { cleanup: 'created', 'settle-timeout': '2' }
    ctx.emulator.inject('connections.create', { kind: 'late-commit', commitAfterMs: 9_000, hang: true })
    const main = await ctx.run(inputs, { interrupt: { at: ctx.emulator.whenRequested('connections.create') } })
    expect(main.exitCode).toBe(1)
    const marker = markerOf(main)
    const post = await ctx.run(inputs, { postAfter: main, jobStatus: 'cancelled' })
    expect(post.exitCode).toBe(0)
    expect(post.stdout).not.toContain('left nothing behind')
    expect(post.warnings).toEqual([
      expect.stringContaining(`No connection carrying this run's marker ${marker} appeared in sandbox "dev" within 2 s`)
    ])
    expect(post.warnings[0]).toContain(`look for a connection named "${NAME}" whose description holds ${marker}`)
    expect(post.summary).toContain('Warning')
    // The late create lands after the post step ended: the warning was not a false alarm.
    await ctx.emulator.settled()
    const left = ctx.emulator.connectionsIn('dev')
    expect(left).toHaveLength(1)
    expect(left[0]?.description).toContain(marker)
    figures('a late create after the post step window', {
      left: left.length,
      exit: [main.exitCode, post.exitCode],
      warning: post.warnings[0]
    })
  })

  it.for(['SIGTERM', 'SIGINT'] as const)(
    'a post step signalled (%s) while it looks: stops, warns with the marker, exits 0 at once',
    async (signal, { ctx }) => {
      const inputs = { cleanup: 'created', 'settle-timeout': '60' }
      ctx.emulator.inject('connections.create', { kind: 'hang' })
      const main = await ctx.run(inputs, { interrupt: { at: ctx.emulator.whenRequested('connections.create') } })
      const marker = markerOf(main)
      // The post step's first lookup is the main step's second request to the listing.
      const lists = ctx.emulator.requests('connections.list').length
      const post = await ctx.run(inputs, {
        postAfter: main,
        jobStatus: 'cancelled',
        interrupt: { at: ctx.emulator.whenRequested('connections.list', lists + 1), first: signal }
      })
      expect(post.signals).toEqual([signal])
      expect(post.exitCode).toBe(0)
      expect(post.sigintToExitMs).toBeLessThan(5_000)
      expect(post.errors).toEqual([])
      expect(post.warnings).toEqual([
        `cleanup: created was stopped (${signal}) before it finished, and sends nothing more: a connection the main step created in sandbox "dev" may still exist; look for connections named "${NAME}" whose description holds ${marker}, and delete them (mode: delete with connection-id).`
      ])
      figures(`a signalled post step (${signal})`, {
        exit: post.exitCode,
        signalToExitMs: Math.round(post.sigintToExitMs ?? -1),
        warning: post.warnings[0]
      })
    }
  )

  it('a post step signalled after it knows an id names that id', async ({ ctx }) => {
    const inputs = { cleanup: 'created' }
    const main = await ctx.run(inputs)
    const id = main.outputs['connection-id'] ?? ''
    ctx.emulator.inject('connections.get', { kind: 'hang' })
    const post = await ctx.run(inputs, {
      postAfter: main,
      interrupt: { at: ctx.emulator.whenRequested('connections.get'), first: 'SIGTERM' }
    })
    expect(post.exitCode).toBe(0)
    expect(post.warnings).toHaveLength(1)
    expect(post.warnings[0]).toContain(
      `stopped (SIGTERM) before it finished, and sends nothing more: connection ${id} in sandbox "dev" may still exist`
    )
    expect(post.warnings[0]).toContain(markerOf(main))
    expect(ctx.emulator.connectionsIn('dev').map((c) => c.id)).toEqual([id])
  })
})
