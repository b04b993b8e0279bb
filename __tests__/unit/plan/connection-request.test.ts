/** What the action writes into a connection: the body, with the marker and the tag of the params. */
import { describe, expect, it } from 'vitest'
import { connectionBody } from '../../../src/plan/connection-request.ts'
import { zohoAccountsUrlParam, zohoClientIdParam, zohoEndpointParam } from '../../../src/sources/zoho-crm.ts'

const settings = {
  connection: { name: 'Zoho CRM', specId: 'spec-1', specVersion: '1.0', authSpecName: 'Basic Authentication' },
  description: 'described',
  runMarker: 'aep-run:1.1.abc'
}
const expected = [
  zohoEndpointParam('https://www.zohoapis.eu'),
  zohoAccountsUrlParam('https://accounts.zoho.eu'),
  zohoClientIdParam('1000.CLIENT')
]

describe('what a connection is given', () => {
  it('the name, the auth spec with the params as given, and the spec', () => {
    const body = connectionBody(settings, expected, { endpoint: 'https://www.zohoapis.eu', accessToken: 'token' })
    expect(body).toMatchObject({
      name: 'Zoho CRM',
      auth: { specName: 'Basic Authentication', params: { endpoint: 'https://www.zohoapis.eu', accessToken: 'token' } },
      connectionSpec: { id: 'spec-1', version: '1.0' }
    })
  })

  it('the description ends with the run marker and the tag of the params written, and no value of them', () => {
    const { description } = connectionBody(settings, expected, {})
    expect(description).toMatch(/^described \[aep-run:1\.1\.abc\] \[params:[0-9a-f]{12}\]$/)
    expect(description).not.toContain('1000.CLIENT')
  })
})
