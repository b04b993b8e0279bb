/**
 * The generic URL rule every source's URL params use (contract: Shared connections): a stored URL
 * compares canonically, and the params tag excuses only a form of the same host, never another
 * host, scheme, path or query.
 */
import { describe, expect, it } from 'vitest'
import { notAFormOfUrl, urlParam } from '../../../src/sources/param-rules.ts'

describe('a URL param', () => {
  const host = urlParam('host', 'https://api.example.com/v3')

  it.each([
    ['as written', 'https://api.example.com/v3'],
    ['with a trailing slash', 'https://api.example.com/v3/'],
    ['with the default port spelled out', 'https://api.example.com:443/v3'],
    ['with the host in capitals', 'https://API.EXAMPLE.COM/v3'],
    ['with the scheme in capitals', 'HTTPS://api.example.com/v3']
  ])('%s is the same', (_what, shown) => {
    expect(host.compare(shown)).toBe('same')
  })

  it.each([
    ['another port', 'https://api.example.com:8443/v3', undefined],
    ['a path appended', 'https://api.example.com/v3/crm', undefined],
    ['a query appended', 'https://api.example.com/v3?x=1', undefined],
    ['another host', 'https://api.example.org/v3', 'another host'],
    ['a sub-domain of it', 'https://eu.api.example.com/v3', 'another host'],
    ['a host that only ends alike', 'https://evilapi.example.com/v3', 'another host'],
    ['plain http', 'http://api.example.com/v3', 'another scheme'],
    ['another path', 'https://api.example.com/v2', 'another path'],
    ['the path cut short', 'https://api.example.com/', 'another path'],
    ['a path that only starts alike', 'https://api.example.com/v30', 'another path']
  ])('%s compares as different, and the tag excuses it only when it is a form', (_what, shown, why) => {
    expect(host.compare(shown)).toBe('different')
    expect(host.notAFormOfWanted(shown)).toBe(why)
  })

  it('keeps a query the inputs give: another one is not a form', () => {
    expect(notAFormOfUrl('https://api.example.com/?region=eu', 'https://api.example.com/?region=us')).toBe(
      'another query'
    )
    expect(notAFormOfUrl('https://api.example.com/?region=eu', 'https://api.example.com/?region=eu')).toBeUndefined()
  })

  it.each([['not a URL'], ['api.example.com/v3'], ['']])('shown as %j is unknown, never different', (shown) => {
    expect(host.compare(shown)).toBe('unknown')
  })
})
