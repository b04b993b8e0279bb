/** What the action writes into a connection, from the inputs alone. */
import { describe, expect, it } from 'vitest'
import { connectionBody, expectedParams, newRunMarker } from '../../../src/plan/connection-request.ts'
import { readRawInputs, type InputName } from '../../../src/inputs/contract.ts'
import { parseInputs, writesZohoCredentials } from '../../../src/inputs/parse.ts'

const given: Partial<Record<InputName, string>> = {
  sandbox: 'dev',
  'adobe-client-id': 'client',
  'adobe-client-secret': 'adobe-secret',
  'adobe-org-id': '0A1B2C3D4E5F60718293A4B5@AdobeOrg',
  'zoho-region': 'eu',
  'zoho-client-id': '1000.CLIENT',
  'zoho-client-secret': 'zoho-secret',
  'zoho-refresh-token': '1000.refresh',
  verify: 'explore'
}
const parsed = parseInputs(readRawInputs((name) => given[name] ?? ''))
if (!writesZohoCredentials(parsed)) throw new Error('ensure writes Zoho credentials')
const inputs = parsed

describe('what a connection is given', () => {
  it('the six params of the Zoho CRM source, with the minted token', () => {
    expect(connectionBody(inputs, 'described', 'token').auth.params).toEqual({
      endpoint: 'https://www.zohoapis.eu',
      accountsUrl: 'https://accounts.zoho.eu',
      clientId: '1000.CLIENT',
      clientSecret: 'zoho-secret',
      accessToken: 'token',
      refreshToken: '1000.refresh'
    })
  })

  it('repair compares endpoint and accountsUrl as URLs, the client id as a secret', () => {
    expect(expectedParams(inputs)).toEqual([
      { name: 'endpoint', wanted: 'https://www.zohoapis.eu', kind: 'api-url', secret: false },
      { name: 'accountsUrl', wanted: 'https://accounts.zoho.eu', kind: 'accounts-url', secret: false },
      { name: 'clientId', wanted: '1000.CLIENT', kind: 'client-id', secret: true }
    ])
  })

  it('the description ends with the tag of the params written, and no value of them', () => {
    const { description } = connectionBody(inputs, 'described [aep-zoho-run:1.1.abc]', 'token')
    expect(description).toMatch(/^described \[aep-zoho-run:1\.1\.abc\] \[params:[0-9a-f]{12}\]$/)
    expect(description).not.toContain('1000.CLIENT')
  })

  it('a run marker names the GitHub run and differs between the jobs of one run', () => {
    const env = { GITHUB_RUN_ID: '42', GITHUB_RUN_ATTEMPT: '2' }
    const a = newRunMarker(env)
    expect(a).toMatch(/^aep-zoho-run:42\.2\.[0-9a-f]{12}$/)
    expect(newRunMarker(env)).not.toBe(a)
    expect(newRunMarker({})).toMatch(/^aep-zoho-run:local\.[0-9a-f]{12}$/)
  })
})
