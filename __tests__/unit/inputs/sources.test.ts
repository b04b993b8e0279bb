/**
 * The inputs per source (contract: Which inputs go with which source): what each needs, the
 * defaults it gives connection-name, connection-spec-id and auth-spec-name, the zoho-* inputs
 * refused beside another source, and source-check with zoho-check as one input.
 */
import { describe, expect, it } from 'vitest'
import { INPUT_NAMES, type InputName } from '../../../src/inputs/contract.ts'
import { InputError } from '../../../src/inputs/input-error.ts'
import { parseInputs, settledByInputs } from '../../../src/inputs/parse.ts'

const ADOBE = { sandbox: 'dev', 'adobe-client-id': 'c', 'adobe-client-secret': 's', 'adobe-org-id': 'A@AdobeOrg' }
const HUBSPOT = JSON.stringify({ clientId: 'hc', clientSecret: 'hs', refreshToken: 'hr' })
const GENERIC = JSON.stringify({
  host: 'https://api.example.com',
  clientId: 'gc',
  clientSecret: 'gs',
  refreshToken: 'gr',
  accessTokenUrl: 'https://api.example.com/oauth/token'
})

function parse(given: Partial<Record<InputName, string>>) {
  const raw = Object.fromEntries(INPUT_NAMES.map((name) => [name, ''])) as Record<InputName, string>
  return parseInputs({ ...raw, ...ADOBE, ...given })
}

function problems(given: Partial<Record<InputName, string>>): readonly string[] {
  try {
    parse(given)
  } catch (error) {
    if (error instanceof InputError) return error.problems
    throw error
  }
  return []
}

describe('each source gives its defaults', () => {
  it.each([
    ['hubspot', HUBSPOT, 'HubSpot base connection', 'cc6a4487-9e91-433e-a3a3-9cf6626c1806', 'Basic Authentication'],
    [
      'generic-rest',
      GENERIC,
      'Generic REST API base connection',
      '4e98f16f-87d6-4ef0-bdc6-7a2b0fe76e62',
      'oAuth2RefreshCode'
    ]
  ])('%s', (source, authParams, name, specId, authSpecName) => {
    const inputs = parse({ source, 'auth-params': authParams })
    expect(inputs.connection).toMatchObject({ name, specId, authSpecName })
    expect(inputs.source).toMatchObject({ name: source, check: 'token', tokenUrl: undefined })
    expect(inputs.source.authParams).toEqual(JSON.parse(authParams))
    expect(settledByInputs(inputs)).toMatchObject({ 'zoho-api-domain': '', 'zoho-accounts-url': '' })
  })

  it('zoho-crm keeps its own, and its Zoho target', () => {
    const inputs = parse({
      'zoho-region': 'eu',
      'zoho-client-id': 'z',
      'zoho-client-secret': 'z',
      'zoho-refresh-token': 'z'
    })
    expect(inputs.connection).toMatchObject({ name: 'Zoho CRM base connection', authSpecName: 'Basic Authentication' })
    expect(inputs.source).toEqual({ name: 'zoho-crm', authParams: undefined, tokenUrl: undefined, check: 'token' })
  })

  it('other needs its spec, auth spec and name', () => {
    expect(problems({ source: 'other', 'auth-params': HUBSPOT })).toEqual([
      'connection-spec-id is required with source other (the Flow Service connection spec of the source)',
      "auth-spec-name is required with source other (the connection's auth.specName, one of the spec's auth specs)",
      'connection-name is required with source other (the name ensure looks the connection up by)'
    ])
    const inputs = parse({
      source: 'other',
      'auth-params': 'environmentUrl: https://acme.my.salesforce.com',
      'connection-spec-id': 'cfc0fee1-7dc0-40ef-b73e-d8b134c436f5',
      'auth-spec-name': 'OAuth2 Client Credential',
      'connection-name': 'Salesforce'
    })
    expect(inputs.connection).toMatchObject({ name: 'Salesforce', specId: 'cfc0fee1-7dc0-40ef-b73e-d8b134c436f5' })
  })
})

describe('what each mode needs', () => {
  it.each(['ensure', 'create'])('%s needs auth-params, except in a dry run', (mode) => {
    expect(problems({ mode, source: 'hubspot' })).toEqual([
      `auth-params is required in ${mode} mode with source hubspot (the connection's params, stored in it)`
    ])
    expect(parse({ mode, source: 'hubspot', 'dry-run': 'true' }).source.authParams).toBeUndefined()
  })

  it.each(['check', 'delete'])('%s needs no source secret', (mode) => {
    expect(parse({ mode, source: 'hubspot' }).source.authParams).toBeUndefined()
  })

  it("names each param HubSpot's refresh sends that auth-params lacks", () => {
    expect(problems({ source: 'hubspot', 'auth-params': JSON.stringify({ clientId: 'c', refreshToken: 7 }) })).toEqual([
      'auth-params lacks clientSecret (as a text value), which the refresh that proves the credentials sends (source-check: token): give it, or set source-check to none and give accessToken',
      'auth-params lacks refreshToken (as a text value), which the refresh that proves the credentials sends (source-check: token): give it, or set source-check to none and give accessToken'
    ])
  })

  it('needs accessToken with source-check none, where the refresh would have minted it', () => {
    const message =
      'auth-params lacks accessToken, which must be given when source-check is none (no token is minted by a refresh)'
    expect(problems({ source: 'hubspot', 'auth-params': HUBSPOT, 'source-check': 'none' })).toEqual([message])
    expect(problems({ source: 'generic-rest', 'auth-params': GENERIC, 'source-check': 'none' })).toEqual([message])
    // Without the four OAuth params Generic REST mints nothing: its schema alone judges accessToken.
    expect(
      problems({ source: 'generic-rest', 'auth-params': 'host: https://api.example.com', 'source-check': 'none' })
    ).toEqual([])
  })

  it('sends no secret to a token URL in clear', () => {
    const params = JSON.parse(GENERIC) as Record<string, string>
    expect(
      problems({
        source: 'generic-rest',
        'auth-params': JSON.stringify({ ...params, accessTokenUrl: 'http://api.example.com/token' })
      })
    ).toEqual([
      'auth-params param accessTokenUrl must be an https URL (plain http only on loopback hosts): the refresh sends the client secret and refresh token to it'
    ])
    expect(
      problems({
        source: 'generic-rest',
        'auth-params': JSON.stringify({ ...params, accessTokenUrl: 'http://127.0.0.1:9/token' })
      })
    ).toEqual([])
  })
})

describe('which inputs go with which source', () => {
  it.each([
    'zoho-endpoint',
    'zoho-accounts-url',
    'zoho-client-id',
    'zoho-client-secret',
    'zoho-refresh-token',
    'zoho-access-token'
  ])('%s beside another source is refused', (name) => {
    const value = name.endsWith('url') || name === 'zoho-endpoint' ? 'https://www.zohoapis.eu' : 'zoho-value'
    expect(problems({ source: 'hubspot', 'auth-params': HUBSPOT, [name]: value })).toEqual([
      `${name} gives a Zoho CRM param, and source is hubspot: give the connection's params in auth-params instead, or set source to zoho-crm`
    ])
  })

  it('auth-params beside Zoho CRM is refused, with or without the zoho-* inputs', () => {
    expect(problems({ mode: 'check', 'auth-params': HUBSPOT })).toEqual([
      'auth-params is not used by source zoho-crm, whose params come from the zoho-* inputs: remove it, or set source to the source auth-params is for'
    ])
    expect(problems({ mode: 'check', 'auth-params': HUBSPOT, 'zoho-client-id': 'z' })).toEqual([
      "auth-params and zoho-client-id both give the connection's params: for source zoho-crm give the zoho-* inputs alone, or set source to the source auth-params is for"
    ])
  })

  it('source-token-url only where a refresh proves the credentials', () => {
    expect(
      parse({
        source: 'hubspot',
        'auth-params': HUBSPOT,
        'source-token-url': 'https://api.hubapi.com/oauth/2026-03/token/'
      }).source.tokenUrl
    ).toBe('https://api.hubapi.com/oauth/2026-03/token/')
    expect(problems({ mode: 'check', 'source-token-url': 'https://x.example' })).toEqual([
      'source-token-url is not used by source zoho-crm: zoho-accounts-url names its token endpoint'
    ])
    expect(
      problems({
        mode: 'check',
        source: 'other',
        'connection-spec-id': 'a',
        'auth-spec-name': 'b',
        'connection-name': 'c',
        'source-token-url': 'https://x.example'
      })
    ).toEqual([
      'source-token-url is not used by source other, which has no refresh that proves its credentials: remove it'
    ])
    expect(
      problems({
        source: 'hubspot',
        'auth-params': HUBSPOT,
        'source-token-url': 'http://api.hubapi.com/oauth/v3/token'
      })[0]
    ).toContain('source-token-url must use https')
  })

  it('source-check and zoho-check are one input', () => {
    const zoho = { mode: 'check' }
    expect(parse({ ...zoho, 'zoho-check': 'none' }).source.check).toBe('none')
    expect(parse({ ...zoho, 'source-check': 'none' }).source.check).toBe('none')
    expect(parse({ ...zoho, 'source-check': 'none', 'zoho-check': 'token' }).source.check).toBe('none')
    expect(problems({ ...zoho, 'source-check': 'token', 'zoho-check': 'none' })).toEqual([
      'source-check is token but zoho-check is none: they are one input (zoho-check is its name for Zoho CRM), so give only one of them'
    ])
    expect(problems({ ...zoho, 'source-check': 'always' })).toEqual([
      'source-check must be one of token, none, got "always"'
    ])
  })

  it('source-check none lets Zoho CRM store a given token, as zoho-check none does', () => {
    const zoho = { 'zoho-region': 'eu', 'zoho-client-id': 'z', 'zoho-client-secret': 'z', 'zoho-refresh-token': 'z' }
    expect(problems({ ...zoho, 'source-check': 'none' })).toEqual([
      'zoho-access-token is required when zoho-check is none (no token is minted from the refresh token)'
    ])
    expect(parse({ ...zoho, 'source-check': 'none', 'zoho-access-token': 'given' }).zoho).toMatchObject({
      token: { check: 'none', accessToken: 'given' }
    })
  })

  it('an unknown source is refused', () => {
    expect(problems({ source: 'salesforce' })).toEqual([
      'source must be one of zoho-crm, hubspot, generic-rest, other, got "salesforce"'
    ])
  })

  it('keeps source-token-url exactly as given: a token endpoint may need its trailing slash', () => {
    for (const url of ['https://auth.example.com/o/token/', 'https://auth.example.com/o/token']) {
      expect(parse({ source: 'hubspot', 'auth-params': HUBSPOT, 'source-token-url': url }).source.tokenUrl).toBe(url)
    }
  })

  it('never quotes a source-token-url refused for its query: a credential may sit there', () => {
    const found = problems({
      source: 'hubspot',
      'auth-params': HUBSPOT,
      'source-token-url': 'https://auth.example.com/token?client_secret=hunter2'
    })
    expect(found).toEqual([
      'source-token-url must not have a query string or fragment (no ? or #; the value is not shown)'
    ])
    expect(found.join('\n')).not.toContain('hunter2')
  })

  it.each(['hubspot', 'generic-rest'])(
    'refuses zoho-check: none with source %s, which it would skip silently',
    (source) => {
      expect(
        problems({ source, 'auth-params': source === 'hubspot' ? HUBSPOT : GENERIC, 'zoho-check': 'none' })
      ).toEqual([`zoho-check is only for source zoho-crm, not ${source}: use source-check: none to skip the proof`])
      expect(
        parse({ source, 'auth-params': source === 'hubspot' ? HUBSPOT : GENERIC, 'zoho-check': 'token' }).source.check
      ).toBe('token')
    }
  )
})
