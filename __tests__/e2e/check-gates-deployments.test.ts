import { describe, expect } from 'vitest'
import { NO_ZOHO, emulatorTest } from '../support/fixtures.ts'
import { retriedOutage } from '../support/http-client.ts'

const NAME = 'Zoho CRM base connection'
/** A deployment gate holds no Zoho secret at all. */
const GATE = { ...NO_ZOHO, mode: 'check' }

describe.concurrent('check: a read-only gate', () => {
  const it = emulatorTest()

  it('passes for an enabled connection that tests well, with zero writes and no Zoho call', async ({ ctx }) => {
    const existing = ctx.emulator.seedConnection('dev', { name: NAME })
    const run = await ctx.run(GATE)
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({
      'connection-id': existing.id,
      etag: existing.etag,
      state: 'enabled',
      result: 'found',
      created: 'false',
      verified: 'true',
      'zoho-api-domain': '',
      'zoho-accounts-url': ''
    })
    expect(ctx.emulator.writes()).toEqual([])
    expect(ctx.emulator.requests('zoho.token')).toEqual([])
    expect(ctx.emulator.requests('connections.test')).toHaveLength(1)
  })

  it('fails when the connection is missing, with an empty id', async ({ ctx }) => {
    const run = await ctx.run(GATE)
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toBe(
      'No connection named "Zoho CRM base connection" exists in sandbox "dev": run this action with mode: ensure first.'
    )
    expect(run.outputs['connection-id']).toBe('')
    expect(ctx.emulator.writes()).toEqual([])
  })

  it('fails when the connection is not enabled', async ({ ctx }) => {
    const existing = ctx.emulator.seedConnection('dev', { name: NAME, state: 'disabled' })
    const run = await ctx.run(GATE)
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toContain(`(id ${existing.id}) in sandbox "dev" is disabled, not enabled`)
    expect(run.outputs).toMatchObject({ 'connection-id': existing.id, state: 'disabled' })
  })

  it('fails when the test answers false, and still outputs the id', async ({ ctx }) => {
    const existing = ctx.emulator.seedConnection('dev', { name: NAME })
    ctx.emulator.testResult = false
    const run = await ctx.run(GATE)
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toContain('result: false')
    expect(run.outputs).toMatchObject({ 'connection-id': existing.id, verified: 'false' })
    expect(run.summary).toContain('Failed')
  })

  it('checks by connection-id instead of the name', async ({ ctx }) => {
    const existing = ctx.emulator.seedConnection('dev', { name: 'renamed by hand' })
    const run = await ctx.run({ ...GATE, 'connection-id': existing.id })
    expect(run.exitCode).toBe(0)
    expect(run.outputs['connection-id']).toBe(existing.id)
    expect(ctx.emulator.requests('connections.list')).toEqual([])
    expect(ctx.emulator.requests('connections.get')).toHaveLength(1)
  })

  it('refuses a connection-id of another source', async ({ ctx }) => {
    const other = ctx.emulator.seedConnection('dev', {
      name: 'S3',
      connectionSpec: { id: 'ecadc60c-7455-4d87-84dc-2a0e293d997b', version: '1.0' }
    })
    const run = await ctx.run({ ...GATE, 'connection-id': other.id })
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toContain('refusing to act on it')
  })

  it('verifies by exploring the tables, or not at all', async ({ ctx }) => {
    ctx.emulator.seedConnection('dev', { name: NAME })
    const explored = await ctx.run({ ...GATE, verify: 'explore' })
    expect(explored.outputs['verified']).toBe('true')
    expect(ctx.emulator.requests('connections.explore')[0]?.query).toBe('?objectType=root')
    const skipped = await ctx.run({ ...GATE, verify: 'none' })
    expect(skipped.outputs['verified']).toBe('skipped')
    expect(ctx.emulator.requests('connections.test')).toEqual([])
  })

  it('fails explore verification when the source cannot list tables', async ({ ctx }) => {
    const existing = ctx.emulator.seedConnection('dev', {
      name: NAME,
      auth: { specName: 'Basic Authentication', params: { ...ctx.emulator.validZohoParams(), refreshToken: 'revoked' } }
    })
    const run = await ctx.run({ ...GATE, verify: 'explore' })
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toContain(existing.id)
    expect(run.errors[0]).toContain('refused to explore the connection: HTTP 400')
    expect(run.outputs['verified']).toBe('false')
  })

  it('sends zero writes even when every read fails and is retried', async ({ ctx }) => {
    ctx.emulator.seedConnection('dev', { name: NAME })
    for (const route of ['sandboxes.list', 'spec.get', 'connections.list', 'connections.test'] as const) {
      ctx.emulator.inject(route, { kind: 'status', status: retriedOutage('read') })
    }
    const run = await ctx.run(GATE)
    expect(run.exitCode).toBe(0)
    expect(ctx.emulator.writes()).toEqual([])
  })
})
