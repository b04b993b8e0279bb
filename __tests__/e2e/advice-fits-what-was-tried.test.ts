/**
 * Advice that fits what the run tried, and a create resent at once when the gateway proves it
 * never passed (contract: What Adobe leaves undocumented; Adobe answers late and lists late;
 * the Zoho bullet of Behaviour users rely on), through the bundle.
 */
import { appendFileSync } from 'node:fs'
import { describe, expect } from 'vitest'
import { emulatorTest } from '../support/fixtures.ts'

const it = emulatorTest()

function figures(name: string, facts: Record<string, unknown>): void {
  const file = process.env['SHARED_FIGURES']
  if (file) appendFileSync(file, `${JSON.stringify({ name, ...facts })}\n`)
}

describe.concurrent('what the run says when Adobe refuses it', () => {
  it('a 401 that outlives the token the run minted names the credential, never "pass adobe-client-secret"', async ({
    ctx
  }) => {
    // The gateway refuses every token, the fresh one the run mints after the first 401 too.
    ctx.emulator.shapes.tokenLimit = { uses: 0, status: 401 }
    const run = await ctx.run()
    expect(run.exitCode).toBe(1)
    expect(ctx.emulator.requests('ims.token')).toHaveLength(2)
    expect(run.errors[0]).toContain('HTTP 401 (401013)')
    expect(run.errors[0]).toContain(
      'Adobe IMS issued this run a fresh access token, and the gateway still refused it, so the credential may no longer be allowed to use the API'
    )
    expect(run.errors[0]).not.toContain('adobe-client-secret')
    expect(ctx.emulator.writes()).toEqual([])
    figures('a lasting 401 after a minted token', { exit: run.exitCode, message: run.errors[0] })
  })

  it("a gateway 403011 Scope mismatch names the credential's APIs and adobe-scopes, not product-profile permissions", async ({
    ctx
  }) => {
    ctx.emulator.inject('spec.get', {
      kind: 'status',
      status: 403,
      body: { error_code: '403011', message: 'Scope mismatch' }
    })
    const run = await ctx.run()
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toContain('HTTP 403 (403011): Scope mismatch')
    expect(run.errors[0]).toContain('adobe-scopes')
    expect(run.errors[0]).toContain(
      "the credential's Developer Console project must include the Experience Platform API"
    )
    expect(run.errors[0]).not.toContain('product profile')
    expect(ctx.emulator.writes()).toEqual([])
    figures('a gateway 403011', { exit: run.exitCode, message: run.errors[0] })
  })

  it.for([
    ['503000', 'Could not validate Api Key'],
    ['503010', 'Could not validate the oauth token']
  ] as const)(
    'a gateway %s on the create is resent at once, well within settle-timeout: one connection',
    async ([code, message], { ctx }) => {
      ctx.emulator.inject('connections.create', { kind: 'status', status: 503, body: { error_code: code, message } })
      const run = await ctx.run({ 'settle-timeout': '10' })
      expect(run.exitCode).toBe(0)
      expect(run.outputs).toMatchObject({ result: 'created', created: 'true' })
      const [first, second, ...more] = ctx.emulator.requests('connections.create')
      expect(more).toEqual([])
      const gapMs = (second?.startedAt ?? Infinity) - (first?.endedAt ?? 0)
      expect(gapMs).toBeLessThan(2_000)
      // Not settled first: no lookup between the two creates.
      const between = ctx.emulator.log.filter(
        (e) =>
          e.route === 'connections.list' &&
          e.startedAt > (first?.startedAt ?? 0) &&
          e.startedAt < (second?.startedAt ?? 0)
      )
      expect(between).toEqual([])
      expect(run.warnings.filter((w) => w.includes('outcome is unknown'))).toEqual([])
      expect(ctx.emulator.connectionsIn('dev')).toHaveLength(1)
      figures(`a gateway ${code} on the create`, { exit: run.exitCode, gapMs: Math.round(gapMs), creates: 2, left: 1 })
    }
  )

  it("Zoho's throttle at HTTP 400, in Chinese, gets the quota advice; nothing is written", async ({ ctx }) => {
    ctx.emulator.inject('zoho.token', {
      kind: 'status',
      status: 400,
      body: { error_description: '您连续发出了太多请求。请稍后再试。', error: '拒绝访问', status: 'failure' }
    })
    const run = await ctx.run()
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toContain('Zoho allows 10 access tokens per refresh token per 10 minutes')
    expect(run.errors[0]).toContain('Wait up to 10 minutes, then rerun. Nothing was written to Adobe.')
    expect(ctx.emulator.requests('zoho.token')).toHaveLength(1)
    expect(ctx.emulator.writes()).toEqual([])
    figures("Zoho's throttle at HTTP 400 in Chinese", { exit: run.exitCode, message: run.errors[0] })
  })
})
