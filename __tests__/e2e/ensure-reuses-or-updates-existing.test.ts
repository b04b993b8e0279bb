import { describe, expect } from 'vitest'
import { emulatorTest } from '../support/fixtures.ts'

const NAME = 'Zoho CRM base connection'

describe.concurrent('ensure when the name exists', () => {
  const it = emulatorTest()

  it('reuses it by default: no write, no Zoho call, same id', async ({ ctx }) => {
    const existing = ctx.emulator.seedConnection('dev', { name: NAME })
    const run = await ctx.run()
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({
      'connection-id': existing.id,
      etag: existing.etag,
      state: 'enabled',
      result: 'reused',
      created: 'false',
      verified: 'true'
    })
    expect(ctx.emulator.writes()).toEqual([])
    expect(ctx.emulator.requests('zoho.token')).toEqual([])
  })

  it('converges on the oldest of several with the same name and warns with the others', async ({ ctx }) => {
    const oldest = ctx.emulator.seedConnection('dev', { name: NAME, createdAt: 1000 })
    const newer = ctx.emulator.seedConnection('dev', { name: NAME, createdAt: 2000 })
    const tie = ctx.emulator.seedConnection('dev', { name: NAME, createdAt: 2000 })
    const run = await ctx.run()
    expect(run.outputs['connection-id']).toBe(oldest.id)
    expect(run.warnings.join('\n')).toContain(newer.id)
    expect(run.warnings.join('\n')).toContain(tie.id)
    expect(ctx.emulator.writes()).toEqual([])
  })

  it('fails with on-existing: fail, naming the id, and writes nothing', async ({ ctx }) => {
    const existing = ctx.emulator.seedConnection('dev', { name: NAME })
    const run = await ctx.run({ 'on-existing': 'fail' })
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toContain(`already exists`)
    expect(run.errors[0]).toContain(existing.id)
    expect(run.outputs['connection-id']).toBe(existing.id)
    expect(ctx.emulator.writes()).toEqual([])
  })

  it('updates the credentials and description with If-Match, after one Zoho refresh', async ({ ctx }) => {
    const existing = ctx.emulator.seedConnection('dev', {
      name: NAME,
      auth: {
        specName: 'Basic Authentication',
        params: { ...ctx.emulator.validZohoParams(), clientSecret: 'rotated-away' }
      }
    })
    const before = existing.etag
    const run = await ctx.run({ 'on-existing': 'update' })
    expect(run.exitCode).toBe(0)
    const [patch] = ctx.emulator.requests('connections.patch')
    expect(patch?.headers['if-match']).toBe(before)
    const instructions = JSON.parse(patch?.body ?? '[]') as { op: string; path: string }[]
    expect(instructions.map((i) => `${i.op} ${i.path}`)).toEqual(['replace /auth/params', 'replace /description'])
    expect(ctx.emulator.connectionsIn('dev')[0]?.auth.params['clientSecret']).toBe(ctx.emulator.zoho.clientSecret)
    expect(run.outputs).toMatchObject({ result: 'updated', created: 'false', verified: 'true', etag: existing.etag })
    expect(run.outputs['etag']).not.toBe(before)
    expect(ctx.emulator.requests('zoho.token')).toHaveLength(1)
  })

  it('re-reads a stale etag once and retries the update', async ({ ctx }) => {
    const existing = ctx.emulator.seedConnection('dev', { name: NAME })
    ctx.emulator.inject('connections.patch', {
      kind: 'status',
      status: 412,
      body: {
        type: 'https://ns.adobe.com/aep/errors/FLOW-1404-412',
        title: 'Version not matching',
        status: 412,
        report: { 'request-id': 'r' }
      }
    })
    const run = await ctx.run({ 'on-existing': 'update' })
    expect(run.exitCode).toBe(0)
    expect(ctx.emulator.requests('connections.patch')).toHaveLength(2)
    // One re-read for the fresh etag, one read-back of what the update wrote.
    expect(ctx.emulator.requests('connections.get')).toHaveLength(2)
    expect(run.outputs['result']).toBe('updated')
    expect(run.outputs['connection-id']).toBe(existing.id)
  })

  it('gives up after a second stale etag, saying what exists', async ({ ctx }) => {
    ctx.emulator.seedConnection('dev', { name: NAME })
    ctx.emulator.inject('connections.patch', { kind: 'status', status: 412 }, 2)
    const run = await ctx.run({ 'on-existing': 'update' })
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toContain('exists unchanged')
    expect(run.errors[0]).toContain('refused to update the connection: HTTP 412')
    expect(ctx.emulator.requests('connections.patch')).toHaveLength(2)
  })

  it('still outputs the id when the reused connection fails its test', async ({ ctx }) => {
    const existing = ctx.emulator.seedConnection('dev', { name: NAME })
    ctx.emulator.testResult = false
    const run = await ctx.run({ 'on-existing': 'reuse' })
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toContain(`(id ${existing.id})`)
    expect(run.errors[0]).toContain('verification failed')
    expect(run.outputs).toMatchObject({ 'connection-id': existing.id, verified: 'false', result: 'reused' })
  })
})
