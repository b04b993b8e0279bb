/**
 * Through the bundle: the first case of each kind and the masking of the minted token; the other cases run in-process, every assertion kept, in
 * `wiring/zoho-credentials-are-proven-before-adobe.test.ts`.
 */
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
})
