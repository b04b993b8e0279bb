/**
 * The sources beyond Zoho CRM, in-process (contract: Sources): the proof's faults under the
 * `token-refresh` policy (sent again only when it provably never arrived, nothing written on
 * failure), what is proven when, the modes that need no source secret, dry runs, the post step,
 * explore with HubSpot's tables; and that such a run never speaks of Zoho.
 */
import { describe, expect } from 'vitest'
import type { Fault, Route } from '../emulator/emulator.ts'
import { GENERIC_REST_SPEC_ID, HUBSPOT_SPEC_ID } from '../emulator/sources.ts'
import { emulatorTest, NO_ZOHO } from '../support/fixtures.ts'
import type { ActionRun } from '../support/run-action.ts'
import { authParams, genericRestInputs, HUBSPOT_NAME, hubspotInputs, otherInputs } from '../support/sources.ts'

const FAST = { 'request-timeout': '1', 'max-attempts': '3' }

function neverSpeaksOfZoho(run: ActionRun): void {
  for (const text of [run.stdout, run.summary, Object.values(run.outputs).join('\n')]) expect(text).not.toMatch(/zoho/i)
}

describe.concurrent('a proof that may have reached the source is not sent again, and nothing is written', () => {
  const it = emulatorTest()
  const faults: [string, Fault][] = [
    ['HTTP 502', { kind: 'status', status: 502 }],
    ['HTTP 500', { kind: 'status', status: 500 }],
    ['HTTP 429', { kind: 'status', status: 429, headers: { 'retry-after': '1' } }],
    ['a reset', { kind: 'reset' }],
    ['no answer within request-timeout', { kind: 'hang' }]
  ]
  const sources: [string, Route, typeof hubspotInputs][] = [
    ['hubspot', 'hubspot.token', hubspotInputs],
    ['generic-rest', 'oauth.token', genericRestInputs]
  ]
  const cells = sources.flatMap(([source, route, inputs]) =>
    faults.map(([what, fault]) => ({ source, route, inputs, what, fault }))
  )

  it.for(cells)('$source × $what', async ({ route, inputs, fault }, { ctx }) => {
    ctx.emulator.inject(route, fault)
    const run = await ctx.runInProcess(inputs(ctx.emulator, {}, FAST))
    expect(run.exitCode).toBe(1)
    expect(ctx.emulator.requests(route)).toHaveLength(1)
    expect(run.errors[0]).toContain('The refresh may have reached')
    expect(run.errors[0]).toContain('it was not sent again')
    expect(run.errors[0]).toContain('Nothing was written to Adobe')
    expect(ctx.emulator.writes()).toEqual([])
    neverSpeaksOfZoho(run)
  })

  it('a refused connection proves it never arrived: sent again, then named with its input', async ({ ctx }) => {
    const run = await ctx.runInProcess(
      hubspotInputs(
        ctx.emulator,
        {},
        { ...FAST, 'max-attempts': '2', 'source-token-url': 'http://127.0.0.1:1/oauth/v3/token' }
      )
    )
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toContain(
      "HubSpot's token endpoint (source-token-url: http://127.0.0.1:1) could not be reached"
    )
    expect(run.errors[0]).toContain('the connection was refused (2 attempts)')
    expect(run.errors[0]).toContain('Nothing was written to Adobe')
    expect(run.errors[0]).not.toContain('may have reached')
    expect(ctx.emulator.writes()).toEqual([])
  })

  it.for([
    ['bad-client', 'clientId or clientSecret in auth-params is wrong'],
    ['other-app', 'was issued to another HubSpot app than clientId'],
    ['bad-refresh-token', 'uninstalling the app from the HubSpot account revokes its tokens']
  ] as const)('HubSpot %s has its own hint', async ([refusal, hint], { ctx }) => {
    ctx.emulator.sources.refusal = refusal
    const run = await ctx.runInProcess(hubspotInputs(ctx.emulator))
    expect(run.errors[0]).toContain('HubSpot refused the refresh of the access token')
    expect(run.errors[0]).toContain(hint)
    expect(ctx.emulator.writes()).toEqual([])
  })

  it('a Generic REST client refused names clientId and clientSecret', async ({ ctx }) => {
    ctx.emulator.sources.refusal = 'bad-client'
    const run = await ctx.runInProcess(genericRestInputs(ctx.emulator))
    expect(run.errors[0]).toContain('The token endpoint refused the refresh of the access token')
    expect(run.errors[0]).toContain('clientId or clientSecret in auth-params is wrong')
    expect(ctx.emulator.writes()).toEqual([])
  })
})

describe.concurrent('what is proven, and when', () => {
  const it = emulatorTest()

  it('create mode proves HubSpot only once the spec has checked auth-params', async ({ ctx }) => {
    const run = await ctx.runInProcess(hubspotInputs(ctx.emulator, {}, { mode: 'create' }))
    expect(run.outputs['result']).toBe('created')
    const order = ctx.emulator.log.map((request) => request.route)
    expect(order.indexOf('spec.get')).toBeLessThan(order.indexOf('hubspot.token'))
    expect(ctx.emulator.requests('hubspot.token')).toHaveLength(1)
  })

  it('on-existing update proves once and replaces the params', async ({ ctx }) => {
    const existing = ctx.emulator.seedConnection('dev', {
      name: HUBSPOT_NAME,
      auth: { specName: 'Basic Authentication', params: ctx.emulator.sources.validParams(HUBSPOT_SPEC_ID) },
      connectionSpec: { id: HUBSPOT_SPEC_ID, version: '1.0' }
    })
    const run = await ctx.runInProcess(hubspotInputs(ctx.emulator, {}, { 'on-existing': 'update' }))
    expect(run.outputs).toMatchObject({ result: 'updated', 'connection-id': existing.id })
    expect(ctx.emulator.requests('hubspot.token')).toHaveLength(1)
    expect([...ctx.emulator.sources.issued]).toContain(existing.auth.params['accessToken'])
  })

  it('source-check none writes the given access token, proving nothing', async ({ ctx }) => {
    const run = await ctx.runInProcess(
      hubspotInputs(ctx.emulator, { accessToken: 'given-hubspot-token' }, { 'source-check': 'none' })
    )
    expect(run.outputs['result']).toBe('created')
    expect(ctx.emulator.requests('hubspot.token')).toEqual([])
    expect(ctx.emulator.connectionsIn('dev')[0]?.auth.params['accessToken']).toBe('given-hubspot-token')
  })

  it('Generic REST without the four OAuth params says nothing could be proven', async ({ ctx }) => {
    const { host, accessToken } = { host: ctx.emulator.sources.generic.host, accessToken: 'given-generic-token' }
    const run = await ctx.runInProcess({
      ...NO_ZOHO,
      source: 'generic-rest',
      'auth-params': authParams({ host, accessToken })
    })
    expect(run.outputs['result']).toBe('created')
    expect(ctx.emulator.requests('oauth.token')).toEqual([])
    expect(run.stdout).toContain('Nothing could be proven before writing the Generic REST API credentials')
    expect(run.summary).toContain('Nothing could be proven before writing')
    expect(ctx.emulator.connectionsIn('dev')[0]?.connectionSpec.id).toBe(GENERIC_REST_SPEC_ID)
  })

  it('another source is proven by Adobe’s test after the write, and the run says so', async ({ ctx }) => {
    const run = await ctx.runInProcess(otherInputs(ctx.emulator, {}, { verify: 'none' }))
    expect(run.outputs['result']).toBe('created')
    expect(run.stdout).toContain('with verify: none nothing checks them after the write either')
  })
})

describe.concurrent('the description a run writes when the inputs give none', () => {
  const it = emulatorTest()
  const noRepository = { env: { GITHUB_REPOSITORY: '', GITHUB_WORKFLOW: '' } }

  it.for([
    ['hubspot', hubspotInputs, 'Managed by the AEP HubSpot connection GitHub Action'],
    ['generic-rest', genericRestInputs, 'Managed by the AEP Generic REST API connection GitHub Action'],
    ['other', otherInputs, 'Managed by the AEP Flow Service connection GitHub Action']
  ] as const)(
    '%s, with no repository to name: names the source, never Zoho',
    async ([, inputs, managedBy], { ctx }) => {
      const run = await ctx.runInProcess(inputs(ctx.emulator), noRepository)
      expect(run.outputs['result']).toBe('created')
      const [made] = ctx.emulator.connectionsIn('dev')
      expect(made?.description.startsWith(`${managedBy} [`)).toBe(true)
      expect(made?.description).not.toMatch(/zoho/i)
    }
  )

  it('hubspot, in a workflow: names the repository and workflow', async ({ ctx }) => {
    const run = await ctx.runInProcess(hubspotInputs(ctx.emulator))
    expect(run.outputs['result']).toBe('created')
    const [made] = ctx.emulator.connectionsIn('dev')
    expect(made?.description).toMatch(
      /^Managed by GitHub Actions: octo-org\/data-platform, workflow "provision-aep" \[/
    )
    expect(made?.description).not.toMatch(/zoho/i)
  })
})

describe.concurrent('the modes and dry runs that need no source secret', () => {
  const it = emulatorTest()
  const seedHubSpot = (ctx: { emulator: import('../emulator/emulator.ts').Emulator }) =>
    ctx.emulator.seedConnection('dev', {
      name: HUBSPOT_NAME,
      auth: { specName: 'Basic Authentication', params: ctx.emulator.sources.validParams(HUBSPOT_SPEC_ID) },
      connectionSpec: { id: HUBSPOT_SPEC_ID, version: '1.0' }
    })

  it('check and delete run without auth-params', async ({ ctx }) => {
    const existing = seedHubSpot(ctx)
    const check = await ctx.runInProcess({
      ...NO_ZOHO,
      source: 'hubspot',
      mode: 'check',
      verify: 'explore',
      'verify-tables': 'Hubspot.Contacts'
    })
    expect(check.outputs).toMatchObject({ result: 'found', verified: 'true', 'connection-id': existing.id })
    expect(JSON.parse(check.outputs['tables'] ?? '[]')).toContain('Hubspot.Contacts')
    const teardown = await ctx.runInProcess({ ...NO_ZOHO, source: 'hubspot', mode: 'delete' })
    expect(teardown.outputs).toMatchObject({ result: 'deleted', 'deleted-ids': existing.id })
    expect(ctx.emulator.requests('hubspot.token')).toEqual([])
    neverSpeaksOfZoho(check)
    neverSpeaksOfZoho(teardown)
  })

  it('a missing HubSpot table gets HubSpot advice', async ({ ctx }) => {
    seedHubSpot(ctx)
    const run = await ctx.runInProcess({
      ...NO_ZOHO,
      source: 'hubspot',
      mode: 'check',
      verify: 'explore',
      'verify-tables': 'Hubspot.Tickets'
    })
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toContain('the root listing lacks Hubspot.Tickets named in verify-tables')
    expect(run.errors[0]).toContain('Authorise the HubSpot app for the scopes those objects need')
  })

  it('a dry run without auth-params would create, and warns what a real run needs', async ({ ctx }) => {
    const run = await ctx.runInProcess({ ...NO_ZOHO, source: 'hubspot', 'dry-run': 'true' })
    expect(run.outputs['result']).toBe('would-create')
    expect(run.warnings[0]).toContain('This dry run proves and writes nothing, so it needs no auth-params')
    expect(ctx.emulator.writes()).toEqual([])
    neverSpeaksOfZoho(run)
  })

  it('a dry run with auth-params still holds it to the schema, and proves nothing', async ({ ctx }) => {
    const run = await ctx.runInProcess(hubspotInputs(ctx.emulator, { portalId: 'p-1234567' }, { 'dry-run': 'true' }))
    expect(run.errors[0]).toContain('auth-params param portalId is not a param of auth spec "Basic Authentication"')
    expect(ctx.emulator.requests('hubspot.token')).toEqual([])
  })

  it('the post step names the source and deletes what the run created', async ({ ctx }) => {
    const inputs = hubspotInputs(ctx.emulator, {}, { cleanup: 'created' })
    const main = await ctx.runInProcess(inputs)
    expect(main.outputs['created']).toBe('true')
    const post = await ctx.runInProcess(inputs, { postWithState: main.state })
    expect(post.exitCode).toBe(0)
    expect(post.summary).toContain('<h3>HubSpot base connection&#58; post step</h3>')
    expect(ctx.emulator.connectionsIn('dev')).toEqual([])
    expect(ctx.emulator.requests('hubspot.token')).toHaveLength(1)
    neverSpeaksOfZoho(post)
  })

  it('invalid inputs of another source are listed under its name', async ({ ctx }) => {
    const run = await ctx.runInProcess({ ...NO_ZOHO, source: 'hubspot', 'auth-params': 'not: [valid' })
    expect(run.summary).toContain('<h3>HubSpot base connection</h3>')
    expect(run.errors[0]).toContain('auth-params is not a valid YAML or JSON mapping')
    expect(ctx.emulator.log).toEqual([])
  })
})
