/**
 * FlowServiceClient's single reads: getConnection, getConnectionSpec, testConnection and
 * exploreRoot. A 404 about the resource means absent; Flow Service's "Sandbox not found"
 * (FLOW 2100-404, 2101-404) is an error that names the sandbox.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ActionError, ServiceError } from '../../../src/errors.ts'
import {
  FLOW,
  flowErrorBody,
  headerOf,
  ORG_ID,
  pathOf,
  platformMock,
  SANDBOX,
  SPEC_ID,
  TOKEN,
  type PlatformMock
} from '../../support/flow-service.ts'

const ID = '2484f2df-c057-4ab5-84f2-dfc0577ab592'
const CONNECTION = {
  id: ID,
  name: 'Zoho CRM base connection',
  description: 'Managed by octo/repo',
  state: 'enabled',
  etag: '"1400dd53-0000-0200-0000-5f3f23450000"',
  createdAt: 1_700_000_000_000,
  connectionSpec: { id: SPEC_ID, version: '1.0' },
  auth: {
    specName: 'Basic Authentication',
    params: { endpoint: 'https://www.zohoapis.eu', clientSecret: '****', refreshToken: '****' }
  },
  sandboxName: SANDBOX,
  imsOrgId: ORG_ID
}
const SANDBOX_NOT_FOUND = `sandbox "${SANDBOX}" was not found in org ${ORG_ID}: check the sandbox input`

let mock: PlatformMock
const at = (path: string) => mock.pool().intercept({ path, method: 'GET' })

beforeEach(() => {
  mock = platformMock()
})
afterEach(async () => {
  await mock.close()
})

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(Error)
  return error as Error
}

describe('getConnection', () => {
  it('reads the list wrapper of a single GET, keeping no credential', async () => {
    at(`${FLOW}/connections/${ID}`).reply(200, JSON.stringify({ items: [CONNECTION] }))
    expect(await mock.client().getConnection(ID)).toEqual({
      id: ID,
      name: 'Zoho CRM base connection',
      description: 'Managed by octo/repo',
      state: 'enabled',
      etag: '"1400dd53-0000-0200-0000-5f3f23450000"',
      createdAt: 1_700_000_000_000,
      connectionSpec: { id: SPEC_ID, version: '1.0' },
      params: { endpoint: 'https://www.zohoapis.eu' }
    })
    const [call] = mock.calls()
    expect(call && headerOf(call, 'authorization')).toBe(`Bearer ${TOKEN}`)
    expect(call && headerOf(call, 'x-sandbox-name')).toBe(SANDBOX)
  })

  it('is undefined for an empty list wrapper', async () => {
    at(`${FLOW}/connections/${ID}`).reply(200, JSON.stringify({ items: [] }))
    expect(await mock.client().getConnection(ID)).toBeUndefined()
  })

  it.each([
    ['1101', `Connection ${ID} not found`],
    ['1439', 'Resource not found']
  ])('is undefined for a 404 about the connection (FLOW %s-404)', async (code, message) => {
    at(`${FLOW}/connections/${ID}`).reply(404, flowErrorBody(404, code, message))
    expect(await mock.client().getConnection(ID)).toBeUndefined()
  })

  it.each(['2100', '2101'])('fails naming the sandbox for a 404 Sandbox not found (FLOW %s-404)', async (code) => {
    at(`${FLOW}/connections/${ID}`).reply(404, flowErrorBody(404, code, 'Sandbox not found'))
    const error = await failure(mock.client().getConnection(ID))
    expect(error).toBeInstanceOf(ServiceError)
    expect(error).toMatchObject({ status: 404, code: `${code}-404` })
    expect(error.message).toContain(
      `Adobe's Flow Service API refused to read the connection: HTTP 404 (${code}-404): Sandbox not found`
    )
    expect(error.message).toContain(SANDBOX_NOT_FOUND)
  })

  it('refuses an answer whose id is not a resource id', async () => {
    at(`${FLOW}/connections/${ID}`).reply(200, JSON.stringify({ items: [{ ...CONNECTION, id: '../../sandboxes' }] }))
    const error = await failure(mock.client().getConnection(ID))
    expect(error).toBeInstanceOf(ActionError)
    expect(error.message).toBe(
      "Adobe's Flow Service API answered HTTP 200 with an id that is not a valid resource id while trying to read the connection; not using it"
    )
  })

  it('retries a 503 and reads the answer that follows', async () => {
    at(`${FLOW}/connections/${ID}`).reply(503, flowErrorBody(503, '1103', 'Service unavailable'))
    at(`${FLOW}/connections/${ID}`).reply(200, JSON.stringify({ items: [CONNECTION] }))
    expect((await mock.client().getConnection(ID))?.id).toBe(ID)
    expect(mock.calls()).toHaveLength(2)
    expect(mock.slept).toHaveLength(1)
  })

  it('says an outage is on Adobe side once the attempts are spent', async () => {
    at(`${FLOW}/connections/${ID}`)
      .reply(500, flowErrorBody(500, '1102', 'Internal server error'))
      .times(2)
    const error = await failure(mock.client({ http: { maxAttempts: 2 } }).getConnection(ID))
    expect(error).toBeInstanceOf(ServiceError)
    expect(error.message).toContain(
      "Adobe's Flow Service API is unavailable (HTTP 500 (1102-500)) while trying to read the connection: Internal server error. This is on Adobe's side: retry later"
    )
  })
})

describe('getConnectionSpec', () => {
  const SPEC = {
    id: SPEC_ID,
    name: 'zoho-crm',
    providerId: '0ed90a81-07f4-4586-8190-b40eccef1c5a',
    version: '1.0',
    authSpec: [{ name: 'Basic Authentication', type: 'OAuth2RefreshCode', spec: { type: 'object' } }]
  }

  it('reads the spec with its auth specs and their schemas', async () => {
    at(`${FLOW}/connectionSpecs/${SPEC_ID}`).reply(200, JSON.stringify({ items: [SPEC] }))
    expect(await mock.client().getConnectionSpec(SPEC_ID)).toEqual({
      id: SPEC_ID,
      name: 'zoho-crm',
      version: '1.0',
      authSpec: [{ name: 'Basic Authentication', spec: { type: 'object' } }]
    })
  })

  it('is undefined for a 404 about the spec', async () => {
    at(`${FLOW}/connectionSpecs/${SPEC_ID}`).reply(404, flowErrorBody(404, '1101', 'Resource not found'))
    expect(await mock.client().getConnectionSpec(SPEC_ID)).toBeUndefined()
  })

  it.each(['2100', '2101'])('fails naming the sandbox for a 404 Sandbox not found (FLOW %s-404)', async (code) => {
    at(`${FLOW}/connectionSpecs/${SPEC_ID}`).reply(404, flowErrorBody(404, code, 'Sandbox not found'))
    const error = await failure(mock.client().getConnectionSpec(SPEC_ID))
    expect(error).toBeInstanceOf(ServiceError)
    expect(error.message).toContain('refused to read the connection spec: HTTP 404')
    expect(error.message).toContain(SANDBOX_NOT_FOUND)
  })

  it('refuses an answer of another shape', async () => {
    at(`${FLOW}/connectionSpecs/${SPEC_ID}`).reply(200, JSON.stringify(SPEC))
    await expect(mock.client().getConnectionSpec(SPEC_ID)).rejects.toThrow(
      "Adobe's Flow Service API answered HTTP 200 with a body of an unexpected shape while trying to read the connection spec; not using it"
    )
  })
})

describe('testConnection', () => {
  it.each([true, false])('reads the verdict result: %s', async (result) => {
    at(`${FLOW}/connections/${ID}/test`).reply(200, JSON.stringify({ result }))
    expect(await mock.client().testConnection(ID)).toBe(result)
  })

  it('refuses a verdict that is not a boolean', async () => {
    at(`${FLOW}/connections/${ID}/test`).reply(200, JSON.stringify({ result: 'true' }))
    await expect(mock.client().testConnection(ID)).rejects.toThrow(
      'with a body of an unexpected shape while trying to test the connection'
    )
  })

  it('reports a refused test as a ServiceError', async () => {
    at(`${FLOW}/connections/${ID}/test`).reply(400, flowErrorBody(400, '1308', 'Unable to connect to the source'))
    const error = await failure(mock.client().testConnection(ID))
    expect(error).toBeInstanceOf(ServiceError)
    expect(error.message).toContain(
      "Adobe's Flow Service API refused to test the connection: HTTP 400 (1308-400): Unable to connect to the source"
    )
  })
})

describe('exploreRoot', () => {
  const EXPLORE = `${FLOW}/connections/${ID}/explore?objectType=root`

  it('lists each table by display name and path, the path standing in for a missing name', async () => {
    at(EXPLORE).reply(
      200,
      JSON.stringify([
        { type: 'table', name: 'Contacts', path: 'Contacts', canPreview: true, canFetchSchema: true },
        { type: 'table', name: 'ACME Spring Campaign', path: 'Campaigns' },
        { type: 'table', path: 'Leads' },
        { type: 'table', name: '', path: 'Deals' },
        { type: 'table', name: 'Notes', path: '' },
        { type: 'table', name: 42, path: 7 },
        { type: 'table' },
        'Accounts',
        null
      ])
    )
    expect(await mock.client().exploreRoot(ID)).toEqual([
      { name: 'Contacts', path: 'Contacts' },
      { name: 'ACME Spring Campaign', path: 'Campaigns' },
      { name: 'Leads', path: 'Leads' },
      { name: 'Deals', path: 'Deals' },
      { name: 'Notes', path: undefined }
    ])
    expect(mock.calls().map(pathOf)).toEqual([EXPLORE])
  })

  it('refuses a root listing that is not an array', async () => {
    at(EXPLORE).reply(200, JSON.stringify({ items: [{ name: 'Contacts', path: 'Contacts' }] }))
    await expect(mock.client().exploreRoot(ID)).rejects.toThrow(
      'with a body of an unexpected shape while trying to explore the connection'
    )
  })

  it('reports an HTML page where JSON was expected in one line', async () => {
    at(EXPLORE).reply(200, '<!DOCTYPE html><html><body>Sign in</body></html>')
    await expect(mock.client().exploreRoot(ID)).rejects.toThrow(
      'Flow Service (explore the connection) answered HTTP 200 with an HTML page where JSON was expected'
    )
  })

  it('reports refused credentials as a ServiceError', async () => {
    at(EXPLORE).reply(400, flowErrorBody(400, '1300', 'Unable to connect to Zoho CRM: invalid credentials'))
    const error = await failure(mock.client().exploreRoot(ID))
    expect(error).toBeInstanceOf(ServiceError)
    expect(error.message).toContain('refused to explore the connection: HTTP 400 (1300-400)')
  })
})
