/**
 * How the stored params of an auth-params source compare (contract: Sources, Repair): a plain URL
 * in its canonical form, any other value as given; anything Adobe shows empty, hidden or in a
 * form that cannot be read is unknown, never different; secrets are never compared.
 */
import { describe, expect, it } from 'vitest'
import { authParamExpectation, authParamExpectations } from '../../../src/sources/auth-params-source.ts'

const compared = () => true
const url = (wanted: string) => authParamExpectation('host', wanted, compared)
const value = (wanted: string) => authParamExpectation('clientId', wanted, compared)

describe('a URL param compares in its canonical form', () => {
  it.each([
    ['the same URL', 'https://api.example.com', 'https://api.example.com'],
    ['a trailing slash', 'https://api.example.com/', 'https://api.example.com'],
    ['an upper-case host', 'https://API.Example.COM', 'https://api.example.com'],
    ['an upper-case scheme', 'HTTPS://api.example.com', 'https://api.example.com'],
    ['the default port', 'https://api.example.com:443/', 'https://api.example.com'],
    ['white space around it', ' https://api.example.com ', 'https://api.example.com'],
    ['a path with a trailing slash', 'https://api.example.com/v2/', 'https://api.example.com/v2'],
    ['a loopback emulator', 'HTTP://127.0.0.1:8080/', 'http://127.0.0.1:8080']
  ])('%s is the same', (_what, shown, wanted) => {
    expect(url(wanted).compare(shown)).toBe('same')
    expect(url(wanted).secret).toBe(false)
  })

  it.each([
    ['another host', 'https://old.example.com', 'https://api.example.com', 'another host'],
    ['another port', 'https://api.example.com:8443', 'https://api.example.com', 'another host'],
    ['another path', 'https://api.example.com/v1', 'https://api.example.com/v2', undefined],
    ['another scheme on loopback', 'https://127.0.0.1:8080', 'http://127.0.0.1:8080', undefined]
  ])('%s is different', (_what, shown, wanted, notAForm) => {
    expect(url(wanted).compare(shown)).toBe('different')
    expect(url(wanted).notAFormOfWanted(shown)).toBe(notAForm)
  })

  it.each(['', '   ', '***', '••••', '<hidden>', '{HOST}', 'enc:abc', 'not a url', 'ftp://api.example.com'])(
    'shown as %j is unknown',
    (shown) => expect(url('https://api.example.com').compare(shown)).toBe('unknown')
  )
})

describe('any other param compares as given, and is never shown', () => {
  it.each([
    ['the same value', 'client-1', 'client-1', 'same'],
    ['white space around it', ' client-1 ', 'client-1', 'same'],
    ['another case', 'CLIENT-1', 'client-1', 'different'],
    ['another value', 'client-2', 'client-1', 'different'],
    ['empty', '', 'client-1', 'unknown'],
    ['starred', 'cli***', 'client-1', 'unknown'],
    ['a placeholder', '{CLIENT_ID}', 'client-1', 'unknown'],
    ['redacted', 'REDACTED', 'client-1', 'unknown']
  ])('%s: %s', (_what, shown, wanted, comparison) => {
    expect(value(wanted).compare(shown)).toBe(comparison)
  })

  it('is a secret whose other values are never a form of it', () => {
    expect(value('client-1').secret).toBe(true)
    expect(value('client-1').notAFormOfWanted('client-2')).toBe('another value')
  })

  it('is unknown once the schema marks it a secret', () => {
    let secret = false
    const param = authParamExpectation('apiKey', 'k-1', () => !secret)
    expect(param.compare('k-2')).toBe('different')
    secret = true
    expect(param.compare('k-2')).toBe('unknown')
  })
})

describe('the params repair compares', () => {
  it('are the texts and numbers given, but the credentials', () => {
    const expected = authParamExpectations(
      {
        host: 'https://api.example.com',
        clientId: 'c',
        clientSecret: 's',
        accessToken: 'a',
        refreshToken: 'r',
        password: 'p',
        apiVersion: 60,
        enabled: true,
        override: { a: 'b' },
        nothing: null
      },
      () => true
    )
    expect(expected.map((param) => [param.name, param.wanted, param.secret])).toEqual([
      ['host', 'https://api.example.com', false],
      ['clientId', 'c', true],
      ['apiVersion', '60', true]
    ])
  })

  it('are none without auth-params', () => {
    expect(authParamExpectations(undefined, () => true)).toEqual([])
  })
})
