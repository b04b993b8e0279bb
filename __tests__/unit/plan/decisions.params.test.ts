/**
 * The compare rules of repair, in-process (contract: What Adobe leaves undocumented): URLs in a
 * canonical form, Zoho hosts by data centre, client ids by Zoho's form; a param Adobe leaves out,
 * shows empty or hidden, or in a form that cannot be read, is unknown, never different. Names
 * after NFC normalisation.
 */
import { describe, expect, it } from 'vitest'
import {
  compareParam,
  differingParams,
  isHiddenForm,
  nameShownDifferently,
  paramDifference,
  sameName,
  writtenParamsTag,
  type ParamExpectation
} from '../../../src/plan/decisions.ts'

const endpoint = (wanted: string): ParamExpectation => ({ name: 'endpoint', wanted, kind: 'api-url', secret: false })
const accounts = (wanted: string): ParamExpectation => ({
  name: 'accountsUrl',
  wanted,
  kind: 'accounts-url',
  secret: false
})
const clientId = (wanted: string): ParamExpectation => ({ name: 'clientId', wanted, kind: 'client-id', secret: true })

describe('a URL param is compared in its canonical form', () => {
  it.each([
    ['the same URL', 'https://www.zohoapis.eu', 'https://www.zohoapis.eu'],
    ['a trailing slash', 'https://www.zohoapis.eu/', 'https://www.zohoapis.eu'],
    ['several trailing slashes', 'https://www.zohoapis.eu//', 'https://www.zohoapis.eu'],
    ['an upper-case host', 'https://WWW.ZohoAPIs.EU', 'https://www.zohoapis.eu'],
    ['an upper-case scheme', 'HTTPS://www.zohoapis.eu', 'https://www.zohoapis.eu'],
    ['the default port', 'https://www.zohoapis.eu:443', 'https://www.zohoapis.eu'],
    ['white space around it', '  https://www.zohoapis.eu  ', 'https://www.zohoapis.eu'],
    ['another host of the same data centre', 'https://zohoapis.eu', 'https://www.zohoapis.eu'],
    ['a path on a Zoho host', 'https://www.zohoapis.eu/crm/v8', 'https://www.zohoapis.eu'],
    ['a gateway with a trailing slash', 'http://127.0.0.1:8080/zoho/', 'http://127.0.0.1:8080/zoho'],
    ['a gateway host in capitals', 'HTTP://LOCALHOST:8080', 'http://localhost:8080'],
    ['a gateway on the default port', 'https://gateway.example:443/', 'https://gateway.example']
  ])('endpoint with %s is the same', (_what, shown, wanted) => {
    expect(compareParam(shown, endpoint(wanted))).toBe('same')
  })

  it.each([
    ['another data centre', 'https://www.zohoapis.com', 'https://www.zohoapis.eu'],
    ['the Australian domain for India', 'https://www.zohoapis.com.au', 'https://www.zohoapis.in'],
    ['a Zoho host for a gateway', 'https://www.zohoapis.eu', 'http://127.0.0.1:8080'],
    ['a gateway for a Zoho host', 'http://127.0.0.1:8080', 'https://www.zohoapis.eu'],
    ['another gateway port', 'http://127.0.0.1:8081', 'http://127.0.0.1:8080'],
    ['another gateway path', 'https://gateway.example/a', 'https://gateway.example/b'],
    ['an accounts host in place of an API host', 'https://accounts.zoho.eu', 'https://www.zohoapis.eu']
  ])('endpoint on %s is different', (_what, shown, wanted) => {
    expect(compareParam(shown, endpoint(wanted))).toBe('different')
  })

  it.each([
    ['the same server', 'https://accounts.zoho.eu', 'https://accounts.zoho.eu', 'same'],
    ['the other Australian server', 'https://accounts.zoho.au', 'https://accounts.zoho.com.au', 'same'],
    ['the other Japanese server', 'https://accounts.zohocloud.jp/', 'https://accounts.zoho.jp', 'same'],
    ['another data centre', 'https://accounts.zoho.com', 'https://accounts.zoho.eu', 'different'],
    ['an API host', 'https://www.zohoapis.eu', 'https://accounts.zoho.eu', 'different']
  ])('accountsUrl on %s', (_what, shown, wanted, verdict) => {
    expect(compareParam(shown, accounts(wanted))).toBe(verdict)
  })

  it.each([
    ['left out', undefined],
    ['empty', ''],
    ['blank', '   '],
    ['starred', '********'],
    ['partly starred', 'https://www.zoho****'],
    ['dotted', '\u2022\u2022\u2022\u2022\u2022\u2022'],
    ['a placeholder in braces', '{ENDPOINT}'],
    ['a placeholder in angle brackets', '<hidden>'],
    ['a template placeholder', '${endpoint}'],
    ['a word for hidden', 'REDACTED'],
    ['an encrypted form', 'enc:AQICAHhV5wQ9ZnJvbS1hZG9iZQ=='],
    ['a cipher form', '{cipher}9f8e7d6c5b4a'],
    ['without a scheme', 'www.zohoapis.com'],
    ['another scheme', 'ftp://www.zohoapis.com'],
    ['not a URL at all', 'zoho us']
  ])('endpoint %s is unknown, never different', (_what, shown) => {
    expect(compareParam(shown, endpoint('https://www.zohoapis.eu'))).toBe('unknown')
  })
})

describe('a client id is compared only in the form Zoho gives it', () => {
  const wanted = clientId('1000.ZOHOCLIENTID0001')

  it.each([
    ['the same id', '1000.ZOHOCLIENTID0001', 'same'],
    ['the same id in lower case', '1000.zohoclientid0001', 'same'],
    ['the same id with white space', ' 1000.ZOHOCLIENTID0001 ', 'same'],
    ['another id', '1000.SOMEONEELSESCLIENT', 'different'],
    ['left out', undefined, 'unknown'],
    ['empty', '', 'unknown'],
    ['starred', '****************', 'unknown'],
    ['partly starred', '1000.ZOHO********', 'unknown'],
    ['a placeholder', '{CLIENT_ID}', 'unknown'],
    ['an encrypted blob', 'AQICAHhV5wQ9ZnJvbS1hZG9iZTpjbGllbnRJZA==', 'unknown'],
    ['an encrypted form with a prefix', 'ENC(9f8e7d6c5b4a3210)', 'unknown'],
    ['a hash', 'sha256:3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b', 'unknown']
  ])('%s: %s', (_what, shown, verdict) => {
    expect(compareParam(shown, wanted)).toBe(verdict)
  })
})

describe('hidden forms', () => {
  it.each(['****', 'ab***cd', '••••', 'xxxxxxxx', 'XXXX', '<secret>', '{CLIENT_SECRET}', '[hidden]', 'masked', 'null'])(
    '%s is hidden',
    (form) => expect(isHiddenForm(form)).toBe(true)
  )

  it.each(['https://www.zohoapis.eu', '1000.ZOHOCLIENTID0001', 'https://accounts.zoho.com', 'a*b'])(
    '%s is shown in clear',
    (form) => expect(isHiddenForm(form)).toBe(false)
  )
})

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
    ['a form with no data centre', { endpoint: 'https://crm.zoho.eu', accountsUrl: 'https://sso.example' }, undefined],
    ['a client id shown otherwise', { clientId: '1000.SHOWNOTHERWISE' }, undefined]
  ])('with the tag, still names %s (a change since, not a form) and excuses the rest', (_what, stored, reason) => {
    expect(paramDifference(stored, expected, true)).toBe(reason)
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
