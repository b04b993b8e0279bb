/**
 * What hangs off a connection, through the bundle as the runner runs it: `dataflows: list` across
 * pages, the `dataflows: healthy` gate, a forbidden dataflow read, a delete blocked by dataflows
 * (dry run and a dataflow created meanwhile included) or not, and a draft imported by sandbox
 * tooling, repaired and then published. The open shapes, both ways, run in-process:
 * `wiring/dataflows-keep-every-promise.test.ts`.
 */
import { describe, expect } from 'vitest'
import { emulatorTest, NO_ZOHO } from '../support/fixtures.ts'
import { readSummary } from '../support/summary.ts'

const NAME = 'Zoho CRM base connection'
const GATE = { ...NO_ZOHO, mode: 'check', dataflows: 'healthy' }
const TEARDOWN = { ...NO_ZOHO, mode: 'delete' }

interface Listed {
  id: string
  name: string
  state: string
  lastRun: string
}
const listed = (outputs: Readonly<Record<string, string>>) => JSON.parse(outputs['dataflows'] ?? '') as Listed[]

describe.concurrent('dataflows: list and healthy', () => {
  const it = emulatorTest({ pageSize: 2 })

  it('lists every dataflow across pages, with its state and last run, in the output and the summary', async ({
    ctx
  }) => {
    const connection = ctx.emulator.seedConnection('dev', { name: NAME })
    const { pipeline } = ctx.emulator
    const flows = [
      pipeline.seedDataflow('dev', connection.id, { name: 'a contacts', runs: ['success'] }),
      pipeline.seedDataflow('dev', connection.id, { name: 'b leads', state: 'disabled', runs: ['failed'] }),
      pipeline.seedDataflow('dev', connection.id, { name: 'c deals' })
    ]
    // Two dataflows on one source connection, and one on another base connection.
    pipeline.seedDataflow('dev', connection.id, {
      name: 'd accounts',
      sourceConnectionId: flows[0]?.sourceConnectionIds[0] ?? ''
    })
    pipeline.seedDataflow('dev', ctx.emulator.seedConnection('dev', { name: 'other' }).id, { name: 'elsewhere' })
    const run = await ctx.run({ ...NO_ZOHO, mode: 'check', dataflows: 'list' })
    expect(run.errors).toEqual([])
    expect(listed(run.outputs).map(({ name, state, lastRun }) => [name, state, lastRun])).toEqual([
      ['a contacts', 'enabled', 'success'],
      ['b leads', 'disabled', 'failed'],
      ['c deals', 'enabled', 'none'],
      ['d accounts', 'enabled', 'none']
    ])
    expect(ctx.emulator.requests('sourceConnections.list')).toHaveLength(2)
    expect(ctx.emulator.requests('flows.list')).toHaveLength(2)
    expect(readSummary(run.summary).rows['Dataflows']).toBe(
      '4: 3 enabled, 1 disabled; last runs: 1 success, 1 failed, 2 none'
    )
    expect(run.summary).toContain('b leads')
    expect(ctx.emulator.writes()).toEqual([])
  })

  it('healthy passes when every dataflow is enabled and none failed its last run; a never-run one too', async ({
    ctx
  }) => {
    const connection = ctx.emulator.seedConnection('dev', { name: NAME })
    ctx.emulator.pipeline.seedDataflow('dev', connection.id, { runs: ['failed', 'success'] })
    ctx.emulator.pipeline.seedDataflow('dev', connection.id)
    const run = await ctx.run(GATE)
    expect(run.exitCode).toBe(0)
    expect(run.outputs['result']).toBe('found')
    expect(listed(run.outputs)).toHaveLength(2)
    expect(run.summary).toContain('healthy gate passes')
  })

  it('healthy fails on a disabled dataflow, naming it', async ({ ctx }) => {
    const connection = ctx.emulator.seedConnection('dev', { name: NAME })
    const disabled = ctx.emulator.pipeline.seedDataflow('dev', connection.id, {
      name: 'Leads',
      state: 'disabled',
      runs: ['success']
    })
    const run = await ctx.run(GATE)
    expect(run.exitCode).toBe(1)
    expect(run.errors).toEqual([
      expect.stringContaining(
        `1 of 1 dataflow that use the connection "${NAME}" (id ${connection.id}) in sandbox "dev" is not healthy (dataflows: healthy): ${disabled.id} ("Leads") is disabled, not enabled.`
      )
    ])
    expect(run.outputs['connection-id']).toBe(connection.id)
    expect(listed(run.outputs)[0]).toMatchObject({ id: disabled.id, state: 'disabled' })
  })

  it('healthy fails on a dataflow whose last run failed, naming it', async ({ ctx }) => {
    const connection = ctx.emulator.seedConnection('dev', { name: NAME })
    ctx.emulator.pipeline.seedDataflow('dev', connection.id, { name: 'fine', runs: ['success'] })
    const failing = ctx.emulator.pipeline.seedDataflow('dev', connection.id, {
      name: 'Contacts',
      runs: ['success', 'failed']
    })
    const run = await ctx.run(GATE)
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toContain(`1 of 2 dataflows`)
    expect(run.errors[0]).toContain(`${failing.id} ("Contacts") its last run failed`)
    expect(run.outputs['reason']).toBe(run.errors[0])
  })

  it('healthy passes with no dataflow at all, and says so', async ({ ctx }) => {
    ctx.emulator.seedConnection('dev', { name: NAME })
    const run = await ctx.run(GATE)
    expect(run.exitCode).toBe(0)
    expect(run.outputs['dataflows']).toBe('[]')
    expect(run.stdout).toContain('No dataflow uses the connection')
    expect(readSummary(run.summary).items.join('\n')).toContain('the dataflows: healthy gate passes')
    expect(ctx.emulator.requests('flows.list')).toEqual([])
  })

  it('a forbidden dataflow read fails the run with what to grant, never as no dataflows', async ({ ctx }) => {
    ctx.emulator.shapes.dataflowReadForbidden = true
    const connection = ctx.emulator.seedConnection('dev', { name: NAME })
    const run = await ctx.run(GATE)
    expect(run.exitCode).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toContain(
      `Could not read the dataflows that use connection ${connection.id} in sandbox "dev", so dataflows: healthy cannot report them (a failed read is never taken for "no dataflows"): Adobe's Flow Service API refused to list the source connections of the connection: HTTP 403 (2120-403)`
    )
    expect(run.errors[0]).toContain('Reading them needs the View Sources permission in sandbox "dev"')
    expect(run.outputs['dataflows']).toBe('')
    expect(run.stdout).not.toContain('No dataflow uses')
  })
})

describe.concurrent('delete reads the dataflows first', () => {
  const it = emulatorTest()

  it('sends no DELETE while dataflows use the connection, and names them', async ({ ctx }) => {
    const connection = ctx.emulator.seedConnection('dev', { name: NAME })
    const flow = ctx.emulator.pipeline.seedDataflow('dev', connection.id, { name: 'Contacts daily' })
    const run = await ctx.run(TEARDOWN)
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toBe(
      `Not deleting connection ${connection.id} in sandbox "dev": 1 dataflow uses it: ${flow.id} ("Contacts daily"); delete it first (Adobe refuses to delete a base connection that dataflows use; this action never deletes a dataflow). Then rerun; nothing was deleted.`
    )
    expect(ctx.emulator.requests('connections.delete')).toEqual([])
    expect(ctx.emulator.writes()).toEqual([])
    expect(run.outputs).toMatchObject({ 'connection-id': connection.id, 'deleted-ids': '' })
  })

  it('gives the same verdict in a dry run', async ({ ctx }) => {
    const connection = ctx.emulator.seedConnection('dev', { name: NAME })
    const flow = ctx.emulator.pipeline.seedDataflow('dev', connection.id, { name: 'Contacts daily' })
    const run = await ctx.run({ ...TEARDOWN, 'dry-run': 'true' })
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toContain(
      `Dry run: would not delete connection ${connection.id} in sandbox "dev": 1 dataflow uses it: ${flow.id} ("Contacts daily")`
    )
    expect(ctx.emulator.writes()).toEqual([])
  })

  it('names a dataflow created meanwhile when Adobe refuses the DELETE (1418-400)', async ({ ctx }) => {
    const connection = ctx.emulator.seedConnection('dev', { name: NAME })
    let meanwhile: { id: string } | undefined
    // Created once the run has read the dataflows (none), before its DELETE.
    void ctx.emulator.whenRequested('sourceConnections.list').then(() => {
      meanwhile = ctx.emulator.pipeline.seedDataflow('dev', connection.id, { name: 'Created meanwhile' })
    })
    const run = await ctx.run(TEARDOWN)
    expect(run.exitCode).toBe(1)
    expect(ctx.emulator.requests('connections.delete')).toHaveLength(1)
    expect(run.errors[0]).toContain(
      `Could not delete connection ${connection.id} in sandbox "dev": 1 dataflow uses it: ${meanwhile?.id} ("Created meanwhile"); delete it first (Adobe refuses to delete a base connection that dataflows use; this action never deletes a dataflow)`
    )
    expect(run.errors[0]).toMatch(/Adobe request id emu-\d+/)
    expect(ctx.emulator.connectionsIn('dev')).toHaveLength(1)
  })

  it('deletes a connection no dataflow uses, after reading them', async ({ ctx }) => {
    const connection = ctx.emulator.seedConnection('dev', { name: NAME })
    ctx.emulator.pipeline.seedSourceConnection('dev', connection.id)
    const run = await ctx.run(TEARDOWN)
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ result: 'deleted', 'deleted-ids': connection.id, dataflows: '' })
    const routes = ctx.emulator.log.map((entry) => entry.route)
    expect(routes.indexOf('flows.list')).toBeLessThan(routes.indexOf('connections.delete'))
    expect(ctx.emulator.connectionsIn('dev')).toEqual([])
  })
})

describe.concurrent('a draft that sandbox tooling imported', () => {
  const it = emulatorTest()

  it('is repaired, then published', async ({ ctx }) => {
    const imported = ctx.emulator.pipeline.seedImportedConnection('dev', { name: NAME })
    const run = await ctx.run()
    expect(run.errors).toEqual([])
    expect(run.outputs).toMatchObject({
      'connection-id': imported.id,
      result: 'repaired',
      verified: 'true',
      state: 'enabled'
    })
    expect(run.outputs['reason']).toBe(
      'its verification (test) failed: its test (GET /connections/{id}/test) answered result: false; it was a draft: published once its credentials were written and verified'
    )
    expect(ctx.emulator.writes().map((w) => w.route)).toEqual(['connections.patch', 'connections.publish'])
    expect(ctx.emulator.requests('zoho.token')).toHaveLength(1)
    expect(imported.state).toBe('enabled')
  })

  it('in a dry run: would-repair, and nothing written', async ({ ctx }) => {
    const imported = ctx.emulator.pipeline.seedImportedConnection('dev', { name: NAME })
    const run = await ctx.run({ 'dry-run': 'true' })
    expect(run.errors).toEqual([])
    expect(run.outputs).toMatchObject({ 'connection-id': imported.id, result: 'would-repair', state: 'draft' })
    expect(run.outputs['reason']).toContain(
      'it is a draft, and would be published once its credentials are written and verified'
    )
    expect(ctx.emulator.writes()).toEqual([])
    expect(ctx.emulator.requests('zoho.token')).toEqual([])
    expect(imported.state).toBe('draft')
  })
})
