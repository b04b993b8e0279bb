import { describe, expect } from 'vitest'
import { ZOHO_REGIONS } from '../../src/zoho/regions.ts'
import { emulatorTest } from '../support/fixtures.ts'

const NAME = 'Zoho CRM base connection'

describe.concurrent('Zoho data centres resolve end to end', () => {
  const it = emulatorTest()

  it.for(ZOHO_REGIONS)('zoho-region %s outputs its API domain and accounts server', async (region, { ctx }) => {
    ctx.emulator.seedConnection('dev', { name: NAME })
    const run = await ctx.run({ mode: 'check', 'zoho-region': region, 'zoho-endpoint': '', 'zoho-accounts-url': '' })
    expect(run.exitCode).toBe(0)
    const suffix = { us: 'com', au: 'com.au', cn: 'com.cn' }[region as string] ?? region
    expect(run.outputs['zoho-api-domain']).toBe(`https://www.zohoapis.${suffix}`)
    expect(run.outputs['zoho-accounts-url']).toMatch(/^https:\/\/accounts\.zoho(cloud)?\.[a-z.]+$/)
    expect(ctx.emulator.requests('zoho.token')).toEqual([])
  })
})

describe.concurrent('one Zoho refresh, only in a run that writes Zoho credentials', () => {
  const it = emulatorTest()

  it.for([
    ['ensure that creates', {}, false, 1],
    ['ensure that updates', { 'on-existing': 'update' }, true, 1],
    ['create', { mode: 'create' }, false, 1],
    ['ensure that reuses', {}, true, 0],
    ['check', { mode: 'check' }, true, 0],
    ['delete', { mode: 'delete' }, true, 0],
    ['dry-run ensure', { 'dry-run': 'true' }, false, 0],
    ['zoho-check none', { 'zoho-check': 'none', 'zoho-access-token': 'given-zoho-access-token' }, false, 0]
  ] as const)('%s: %#', async ([, inputs, seeded, refreshes], { ctx }) => {
    if (seeded) ctx.emulator.seedConnection('dev', { name: NAME })
    const run = await ctx.run(inputs)
    expect(run.exitCode).toBe(0)
    expect(ctx.emulator.requests('zoho.token')).toHaveLength(refreshes)
  })

  it('sends the refresh as a form body, never in the URL', async ({ ctx }) => {
    await ctx.run()
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
    await ctx.run({ 'zoho-check': 'none', 'zoho-access-token': 'given-zoho-access-token' })
    const body = JSON.parse(ctx.emulator.requests('connections.create')[0]?.body ?? '{}') as {
      auth: { params: Record<string, string> }
    }
    expect(body.auth.params['accessToken']).toBe('given-zoho-access-token')
  })

  it('masks the minted token before any other line could show it, debug logging on', async ({ ctx }) => {
    const run = await ctx.run({}, { env: { RUNNER_DEBUG: '1' } })
    const [token] = ctx.emulator.issuedZohoTokens
    const maskAt = run.lines.indexOf(`::add-mask::${token}`)
    expect(maskAt).toBeGreaterThan(0)
    expect(run.lines.findIndex((line) => !line.startsWith('::add-mask::') && line.includes(token!))).toBe(-1)
  })
})

describe.concurrent('each Zoho failure has its own message, and nothing is written to Adobe', () => {
  const it = emulatorTest()

  const failures: [string, () => Record<string, string>, string][] = [
    [
      'wrong client secret',
      () => ({ 'zoho-client-secret': 'not-the-secret' }),
      'zoho-client-id or zoho-client-secret is wrong'
    ],
    ['wrong client id', () => ({ 'zoho-client-id': '1000.NOTTHECLIENT' }), '(invalid_client)'],
    [
      'revoked refresh token',
      () => ({ 'zoho-refresh-token': '1000.revoked-token' }),
      'zoho-refresh-token is wrong or was revoked'
    ],
    [
      'unreachable accounts server',
      () => ({ 'zoho-accounts-url': 'http://127.0.0.1:9', 'max-attempts': '2' }),
      "Zoho's accounts server (zoho-accounts-url: http://127.0.0.1:9) could not be reached"
    ]
  ]

  it.for(failures)('%s', async ([, inputs, message], { ctx }) => {
    const run = await ctx.run(inputs())
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toContain(message)
    expect(run.errors[0]).toContain('Nothing was written to Adobe')
    expect(ctx.emulator.writes()).toEqual([])
  })

  it('throttled: Zoho answers 200 with Access Denied after 10 tokens in 10 minutes', async ({ ctx }) => {
    ctx.emulator.zohoRefreshTimes.set(
      ctx.emulator.zoho.refreshToken,
      Array.from({ length: 10 }, () => Date.now())
    )
    const run = await ctx.run()
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toContain('(Access Denied)')
    expect(run.errors[0]).toContain('Wait up to 10 minutes')
    expect(run.errors[0]).toContain('matrix jobs')
    expect(ctx.emulator.requests('zoho.token')[0]?.status).toBe(200)
    expect(ctx.emulator.writes()).toEqual([])
  })

  it('an answer that is not JSON', async ({ ctx }) => {
    ctx.emulator.inject('zoho.token', { kind: 'html', status: 200 })
    const run = await ctx.run()
    expect(run.errors[0]).toContain('answered HTTP 200 with a body that is not JSON')
    expect(ctx.emulator.writes()).toEqual([])
  })

  it('an api_domain in another data centre than zoho-endpoint', async ({ ctx }) => {
    ctx.emulator.zoho.apiDomain = 'https://www.zohoapis.eu'
    const run = await ctx.run({ 'on-existing': 'update' })
    expect(run.errors[0]).toContain("Zoho says this account's API domain is https://www.zohoapis.eu")
    expect(run.errors[0]).toContain('another data centre')
    expect(ctx.emulator.writes()).toEqual([])
  })

  it('in create mode too, where the refresh runs beside the IMS exchange', async ({ ctx }) => {
    const run = await ctx.run({ mode: 'create', 'zoho-refresh-token': '1000.revoked-token' })
    expect(run.errors[0]).toContain('(invalid_code)')
    expect(ctx.emulator.log.filter((e) => e.path.startsWith('/data/'))).toEqual([])
  })
})
