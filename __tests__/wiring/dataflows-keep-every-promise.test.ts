/**
 * What hangs off a connection, the whole action in-process against the emulator: every shape
 * Adobe leaves open (how last runs are reported, how a draft shows, whether an imported connection
 * arrives as a draft and what its params look like, whether a draft may be patched, next links without filters, dataflows hidden
 * by access labels) answered both ways, and the promises kept either way. The cases the issue
 * names run through the bundle too: `e2e/dataflows-gate-and-delete.test.ts`.
 */
import { describe, expect } from 'vitest'
import { CREATE_STATE } from '../../src/runner/create-record.ts'
import { ZOHO_SPEC_ID } from '../emulator/emulator.ts'
import type { ImportedParams, PipelineShapes } from '../emulator/pipeline.ts'
import { emulatorTest, NO_ZOHO } from '../support/fixtures.ts'

const NAME = 'Zoho CRM base connection'
const GATE = { ...NO_ZOHO, mode: 'check', dataflows: 'healthy' }
const LIST = { ...NO_ZOHO, mode: 'check', dataflows: 'list' }
const TEARDOWN = { ...NO_ZOHO, mode: 'delete' }

interface Listed {
  id: string
  name: string
  state: string
  lastRun: string
}
const listed = (outputs: Readonly<Record<string, string>>) => JSON.parse(outputs['dataflows'] ?? '') as Listed[]

describe.concurrent('last runs, however Adobe reports them', () => {
  const it = emulatorTest()
  const ways: [string, PipelineShapes][] = [
    ['on the flows (lastRunDetails)', {}],
    ['only in the runs', { lastRunsOnlyInRuns: true }],
    ['only in the runs, spelled Failed and Success', { lastRunsOnlyInRuns: true, runStatusCapitalised: true }]
  ]

  it.for(ways)(
    '%s: a failed last run fails the gate, a success after a failure and a never-run pass',
    async ([_way, shapes], { ctx }) => {
      Object.assign(ctx.emulator.shapes, shapes)
      const connection = ctx.emulator.seedConnection('dev', { name: NAME })
      const recovered = ctx.emulator.pipeline.seedDataflow('dev', connection.id, {
        name: 'recovered',
        runs: ['failed', 'success']
      })
      const never = ctx.emulator.pipeline.seedDataflow('dev', connection.id, { name: 'never ran' })
      const passing = await ctx.runInProcess(GATE)
      expect(passing.errors).toEqual([])
      expect(listed(passing.outputs).map((d) => [d.id, d.lastRun])).toEqual([
        [never.id, 'none'],
        [recovered.id, 'success']
      ])
      const broken = ctx.emulator.pipeline.seedDataflow('dev', connection.id, {
        name: 'broken',
        runs: ['success', 'failed']
      })
      ctx.emulator.pipeline.addRun('dev', broken.id, 'inProgress')
      const failing = await ctx.runInProcess(GATE)
      expect(failing.exitCode).toBe(1)
      expect(failing.errors[0]).toContain(`${broken.id} ("broken") its last run failed`)
      expect(failing.errors[0]).not.toContain(recovered.id)
      expect(ctx.emulator.writes()).toEqual([])
    }
  )
})

describe.concurrent('a draft, however it shows', () => {
  const it = emulatorTest()

  it.for(['draft', 'Draft', 'DRAFT'])('a dataflow shown as %s fails the gate', async (draftState, { ctx }) => {
    ctx.emulator.shapes.draftState = draftState
    const connection = ctx.emulator.seedConnection('dev', { name: NAME })
    const draft = ctx.emulator.pipeline.seedDataflow('dev', connection.id, { name: 'imported', state: 'draft' })
    const run = await ctx.runInProcess(GATE)
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toContain(`${draft.id} ("imported") is a draft (state ${draftState}), not enabled`)
  })

  const imports: [string, PipelineShapes][] = (
    ['absent', 'empty', 'placeholders', 'non-secret'] as ImportedParams[]
  ).flatMap((importedParams) =>
    ['draft', 'Draft'].map(
      (draftState) =>
        [`params ${importedParams}, shown as ${draftState}`, { importedParams, draftState }] as [string, PipelineShapes]
    )
  )

  it.for(imports)(
    'an imported connection with %s is repaired, then published; a dry run writes nothing',
    async ([_what, shapes], { ctx }) => {
      Object.assign(ctx.emulator.shapes, shapes)
      const imported = ctx.emulator.pipeline.seedImportedConnection('dev', { name: NAME })
      const dry = await ctx.runInProcess({ 'dry-run': 'true' })
      expect(dry.errors).toEqual([])
      expect(dry.outputs['result']).toBe('would-repair')
      expect(dry.outputs['reason']).toContain(
        'it is a draft, and would be published once its credentials are written and verified'
      )
      expect(ctx.emulator.writes()).toEqual([])
      const run = await ctx.runInProcess()
      expect(run.errors).toEqual([])
      expect(run.outputs).toMatchObject({
        'connection-id': imported.id,
        result: 'repaired',
        verified: 'true',
        state: 'enabled'
      })
      expect(ctx.emulator.writes().map((w) => w.route)).toEqual(['connections.patch', 'connections.publish'])
      // Published only once what was written passed its verification.
      const tests = ctx.emulator.requests('connections.test')
      const [publish] = ctx.emulator.requests('connections.publish')
      expect(tests.at(-1)?.endedAt).toBeLessThanOrEqual(publish?.startedAt ?? 0)
      expect(publish?.query).toBe('?op=publish')
      const again = await ctx.runInProcess()
      expect(again.outputs['result']).toBe('reused')
    }
  )

  it.for(['absent', 'empty', 'placeholders', 'non-secret'] as ImportedParams[])(
    'an imported connection that arrives enabled (params %s) is repaired, and nothing is published',
    async (importedParams, { ctx }) => {
      Object.assign(ctx.emulator.shapes, { importedParams, importedState: 'enabled' } satisfies PipelineShapes)
      const imported = ctx.emulator.pipeline.seedImportedConnection('dev', { name: NAME })
      const dry = await ctx.runInProcess({ 'dry-run': 'true' })
      expect(dry.errors).toEqual([])
      expect(dry.outputs['result']).toBe('would-repair')
      expect(dry.outputs['reason']).not.toContain('draft')
      expect(ctx.emulator.writes()).toEqual([])
      const run = await ctx.runInProcess()
      expect(run.errors).toEqual([])
      expect(run.outputs).toMatchObject({ 'connection-id': imported.id, result: 'repaired', verified: 'true' })
      expect(run.outputs['reason']).not.toContain('draft')
      expect(ctx.emulator.writes().map((w) => w.route)).toEqual(['connections.patch'])
      expect(imported.state).toBe('enabled')
    }
  )

  it('a draft Adobe will not let be patched stays a draft: the run fails with its reason, nothing published', async ({
    ctx
  }) => {
    ctx.emulator.shapes.draftPatchRefused = true
    const imported = ctx.emulator.pipeline.seedImportedConnection('dev', { name: NAME })
    const run = await ctx.runInProcess()
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toContain('refused to update the connection: HTTP 400 (1416-400)')
    expect(run.errors[0]).toContain('a draft, as sandbox tooling imports one, may be refused')
    expect(ctx.emulator.requests('connections.publish')).toEqual([])
    expect(imported.state).toBe('draft')
  })

  it("a refused publish fails with Adobe's reason", async ({ ctx }) => {
    const imported = ctx.emulator.pipeline.seedImportedConnection('dev', { name: NAME })
    ctx.emulator.inject('connections.publish', {
      kind: 'status',
      status: 400,
      body: {
        type: 'https://ns.adobe.com/aep/errors/FLOW-1401-400',
        title: 'Bad request',
        status: 400,
        errorMessage: 'The connection cannot be published yet'
      }
    })
    const run = await ctx.runInProcess()
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toContain(
      `(id ${imported.id}) in sandbox "dev" has its credentials written and verified, but Adobe refused to publish the draft, so it stays a draft (not enabled)`
    )
    expect(run.errors[0]).toContain('The connection cannot be published yet')
    expect(run.outputs['connection-id']).toBe(imported.id)
  })

  it('check fails on a draft, saying how to publish it', async ({ ctx }) => {
    ctx.emulator.pipeline.seedImportedConnection('dev', { name: NAME })
    const run = await ctx.runInProcess({ ...NO_ZOHO, mode: 'check' })
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toContain(
      'is draft, not enabled: it is a draft (as sandbox tooling imports one); run this action with mode: ensure'
    )
  })
})

describe.concurrent('listing, paging and permissions', () => {
  const it = emulatorTest({ pageSize: 2 })

  it('follows every page with the filters kept, also when next links drop them', async ({ ctx }) => {
    ctx.emulator.shapes.nextLinksDropFilters = true
    const connection = ctx.emulator.seedConnection('dev', { name: NAME })
    const other = ctx.emulator.seedConnection('dev', { name: 'other' })
    const ours = Array.from({ length: 5 }, (_, i) =>
      ctx.emulator.pipeline.seedDataflow('dev', connection.id, { name: `ours ${i}`, runs: ['success'] })
    )
    for (let i = 0; i < 3; i++) ctx.emulator.pipeline.seedDataflow('dev', other.id, { name: `theirs ${i}` })
    const run = await ctx.runInProcess(LIST)
    expect(run.errors).toEqual([])
    expect(listed(run.outputs).map((d) => d.id)).toEqual(ours.map((d) => d.id))
    const pages = ctx.emulator.requests('sourceConnections.list')
    expect(pages.length).toBe(3)
    for (const page of pages)
      expect(decodeURIComponent(page.query)).toContain(`property=baseConnectionId==${connection.id}`)
    for (const page of ctx.emulator.requests('flows.list'))
      expect(decodeURIComponent(page.query)).toContain('property=sourceConnectionIds[]==')
  })

  it('a dataflow hidden by access labels is not listed, yet its connection is not deleted', async ({ ctx }) => {
    const connection = ctx.emulator.seedConnection('dev', { name: NAME })
    ctx.emulator.pipeline.seedDataflow('dev', connection.id, { name: 'labelled', hidden: true })
    const list = await ctx.runInProcess(LIST)
    expect(list.outputs['dataflows']).toBe('[]')
    const teardown = await ctx.runInProcess(TEARDOWN)
    expect(teardown.exitCode).toBe(1)
    expect(teardown.errors[0]).toContain(
      `Could not delete connection ${connection.id} in sandbox "dev": Adobe refuses to delete it because dataflows use it (FLOW 1418-400), though none is listed for this credential`
    )
    expect(ctx.emulator.connectionsIn('dev')).toHaveLength(1)
  })

  it('a forbidden read fails check, ensure and delete alike, and delete sends no DELETE', async ({ ctx }) => {
    ctx.emulator.shapes.dataflowReadForbidden = true
    const connection = ctx.emulator.seedConnection('dev', { name: NAME })
    for (const inputs of [LIST, { dataflows: 'healthy' }, TEARDOWN]) {
      const run = await ctx.runInProcess(inputs)
      expect(run.exitCode).toBe(1)
      expect(run.errors[0]).toContain(
        `Could not read the dataflows that use connection ${connection.id} in sandbox "dev"`
      )
      expect(run.errors[0]).toContain('Reading them needs the View Sources permission')
      expect(run.outputs['dataflows']).toBe('')
    }
    expect(ctx.emulator.requests('connections.delete')).toEqual([])
  })

  it('dataflow messages speak of no source', async ({ ctx }) => {
    const connection = ctx.emulator.seedConnection('dev', { name: 'Plain name' })
    ctx.emulator.pipeline.seedDataflow('dev', connection.id, { name: 'A flow', state: 'disabled' })
    const gate = await ctx.runInProcess({ ...GATE, 'connection-name': 'Plain name' })
    const teardown = await ctx.runInProcess({ ...TEARDOWN, 'connection-name': 'Plain name' })
    for (const run of [gate, teardown]) {
      expect(run.exitCode).toBe(1)
      expect(run.errors[0]).not.toMatch(/zoho/i)
    }
  })

  it('the post step names the dataflows that keep it from cleaning up', async ({ ctx }) => {
    const marker = 'aep-run:1.1.0123456789ab'
    const made = ctx.emulator.seedConnection('dev', { name: NAME, description: `x [${marker}]` })
    const flow = ctx.emulator.pipeline.seedDataflow('dev', made.id, { name: 'Made in the job' })
    const state = `${CREATE_STATE}=${JSON.stringify({ marker, name: NAME, sandbox: 'dev', specId: ZOHO_SPEC_ID, ids: [made.id], settled: true })}\n`
    const post = await ctx.runInProcess({ cleanup: 'created' }, { postWithState: state })
    expect(post.exitCode).toBe(0)
    expect(post.warnings).toEqual([
      expect.stringContaining(
        `cleanup: created did not delete connection ${made.id} in sandbox "dev": 1 dataflow uses it: ${flow.id} ("Made in the job"); delete it first`
      )
    ])
    expect(ctx.emulator.connectionsIn('dev')).toHaveLength(1)
  })
})
