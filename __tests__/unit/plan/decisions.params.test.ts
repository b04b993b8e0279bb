/**
 * What repair makes of the params Adobe shows (contract: What Adobe leaves undocumented): the first
 * that compares as different, unknown ones passed over, the tag of the params written excusing
 * only a form; and names after NFC normalisation.
 */
import { describe, expect, it } from 'vitest'
import {
  differingParams,
  nameShownDifferently,
  paramDifference,
  writtenParamsTag
} from '../../../src/plan/decisions.ts'
import { sameName } from '../../../src/plan/store.ts'
import { zohoAccountsUrlParam, zohoClientIdParam, zohoEndpointParam } from '../../../src/sources/zoho-crm.ts'

const endpoint = zohoEndpointParam
const accounts = zohoAccountsUrlParam
const clientId = zohoClientIdParam

describe('the difference repair reports', () => {
  const expected = [
    endpoint('https://www.zohoapis.eu'),
    accounts('https://accounts.zoho.eu'),
    clientId('1000.ZOHOCLIENTID0001')
  ]

  it('is the first param that compares as different; unknown ones are passed over', () => {
    const stored = { endpoint: '****', accountsUrl: 'https://accounts.zoho.com', clientId: '1000.OTHER' }
    expect(paramDifference(stored, expected)).toBe(
      'param accountsUrl is https://accounts.zoho.com, wanted https://accounts.zoho.eu'
    )
    expect(differingParams(stored, expected).map((d) => d.expectation.name)).toEqual(['accountsUrl', 'clientId'])
  })

  it('is none for a healthy connection in every form Adobe may show it', () => {
    const forms = [
      { endpoint: 'https://www.zohoapis.eu/', accountsUrl: 'https://ACCOUNTS.zoho.eu:443' },
      { endpoint: 'HTTPS://www.zohoapis.eu', accountsUrl: '', clientId: '****' },
      { endpoint: '{ENDPOINT}', accountsUrl: '<hidden>', clientId: 'enc:abc' },
      {},
      { clientId: '1000.zohoclientid0001' }
    ]
    for (const stored of forms) expect(paramDifference(stored, expected), JSON.stringify(stored)).toBeUndefined()
  })

  it('is excused, whatever the form, when the description carries the tag of these very values', () => {
    const tag = writtenParamsTag(expected)
    expect(tag).toMatch(/^\[params:[0-9a-f]{12}\]$/)
    // The same values give the same tag; any other value another.
    expect(writtenParamsTag(expected)).toBe(tag)
    expect(writtenParamsTag([endpoint('https://www.zohoapis.com'), ...expected.slice(1)])).not.toBe(tag)
    expect(writtenParamsTag([...expected.slice(0, 2), clientId('1000.ROTATED')])).not.toBe(tag)
    // No value of the inputs can be read from it.
    expect(tag).not.toContain('zoho')
  })

  it.each([
    [
      'an endpoint on another data centre',
      { endpoint: 'https://www.zohoapis.com' },
      'param endpoint is https://www.zohoapis.com, wanted https://www.zohoapis.eu'
    ],
    [
      'an accounts server on another data centre',
      { accountsUrl: 'https://accounts.zoho.in/' },
      'param accountsUrl is https://accounts.zoho.in/, wanted https://accounts.zoho.eu'
    ],
    [
      'an endpoint moved to a host outside Zoho',
      { endpoint: 'https://crm.example.net' },
      'param endpoint is https://crm.example.net, wanted https://www.zohoapis.eu'
    ],
    [
      'an accounts server outside Zoho',
      { accountsUrl: 'https://sso.example' },
      'param accountsUrl is https://sso.example, wanted https://accounts.zoho.eu'
    ],
    [
      'the client id of another Zoho client',
      { clientId: '1000.SHOWNOTHERWISE' },
      'param clientId differs from the input (values not shown: it comes from a secret input)'
    ]
  ])('with the tag, still names %s (a change since, not a form)', (_what, stored, reason) => {
    expect(paramDifference(stored, expected, true)).toBe(reason)
    expect(paramDifference(stored, expected, false)).toBe(reason)
  })

  it.each([
    ['the default port and a path appended', 'https://GATEWAY.example:443/crm/v8'],
    ['another port and a trailing slash', 'https://gateway.example:8443/'],
    ['the scheme in capitals and a path appended', 'HTTPS://gateway.example/crm']
  ])('with the tag, excuses a form of the same gateway host: %s', (_what, shown) => {
    const gateway = [endpoint('https://gateway.example'), accounts('https://sso.gateway.example')]
    expect(paramDifference({ endpoint: shown }, gateway, false)).toBe(
      `param endpoint is ${shown}, wanted https://gateway.example`
    )
    expect(paramDifference({ endpoint: shown }, gateway, true)).toBeUndefined()
  })
})

describe('names', () => {
  const nfc = 'Caf\u00e9 CRM'
  const nfd = 'Cafe\u0301 CRM'

  it('are the same in their NFC and NFD forms, and otherwise compared exactly', () => {
    expect(sameName(nfc, nfd)).toBe(true)
    expect(sameName(nfc, nfc)).toBe(true)
    expect(sameName('Zoho CRM', 'zoho crm')).toBe(false)
    expect(sameName('Zoho CRM', 'Zoho CRM ')).toBe(false)
  })

  it('shown in another form after a create, are spelled out in the warning', () => {
    expect(nameShownDifferently(nfd, nfd)).toBeUndefined()
    expect(nameShownDifferently(nfd, nfc)).toBe(
      'Adobe shows the new connection\'s name as "Caf<U+00E9> CRM", not as sent, "Cafe<U+0301> CRM"; later runs still find it: names are matched after Unicode NFC normalisation.'
    )
    expect(nameShownDifferently('Zoho CRM', 'Zoho CRM (1)')).toContain('may not find it')
  })
})
