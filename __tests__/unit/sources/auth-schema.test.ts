/**
 * auth-params against an auth spec's JSON Schema (contract: Sources): a missing required param,
 * an unknown param and a wrong type each name the param and never its value; a spec without a
 * schema takes the params as they are; `"format": "password"` marks the secrets.
 */
import { describe, expect, it } from 'vitest'
import type { AuthParamMap } from '../../../src/inputs/auth-params.ts'
import { checkAuthParams } from '../../../src/sources/auth-schema.ts'

const password = { type: 'string', format: 'password' }
const HUBSPOT = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: { clientId: { type: 'string' }, clientSecret: password, accessToken: password, refreshToken: password },
  required: ['clientId', 'clientSecret', 'accessToken', 'refreshToken']
}
const GENERIC = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: {
    host: { type: 'string' },
    accessToken: password,
    expirationDate: { type: 'string', format: 'date' },
    requestParameterOverride: {
      type: 'object',
      properties: { authenticationMethod: { enum: ['GET', 'POST'] }, accessTokenField: {} },
      additionalProperties: false
    }
  },
  required: ['host', 'accessToken']
}
const SECRET = 'never-shown-value-9f'
const valid: AuthParamMap = { clientId: 'c-1', clientSecret: SECRET, accessToken: SECRET, refreshToken: SECRET }

describe('checkAuthParams', () => {
  it('passes params that fit, and names the secrets the schema marks', () => {
    expect(checkAuthParams(valid, HUBSPOT, 'Basic Authentication')).toEqual({
      problems: [],
      secretParams: ['clientSecret', 'accessToken', 'refreshToken'],
      checked: true
    })
  })

  it.each([
    ['no schema', undefined],
    ['null', null],
    ['a text', 'object'],
    ['a list', [{ type: 'object' }]],
    ['an unresolvable $ref', { $ref: 'https://elsewhere.example/schema.json' }]
  ])('takes the params as they are with %s', (_what, schema) => {
    expect(checkAuthParams({ anything: 1 }, schema, 'X')).toMatchObject({ problems: [], checked: false })
  })

  it.each<[string, AuthParamMap, string[]]>([
    [
      'one missing',
      { clientId: 'c', clientSecret: SECRET, accessToken: SECRET },
      ['auth-params lacks refreshToken, which auth spec "Basic Authentication" requires']
    ],
    [
      'two missing',
      { clientId: 'c', accessToken: SECRET },
      [
        'auth-params lacks clientSecret, which auth spec "Basic Authentication" requires',
        'auth-params lacks refreshToken, which auth spec "Basic Authentication" requires'
      ]
    ],
    [
      'one unknown',
      { ...valid, portalId: SECRET },
      [
        'auth-params param portalId is not a param of auth spec "Basic Authentication" (its params: clientId, clientSecret, accessToken, refreshToken)'
      ]
    ],
    [
      'a number for text',
      { ...valid, clientId: 12345 },
      [
        'auth-params param clientId must be of type string for auth spec "Basic Authentication", not a number (quote it)'
      ]
    ],
    [
      'a boolean for text',
      { ...valid, clientSecret: true },
      [
        'auth-params param clientSecret must be of type string for auth spec "Basic Authentication", not a boolean (quote it)'
      ]
    ],
    [
      'null for text',
      { ...valid, accessToken: null },
      ['auth-params param accessToken must be of type string for auth spec "Basic Authentication", not null (quote it)']
    ],
    [
      'a list for text',
      { ...valid, refreshToken: [SECRET] },
      [
        'auth-params param refreshToken must be of type string for auth spec "Basic Authentication", not a list (quote it)'
      ]
    ],
    [
      'a mapping for text',
      { ...valid, clientId: { id: SECRET } },
      [
        'auth-params param clientId must be of type string for auth spec "Basic Authentication", not a mapping (quote it)'
      ]
    ]
  ])('refuses %s, naming the param', (_what, params, problems) => {
    const verdict = checkAuthParams(params, HUBSPOT, 'Basic Authentication')
    expect(verdict.problems).toEqual(problems)
    expect(JSON.stringify(verdict)).not.toContain(SECRET)
    expect(JSON.stringify(verdict)).not.toContain('12345')
  })

  it.each<[string, AuthParamMap, string]>([
    [
      'a date in another format',
      { host: 'h', accessToken: SECRET, expirationDate: 'tomorrow' },
      'auth-params param expirationDate is not in the format auth spec "oAuth2RefreshCode" asks for (date)'
    ],
    [
      'a value outside an enum',
      { host: 'h', accessToken: SECRET, requestParameterOverride: { authenticationMethod: 'PUT' } },
      'auth-params param requestParameterOverride (at authenticationMethod) is not one of the values auth spec "oAuth2RefreshCode" allows'
    ],
    [
      'an unknown field inside',
      { host: 'h', accessToken: SECRET, requestParameterOverride: { other: 'x' } },
      'auth-params param requestParameterOverride (at other) is not a field auth spec "oAuth2RefreshCode" knows'
    ],
    [
      'a text for a mapping',
      { host: 'h', accessToken: SECRET, requestParameterOverride: 'POST' },
      'auth-params param requestParameterOverride must be of type object for auth spec "oAuth2RefreshCode", not a text'
    ]
  ])('refuses %s', (_what, params, problem) => {
    expect(checkAuthParams(params, GENERIC, 'oAuth2RefreshCode').problems).toEqual([problem])
  })

  it('accepts what the schema allows: optional params, nested fields, an enum value', () => {
    const params = {
      host: 'h',
      accessToken: SECRET,
      expirationDate: '2027-02-16',
      requestParameterOverride: { authenticationMethod: 'POST' }
    }
    expect(checkAuthParams(params, GENERIC, 'oAuth2RefreshCode').problems).toEqual([])
  })

  it('lets a schema that allows more params allow them', () => {
    for (const open of [
      { additionalProperties: true },
      { additionalProperties: { type: 'string' } },
      { patternProperties: { '^x-': {} } }
    ]) {
      expect(checkAuthParams({ ...valid, extra: 'e' }, { ...HUBSPOT, ...open }, 'B').problems).toEqual([])
    }
    expect(
      checkAuthParams({ ...valid, extra: 5 }, { ...HUBSPOT, additionalProperties: { type: 'string' } }, 'B').problems
    ).toEqual(['auth-params param extra must be of another type for auth spec "B", not a number'])
  })

  it('lists every problem at once, each param once', () => {
    const problems = checkAuthParams({ clientId: 1, other: 'o' }, HUBSPOT, 'B').problems
    expect(problems).toHaveLength(5)
    expect(problems.filter((problem) => problem.startsWith('auth-params param clientId '))).toHaveLength(1)
  })

  it('reads draft-04 and 2020-12 schemas too', () => {
    for (const $schema of ['http://json-schema.org/draft-04/schema#', 'https://json-schema.org/draft/2020-12/schema']) {
      expect(checkAuthParams({ clientId: 'c' }, { ...HUBSPOT, $schema }, 'B').problems).toHaveLength(3)
    }
  })
})
