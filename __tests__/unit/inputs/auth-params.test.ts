/**
 * Reading and masking auth-params (contract: Sources, Secrets): a YAML or JSON mapping; every
 * value masked, line by line and encoded, except a plain https or loopback URL; a problem names
 * the line or the param, never a value.
 */
import { describe, expect, it } from 'vitest'
import { isPlainUrl, readAuthParams, registerAuthParams, secretValues } from '../../../src/inputs/auth-params.ts'
import { SecretRegistry } from '../../../src/runner/secrets.ts'

const SECRET = `s3cr:"t" #x 'y'`

function masked(text: string): string[] {
  const sent: string[] = []
  registerAuthParams(text, new SecretRegistry((value) => sent.push(value)))
  return sent
}

describe('readAuthParams', () => {
  it.each([
    ['YAML', `clientId: c-1\nclientSecret: ${JSON.stringify(SECRET)}\nhost: https://api.example.com`],
    ['JSON', JSON.stringify({ clientId: 'c-1', clientSecret: SECRET, host: 'https://api.example.com' })],
    ['flow YAML', `{clientId: c-1, clientSecret: ${JSON.stringify(SECRET)}, host: "https://api.example.com"}`]
  ])('reads a %s mapping', (_form, text) => {
    expect(readAuthParams(text)).toEqual({
      ok: true,
      params: { clientId: 'c-1', clientSecret: SECRET, host: 'https://api.example.com' }
    })
  })

  it('keeps YAML types: numbers, booleans, nested mappings', () => {
    expect(readAuthParams('apiVersion: 60\nflag: true\nover:\n  method: POST')).toEqual({
      ok: true,
      params: { apiVersion: 60, flag: true, over: { method: 'POST' } }
    })
  })

  it('cuts an unquoted value at a comment, as YAML does (hence the JSON form for such secrets)', () => {
    expect(readAuthParams('clientSecret: abc #def')).toEqual({ ok: true, params: { clientSecret: 'abc' } })
  })

  it.each([
    ['a list', '- a\n- b', 'must be a mapping'],
    ['a scalar', 'just-a-token', 'must be a mapping'],
    ['an empty mapping', '{}', 'is an empty mapping'],
    ['a duplicate key', `clientSecret: ${SECRET.replace(/"/g, '')}x\nclientSecret: again`, 'duplicate key at line 2'],
    ['broken JSON', `{"clientSecret": "${SECRET.replace(/"/g, '')}"`, 'is not a valid YAML or JSON mapping'],
    ['an alias', 'a: &x s3cr3t-value\nb: *x', 'alias'],
    ['a bad param name', '"client id": c', 'has a param name that is not one'],
    ['binary data', 'k: !!binary aGVsbG8=', 'param k is of a type JSON cannot hold']
  ])('refuses %s without quoting it', (_what, text, problem) => {
    const reading = readAuthParams(text)
    expect(reading.ok).toBe(false)
    const told = reading.ok ? '' : reading.problem
    expect(told).toContain(problem)
    expect(told).toContain('(its values are masked and not shown)')
    expect(told).not.toMatch(/s3cr|again|hello|aGVs/)
  })
})

describe('what is masked', () => {
  it.each([
    ['https://api.example.com', true],
    ['https://api.example.com/oauth/token', true],
    ['http://127.0.0.1:8080/token', true],
    ['http://localhost:1', true],
    ['http://api.example.com', false],
    ['https://user:pw@api.example.com', false],
    ['https://api.example.com/?key=abc', false],
    ['https://api.example.com/#frag', false],
    ['ftp://api.example.com', false],
    ['not a url', false]
  ])('%s is a plain URL: %s', (value, plain) => {
    expect(isPlainUrl(value)).toBe(plain)
  })

  it('masks every value but plain URLs, at any depth, and numbers too', () => {
    expect(
      secretValues({
        host: 'https://api.example.com',
        tokenUrl: 'https://api.example.com/?secret=1',
        clientSecret: SECRET,
        pin: 123456,
        flag: true,
        over: { inner: 'inner-secret', list: ['listed-secret'] }
      })
    ).toEqual(['https://api.example.com/?secret=1', SECRET, '123456', 'inner-secret', 'listed-secret'])
  })

  it('registers each value with its encoded forms, and never a plain URL', () => {
    const sent = masked(JSON.stringify({ host: 'https://api.example.com', clientSecret: SECRET }))
    expect(sent).toContain(SECRET)
    expect(sent).toContain(encodeURIComponent(SECRET))
    expect(sent).toContain(JSON.stringify(SECRET).slice(1, -1))
    expect(sent.some((value) => value.includes('api.example.com'))).toBe(false)
  })

  it('registers each line of a multi-line value', () => {
    expect(masked(JSON.stringify({ key: 'line-one-aa\nline-two-bb' }))).toEqual(
      expect.arrayContaining(['line-one-aa\nline-two-bb', 'line-one-aa', 'line-two-bb'])
    )
  })

  it('masks text it cannot read whole and line by line', () => {
    const sent = masked('clientSecret: "open\nrefreshToken: r3fr3sh-t0k')
    expect(sent).toContain('refreshToken: r3fr3sh-t0k')
  })

  it('masks nothing for an empty input', () => {
    expect(masked('')).toEqual([])
  })
})
