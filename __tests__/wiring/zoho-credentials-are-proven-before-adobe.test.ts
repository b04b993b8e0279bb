/**
 * In-process (the whole action against the emulator); the first case of each kind and the masking of the minted token also runs through
 * the bundle in `e2e/zoho-credentials-are-proven-before-adobe.test.ts`.
 */
import { describe, expect } from 'vitest'
import { emulatorTest } from '../support/fixtures.ts'

describe.concurrent('one Zoho refresh, only in a run that writes Zoho credentials', () => {
  const it = emulatorTest()

  it('sends the refresh as a form body, never in the URL', async ({ ctx }) => {
    await ctx.runInProcess()
    const [refresh] = ctx.emulator.requests('zoho.token')
    expect(refresh?.query).toBe('')
    expect(Object.fromEntries(new URLSearchParams(refresh?.body))).toEqual({
      grant_type: 'refresh_token',
      client_id: ctx.emulator.zoho.clientId,
      client_secret: ctx.emulator.zoho.clientSecret,
      refresh_token: ctx.emulator.zoho.refreshToken
    })
  })

  it('stores the given access token when zoho-check is none', async ({ ctx }) => {
    await ctx.runInProcess({ 'zoho-check': 'none', 'zoho-access-token': 'given-zoho-access-token' })
    const body = JSON.parse(ctx.emulator.requests('connections.create')[0]?.body ?? '{}') as {
      auth: { params: Record<string, string> }
    }
    expect(body.auth.params['accessToken']).toBe('given-zoho-access-token')
  })
})

describe.concurrent('each Zoho failure has its own message, and nothing is written to Adobe', () => {
  const it = emulatorTest()

  it('throttled: Zoho answers 200 with Access Denied after 10 tokens in 10 minutes', async ({ ctx }) => {
    ctx.emulator.zohoRefreshTimes.set(
      ctx.emulator.zoho.refreshToken,
      Array.from({ length: 10 }, () => Date.now())
    )
    const run = await ctx.runInProcess()
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toContain('(Access Denied)')
    expect(run.errors[0]).toContain('Wait up to 10 minutes')
    expect(run.errors[0]).toContain('matrix jobs')
    expect(ctx.emulator.requests('zoho.token')[0]?.status).toBe(200)
    expect(ctx.emulator.writes()).toEqual([])
  })

  it('an answer that is not JSON', async ({ ctx }) => {
    ctx.emulator.inject('zoho.token', { kind: 'html', status: 200 })
    const run = await ctx.runInProcess()
    expect(run.errors[0]).toContain('answered HTTP 200 with a body that is not JSON')
    expect(ctx.emulator.writes()).toEqual([])
  })

  it('an api_domain in another data centre than zoho-endpoint', async ({ ctx }) => {
    ctx.emulator.zoho.apiDomain = 'https://www.zohoapis.eu'
    const run = await ctx.runInProcess({ 'on-existing': 'update' })
    expect(run.errors[0]).toContain("Zoho says this account's API domain is https://www.zohoapis.eu")
    expect(run.errors[0]).toContain('another data centre')
    expect(ctx.emulator.writes()).toEqual([])
  })

  it('in create mode too, where the refresh runs beside the IMS exchange', async ({ ctx }) => {
    const run = await ctx.runInProcess({ mode: 'create', 'zoho-refresh-token': '1000.revoked-token' })
    expect(run.errors[0]).toContain('(invalid_code)')
    expect(ctx.emulator.log.filter((e) => e.path.startsWith('/data/'))).toEqual([])
  })
})
