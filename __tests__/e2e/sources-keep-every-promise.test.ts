/**
 * HubSpot, the Generic REST API source and another Flow Service source, through the bundle
 * (contract: Sources): a create proven by one refresh and no Zoho call, a reuse with no proof and
 * no write, a repair of a wrong stored param, a rotated refresh token, a refused refresh that
 * writes nothing, schema refusals before any proof or write, the inputs that go with another
 * source, and a matrix of HubSpot jobs. The leak scanner holds every run to auth-params' values
 * (full of quotes, colons and `#`) and to every token the sources minted.
 */
import { describe, expect } from 'vitest'
import { Barrier, type Emulator, type Route } from '../emulator/emulator.ts'
import { GENERIC_REST_SPEC_ID, HUBSPOT_SPEC_ID, OTHER_SPEC_ID } from '../emulator/sources.ts'
import { emulatorTest } from '../support/fixtures.ts'
import type { ActionRun } from '../support/run-action.ts'
import {
  GENERIC_REST_NAME,
  genericRestInputs,
  HUBSPOT_NAME,
  hubspotInputs,
  OTHER_NAME,
  otherInputs
} from '../support/sources.ts'

type InputsOf = (
  emulator: Emulator,
  params?: Readonly<Record<string, unknown>>,
  overrides?: Readonly<Record<string, string>>
) => Record<string, string>

interface SourceCase {
  readonly source: string
  readonly inputs: InputsOf
  readonly specId: string
  readonly authSpecName: string
  readonly name: string
  /** The summary's title names it so. */
  readonly label: string
  /** The route of its proof refresh; undefined: it has none. */
  readonly proof: Route | undefined
  /** A stored param that differs from what the inputs want, and how the reason tells it. */
  readonly wrong: { readonly param: string; readonly stored: string; readonly reason: string }
}

const SOURCES: SourceCase[] = [
  {
    source: 'hubspot',
    inputs: hubspotInputs,
    specId: HUBSPOT_SPEC_ID,
    authSpecName: 'Basic Authentication',
    name: HUBSPOT_NAME,
    label: 'HubSpot',
    proof: 'hubspot.token',
    wrong: {
      param: 'clientId',
      stored: 'another-hubspot-app',
      reason: 'param clientId differs from the input (values not shown: it comes from a secret input)'
    }
  },
  {
    source: 'generic-rest',
    inputs: genericRestInputs,
    specId: GENERIC_REST_SPEC_ID,
    authSpecName: 'oAuth2RefreshCode',
    name: GENERIC_REST_NAME,
    label: 'Generic REST API',
    proof: 'oauth.token',
    wrong: {
      param: 'host',
      stored: 'https://old.generic.example',
      reason: 'param host is https://old.generic.example, wanted https://api.generic.example'
    }
  },
  {
    source: 'other',
    inputs: otherInputs,
    specId: OTHER_SPEC_ID,
    authSpecName: 'OAuth2 Client Credential',
    name: OTHER_NAME,
    label: 'salesforce',
    proof: undefined,
    wrong: {
      param: 'environmentUrl',
      stored: 'https://old.my.salesforce.com',
      reason: 'param environmentUrl is https://old.my.salesforce.com, wanted https://acme.my.salesforce.com'
    }
  }
]

function seed(emulator: Emulator, source: SourceCase, params: Record<string, string> = {}) {
  return emulator.seedConnection('dev', {
    name: source.name,
    auth: { specName: source.authSpecName, params: { ...emulator.sources.validParams(source.specId), ...params } },
    connectionSpec: { id: source.specId, version: '1.0' }
  })
}

function proofs(emulator: Emulator, source: SourceCase): number {
  return source.proof ? emulator.requests(source.proof).length : 0
}

/** A run for another source never speaks of Zoho, and leaves the zoho-* outputs empty. */
function speaksOnlyOfItsSource(run: ActionRun, source: SourceCase): void {
  expect(run.outputs['zoho-api-domain']).toBe('')
  expect(run.outputs['zoho-accounts-url']).toBe('')
  expect(run.summary).toContain(`<h3>${source.label} base connection</h3>`)
  for (const text of [run.stdout, run.summary, Object.values(run.outputs).join('\n')]) expect(text).not.toMatch(/zoho/i)
}

describe.concurrent('each source: create, reuse and repair', () => {
  const it = emulatorTest()

  it.for(SOURCES)(
    '$source: a create is proven by one refresh (where it has one), with no Zoho call',
    async (source, { ctx }) => {
      const run = await ctx.run(source.inputs(ctx.emulator))
      expect(run.errors).toEqual([])
      expect(run.outputs).toMatchObject({ result: 'created', created: 'true', verified: 'true' })
      const [made, ...others] = ctx.emulator.connectionsIn('dev')
      expect(others).toEqual([])
      expect(made?.connectionSpec.id).toBe(source.specId)
      expect(made?.auth.specName).toBe(source.authSpecName)
      expect(proofs(ctx.emulator, source)).toBe(source.proof ? 1 : 0)
      expect(ctx.emulator.requests('zoho.token')).toEqual([])
      if (source.proof) {
        // The minted access token is what the connection holds.
        expect([...ctx.emulator.sources.issued]).toContain(made?.auth.params['accessToken'])
      } else {
        expect(run.summary).toContain('Nothing proves the salesforce credentials before they are written')
      }
      speaksOnlyOfItsSource(run, source)
    }
  )

  it.for(SOURCES)('$source: a healthy connection is reused with no proof and no write', async (source, { ctx }) => {
    const existing = seed(ctx.emulator, source)
    const run = await ctx.run(source.inputs(ctx.emulator))
    expect(run.errors).toEqual([])
    expect(run.outputs).toMatchObject({ result: 'reused', 'connection-id': existing.id, verified: 'true' })
    expect(proofs(ctx.emulator, source)).toBe(0)
    expect(ctx.emulator.writes()).toEqual([])
    speaksOnlyOfItsSource(run, source)
  })

  it.for(SOURCES)('$source: a wrong stored param is repaired, the reason naming it', async (source, { ctx }) => {
    const existing = seed(ctx.emulator, source, { [source.wrong.param]: source.wrong.stored })
    const run = await ctx.run(source.inputs(ctx.emulator))
    expect(run.errors).toEqual([])
    expect(run.outputs).toMatchObject({ result: 'repaired', 'connection-id': existing.id, verified: 'true' })
    expect(run.outputs['reason']).toBe(source.wrong.reason)
    expect(proofs(ctx.emulator, source)).toBe(source.proof ? 1 : 0)
    expect(ctx.emulator.requests('connections.patch')).toHaveLength(1)
    expect(existing.auth.params[source.wrong.param]).not.toBe(source.wrong.stored)
    speaksOnlyOfItsSource(run, source)
  })
})

describe.concurrent('each proof: rotated refresh tokens, refusals', () => {
  const it = emulatorTest()
  const proven = SOURCES.filter((source) => source.proof)

  it.for(proven)(
    '$source: a rotated refresh token is written, and the old secret named to update',
    async (source, { ctx }) => {
      ctx.emulator.sources.rotates = true
      const run = await ctx.run(source.inputs(ctx.emulator))
      expect(run.errors).toEqual([])
      const [made] = ctx.emulator.connectionsIn('dev')
      const current = source.source === 'hubspot' ? ctx.emulator.sources.hubspot : ctx.emulator.sources.generic
      expect(current.refreshToken).toMatch(/^rotated-/)
      expect(made?.auth.params['refreshToken']).toBe(current.refreshToken)
      expect(run.outputs['verified']).toBe('true')
      expect(run.warnings.join('\n')).toContain('update the secret that gives refreshToken in auth-params')
      expect(run.summary).toContain('update the secret that gives refreshToken in auth-params')
    }
  )

  it.for(proven)('$source: a refused refresh writes nothing and says what to fix', async (source, { ctx }) => {
    ctx.emulator.sources.refusal = 'bad-refresh-token'
    const run = await ctx.run(source.inputs(ctx.emulator))
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toContain('the refreshToken in auth-params is wrong')
    expect(run.errors[0]).toContain('Nothing was written to Adobe')
    expect(run.outputs['reason']).toBe(run.errors[0])
    expect(proofs(ctx.emulator, source)).toBe(1)
    expect(ctx.emulator.writes()).toEqual([])
  })

  it('HubSpot: a refresh token of another app is told apart', async ({ ctx }) => {
    ctx.emulator.sources.refusal = 'other-app'
    const run = await ctx.run(hubspotInputs(ctx.emulator))
    expect(run.errors[0]).toContain('was issued to another HubSpot app than clientId')
    expect(ctx.emulator.writes()).toEqual([])
  })
})

describe.concurrent("the spec's schema refuses auth-params before any proof or write", () => {
  const it = emulatorTest()
  // HubSpot's proof needs clientId itself; with source-check none its schema alone judges it.
  const noProof = { 'source-check': 'none' }
  const given = { accessToken: 'given-hubspot-access-token' }
  const cases: [string, SourceCase, Record<string, unknown>, Record<string, string>, string][] = [
    [
      'missing',
      SOURCES[0]!,
      { ...given, clientId: undefined },
      noProof,
      'auth-params lacks clientId, which auth spec "Basic Authentication" requires'
    ],
    [
      'unknown',
      SOURCES[0]!,
      { ...given, portalId: 'p-123456' },
      noProof,
      'auth-params param portalId is not a param of auth spec "Basic Authentication"'
    ],
    [
      'of a wrong type',
      SOURCES[0]!,
      { ...given, clientId: 424242 },
      noProof,
      'auth-params param clientId must be of type string'
    ],
    [
      'missing',
      SOURCES[1]!,
      { host: undefined },
      {},
      'auth-params lacks host, which auth spec "oAuth2RefreshCode" requires'
    ],
    [
      'unknown',
      SOURCES[1]!,
      { hostname: 'https://api.generic.example' },
      {},
      'auth-params param hostname is not a param of auth spec "oAuth2RefreshCode"'
    ],
    [
      'of a wrong type',
      SOURCES[1]!,
      { requestParameterOverride: 'POST' },
      {},
      'auth-params param requestParameterOverride must be of type object'
    ],
    [
      'missing',
      SOURCES[2]!,
      { apiVersion: undefined },
      {},
      'auth-params lacks apiVersion, which auth spec "OAuth2 Client Credential" requires'
    ],
    [
      'unknown',
      SOURCES[2]!,
      { securityToken: 'sf-token-123456' },
      {},
      'auth-params param securityToken is not a param of auth spec "OAuth2 Client Credential"'
    ],
    ['of a wrong type', SOURCES[2]!, { apiVersion: 60.5 }, {}, 'auth-params param apiVersion must be of type string']
  ]

  it.for(cases)('%s: a param %s', async ([, source, params, overrides, message], { ctx }) => {
    const run = await ctx.run(source.inputs(ctx.emulator, params, overrides))
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toContain(message)
    expect(run.outputs['reason']).toContain(message)
    expect(proofs(ctx.emulator, source)).toBe(0)
    expect(ctx.emulator.writes()).toEqual([])
    expect(ctx.emulator.log.every((request) => request.method === 'GET' || request.route === 'ims.token')).toBe(true)
  })
})

describe.concurrent('which inputs go with which source', () => {
  const it = emulatorTest()

  it('a zoho-* param input beside another source is refused before any request', async ({ ctx }) => {
    const run = await ctx.run(hubspotInputs(ctx.emulator, {}, { 'zoho-client-id': '1000.ZOHOCLIENTID0001' }))
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toContain('zoho-client-id gives a Zoho CRM param, and source is hubspot')
    expect(ctx.emulator.log).toEqual([])
  })

  it('auth-params beside the zoho-* inputs of Zoho CRM is refused before any request', async ({ ctx }) => {
    const run = await ctx.run({ 'auth-params': hubspotInputs(ctx.emulator)['auth-params']! })
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toContain('auth-params and zoho-endpoint, zoho-accounts-url, zoho-client-id')
    expect(ctx.emulator.log).toEqual([])
  })
})

describe.concurrent('HubSpot jobs racing on one name (a matrix)', () => {
  const it = emulatorTest()

  it('three concurrent ensure runs end with one connection, its id in every output', async ({ ctx }) => {
    ctx.emulator.inject('connections.list', { kind: 'barrier', barrier: new Barrier(3) }, 3)
    const runs = await Promise.all([1, 2, 3].map(() => ctx.run(hubspotInputs(ctx.emulator))))
    for (const run of runs) expect(run.errors).toEqual([])
    const [remaining, ...others] = ctx.emulator.connectionsIn('dev')
    expect(others).toEqual([])
    expect(new Set(runs.map((run) => run.outputs['connection-id']))).toEqual(new Set([remaining?.id]))
    expect(runs.filter((run) => run.outputs['created'] === 'true')).toHaveLength(1)
    expect(ctx.emulator.requests('connections.create').length).toBeGreaterThan(1)
    // One proof per run that wrote, never a second.
    expect(ctx.emulator.requests('hubspot.token')).toHaveLength(ctx.emulator.requests('connections.create').length)
  })
})
