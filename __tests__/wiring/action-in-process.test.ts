/**
 * The whole action in-process, as `node dist/index.js` would run it but without spawning: the
 * same `INPUT_*` variables and runner files, against the emulator. Fast, and it lets coverage see
 * src/ (the end-to-end suite proves the same through the bundle).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CREATE_STATE } from '../../src/create-record.ts'
import { run } from '../../src/main.ts'
import { runPost } from '../../src/post-main.ts'
import { runnerStdout } from '../../src/workflow-commands.ts'
import { Emulator, ZOHO_SPEC_ID } from '../emulator/emulator.ts'
import { inputsFor, NO_ZOHO } from '../support/fixtures.ts'
import { actionYaml, inputVariable, parseFileCommand } from '../support/run-action.ts'

const NAME = 'Zoho CRM base connection'
let emulator: Emulator
let dir: string
const saved = { ...process.env }

beforeEach(async () => {
  emulator = await new Emulator().start()
  dir = await mkdtemp(join(tmpdir(), 'in-process-'))
})

afterEach(async () => {
  await emulator.stop()
  await rm(dir, { recursive: true, force: true })
  process.env = { ...saved }
  process.exitCode = 0
})

/** Sets the environment the runner gives a step, runs `step`, and reads back what it wrote. */
async function asRunner(overrides: Record<string, string>, step: () => Promise<void>, state = '') {
  const files = { GITHUB_OUTPUT: 'output', GITHUB_STATE: 'state', GITHUB_STEP_SUMMARY: 'summary' }
  const env: Record<string, string> = { ...saved, GITHUB_REPOSITORY: 'octo-org/data-platform', GITHUB_RUN_ID: '9' }
  for (const [name, file] of Object.entries(files)) {
    env[name] = join(dir, file)
    await writeFile(join(dir, file), '')
  }
  for (const [name, spec] of Object.entries(actionYaml.inputs)) {
    if (spec.default !== undefined) env[inputVariable(name)] = String(spec.default)
  }
  for (const [name, value] of Object.entries(inputsFor(emulator, overrides))) env[inputVariable(name)] = value
  for (const [name, value] of Object.entries(parseFileCommand(state))) env[`STATE_${name}`] = value
  process.env = env
  process.exitCode = 0
  const writes: string[] = []
  const write = process.stdout.write.bind(process.stdout)
  const direct = runnerStdout.write.bind(runnerStdout)
  process.stdout.write = (chunk: string) => (writes.push(String(chunk)), true)
  runnerStdout.write = (text: string) => void writes.push(text)
  try {
    await step()
  } finally {
    process.stdout.write = write
    runnerStdout.write = direct
  }
  const read = (file: string) => readFile(join(dir, file), 'utf8')
  const exitCode = process.exitCode
  process.exitCode = 0
  return {
    exitCode,
    stdout: writes.join(''),
    outputs: parseFileCommand(await read('output')),
    state: await read('state'),
    summary: await read('summary')
  }
}

describe('the action in-process', () => {
  it('creates, reuses, repairs, checks and deletes', async () => {
    const created = await asRunner({}, run)
    expect(created.exitCode).toBe(0)
    expect(created.outputs).toMatchObject({ result: 'created', created: 'true' })
    const reused = await asRunner({}, run)
    expect(reused.outputs).toMatchObject({ result: 'reused', 'connection-id': created.outputs['connection-id'] })
    const stored = emulator.connectionsIn('dev')[0]
    if (stored) stored.auth.params = {}
    const repaired = await asRunner({}, run)
    expect(repaired.outputs).toMatchObject({ result: 'repaired', verified: 'true' })
    const checked = await asRunner({ ...NO_ZOHO, mode: 'check', verify: 'explore', 'verify-tables': 'Leads' }, run)
    expect(checked.outputs).toMatchObject({ result: 'found', verified: 'true' })
    expect(JSON.parse(checked.outputs['tables'] ?? '[]')).toContain('Leads')
    const dry = await asRunner({ ...NO_ZOHO, mode: 'delete', 'dry-run': 'true' }, run)
    expect(dry.outputs['result']).toBe('would-delete')
    const deleted = await asRunner({ ...NO_ZOHO, mode: 'delete' }, run)
    expect(deleted.outputs).toMatchObject({ result: 'deleted', 'deleted-ids': created.outputs['connection-id'] })
    expect(emulator.connectionsIn('dev')).toEqual([])
  })

  it('updates, fails on an existing name in create mode and with on-existing fail', async () => {
    emulator.seedConnection('dev', { name: NAME })
    expect((await asRunner({ 'on-existing': 'update' }, run)).outputs['result']).toBe('updated')
    const create = await asRunner({ mode: 'create' }, run)
    expect(create.exitCode).toBe(1)
    expect(create.stdout).toContain('create mode never makes a second one')
    const fail = await asRunner({ 'on-existing': 'fail' }, run)
    expect(fail.exitCode).toBe(1)
    expect(fail.outputs['reason']).toContain('on-existing is fail')
  })

  it('creates in create mode with the Zoho refresh beside the IMS exchange, and cleans up after', async () => {
    const main = await asRunner({ mode: 'create', cleanup: 'created', 'adobe-access-token': '' }, run)
    expect(main.outputs).toMatchObject({ result: 'created', created: 'true' })
    const post = await asRunner({ mode: 'create', cleanup: 'created' }, runPost, main.state)
    expect(post.exitCode).toBe(0)
    expect(emulator.connectionsIn('dev')).toEqual([])
  })

  it('settles a lost answer, and lists the problems of bad inputs in the summary', async () => {
    emulator.listLagMs = 300
    emulator.inject('connections.create', { kind: 'late-commit', commitAfterMs: 200, status: 504 })
    const settled = await asRunner({}, run)
    expect(settled.outputs).toMatchObject({ result: 'created', created: 'true' })
    await emulator.settled()
    expect(emulator.connectionsIn('dev')).toHaveLength(1)
    const bad = await asRunner({ sandbox: 'Not Valid' }, run)
    expect(bad.exitCode).toBe(1)
    expect(bad.summary).toContain('sandbox')
  })

  it('fails clearly when Platform cannot be reached, and when the sandbox is unknown', async () => {
    const unreachable = await asRunner({ 'adobe-platform-url': 'http://127.0.0.1:9', 'max-attempts': '1' }, run)
    expect(unreachable.exitCode).toBe(1)
    expect(unreachable.stdout).toContain('adobe-platform-url')
    const unknown = await asRunner({ sandbox: 'nowhere' }, run)
    expect(unknown.exitCode).toBe(1)
    expect(unknown.stdout).toContain('is not one of the sandboxes')
  })

  it('post step: nothing to do, a forged state, a connection in use, one already gone, one not its own', async () => {
    const marker = 'aep-zoho-run:9.1.0123456789ab'
    const stateNaming = (id: string) =>
      `${CREATE_STATE}=${JSON.stringify({ marker, name: NAME, sandbox: 'dev', specId: ZOHO_SPEC_ID, ids: [id], settled: true })}\n`
    const none = await asRunner({ cleanup: 'created' }, runPost)
    expect(none.stdout).toContain('nothing to delete')
    const forged = await asRunner({ cleanup: 'created' }, runPost, `${CREATE_STATE}={"ids":["../../x"]}\n`)
    expect(forged.stdout).toContain('the saved state is not one this action wrote, so nothing is deleted')
    const inUse = emulator.seedConnection('dev', { name: NAME, usedByFlows: 1, description: `x [${marker}]` })
    const busy = await asRunner({ cleanup: 'created' }, runPost, stateNaming(inUse.id))
    expect(busy.exitCode).toBe(0)
    expect(busy.stdout).toContain(`::warning::cleanup: created did not delete connection ${inUse.id}`)
    const gone = await asRunner({ cleanup: 'created' }, runPost, stateNaming('2484f2df-c057-4ab5-84f2-dfc0577ab592'))
    expect(gone.stdout).toContain('already gone')
    const theirs = emulator.seedConnection('dev', { name: NAME, description: 'x [aep-zoho-run:8.1.ffffffffffff]' })
    const foreign = await asRunner({ cleanup: 'created' }, runPost, stateNaming(theirs.id))
    expect(foreign.exitCode).toBe(0)
    expect(foreign.stdout).toContain(
      `did not delete connection ${theirs.id} in sandbox "dev": it does not carry this run's marker`
    )
    expect(
      emulator
        .connectionsIn('dev')
        .map((c) => c.id)
        .sort()
    ).toEqual([inUse.id, theirs.id].sort())
    expect(emulator.requests('connections.delete').map((r) => r.path.split('/').pop())).toEqual([inUse.id])
  })

  it('follows every page, converges on the oldest of several, and acts on a connection-id', async () => {
    const many = new Emulator({ pageSize: 2 })
    await emulator.stop()
    emulator = await many.start()
    const oldest = emulator.seedConnection('dev', { name: NAME })
    for (let i = 0; i < 4; i++) emulator.seedConnection('dev', { name: i % 2 ? NAME : 'other' })
    const ensure = await asRunner({}, run)
    expect(ensure.outputs['connection-id']).toBe(oldest.id)
    expect(ensure.stdout).toContain('::warning::3 connections are named')
    const byId = await asRunner({ ...NO_ZOHO, mode: 'check', 'connection-id': oldest.id }, run)
    expect(byId.outputs).toMatchObject({ result: 'found', 'connection-id': oldest.id })
    const foreign = emulator.seedConnection('dev', {
      name: 'x',
      connectionSpec: { id: 'another-spec', version: '1.0' }
    })
    const refused = await asRunner({ ...NO_ZOHO, mode: 'delete', 'connection-id': foreign.id }, run)
    expect(refused.exitCode).toBe(1)
    expect(refused.stdout).toContain('refusing to act on it')
    const busy = emulator.seedConnection('dev', { name: 'busy', usedByFlows: 1 })
    const failed = await asRunner({ ...NO_ZOHO, mode: 'delete', 'connection-name': 'busy' }, run)
    expect(failed.exitCode).toBe(1)
    expect(failed.stdout).toContain(`Could not delete connection ${busy.id}`)
  })
})
