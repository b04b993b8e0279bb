import { describe, expect, it } from 'vitest'
import { InputError } from '../../../src/inputs/input-error.ts'
import { DEFAULT_SCOPES, INPUT_DEFAULTS, INPUT_NAMES, type InputName } from '../../../src/inputs/contract.ts'
import { parseInputs, writesZohoCredentials } from '../../../src/inputs/parse.ts'

const valid: Partial<Record<InputName, string>> = {
  sandbox: 'dev',
  'adobe-client-id': 'client',
  'adobe-client-secret': 'secret-value',
  'adobe-org-id': 'ABC123@AdobeOrg',
  'zoho-region': 'eu',
  'zoho-client-id': '1000.ID',
  'zoho-client-secret': 'zoho-secret',
  'zoho-refresh-token': 'zoho-refresh'
}

function parse(overrides: Partial<Record<InputName, string>> = {}) {
  const raw = Object.fromEntries(INPUT_NAMES.map((name) => [name, ''])) as Record<InputName, string>
  return parseInputs({ ...raw, ...valid, ...overrides })
}

function problems(overrides: Partial<Record<InputName, string>>): readonly string[] {
  try {
    parse(overrides)
  } catch (error) {
    if (error instanceof InputError) return error.problems
    throw error
  }
  return []
}

describe('parseInputs', () => {
  it('applies the contract defaults to empty inputs', () => {
    const inputs = parse()
    expect(inputs).toMatchObject({
      mode: 'ensure',
      dryRun: false,
      onExisting: 'repair',
      verify: 'test',
      verifyTables: [],
      cleanup: 'none',
      requestTimeoutMs: 30_000,
      maxAttempts: 4,
      settleTimeoutMs: 30_000,
      timeoutMs: 300_000,
      adobe: {
        imsUrl: 'https://ims-na1.adobelogin.com',
        platformUrl: 'https://platform.adobe.io',
        scopes: DEFAULT_SCOPES.split(',')
      },
      zoho: {
        token: { check: 'token', accessToken: undefined },
        target: { region: 'eu', apiDomain: 'https://www.zohoapis.eu', accountsUrl: 'https://accounts.zoho.eu' }
      },
      connection: {
        name: 'Zoho CRM base connection',
        specId: '929e4450-0237-4ed2-9404-b7e1e0a00309',
        specVersion: '1.0',
        authSpecName: 'Basic Authentication'
      }
    })
  })

  it('accepts scopes as a JSON array or a comma list with spaces', () => {
    expect(parse({ 'adobe-scopes': '["openid", "AdobeID"]' }).adobe.scopes).toEqual(['openid', 'AdobeID'])
    expect(parse({ 'adobe-scopes': 'openid, AdobeID' }).adobe.scopes).toEqual(['openid', 'AdobeID'])
  })

  it('drops trailing slashes from base URLs and allows plain http on loopback only', () => {
    expect(parse({ 'adobe-platform-url': 'http://127.0.0.1:8080/' }).adobe.platformUrl).toBe('http://127.0.0.1:8080')
    expect(parse({ 'adobe-ims-url': 'http://localhost:1/' }).adobe.imsUrl).toBe('http://localhost:1')
    expect(parse({ 'adobe-ims-url': 'http://[::1]:1' }).adobe.imsUrl).toBe('http://[::1]:1')
    expect(problems({ 'adobe-ims-url': 'http://192.168.1.1' })[0]).toContain('adobe-ims-url must use https')
  })

  it('accepts the boolean spellings of core.getBooleanInput', () => {
    for (const yes of ['true', 'True', 'TRUE']) expect(parse({ 'dry-run': yes }).dryRun).toBe(true)
    for (const no of ['false', 'False', 'FALSE']) expect(parse({ 'dry-run': no }).dryRun).toBe(false)
  })

  it('needs no Zoho input in check and delete, but validates what is given', () => {
    const check = parse({
      mode: 'check',
      'zoho-region': '',
      'zoho-client-id': '',
      'zoho-client-secret': '',
      'zoho-refresh-token': ''
    })
    expect(check.zoho.target).toBeUndefined()
    expect(problems({ mode: 'delete', 'zoho-region': 'xx' })[0]).toContain('zoho-region must be one of')
  })

  it('takes a ready access token instead of the client secret', () => {
    const inputs = parse({ 'adobe-client-secret': '', 'adobe-access-token': 'eyJ.token' })
    expect(inputs.adobe.auth).toEqual({ accessToken: 'eyJ.token' })
  })

  it('reports every problem at once, each naming its input', () => {
    const found = problems({ verify: 'nope', sandbox: '', 'max-attempts': '0', 'zoho-client-secret': '' })
    expect(found).toHaveLength(4)
    expect(found.join('\n')).toMatch(/verify must be one of/)
    expect(found.join('\n')).toMatch(/sandbox is required/)
    expect(found.join('\n')).toMatch(/max-attempts must be a whole number from 1 to 10/)
    expect(found.join('\n')).toMatch(/zoho-client-secret is required in ensure mode/)
  })

  it('never quotes a secret in a problem', () => {
    const found = problems({ 'adobe-access-token': 'bad token with spaces', 'adobe-client-secret': 'x\ny-secret' })
    expect(found.join('\n')).not.toContain('bad token')
    expect(found.join('\n')).not.toContain('y-secret')
  })

  it('gives a writing mode its Zoho credentials and data centre, proven present', () => {
    const inputs = parse({ mode: 'create' })
    if (!writesZohoCredentials(inputs)) throw new Error('create writes Zoho credentials')
    expect(inputs.zoho).toEqual({
      target: { region: 'eu', apiDomain: 'https://www.zohoapis.eu', accountsUrl: 'https://accounts.zoho.eu' },
      clientId: '1000.ID',
      clientSecret: 'zoho-secret',
      refreshToken: 'zoho-refresh',
      token: { check: 'token', accessToken: undefined }
    })
    expect(inputs.connectionId).toBeUndefined()
  })

  it('carries the given Zoho access token when zoho-check is none, and requires it', () => {
    const inputs = parse({ 'zoho-check': 'none', 'zoho-access-token': '1000.access' })
    if (!writesZohoCredentials(inputs)) throw new Error('ensure writes Zoho credentials')
    expect(inputs.zoho.token).toEqual({ check: 'none', accessToken: '1000.access' })
    expect(problems({ 'zoho-check': 'none' })).toEqual([
      'zoho-access-token is required when zoho-check is none (no token is minted from the refresh token)'
    ])
  })

  it('gives check and delete no Zoho credentials, but the connection id to act on', () => {
    const inputs = parse({ mode: 'delete', 'connection-id': '2484f2df-c057-4ab5-84f2-dfc0577ab592' })
    expect(writesZohoCredentials(inputs)).toBe(false)
    expect(inputs.connectionId).toBe('2484f2df-c057-4ab5-84f2-dfc0577ab592')
    expect(inputs.zoho).toEqual({ target: expect.objectContaining({ region: 'eu' }) as unknown })
  })

  it('reads each default from the one table, as a given value would be read', () => {
    for (const name of INPUT_NAMES) {
      const fallback = INPUT_DEFAULTS[name]
      if (fallback === undefined) continue
      expect(parse({ [name]: fallback }), name).toEqual(parse())
    }
  })

  it('reports an invalid input once, and judges the rules across inputs only on valid ones', () => {
    expect(problems({ 'zoho-endpoint': 'ftp://x', 'zoho-region': 'us' })).toEqual([
      'zoho-endpoint must be an https URL, got "ftp://x"'
    ])
    expect(problems({ mode: 'nope', 'zoho-client-id': '' })).toEqual([
      'mode must be one of ensure, check, create, delete, got "nope"'
    ])
  })

  it.each([
    [
      { 'adobe-ims-url': 'not a url' },
      'adobe-ims-url must be an absolute URL such as https://example.com, got "not a url"'
    ],
    [{ 'adobe-ims-url': 'https://u:p@ims.test' }, 'adobe-ims-url must not contain a user name or password'],
    [{ 'adobe-ims-url': 'https://ims.test/?' }, 'adobe-ims-url must not have a query string or fragment'],
    [
      { 'adobe-ims-url': 'https://ims.test/?key=hunter2' },
      'adobe-ims-url must not have a query string or fragment (no ? or #; the value is not shown)'
    ],
    [{ 'dry-run': 'yes' }, 'dry-run must be true or false, got "yes"'],
    [{ verify: 'explore', 'verify-tables': 'Leads,,Contacts' }, 'verify-tables must be a comma-separated list'],
    [{ 'verify-tables': 'Leads' }, 'verify-tables is only checked with verify: explore'],
    [{ 'adobe-scopes': '[openid' }, 'adobe-scopes looks like a JSON array but is not valid JSON'],
    [{ 'adobe-scopes': '[1, 2]' }, 'adobe-scopes must be a comma-separated list or a JSON array of scope names'],
    [{ mode: 'check', cleanup: 'created' }, 'cleanup: created deletes what this run creates, and check mode creates'],
    [
      { mode: 'create', 'connection-id': 'abc' },
      'connection-id is only used by the check and delete modes, not create'
    ],
    [{ 'zoho-region': 'us', 'zoho-endpoint': 'https://www.zohoapis.eu' }, "zoho-endpoint is in Zoho's"],
    [{ 'zoho-region': '' }, 'zoho-endpoint is required unless zoho-region is given']
  ] as const)('rejects %o: %s', (overrides, expected) => {
    const found = problems(overrides)
    expect(found).toHaveLength(1)
    expect(found[0]).toContain(expected)
  })
})

describe('a dry run of a writing mode', () => {
  const noSecrets = { 'zoho-client-id': '', 'zoho-client-secret': '', 'zoho-refresh-token': '' }

  it.each(['ensure', 'create'])('%s needs no Zoho secret, and knows which a real run needs', (mode) => {
    const inputs = parse({ mode, 'dry-run': 'true', ...noSecrets })
    expect(writesZohoCredentials(inputs)).toBe(false)
    expect(inputs.zoho).toEqual({
      target: { region: 'eu', apiDomain: 'https://www.zohoapis.eu', accountsUrl: 'https://accounts.zoho.eu' },
      missing: ['zoho-client-id', 'zoho-client-secret', 'zoho-refresh-token']
    })
  })

  it('counts zoho-access-token as missing when zoho-check is none', () => {
    const inputs = parse({ 'dry-run': 'true', 'zoho-check': 'none' })
    expect(inputs.zoho).toMatchObject({ missing: ['zoho-access-token'] })
  })

  it('with every secret given is an ordinary writing run that writes nothing', () => {
    const inputs = parse({ 'dry-run': 'true' })
    expect(writesZohoCredentials(inputs)).toBe(true)
    expect(inputs.dryRun).toBe(true)
  })

  it('still reads the secrets it is given, and still needs the data centre', () => {
    expect(problems({ 'dry-run': 'true', 'zoho-client-id': '', 'zoho-client-secret': 'a\nb' })).toEqual([
      expect.stringMatching(/^zoho-client-secret /)
    ])
    expect(problems({ 'dry-run': 'true', ...noSecrets, 'zoho-region': '' })).toEqual([
      expect.stringMatching(/^zoho-endpoint is required unless zoho-region is given/)
    ])
  })

  it('is not what a real run gets: it needs all three', () => {
    expect(problems(noSecrets)).toHaveLength(3)
  })
})

describe('the outputs invalid inputs still settle', () => {
  function known(overrides: Partial<Record<InputName, string>>) {
    try {
      parse(overrides)
    } catch (error) {
      if (error instanceof InputError) return error.known
      throw error
    }
    throw new Error('the inputs were accepted')
  }

  it('are the sandbox and the Zoho data centre, when those inputs are valid', () => {
    expect(known({ 'max-attempts': '0' })).toEqual({
      sandbox: 'dev',
      'zoho-api-domain': 'https://www.zohoapis.eu',
      'zoho-accounts-url': 'https://accounts.zoho.eu'
    })
  })

  it('leave out what is itself invalid', () => {
    expect(known({ sandbox: 'Prod', 'zoho-region': 'mars' })).toEqual({})
    expect(known({ mode: 'check', 'zoho-region': '', 'adobe-org-id': '' })).toEqual({ sandbox: 'dev' })
  })
})
