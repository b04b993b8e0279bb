/**
 * "Cancelled, cut short, or out of disk" (contract), end to end through the bundle: the main
 * step is cancelled as the runner cancels it (SIGINT when the emulator sees a chosen request,
 * SIGTERM 7.5 s later, then a kill), its files are read afterwards, and the post step runs with
 * the same state and the job status `cancelled`. Each case waits for every late commit to land
 * before it counts what is left. Every run passes the leak scanner (`ctx.run`).
 */
import { appendFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect } from 'vitest'
import { CREATE_STATE, readCreateRecord, type CreateRecord } from '../../src/runner/create-record.ts'
import { escapeSummaryText } from '../../src/report/summary.ts'
import type { Emulator, LoggedRequest, Route } from '../emulator/emulator.ts'
import { emulatorTest, type EmulatorContext } from '../support/fixtures.ts'
import { parseFileCommand, type ActionRun } from '../support/run-action.ts'

const NAME = 'Zoho CRM base connection'
const CLEANUP = { cleanup: 'created' } as const
const it = emulatorTest()

/** The create record the main step left in GITHUB_STATE, as the post step reads it. */
function recordOf(run: ActionRun): CreateRecord | undefined {
  const record = readCreateRecord(parseFileCommand(run.state)[CREATE_STATE] ?? '')
  if (record === 'invalid') throw new Error(`the main step saved a record the post step cannot read: ${run.state}`)
  return record
}

/** The requests that reached the emulator from this run on, as `route` names. */
function requestsSince(emulator: Emulator, run: ActionRun): Route[] {
  return emulator.log
    .filter((entry: LoggedRequest) => entry.startedAt >= run.spawnedAtMs)
    .map((entry) => entry.route as Route)
}

/** Runs the main step and cancels it when `at` resolves. */
function cancelled(ctx: EmulatorContext, at: Promise<unknown>, inputs: Record<string, string> = {}) {
  return ctx.run(inputs, { interrupt: { at } })
}

/** The post step after `main`, as the runner runs it after a cancelled job. */
function postAfter(ctx: EmulatorContext, main: ActionRun, inputs: Record<string, string> = {}) {
  return ctx.run(inputs, { postAfter: main, jobStatus: 'cancelled' })
}

/** A main step cancelled within 5 s of SIGINT, with one error saying so. */
function expectCancelledInTime(main: ActionRun): void {
  expect(main.signals).toEqual(['SIGINT'])
  expect(main.exitCode).toBe(1)
  expect(main.sigintToExitMs).toBeLessThan(5_000)
  expect(main.errors).toHaveLength(1)
  expect(main.errors[0]).toContain('The step was cancelled (SIGINT)')
}

/** `text` says `fragment`, whatever the case of its first letter (a sentence may start with it). */
function says(text: string | undefined, fragment: string): void {
  expect(text?.toLowerCase()).toContain(fragment.toLowerCase())
}

/** What is left once every late commit has landed. */
async function leftIn(emulator: Emulator): Promise<string[]> {
  await emulator.settled()
  return emulator.connectionsIn('dev').map((c) => c.id)
}

/** For the closing note: set CANCEL_FIGURES to a file to collect each case's figures. */
function figures(name: string, facts: Record<string, unknown>): void {
  const file = process.env['CANCEL_FIGURES']
  if (file) appendFileSync(file, `${JSON.stringify({ name, ...facts })}\n`)
}

describe.concurrent('a main step cancelled while its create is in flight', () => {
  it.for([
    ['created', 0],
    ['none', 1]
  ] as const)(
    'the answer never comes, the commit lands later; cleanup: %s leaves %i',
    async ([cleanup, left], { ctx }) => {
      ctx.emulator.inject('connections.create', { kind: 'late-commit', commitAfterMs: 1000, hang: true })
      const main = await cancelled(ctx, ctx.emulator.whenRequested('connections.create'), { cleanup })
      expectCancelledInTime(main)
      expect(main.sigintToExitMs).toBeGreaterThan(2_500) // the create's grace
      expect(main.errors[0]).toContain('while trying to create the connection')
      says(main.errors[0], `a create of "${NAME}" may have been applied in sandbox "dev"; no id is known`)
      expect(main.outputs).toMatchObject({ 'connection-id': '', created: 'false' })
      expect(main.outputs['reason']).toBe(main.errors[0])
      expect(main.summary).toContain('cancelled')
      expect(recordOf(main)).toMatchObject({ name: NAME, sandbox: 'dev', ids: [], settled: false })

      const post = await postAfter(ctx, main, { cleanup })
      expect(post.exitCode).toBe(0)
      expect(post.stdout).toContain('was never settled')
      const ids = await leftIn(ctx.emulator)
      expect(ids).toHaveLength(left)
      if (left === 1) expect(post.stdout).toContain(`kept the connection ${ids[0]}`)
      else expect(ctx.emulator.requests('connections.delete')).toHaveLength(1)
      figures(`create in flight, no answer, cleanup ${cleanup}`, {
        left: ids.length,
        exit: [main.exitCode, post.exitCode],
        sigintToExitMs: Math.round(main.sigintToExitMs ?? -1),
        post: requestsSince(ctx.emulator, post)
      })
    }
  )

  it('a name the log would fold (two spaces, ##[, ::) is saved as it is, so the post step finds the late copy', async ({
    ctx
  }) => {
    const name = 'Zoho  CRM ##[pr 7] ::x'
    const inputs = { ...CLEANUP, 'connection-name': name, 'settle-timeout': '10' }
    ctx.emulator.inject('connections.create', { kind: 'late-commit', commitAfterMs: 500, hang: true })
    const main = await cancelled(ctx, ctx.emulator.whenRequested('connections.create'), inputs)
    expectCancelledInTime(main)
    expect(recordOf(main)).toMatchObject({ name, ids: [], settled: false })

    const post = await postAfter(ctx, main, inputs)
    expect(post.exitCode).toBe(0)
    expect(await leftIn(ctx.emulator)).toEqual([])
    expect(ctx.emulator.requests('connections.delete')).toHaveLength(1)
  })

  it.for(['created', 'none'] as const)(
    'the answer comes within the grace: its id is saved, reported, and settled after (cleanup: %s)',
    async (cleanup, { ctx }) => {
      ctx.emulator.inject('connections.create', { kind: 'delay', ms: 1000 })
      const main = await cancelled(ctx, ctx.emulator.whenRequested('connections.create'), { cleanup })
      expectCancelledInTime(main)
      const [made] = ctx.emulator.connectionsIn('dev').map((c) => c.id)
      expect(main.outputs).toMatchObject({ 'connection-id': made, created: 'true' })
      says(main.errors[0], `connection ${made}, which this run created, exists in sandbox "dev"`)
      expect(recordOf(main)).toMatchObject({ ids: [made], settled: false })
      // Nothing new was sent after the signal: no verification, no twin check.
      expect(ctx.emulator.requests('connections.test')).toEqual([])

      const post = await postAfter(ctx, main, { cleanup })
      expect(post.exitCode).toBe(0)
      expect(await leftIn(ctx.emulator)).toEqual(cleanup === 'created' ? [] : [made])
      figures(`create in flight, answered in the grace, cleanup ${cleanup}`, {
        left: ctx.emulator.connectionsIn('dev').length,
        exit: [main.exitCode, post.exitCode],
        sigintToExitMs: Math.round(main.sigintToExitMs ?? -1),
        post: requestsSince(ctx.emulator, post)
      })
    }
  )
})

describe.concurrent('a main step cancelled after the create', () => {
  it.for([
    ['created', 0],
    ['none', 1]
  ] as const)(
    'while settling a 504 whose commit lands later; cleanup: %s leaves %i',
    async ([cleanup, left], { ctx }) => {
      ctx.emulator.listLagMs = 300
      ctx.emulator.inject('connections.create', { kind: 'late-commit', commitAfterMs: 1500, status: 504 })
      // The preflight lists once; the second listing is the settling after the 504.
      const main = await cancelled(ctx, ctx.emulator.whenRequested('connections.list', 2), { cleanup })
      expectCancelledInTime(main)
      expect(main.sigintToExitMs).toBeLessThan(2_000)
      expect(main.errors[0]).toContain('may have been applied')
      expect(recordOf(main)).toMatchObject({ ids: [], settled: false })

      const post = await postAfter(ctx, main, { cleanup })
      expect(post.exitCode).toBe(0)
      const ids = await leftIn(ctx.emulator)
      expect(ids).toHaveLength(left)
      expect(post.summary).toContain('post step')
      figures(`settling after a 504, cleanup ${cleanup}`, {
        left: ids.length,
        exit: [main.exitCode, post.exitCode],
        sigintToExitMs: Math.round(main.sigintToExitMs ?? -1),
        post: requestsSince(ctx.emulator, post)
      })
    }
  )

  it.for([
    ['created', 0],
    ['none', 1]
  ] as const)('during verification; cleanup: %s leaves %i', async ([cleanup, left], { ctx }) => {
    ctx.emulator.inject('connections.test', { kind: 'hang' })
    const main = await cancelled(ctx, ctx.emulator.whenRequested('connections.test'), { cleanup })
    expectCancelledInTime(main)
    expect(main.sigintToExitMs).toBeLessThan(2_000)
    const [made] = ctx.emulator.connectionsIn('dev').map((c) => c.id)
    expect(main.outputs).toMatchObject({ 'connection-id': made, created: 'true' })
    says(main.errors[0], `connection ${made}, which this run created, exists`)

    const post = await postAfter(ctx, main, { cleanup })
    expect(post.exitCode).toBe(0)
    const ids = await leftIn(ctx.emulator)
    // Without cleanup, what is left is the one connection the run reported.
    expect(ids).toEqual(left === 1 ? [made] : [])
    figures(`during verification, cleanup ${cleanup}`, {
      left: ids.length,
      exit: [main.exitCode, post.exitCode],
      sigintToExitMs: Math.round(main.sigintToExitMs ?? -1),
      post: requestsSince(ctx.emulator, post)
    })
  })

  it('SIGTERM hard on the heels of SIGINT: one error, the id saved, the post step deletes it', async ({ ctx }) => {
    ctx.emulator.inject('connections.test', { kind: 'hang' })
    const main = await ctx.run(CLEANUP, {
      interrupt: { at: ctx.emulator.whenRequested('connections.test'), sigtermAfterMs: 50 }
    })
    const [made] = ctx.emulator.connectionsIn('dev').map((c) => c.id)
    expect(main.signals).toEqual(['SIGINT', 'SIGTERM'])
    // Its files are written by then; a SIGTERM landing after the run let go of signals ends the
    // process by the signal itself, which the runner counts as a failed step too.
    expect(main.exitCode).not.toBe(0)
    expect(main.sigintToExitMs).toBeLessThan(5_000)
    expect(main.errors).toEqual([expect.stringContaining('The step was cancelled (SIGINT)')])
    expect(recordOf(main)).toMatchObject({ ids: [made] })
    expect(main.outputs).toMatchObject({ 'connection-id': made, created: 'true' })
    const post = await postAfter(ctx, main, CLEANUP)
    expect(post.exitCode).toBe(0)
    expect(await leftIn(ctx.emulator)).toEqual([])
  })

  it('before any create: nothing is saved, and the post step sends nothing', async ({ ctx }) => {
    ctx.emulator.inject('spec.get', { kind: 'hang' })
    const main = await cancelled(ctx, ctx.emulator.whenRequested('spec.get'), CLEANUP)
    expectCancelledInTime(main)
    expect(main.errors[0]).toContain('This run created nothing.')
    expect(main.state).toBe('')
    const before = ctx.emulator.log.length
    const post = await postAfter(ctx, main, CLEANUP)
    expect(post.exitCode).toBe(0)
    expect(ctx.emulator.log.length).toBe(before)
    figures('before any create', {
      left: (await leftIn(ctx.emulator)).length,
      exit: [main.exitCode, post.exitCode],
      sigintToExitMs: Math.round(main.sigintToExitMs ?? -1),
      post: []
    })
  })
})

describe.concurrent('two runs of one pull request', () => {
  it.for([
    ['the next run of the pull request', '2', '1'],
    ['a rerun of the same run', '1', '2']
  ] as const)(
    '%s starts at once while the cancelled one commits late: one connection, the one it reports',
    async ([, secondRunId, secondAttempt], { ctx }) => {
      ctx.emulator.listLagMs = 300
      // It lands after the next run's create, whatever the machine's load.
      const commitWhen = ctx.emulator.whenRequested('connections.create', 2)
      ctx.emulator.inject('connections.create', { kind: 'late-commit', commitAfterMs: 200, status: 504, commitWhen })
      const first = { GITHUB_RUN_ID: '1', GITHUB_RUN_ATTEMPT: '1' }
      const second = { GITHUB_RUN_ID: secondRunId, GITHUB_RUN_ATTEMPT: secondAttempt }
      const createSeen = ctx.emulator.whenRequested('connections.create')
      const firstMain = ctx.run({}, { env: first, interrupt: { at: createSeen } })
      const secondMain = createSeen.then(() => ctx.run({}, { env: second }))
      const cancelledMain = await firstMain
      expectCancelledInTime(cancelledMain)
      const post = await ctx.run({}, { env: first, postAfter: cancelledMain, jobStatus: 'cancelled' })
      const survivor = await secondMain
      expect(post.exitCode).toBe(0)
      expect(survivor.exitCode).toBe(0)
      expect(recordOf(survivor)?.marker).not.toBe(recordOf(cancelledMain)?.marker)
      const ids = await leftIn(ctx.emulator)
      expect(ids).toEqual([survivor.outputs['connection-id']])
      expect(survivor.outputs).toMatchObject({ result: 'created', created: 'true' })
      // The cancelled run's late copy was newer: its post step removed it.
      expect(post.stdout).toMatch(/deleted the connection [0-9a-f-]+ in sandbox "dev", which the main step created/)
      figures(`two runs, ${secondRunId === '1' ? 'rerun' : 'next run'}`, {
        left: ids.length,
        exit: [cancelledMain.exitCode, post.exitCode, survivor.exitCode],
        sigintToExitMs: Math.round(cancelledMain.sigintToExitMs ?? -1),
        post: post.lines.filter((line) => !line.startsWith('::add-mask::'))
      })
    }
  )

  it('the cancelled run commits first: the next run adopts its copy, which its post step keeps', async ({ ctx }) => {
    ctx.emulator.inject('connections.create', { kind: 'late-commit', commitAfterMs: 50, hang: true })
    const createSeen = ctx.emulator.whenRequested('connections.create')
    const firstMain = ctx.run({}, { env: { GITHUB_RUN_ATTEMPT: '1' }, interrupt: { at: createSeen } })
    const secondMain = createSeen.then(() => ctx.run({}, { env: { GITHUB_RUN_ATTEMPT: '2' } }))
    const cancelledMain = await firstMain
    expectCancelledInTime(cancelledMain)
    const post = await ctx.run({}, { postAfter: cancelledMain, jobStatus: 'cancelled' })
    const survivor = await secondMain
    expect(survivor.exitCode).toBe(0)
    const ids = await leftIn(ctx.emulator)
    expect(ids).toEqual([survivor.outputs['connection-id']])
    expect(post.stdout).toContain(`kept the connection ${ids[0]}`)
    figures('two runs, the cancelled one committed first', {
      left: ids.length,
      exit: [cancelledMain.exitCode, post.exitCode, survivor.exitCode],
      sigintToExitMs: Math.round(cancelledMain.sigintToExitMs ?? -1),
      post: post.lines.filter((line) => !line.startsWith('::add-mask::'))
    })
  })
})

describe.concurrent('a main step cut short', () => {
  it('timeout reached during a create: the post step of cleanup: created deletes what it made', async ({ ctx }) => {
    ctx.emulator.inject('connections.create', { kind: 'late-commit', commitAfterMs: 300, hang: true })
    const main = await ctx.run({ ...CLEANUP, timeout: '5' })
    expect(main.exitCode).toBe(1)
    expect(main.errors[0]).toContain('may or may not have created it in sandbox "dev"')
    expect(recordOf(main)).toMatchObject({ ids: [], settled: false })
    const post = await ctx.run(CLEANUP, { postAfter: main, jobStatus: 'failure' })
    expect(post.exitCode).toBe(0)
    expect(await leftIn(ctx.emulator)).toEqual([])
    figures('timeout during a create', {
      left: 0,
      exit: [main.exitCode, post.exitCode],
      post: requestsSince(ctx.emulator, post)
    })
  })

  it('the token revoked during settling: the post step of cleanup: created deletes what it made', async ({ ctx }) => {
    // Revoked once the create has landed (the emulator commits with the request's token), while
    // the listing still hides it from the run's settling; the one new token the run may then ask
    // IMS for is refused too (the credential itself was revoked), so the run cannot settle.
    ctx.emulator.listLagMs = 5000
    ctx.emulator.inject('connections.create', { kind: 'late-commit', commitAfterMs: 300, status: 504 })
    void ctx.emulator
      .whenRequested('connections.create')
      .then(() => ctx.emulator.settled())
      .then(() => {
        for (const token of ctx.emulator.issuedImsTokens) ctx.emulator.revokedImsTokens.add(token)
        ctx.emulator.inject('ims.token', {
          kind: 'status',
          status: 400,
          body: { error: 'invalid_client', error_description: 'invalid client_secret parameter' }
        })
      })
    const main = await ctx.run(CLEANUP)
    expect(main.exitCode).toBe(1)
    expect(main.errors[0]).toContain('may or may not have created it')
    expect(recordOf(main)).toMatchObject({ settled: false })
    const post = await ctx.run(CLEANUP, { postAfter: main, jobStatus: 'failure' })
    expect(post.exitCode).toBe(0)
    expect(post.warnings).toEqual([])
    expect(await leftIn(ctx.emulator)).toEqual([])
    figures('token revoked during settling', {
      left: 0,
      exit: [main.exitCode, post.exitCode],
      post: requestsSince(ctx.emulator, post)
    })
  })

  it('a teardown deletes the new connection while ensure waits for the listing: ensure fails, no id', async ({
    ctx
  }) => {
    const { emulator } = ctx
    emulator.listLagMs = 10_000
    // The teardown job's DELETE, sent the moment ensure verifies its new connection.
    const teardown = emulator.whenRequested('connections.test').then(async ({ path, headers }) => {
      const id = path.split('/').at(-2) ?? 'none'
      const { authorization = '', 'x-api-key': apiKey = '', 'x-gw-ims-org-id': org = '' } = headers
      const url = `${emulator.url}/data/foundation/flowservice/connections/${id}`
      const headersOut = { authorization, 'x-api-key': apiKey, 'x-gw-ims-org-id': org, 'x-sandbox-name': 'dev' }
      const response = await fetch(url, { method: 'DELETE', headers: headersOut })
      return { id, status: response.status }
    })
    const run = await ctx.run({ 'settle-timeout': '2' })
    const { id, status } = await teardown
    expect(status).toBe(204)
    expect(run.exitCode).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toContain(`(id ${id}) in sandbox "dev" was created, but was deleted before this run finished`)
    expect(run.outputs).toMatchObject({ 'connection-id': '', created: 'false' })
    expect(recordOf(run)).toMatchObject({ ids: [], settled: true })
    expect(await leftIn(emulator)).toEqual([])
  })
})

describe.concurrent('runner files that cannot be written', () => {
  const missing = join(tmpdir(), 'no-such-folder-for-action-tests', 'file')

  it.for([
    ['a missing folder', missing],
    ['a full device', '/dev/full']
  ] as const)('GITHUB_STATE on %s: no create is sent, and the error names the file', async ([, path], { ctx }) => {
    const main = await ctx.run(CLEANUP, { files: { GITHUB_STATE: path } })
    expect(main.exitCode).toBe(1)
    expect(main.errors).toHaveLength(1)
    expect(main.errors[0]).toContain(`could not write GITHUB_STATE (${path})`)
    expect(main.errors[0]).toContain('nothing was created')
    expect(ctx.emulator.requests('connections.create')).toEqual([])
    expect(main.outputs['reason']).toBe(main.errors[0])
    expect(main.summary).toContain(escapeSummaryText('GITHUB_STATE'))
  })

  it.for([
    ['a missing folder', missing],
    ['a full device', '/dev/full']
  ] as const)(
    'GITHUB_OUTPUT on %s: the state is written first, the error names the file and the id',
    async ([, path], { ctx }) => {
      const main = await ctx.run(CLEANUP, { files: { GITHUB_OUTPUT: path } })
      const [made] = ctx.emulator.connectionsIn('dev').map((c) => c.id)
      expect(main.exitCode).toBe(1)
      expect(main.errors).toHaveLength(1)
      expect(main.errors[0]).toContain(`could not write GITHUB_OUTPUT (${path})`)
      says(main.errors[0], `connection ${made}, which this run created, exists`)
      expect(main.summary).toContain(escapeSummaryText('GITHUB_OUTPUT'))
      expect(recordOf(main)).toMatchObject({ ids: [made], settled: true })
      const post = await ctx.run(CLEANUP, { postAfter: main, jobStatus: 'failure' })
      expect(post.exitCode).toBe(0)
      expect(await leftIn(ctx.emulator)).toEqual([])
    }
  )

  it.for([
    ['a missing folder', missing],
    ['a full device', '/dev/full']
  ] as const)(
    'the summary on %s: a warning naming the file and the id; outputs and state intact',
    async ([, path], { ctx }) => {
      const main = await ctx.run(CLEANUP, { files: { GITHUB_STEP_SUMMARY: path } })
      const id = main.outputs['connection-id']
      expect(main.exitCode).toBe(0)
      expect(main.errors).toEqual([])
      expect(main.warnings).toHaveLength(1)
      expect(main.warnings[0]).toContain(`could not write GITHUB_STEP_SUMMARY (${path})`)
      says(main.warnings[0], `connection ${id}, which this run created, exists`)
      expect(recordOf(main)).toMatchObject({ ids: [id], settled: true })
    }
  )

  it.for([
    ['a missing folder', missing],
    ['a full device', '/dev/full']
  ] as const)(
    'in the post step, on %s: it deletes, says so once, and only warns about the summary',
    async ([, path], { ctx }) => {
      const main = await ctx.run(CLEANUP)
      const id = main.outputs['connection-id']
      const post = await ctx.run(CLEANUP, {
        postAfter: main,
        files: { GITHUB_STEP_SUMMARY: path, GITHUB_STATE: path, GITHUB_OUTPUT: path }
      })
      expect(post.exitCode).toBe(0)
      expect(post.stderr).toBe('')
      expect(post.errors).toEqual([])
      expect(post.stdout).toContain(`deleted the connection ${id} in sandbox "dev", which the main step created`)
      expect(post.warnings).toHaveLength(1)
      expect(post.warnings[0]).toContain(`could not write GITHUB_STEP_SUMMARY (${path})`)
      expect(post.stdout).not.toContain('did not delete')
      expect(await leftIn(ctx.emulator)).toEqual([])
    }
  )
})

describe.concurrent('the post step acts only on its own', () => {
  it('a state naming a connection this run did not create: warned about, left as it is', async ({ ctx }) => {
    const main = await ctx.run(CLEANUP)
    const id = main.outputs['connection-id'] ?? ''
    const theirs = ctx.emulator.seedConnection('dev', {
      name: NAME,
      description: 'Managed [aep-run:77.1.aaaaaaaaaaaa]'
    })
    const post = await ctx.run(CLEANUP, { postAfter: { ...main, state: main.state.replaceAll(id, theirs.id) } })
    expect(post.exitCode).toBe(0)
    expect(post.warnings).toHaveLength(1)
    expect(post.warnings[0]).toContain(`did not delete connection ${theirs.id} in sandbox "dev"`)
    expect(post.warnings[0]).toContain("it does not carry this run's marker")
    expect(ctx.emulator.requests('connections.delete')).toEqual([])
    expect((await leftIn(ctx.emulator)).sort()).toEqual([id, theirs.id].sort())
  })

  it.for([
    ['the marker of another run', { marker: 'aep-run:77.1.aaaaaaaaaaaa' }],
    ['another sandbox', { sandbox: 'prod' }],
    ['another name', { name: 'Zoho CRM production' }]
  ] as const)('a state set from outside naming %s: warned about, nothing sent', async ([, crafted], { ctx }) => {
    const main = await ctx.run(CLEANUP)
    const ours = recordOf(main)
    const theirs = ctx.emulator.seedConnection('dev', {
      name: NAME,
      description: 'Managed [aep-run:77.1.aaaaaaaaaaaa]'
    })
    const record = { ...ours, ids: [theirs.id], settled: true, ...crafted }
    // What an earlier step could write to GITHUB_ENV as STATE_connection-create.
    const state = `${CREATE_STATE}<<EOF\n${JSON.stringify(record)}\nEOF\n`
    const before = ctx.emulator.log.length
    const post = await ctx.run(CLEANUP, { postAfter: { ...main, state } })
    expect(post.exitCode).toBe(0)
    expect(post.warnings).toHaveLength(1)
    expect(post.warnings[0]).toContain('so this run did not save it; nothing is deleted')
    expect(ctx.emulator.log.length).toBe(before)
    expect(await leftIn(ctx.emulator)).toContain(theirs.id)
  })

  it('a proxy variable the post step cannot use: a warning, never a failed job', async ({ ctx }) => {
    const main = await ctx.run(CLEANUP)
    const id = main.outputs['connection-id'] ?? ''
    const post = await ctx.run(CLEANUP, {
      postAfter: main,
      env: { HTTPS_PROXY: 'http://[bad', HTTP_PROXY: 'http://[bad' }
    })
    expect(post.exitCode).toBe(0)
    expect(post.stderr).toBe('')
    expect(post.warnings).toHaveLength(1)
    expect(post.warnings[0]).toContain(`did not delete connection ${id}`)
  })

  it('nothing open and cleanup: none: the post step sends no request at all', async ({ ctx }) => {
    const main = await ctx.run()
    expect(recordOf(main)).toMatchObject({ settled: true })
    const before = ctx.emulator.log.length
    const post = await ctx.run({}, { postAfter: main, jobStatus: 'success' })
    expect(post.ran).toBe(true)
    expect(post.exitCode).toBe(0)
    expect(ctx.emulator.log.length).toBe(before)
  })
})
