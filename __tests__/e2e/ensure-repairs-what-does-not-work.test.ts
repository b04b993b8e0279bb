/**
 * on-existing: repair (the default): a healthy connection is reused at no extra cost; one whose
 * verification fails or whose shown params differ from the inputs gets its credentials replaced
 * (If-Match, one Zoho refresh) and is verified again. The `reason` output says why.
 */
import { describe, expect } from 'vitest'
import { Barrier, type Emulator } from '../emulator/emulator.ts'
import { emulatorTest } from '../support/fixtures.ts'

const NAME = 'Zoho CRM base connection'

/** The routes a run sent, in order, for the closing note and for exact assertions. */
function routes(emulator: Emulator): string[] {
  return emulator.log.map((entry) => entry.route)
}

describe.concurrent('ensure repairs a connection that exists but does not work', () => {
  const it = emulatorTest()

  it('reuses a healthy connection: no Zoho call, no write', async ({ ctx }) => {
    const existing = ctx.emulator.seedConnection('dev', { name: NAME })
    const run = await ctx.run()
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({
      'connection-id': existing.id,
      result: 'reused',
      verified: 'true',
      reason: 'its params match the inputs and its verification (test) passed'
    })
    expect(ctx.emulator.requests('zoho.token')).toEqual([])
    expect(ctx.emulator.writes()).toEqual([])
    expect(routes(ctx.emulator).sort()).toEqual(
      ['ims.token', 'sandboxes.list', 'spec.get', 'connections.list', 'connections.test'].sort()
    )
  })

  it.for([
    ['HTTP 503', { kind: 'status', status: 503 }],
    ['HTTP 429', { kind: 'status', status: 429, headers: { 'retry-after': '0' } }],
    ['a dropped connection', { kind: 'reset' }]
  ] as const)(
    'never rewrites a healthy connection whose test meets %s: fails, no Zoho call, no write',
    async ([_what, fault], { ctx }) => {
      const existing = ctx.emulator.seedConnection('dev', { name: NAME })
      ctx.emulator.inject('connections.test', fault, 4)
      const run = await ctx.run()
      expect(run.exitCode).toBe(1)
      expect(run.errors).toHaveLength(1)
      expect(run.errors[0]).toContain(existing.id)
      expect(run.outputs).toMatchObject({ 'connection-id': existing.id, result: '' })
      expect(ctx.emulator.requests('zoho.token')).toEqual([])
      expect(ctx.emulator.writes()).toEqual([])
    }
  )

  it('repairs one with no credentials (as after a sandbox-tooling import)', async ({ ctx }) => {
    const existing = ctx.emulator.seedConnection('dev', {
      name: NAME,
      auth: { specName: 'Basic Authentication', params: {} }
    })
    const etagBefore = existing.etag
    const run = await ctx.run()
    expect(run.errors).toEqual([])
    expect(run.outputs).toMatchObject({ 'connection-id': existing.id, result: 'repaired', verified: 'true' })
    // No param shown is unknown, not different: its failing test is what repairs it.
    expect(run.outputs['reason']).toBe(
      'its verification (test) failed: its test (GET /connections/{id}/test) answered result: false'
    )
    expect(run.summary).toContain('answered result&#58; false')
    expect(ctx.emulator.requests('zoho.token')).toHaveLength(1)
    const [patch] = ctx.emulator.requests('connections.patch')
    expect(patch?.headers['if-match']).toBe(etagBefore)
    expect(run.outputs['etag']).toBe(existing.etag)
    expect(ctx.emulator.connectionsIn('dev')[0]?.auth.params).toMatchObject({
      clientId: ctx.emulator.zoho.clientId,
      refreshToken: ctx.emulator.zoho.refreshToken
    })
    expect(ctx.emulator.connectionsIn('dev')).toHaveLength(1)
  })

  it('repairs one holding a stale refresh token: its verification failed', async ({ ctx }) => {
    const existing = ctx.emulator.seedConnection('dev', {
      name: NAME,
      auth: { specName: 'Basic Authentication', params: { ...ctx.emulator.validZohoParams(), refreshToken: 'rotated' } }
    })
    const run = await ctx.run()
    expect(run.errors).toEqual([])
    expect(run.outputs).toMatchObject({ 'connection-id': existing.id, result: 'repaired', verified: 'true' })
    expect(run.outputs['reason']).toBe(
      'its verification (test) failed: its test (GET /connections/{id}/test) answered result: false'
    )
    // Test, then the refresh and the PATCH, then the test again.
    expect(ctx.emulator.requests('connections.test')).toHaveLength(2)
    expect(ctx.emulator.requests('zoho.token')).toHaveLength(1)
    expect(ctx.emulator.requests('connections.patch')).toHaveLength(1)
  })

  it('repairs one pointed at the wrong data centre, naming stored and wanted endpoint', async ({ ctx }) => {
    const existing = ctx.emulator.seedConnection('dev', {
      name: NAME,
      auth: {
        specName: 'Basic Authentication',
        params: { ...ctx.emulator.validZohoParams(), endpoint: 'https://www.zohoapis.com' }
      }
    })
    const run = await ctx.run()
    expect(run.errors).toEqual([])
    expect(run.outputs).toMatchObject({ 'connection-id': existing.id, result: 'repaired', verified: 'true' })
    expect(run.outputs['reason']).toBe(`param endpoint is https://www.zohoapis.com, wanted ${ctx.emulator.url}`)
    // A differing param is reason enough: no test before the repair, one after.
    expect(ctx.emulator.requests('connections.test')).toHaveLength(1)
    expect(ctx.emulator.connectionsIn('dev')[0]?.auth.params['endpoint']).toBe(ctx.emulator.url)
  })

  it('never shows the value of a differing param that comes from a secret input', async ({ ctx }) => {
    ctx.emulator.seedConnection('dev', {
      name: NAME,
      auth: {
        specName: 'Basic Authentication',
        params: { ...ctx.emulator.validZohoParams(), clientId: '1000.SOMEONEELSESCLIENT' }
      }
    })
    const run = await ctx.run()
    expect(run.outputs['result']).toBe('repaired')
    expect(run.outputs['reason']).toBe(
      'param clientId differs from the input (values not shown: it comes from a secret input)'
    )
    expect(run.stdout).not.toContain('SOMEONEELSESCLIENT')
    expect(run.summary).not.toContain('SOMEONEELSESCLIENT')
  })

  it.for([
    ['no credentials', { params: {} }, 'its verification (test) failed'],
    ['a stale refresh token', { refreshToken: 'rotated' }, 'its verification (test) failed'],
    ['the wrong endpoint', { endpoint: 'https://www.zohoapis.com' }, 'param endpoint is https://www.zohoapis.com']
  ] as const)(
    'dry run with %s: would-repair and the same reason, nothing written, no Zoho call',
    async ([_what, change, reason], { ctx }) => {
      const params = 'params' in change ? change.params : { ...ctx.emulator.validZohoParams(), ...change }
      ctx.emulator.seedConnection('dev', { name: NAME, auth: { specName: 'Basic Authentication', params } })
      const run = await ctx.run({ 'dry-run': 'true' })
      expect(run.exitCode).toBe(0)
      expect(run.outputs['result']).toBe('would-repair')
      expect(run.outputs['reason']).toContain(reason)
      expect(run.summary).toContain('would-repair')
      expect(ctx.emulator.writes()).toEqual([])
      expect(ctx.emulator.requests('zoho.token')).toEqual([])
    }
  )

  it('writes nothing to Adobe when Zoho refuses the refresh', async ({ ctx }) => {
    ctx.emulator.seedConnection('dev', { name: NAME, auth: { specName: 'Basic Authentication', params: {} } })
    ctx.emulator.inject('zoho.token', { kind: 'status', status: 200, body: { error: 'invalid_code' } })
    const run = await ctx.run()
    expect(run.exitCode).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toContain('zoho-refresh-token')
    expect(ctx.emulator.writes()).toEqual([])
  })

  it('fails, naming the connection, when its verification still fails after the repair', async ({ ctx }) => {
    const existing = ctx.emulator.seedConnection('dev', { name: NAME })
    ctx.emulator.testResult = false
    const run = await ctx.run()
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toContain(`(id ${existing.id}) in sandbox "dev" was repaired, but its verification failed`)
    expect(run.outputs).toMatchObject({ 'connection-id': existing.id, result: 'repaired', verified: 'false' })
    expect(ctx.emulator.requests('connections.patch')).toHaveLength(1)
  })

  it('two runs repairing at once both end verified on the one connection', async ({ ctx }) => {
    const existing = ctx.emulator.seedConnection('dev', {
      name: NAME,
      auth: { specName: 'Basic Authentication', params: { ...ctx.emulator.validZohoParams(), refreshToken: 'old' } }
    })
    // Both read the same etag before either writes: one PATCH meets a stale etag and re-reads.
    ctx.emulator.inject('connections.patch', { kind: 'barrier', barrier: new Barrier(2) }, 2)
    const runs = await Promise.all([ctx.run(), ctx.run()])
    for (const run of runs) {
      expect(run.errors).toEqual([])
      expect(run.outputs).toMatchObject({ 'connection-id': existing.id, result: 'repaired', verified: 'true' })
    }
    expect(ctx.emulator.connectionsIn('dev')).toHaveLength(1)
    expect(
      ctx.emulator
        .requests('connections.patch')
        .map((p) => p.status)
        .sort()
    ).toEqual([200, 200, 412])
  })
})
