/**
 * "Shared connections" (contract) through the bundle: matrix legs and repositories that give one
 * name with `cleanup: created`, and an update between a create and its post step. Every leg's post
 * step runs after its main step, as the runner runs it at the end of each job; "uses" means a leg
 * reported the connection and its later steps act on it until its own post step.
 */
import { appendFileSync } from 'node:fs'
import { describe, expect } from 'vitest'
import { Barrier, type Emulator } from '../emulator/emulator.ts'
import { emulatorTest, type EmulatorContext } from '../support/fixtures.ts'
import type { ActionRun } from '../support/run-action.ts'

const PR_NAME = 'Zoho CRM PR 7'
const CLEANUP = { cleanup: 'created', 'connection-name': PR_NAME } as const
const it = emulatorTest()

/** For the closing note: set SHARED_FIGURES to a file to collect each case's end state. */
function figures(name: string, facts: Record<string, unknown>): void {
  const file = process.env['SHARED_FIGURES']
  if (file) appendFileSync(file, `${JSON.stringify({ name, ...facts })}\n`)
}

/** What is left once every late commit has landed. */
async function leftIn(emulator: Emulator): Promise<string[]> {
  await emulator.settled()
  return emulator.connectionsIn('dev').map((c) => c.id)
}

/** A leg's later steps use the connection it reported: it must still exist then. */
function stillThere(emulator: Emulator, run: ActionRun): boolean {
  const id = run.outputs['connection-id']
  return !id || emulator.connectionsIn('dev').some((c) => c.id === id)
}

/** The post step of each leg, in the order the jobs end, each after checking the leg's connection. */
async function endJobs(ctx: EmulatorContext, legs: readonly { run: ActionRun; env: Record<string, string> }[]) {
  const usedDeleted: number[] = []
  const posts: ActionRun[] = []
  for (const [i, { run, env }] of legs.entries()) {
    if (!stillThere(ctx.emulator, run)) usedDeleted.push(i)
    posts.push(await ctx.run(CLEANUP, { env, postAfter: run, jobStatus: run.exitCode === 0 ? 'success' : 'failure' }))
  }
  return { usedDeleted, posts }
}

describe.concurrent('cleanup: created with a name others give too', () => {
  it('three matrix legs racing on one name: the oldest copy serves its leg, the others delete theirs and fail; nothing is left', async ({
    ctx
  }) => {
    // Every leg's lookup is answered only once all three have asked: each sees none and creates.
    ctx.emulator.inject('connections.list', { kind: 'barrier', barrier: new Barrier(3) }, 3)
    const env = { GITHUB_RUN_ID: '500', GITHUB_RUN_ATTEMPT: '1', GITHUB_JOB: 'test' }
    const runs = await Promise.all([0, 1, 2].map(() => ctx.run(CLEANUP, { env })))
    expect(ctx.emulator.requests('connections.create')).toHaveLength(3)
    const [kept, ...others] = ctx.emulator.connectionsIn('dev')
    expect(others).toEqual([])
    const winner = runs.filter((run) => run.exitCode === 0)
    const losers = runs.filter((run) => run.exitCode === 1)
    expect(winner).toHaveLength(1)
    expect(winner[0]?.outputs).toMatchObject({ 'connection-id': kept?.id, result: 'created', created: 'true' })
    expect(losers).toHaveLength(2)
    for (const loser of losers) {
      expect(loser.errors[0]).toContain(`Connection "${PR_NAME}" (id ${kept?.id}) in sandbox "dev" exists`)
      expect(loser.errors[0]).toContain('this run deleted its own copy')
      expect(loser.errors[0]).toContain('the connection name must be unique to the job')
      expect(loser.errors[0]).toContain('${{ matrix.')
      expect(loser.outputs).toMatchObject({ 'connection-id': '', created: 'false' })
    }
    // The leg that created ends first: its post step deletes what it created; no other leg used it.
    const order = [...winner, ...losers].map((run) => ({ run, env }))
    const { usedDeleted, posts } = await endJobs(ctx, order)
    expect(usedDeleted).toEqual([])
    for (const post of posts) expect(post.exitCode).toBe(0)
    expect(await leftIn(ctx.emulator)).toEqual([])
    figures('three matrix legs, cleanup: created', {
      left: 0,
      creates: ctx.emulator.requests('connections.create').length,
      deletes: ctx.emulator.requests('connections.delete').length,
      exits: runs.map((run) => run.exitCode),
      usedDeleted: usedDeleted.length,
      message: losers[0]?.errors[0]
    })
  })

  it.for(['repair', 'update'] as const)(
    'two repositories, one name (on-existing: %s): the second fails before any write; the first cleans up; nothing is left',
    async (onExisting, { ctx }) => {
      const repoA = { GITHUB_REPOSITORY: 'octo-org/app-a', GITHUB_RUN_ID: '100', GITHUB_RUN_ATTEMPT: '1' }
      const repoB = { GITHUB_REPOSITORY: 'octo-org/app-b', GITHUB_RUN_ID: '200', GITHUB_RUN_ATTEMPT: '1' }
      const a = await ctx.run(CLEANUP, { env: repoA })
      expect(a.outputs).toMatchObject({ result: 'created', created: 'true' })
      const made = ctx.emulator.connectionsIn('dev')[0]
      const description = made?.description
      const writesBefore = ctx.emulator.writes().length
      const b = await ctx.run({ ...CLEANUP, 'on-existing': onExisting }, { env: repoB })
      expect(b.exitCode).toBe(1)
      expect(b.errors[0]).toContain(
        `Connection "${PR_NAME}" (id ${made?.id}) in sandbox "dev" exists, and another run made it`
      )
      expect(b.errors[0]).toContain('Nothing was written')
      expect(b.errors[0]).toContain('${{ github.repository }}')
      expect(b.outputs['connection-id']).toBe('')
      const writesByB = ctx.emulator.writes().length - writesBefore
      // B neither rewrote A's connection nor called Zoho for it.
      expect(ctx.emulator.writes()).toHaveLength(writesBefore)
      expect(made?.description).toBe(description)
      expect(ctx.emulator.requests('zoho.token')).toHaveLength(1)
      const { usedDeleted, posts } = await endJobs(ctx, [
        { run: a, env: repoA },
        { run: b, env: repoB }
      ])
      expect(usedDeleted).toEqual([])
      expect(posts.map((post) => post.exitCode)).toEqual([0, 0])
      expect(posts[0]?.stdout).toContain(
        `deleted the connection ${made?.id} in sandbox "dev", which the main step created`
      )
      expect(await leftIn(ctx.emulator)).toEqual([])
      figures(`two repositories, on-existing ${onExisting}`, {
        left: 0,
        writesByB,
        exits: [a.exitCode, b.exitCode],
        message: b.errors[0]
      })
    }
  )

  it('an update by another run between the create and the post step keeps the marker: the post step deletes it', async ({
    ctx
  }) => {
    const creator = { GITHUB_RUN_ID: '300', GITHUB_RUN_ATTEMPT: '1' }
    const main = await ctx.run(CLEANUP, { env: creator })
    const id = main.outputs['connection-id'] ?? ''
    const [marker] = /aep-run:[0-9a-f.]+/.exec(ctx.emulator.connectionsIn('dev')[0]?.description ?? '') ?? []
    expect(marker).toMatch(/^aep-run:300\.1\./)
    // Another workflow (no cleanup) updates the same connection while the creator's job goes on.
    const update = await ctx.run(
      { 'connection-name': PR_NAME, 'on-existing': 'update', 'connection-description': 'Rotated by the ops team' },
      { env: { GITHUB_RUN_ID: '301', GITHUB_RUN_ATTEMPT: '1' } }
    )
    expect(update.outputs).toMatchObject({ result: 'updated', 'connection-id': id })
    const description = ctx.emulator.connectionsIn('dev')[0]?.description ?? ''
    expect(description).toMatch(
      new RegExp(`^Rotated by the ops team \\[${marker?.replace(/\./g, '\\.')}\\] \\[params:[0-9a-f]{12}\\]$`)
    )
    const post = await ctx.run(CLEANUP, { env: creator, postAfter: main })
    expect(post.exitCode).toBe(0)
    expect(post.warnings).toEqual([])
    expect(post.stdout).toContain(`deleted the connection ${id} in sandbox "dev", which the main step created`)
    expect(post.stdout).not.toContain('did not create')
    expect(await leftIn(ctx.emulator)).toEqual([])
    figures('an update between create and post step', {
      left: 0,
      exits: [main.exitCode, update.exitCode, post.exitCode],
      post: post.lines.filter((line) => !line.startsWith('::add-mask::'))
    })
  })

  it('a description edited by hand since the create: the post step knows its connection by id and creation time', async ({
    ctx
  }) => {
    const main = await ctx.runInProcess(CLEANUP)
    const [made] = ctx.emulator.connectionsIn('dev')
    if (made) made.description = 'Renamed in the Adobe UI'
    const post = await ctx.runInProcess(CLEANUP, { postWithState: main.state })
    expect(post.exitCode).toBe(0)
    expect(post.warnings).toEqual([])
    expect(post.stdout).toContain('its id and creation time are those the main step recorded')
    expect(post.stdout).toContain(`deleted the connection ${made?.id}`)
    expect(await leftIn(ctx.emulator)).toEqual([])
  })

  it('a rerun of the same workflow run adopts what its earlier attempt left, and its post step deletes it', async ({
    ctx
  }) => {
    const first = await ctx.run(CLEANUP, { env: { GITHUB_RUN_ID: '400', GITHUB_RUN_ATTEMPT: '1' } })
    const id = first.outputs['connection-id']
    // The first attempt's post step never ran (the runner was lost); the job is rerun.
    const rerunEnv = { GITHUB_RUN_ID: '400', GITHUB_RUN_ATTEMPT: '2' }
    const rerun = await ctx.run(CLEANUP, { env: rerunEnv })
    expect(rerun.exitCode).toBe(0)
    expect(rerun.outputs).toMatchObject({ 'connection-id': id, result: 'reused' })
    expect(rerun.stdout).toContain('created by an earlier attempt of this workflow run')
    const post = await ctx.run(CLEANUP, { env: rerunEnv, postAfter: rerun })
    expect(post.exitCode).toBe(0)
    expect(post.stdout).toContain(
      `deleted the connection ${id} in sandbox "dev", which an earlier attempt of this workflow run created`
    )
    expect(await leftIn(ctx.emulator)).toEqual([])
  })
})
