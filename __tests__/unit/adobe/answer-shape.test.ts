/**
 * The debug shape of Adobe's answers, in-process (contract: Telling the shapes): keys and types,
 * `auth.params` by visibility, never a value, also when a key is itself data (an id, an email, a
 * token used as a key), and bounded however large the answer.
 */
import { describe, expect, it } from 'vitest'
import { describeShape } from '../../../src/adobe/answer-shape.ts'
import { ZOHO_AUTH_PARAMS } from '../../../src/sources/zoho-crm.ts'

const DATA_KEYS = [
  '3f2a9c1e-1111-2222-3333-444455556666',
  'owner@example.com',
  '1000.abcdefTOKEN',
  'https://x.example/a'
]

describe('the shape of an answer', () => {
  it('shows field names and types, and keys that look like data only as a count', () => {
    const answer = {
      items: [
        {
          id: 'a1b2',
          createdAt: 1700000000000,
          labels: Object.fromEntries(DATA_KEYS.map((key) => [key, 'value-of-a-data-key'])),
          auth: {
            specName: 'OAuth2 Refresh Code',
            params: { endpoint: 'https://www.zohoapis.eu', clientSecret: '****', sk_live_4242424242: 'v' }
          }
        }
      ]
    }
    const shape = describeShape(answer, ZOHO_AUTH_PARAMS)
    expect(shape).toBe(
      '{items: array(1) of {id: string, createdAt: number, labels: {4 keys that look like data, not shown}, ' +
        'auth: {specName: string, params: {endpoint: clear, accountsUrl: absent, clientId: absent, ' +
        'clientSecret: hidden, accessToken: absent, refreshToken: absent, 1 keys that look like data, not shown}}}}'
    )
    for (const data of [...DATA_KEYS, 'sk_live', 'value-of-a-data-key', 'zohoapis', '1700000000000', 'a1b2']) {
      expect(shape).not.toContain(data)
    }
  })

  it('stays bounded for an answer with very many or very long keys', () => {
    const wide = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`field${'x'.repeat(i % 50)}${i}`, i]))
    expect(describeShape(wide, ZOHO_AUTH_PARAMS).length).toBeLessThan(4000)
  })
})
