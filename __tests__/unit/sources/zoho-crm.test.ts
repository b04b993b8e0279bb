/**
 * The compare rules of the Zoho CRM source (contract: What Adobe leaves undocumented): URLs in a
 * canonical form, Zoho hosts by data centre, client ids by Zoho's form; a param Adobe shows empty
 * or hidden, or in a form that cannot be read, is unknown, never different.
 */
import { describe, expect, it } from 'vitest'
import { zohoAccountsUrlParam, zohoClientIdParam, zohoEndpointParam } from '../../../src/sources/zoho-crm.ts'

const endpoint = zohoEndpointParam
const accounts = zohoAccountsUrlParam
const clientId = zohoClientIdParam

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
    expect(endpoint(wanted).compare(shown)).toBe('same')
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
    expect(endpoint(wanted).compare(shown)).toBe('different')
  })

  it.each([
    ['the same server', 'https://accounts.zoho.eu', 'https://accounts.zoho.eu', 'same'],
    ['the other Australian server', 'https://accounts.zoho.au', 'https://accounts.zoho.com.au', 'same'],
    ['the other Japanese server', 'https://accounts.zohocloud.jp/', 'https://accounts.zoho.jp', 'same'],
    ['another data centre', 'https://accounts.zoho.com', 'https://accounts.zoho.eu', 'different'],
    ['an API host', 'https://www.zohoapis.eu', 'https://accounts.zoho.eu', 'different']
  ])('accountsUrl on %s', (_what, shown, wanted, verdict) => {
    expect(accounts(wanted).compare(shown)).toBe(verdict)
  })

  it.each([
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
    expect(endpoint('https://www.zohoapis.eu').compare(shown)).toBe('unknown')
  })
})

describe('a client id is compared only in the form Zoho gives it', () => {
  const wanted = clientId('1000.ZOHOCLIENTID0001')

  it.each([
    ['the same id', '1000.ZOHOCLIENTID0001', 'same'],
    ['the same id in lower case', '1000.zohoclientid0001', 'same'],
    ['the same id with white space', ' 1000.ZOHOCLIENTID0001 ', 'same'],
    ['another id', '1000.SOMEONEELSESCLIENT', 'different'],
    ['empty', '', 'unknown'],
    ['starred', '****************', 'unknown'],
    ['partly starred', '1000.ZOHO********', 'unknown'],
    ['a placeholder', '{CLIENT_ID}', 'unknown'],
    ['an encrypted blob', 'AQICAHhV5wQ9ZnJvbS1hZG9iZTpjbGllbnRJZA==', 'unknown'],
    ['an encrypted form with a prefix', 'ENC(9f8e7d6c5b4a3210)', 'unknown'],
    ['a hash', 'sha256:3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b', 'unknown']
  ])('%s: %s', (_what, shown, verdict) => {
    expect(wanted.compare(shown)).toBe(verdict)
  })
})

describe('a value that cannot be a form of the one written (the params tag excuses only forms)', () => {
  it.each([
    [
      'a Zoho host of another data centre',
      'https://www.zohoapis.eu',
      'https://www.zohoapis.com',
      'another Zoho data centre'
    ],
    [
      'the Australian domain for India',
      'https://www.zohoapis.in',
      'https://www.zohoapis.com.au',
      'another Zoho data centre'
    ],
    [
      'a host outside Zoho for a Zoho endpoint',
      'https://www.zohoapis.eu',
      'https://crm.zoho.eu',
      "a host outside Zoho's data centres"
    ],
    [
      'an attacker host for a Zoho endpoint',
      'https://www.zohoapis.eu',
      'https://zohoapis.eu.evil.example',
      "a host outside Zoho's data centres"
    ],
    [
      'a Zoho host for a gateway',
      'http://127.0.0.1:8080',
      'https://www.zohoapis.eu',
      'a Zoho host, not the host written'
    ],
    ['another gateway host', 'https://gateway.example', 'https://other.example', 'another host'],
    ['another gateway scheme', 'https://127.0.0.1:8080', 'http://127.0.0.1:8080', 'another scheme'],
    ['another gateway path', 'https://gateway.example/a', 'https://gateway.example/b', 'another path'],
    ['a shorter gateway path', 'https://gateway.example/crm/v2', 'https://gateway.example/crm', 'another path'],
    [
      'a gateway path that only starts alike',
      'https://gateway.example/crm',
      'https://gateway.example/crmx',
      'another path'
    ],
    ['another gateway query', 'https://gateway.example/?dc=eu', 'https://gateway.example/?dc=us', 'another query']
  ])('endpoint: %s', (_what, wanted, shown, why) => {
    expect(endpoint(wanted).compare(shown)).toBe('different')
    expect(endpoint(wanted).notAFormOfWanted(shown)).toBe(why)
  })

  it.each([
    ['another gateway port', 'http://127.0.0.1:8080', 'http://127.0.0.1:8081'],
    [
      'the default port spelled out and a path appended',
      'https://gateway.example',
      'https://GATEWAY.example:443/crm/v8'
    ],
    ['another scheme case and a port', 'https://gateway.example/crm', 'HTTPS://gateway.example:8443/crm/'],
    ['a path Adobe appends', 'https://gateway.example/crm', 'https://gateway.example/crm/v8/'],
    ['a query Adobe appends', 'https://gateway.example', 'https://gateway.example/?source=aep']
  ])('endpoint: %s is a form of the same host', (_what, wanted, shown) => {
    expect(endpoint(wanted).compare(shown)).toBe('different')
    expect(endpoint(wanted).notAFormOfWanted(shown)).toBeUndefined()
  })

  it.each([
    ['another data centre', 'https://accounts.zoho.eu', 'https://accounts.zoho.in/', 'another Zoho data centre'],
    ['a host outside Zoho', 'https://accounts.zoho.eu', 'https://sso.example', "a host outside Zoho's data centres"],
    [
      'an API host for the accounts server',
      'https://accounts.zoho.eu',
      'https://www.zohoapis.eu',
      "a host outside Zoho's data centres"
    ]
  ])('accountsUrl: %s', (_what, wanted, shown, why) => {
    expect(accounts(wanted).compare(shown)).toBe('different')
    expect(accounts(wanted).notAFormOfWanted(shown)).toBe(why)
  })

  it.each([
    ['another client', '1000.OTHERCLIENT0002'],
    ['one character changed', '1000.ZOHOCLIENTID0002'],
    ['another number before the dot', '1001.ZOHOCLIENTID0001']
  ])('clientId: %s is another client id, never a form', (_what, shown) => {
    const param = zohoClientIdParam('1000.ZOHOCLIENTID0001')
    expect(param.compare(shown)).toBe('different')
    expect(param.notAFormOfWanted(shown)).toBe('another client id')
  })
})
