/**
 * What Adobe leaves undocumented (contract): for each shape the
 * emulator can answer in, the action keeps its promises, and never turns an unknown into a write
 * or a spent Zoho token.
 * In-process (the whole action against the emulator); the first case of each kind also runs through
 * the bundle in `e2e/undocumented-shapes-keep-every-promise.test.ts`.
 */
import { describe, expect } from 'vitest'
import { DEFAULTS, GATEWAY_REFUSALS, type Emulator } from '../emulator/emulator.ts'
import { emulatorTest, NO_ZOHO, type EmulatorContext } from '../support/fixtures.ts'
import { EU, HIDE_SECRETS, NAME, reusedEveryTime } from '../support/undocumented-shapes.ts'

/** The jobs of a matrix that share one connection (the one that rewrote 10 of 12 before). */
const JOBS = 12

describe.concurrent('a healthy connection, in each form Adobe may show it, is reused: no Zoho call, no write', () => {
  const it = emulatorTest()
  const forms: [string, Record<string, (stored: string) => string | undefined>][] = [
    [
      'every param hidden behind stars',
      { endpoint: () => '********', accountsUrl: () => '****', clientId: () => '1000.****' }
    ],
    [
      'every param as a placeholder',
      { endpoint: () => '{ENDPOINT}', accountsUrl: () => '<accountsUrl>', clientId: () => '{CLIENT_ID}' }
    ],
    ['every param empty', { endpoint: () => '', accountsUrl: () => '', clientId: () => '' }],
    [
      'URLs without their scheme, the client id encrypted',
      {
        endpoint: (v) => v.replace(/^https?:\/\//, ''),
        accountsUrl: (v) => v.replace(/^https?:\/\//, ''),
        clientId: () => 'AQICAHhV5wQ9ZnJvbS1hZG9iZTpjbGllbnRJZA=='
      }
    ],
    ['every param left out', { endpoint: () => undefined, accountsUrl: () => undefined, clientId: () => undefined }]
  ]

  it.for(forms)('%s, twice in a row', async ([_what, form], { ctx }) => {
    ctx.emulator.shapes.paramForms = { ...HIDE_SECRETS, ...form }
    const existing = ctx.emulator.seedConnection('dev', { name: NAME })
    await reusedEveryTime(ctx, 'in-process', existing.id, 2)
  })
})

describe.concurrent('on Zoho hosts, the data centre is what must agree', () => {
  const it = emulatorTest({ zoho: { ...DEFAULTS.zoho, apiDomain: EU } })

  it('repairs one really on another data centre, once; the next run reuses it', async ({ ctx }) => {
    const existing = ctx.emulator.seedConnection('dev', { name: NAME })
    existing.auth.params['endpoint'] = 'https://www.zohoapis.com'
    const first = await ctx.runInProcess({ 'zoho-endpoint': EU })
    expect(first.errors).toEqual([])
    expect(first.outputs).toMatchObject({
      result: 'repaired',
      reason: `param endpoint is https://www.zohoapis.com, wanted ${EU}`
    })
    expect(ctx.emulator.requests('zoho.token')).toHaveLength(1)
    expect(existing.auth.params['endpoint']).toBe(EU)
    const second = await ctx.runInProcess({ 'zoho-endpoint': EU })
    expect(second.outputs['result']).toBe('reused')
    expect(ctx.emulator.requests('zoho.token')).toHaveLength(1)
    expect(ctx.emulator.requests('connections.patch')).toHaveLength(1)
  })
})

describe.concurrent('a written param that Adobe shows in another form', () => {
  const it = emulatorTest()

  it('a client id shown in another case is the same value: reused, no write, no Zoho call', async ({ ctx }) => {
    ctx.emulator.shapes.paramForms = { clientId: (stored) => stored.toLowerCase() }
    const existing = ctx.emulator.seedConnection('dev', { name: NAME })
    await reusedEveryTimeAfter(ctx, existing.id)
    expect(ctx.emulator.writes()).toEqual([])
  })

  it('a client id shown as another client is no form: named without showing either, repaired again', async ({
    ctx
  }) => {
    ctx.emulator.shapes.paramForms = { clientId: () => '1000.SHOWNOTHERWISE' }
    ctx.emulator.seedConnection('dev', { name: NAME })
    const repaired = await ctx.runInProcess()
    expect(repaired.outputs).toMatchObject({
      result: 'repaired',
      reason: 'param clientId differs from the input (values not shown: it comes from a secret input)'
    })
    expect(repaired.warnings).toEqual([
      'Adobe shows param clientId, just written from a secret input, in a form that still compares as different (values not shown); that is another client id, so later runs will repair it again.'
    ])
    expect(repaired.stdout).not.toContain('SHOWNOTHERWISE')
    // The params tag the repair wrote does not excuse another client id.
    const again = await ctx.runInProcess()
    expect(again.outputs['result']).toBe('repaired')
    expect(ctx.emulator.requests('connections.patch')).toHaveLength(2)
  })
})

/** Two more runs reuse `id`, writing nothing more and calling Zoho no more. */
async function reusedEveryTimeAfter(ctx: EmulatorContext, id: string): Promise<void> {
  const writes = ctx.emulator.writes().length
  const refreshes = ctx.emulator.requests('zoho.token').length
  for (const n of [1, 2]) {
    const run = await ctx.runInProcess()
    expect(run.outputs, `run ${n}`).toMatchObject({ 'connection-id': id, result: 'reused' })
  }
  expect(ctx.emulator.writes()).toHaveLength(writes)
  expect(ctx.emulator.requests('zoho.token')).toHaveLength(refreshes)
}

describe.concurrent('a gateway 401 or 403 is not a verdict about the connection', () => {
  const it = emulatorTest()

  it.for(['connections.test', 'connections.explore'] as const)(
    '%s refusing every token: fails naming the Adobe credential after one new token',
    async (route, { ctx }) => {
      ctx.emulator.seedConnection('dev', { name: NAME })
      ctx.emulator.inject(route, GATEWAY_REFUSALS[401], 2)
      const run = await ctx.runInProcess(route === 'connections.explore' ? { verify: 'explore' } : {})
      expect(run.exitCode).toBe(1)
      // The token the run minted itself was refused too: not a stale token, the credential.
      expect(run.errors[0]).toContain('the credential may no longer be allowed to use the API')
      expect(run.errors[0]).not.toContain('adobe-client-secret')
      expect(run.errors[0]).not.toMatch(/zoho-(client|refresh)/)
      expect(ctx.emulator.requests('ims.token')).toHaveLength(2)
      expect(ctx.emulator.requests('zoho.token')).toEqual([])
      expect(ctx.emulator.writes()).toEqual([])
    }
  )

  it('with a given adobe-access-token, a 401 fails at once: no new token can be minted', async ({ ctx }) => {
    const existing = ctx.emulator.seedConnection('dev', { name: NAME })
    const token = 'given-ims-token-0123456789'
    ctx.emulator.options.staticTokens.push(token)
    ctx.emulator.inject('connections.test', GATEWAY_REFUSALS[401])
    const run = await ctx.runInProcess({ 'adobe-client-secret': '', 'adobe-access-token': token })
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toContain('pass a fresh adobe-access-token')
    expect(run.errors[0]).toContain(existing.id)
    expect(ctx.emulator.requests('ims.token')).toEqual([])
    expect(ctx.emulator.writes()).toEqual([])
  })

  it.for([401, 403] as const)(
    'across a matrix of jobs, each meeting one %s on its test: nothing written, no Zoho call',
    async (status, { ctx }) => {
      const existing = ctx.emulator.seedConnection('dev', { name: NAME })
      // Each job's token serves its three reads, then the gateway refuses it on the test.
      ctx.emulator.shapes.tokenLimit = { uses: 3, status }
      const runs = await Promise.all(Array.from({ length: JOBS }, () => ctx.runInProcess()))
      expect(ctx.emulator.requests('zoho.token')).toEqual([])
      expect(ctx.emulator.writes()).toEqual([])
      expect(ctx.emulator.connectionsIn('dev')).toEqual([existing])
      // One token per job, and one more for each job whose token the gateway refused (401 only).
      expect(ctx.emulator.requests('ims.token')).toHaveLength(status === 401 ? 2 * JOBS : JOBS)
      for (const run of runs) {
        if (status === 401) {
          expect(run.outputs).toMatchObject({ result: 'reused', verified: 'true' })
        } else {
          expect(run.exitCode).toBe(1)
          expect(run.errors[0]).not.toMatch(/zoho-(client|refresh)/)
        }
      }
    }
  )
})

describe.concurrent('tables listed by a display label and a path', () => {
  const it = emulatorTest()
  const labelled = (emulator: Emulator) => {
    emulator.shapes.tableLabels = { Leads: 'Sales Leads', Contacts: 'People' }
    emulator.seedConnection('dev', { name: NAME })
  }

  it('a table truly missing still fails, naming it', async ({ ctx }) => {
    labelled(ctx.emulator)
    const run = await ctx.runInProcess({
      mode: 'check',
      verify: 'explore',
      'verify-tables': 'Leads,Quotes',
      ...NO_ZOHO
    })
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toContain('the root listing lacks Quotes named in verify-tables')
  })
})

describe.concurrent('a Zoho refresh whose answer is lost after Zoho minted the token', () => {
  const it = emulatorTest()

  it('refused at the door (connection refused): sent again, as it never reached Zoho', async ({ ctx }) => {
    // A port nothing listens on: the first attempts are refused; no Zoho token can be spent.
    const run = await ctx.runInProcess({ 'zoho-accounts-url': 'http://127.0.0.1:9', 'max-attempts': '2' })
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toContain('the connection was refused (2 attempts)')
    expect(run.errors[0]).toContain('Nothing was written to Adobe')
    expect(ctx.emulator.writes()).toEqual([])
  })
})
