/**
 * FlowServiceClient.findConnectionsByName: the filters it sends, the names it matches, and the
 * next-page links it follows, including the ones it must not (another host would get the bearer
 * token), over a real HttpClient on undici's MockAgent.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MAX_PAGES } from '../../../src/adobe/flow-service.ts'
import { ActionError, ServiceError } from '../../../src/errors.ts'
import {
  CLIENT_ID,
  FLOW,
  flowErrorBody,
  headerOf,
  ORG_ID,
  pathOf,
  PLATFORM,
  platformMock,
  SANDBOX,
  SPEC_ID,
  TOKEN,
  type PlatformMock
} from '../../support/flow-service.ts'

const NAME = 'Zoho CRM base connection'
/** The first page's path and query, as Adobe's examples write filters. */
const FILTERS = `property=name==Zoho%20CRM%20base%20connection&property=connectionSpec.id==${SPEC_ID}`
const FIRST = `${FLOW}/connections?${FILTERS}`

function item(id: string, name = NAME, specId: string | undefined = SPEC_ID) {
  return {
    id,
    name,
    state: 'enabled',
    etag: `"etag-${id}"`,
    createdAt: 1_700_000_000_000,
    ...(specId === undefined ? {} : { connectionSpec: { id: specId, version: '1.0' } })
  }
}

function page(items: unknown[], next?: string): string {
  return JSON.stringify({ items, ...(next === undefined ? {} : { _links: { next: { href: next } } }) })
}

let mock: PlatformMock
const listing = (origin?: string) =>
  mock.pool(origin).intercept({ path: (path) => path.startsWith(`${FLOW}/connections`), method: 'GET' })

beforeEach(() => {
  mock = platformMock()
})
afterEach(async () => {
  await mock.close()
})

describe('findConnectionsByName: the request', () => {
  it('sends the name and spec filters percent-encoded, with the headers Platform needs', async () => {
    listing().reply(200, page([item('c1')]))
    const found = await mock.client().findConnectionsByName(NAME, SPEC_ID)
    expect(found.map((c) => c.id)).toEqual(['c1'])
    const [call, ...more] = mock.calls()
    expect(more).toEqual([])
    expect(call?.origin).toBe(PLATFORM)
    expect(call?.method).toBe('GET')
    expect(call && pathOf(call)).toBe(FIRST)
    expect(call && headerOf(call, 'authorization')).toBe(`Bearer ${TOKEN}`)
    expect(call && headerOf(call, 'x-api-key')).toBe(CLIENT_ID)
    expect(call && headerOf(call, 'x-gw-ims-org-id')).toBe(ORG_ID)
    expect(call && headerOf(call, 'x-sandbox-name')).toBe(SANDBOX)
  })

  it.each([
    ['a non-ASCII name', 'Café Zoho'],
    ['a name with a comma, an OR in the filter syntax', 'Zoho, EU'],
    ['a name with a quote', 'Zoho "EU"']
  ])('does not send %s as a filter, only the spec', async (_, name) => {
    listing().reply(200, page([item('c1', name)]))
    expect((await mock.client().findConnectionsByName(name, SPEC_ID)).map((c) => c.id)).toEqual(['c1'])
    expect(mock.calls().map(pathOf)).toEqual([`${FLOW}/connections?property=connectionSpec.id==${SPEC_ID}`])
  })
})

describe('findConnectionsByName: matching', () => {
  it('matches names after NFC normalisation, and nothing else', async () => {
    const composed = 'Caf\u00e9 Zoho'
    const decomposed = 'Cafe\u0301 Zoho'
    listing().reply(
      200,
      page([
        item('nfc', composed),
        item('nfd', decomposed),
        item('plain', 'Cafe Zoho'),
        item('case', 'caf\u00e9 zoho'),
        item('space', `${composed} `)
      ])
    )
    const found = await mock.client().findConnectionsByName(decomposed, SPEC_ID)
    expect(found.map((c) => c.id)).toEqual(['nfc', 'nfd'])
    // The name is kept as Adobe shows it, not as normalised.
    expect(found.map((c) => c.name)).toEqual([composed, decomposed])
  })

  it('keeps connections of this spec, and those whose spec the listing leaves out', async () => {
    listing().reply(
      200,
      page([
        item('mine'),
        item('other-spec', NAME, 'cc6a4487-9e91-433e-a3a3-9cf6626c1806'),
        item('unsaid', NAME, undefined)
      ])
    )
    const found = await mock.client().findConnectionsByName(NAME, SPEC_ID)
    expect(found.map((c) => c.id)).toEqual(['mine', 'unsaid'])
  })

  it('keeps of auth only the params shown in clear, never a credential', async () => {
    listing().reply(
      200,
      page([
        {
          ...item('c1'),
          auth: {
            specName: 'Basic Authentication',
            params: {
              endpoint: 'https://www.zohoapis.eu',
              accountsUrl: 'https://accounts.zoho.eu',
              clientId: '1000.ZOHOID',
              clientSecret: 'zoho-secret-shown',
              accessToken: 'zoho-access-shown',
              refreshToken: 'zoho-refresh-shown',
              expirationDate: 1_700_000_000_000
            }
          }
        }
      ])
    )
    const [found] = await mock.client().findConnectionsByName(NAME, SPEC_ID)
    expect(found?.params).toEqual({
      endpoint: 'https://www.zohoapis.eu',
      accountsUrl: 'https://accounts.zoho.eu',
      clientId: '1000.ZOHOID'
    })
    expect(JSON.stringify(found)).not.toMatch(/shown/)
  })

  it.each(['../connections', 'a b', 'x'.repeat(129), 'id\n::set-output name=x::y'])(
    'refuses a listing whose id is not a resource id (%j), without repeating it',
    async (id) => {
      listing().reply(200, page([item('good'), { ...item('bad'), id }]))
      const error = await mock
        .client()
        .findConnectionsByName(NAME, SPEC_ID)
        .catch((e: unknown) => e)
      expect(error).toBeInstanceOf(ActionError)
      expect((error as Error).message).toBe(
        "Adobe's Flow Service API answered HTTP 200 with an id that is not a valid resource id while trying to list connections; not using it"
      )
    }
  )

  it('refuses a listing of another shape', async () => {
    listing().reply(200, JSON.stringify({ connections: [item('c1')] }))
    await expect(mock.client().findConnectionsByName(NAME, SPEC_ID)).rejects.toThrow(
      "Adobe's Flow Service API answered HTTP 200 with a body of an unexpected shape while trying to list connections; not using it"
    )
  })

  it('reports a refused listing with its code and the fix', async () => {
    listing().reply(403, flowErrorBody(403, '2118', 'The permission read is missing'))
    const error = await mock
      .client()
      .findConnectionsByName(NAME, SPEC_ID)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ServiceError)
    expect(error).toMatchObject({ status: 403, code: '2118-403', requestId: 'req-flow-1' })
    expect((error as Error).message).toContain(
      `Adobe's Flow Service API refused to list connections: HTTP 403 (2118-403): The permission read is missing`
    )
    expect((error as Error).message).toContain(`sandbox "${SANDBOX}"`)
  })
})

describe('findConnectionsByName: next pages', () => {
  it('follows relative next links, with or without the service prefix, to the last page', async () => {
    listing().reply(200, page([item('p1')], `/connections?continuationToken=t2&${FILTERS}`))
    listing().reply(200, page([item('p2')], `${FLOW}/connections?continuationToken=t3&${FILTERS}`))
    listing().reply(200, page([item('p3')], `connections?continuationToken=t4&${FILTERS}`))
    listing().reply(200, page([item('p4')], ''))
    const found = await mock.client().findConnectionsByName(NAME, SPEC_ID)
    expect(found.map((c) => c.id)).toEqual(['p1', 'p2', 'p3', 'p4'])
    expect(mock.calls().map(pathOf)).toEqual([
      FIRST,
      `${FLOW}/connections?continuationToken=t2&${FILTERS}`,
      `${FLOW}/connections?continuationToken=t3&${FILTERS}`,
      `${FLOW}/connections?continuationToken=t4&${FILTERS}`
    ])
    expect(mock.calls().every((call) => call.origin === PLATFORM)).toBe(true)
  })

  it('follows an absolute next link on the platform origin', async () => {
    listing().reply(200, page([item('p1')], `${PLATFORM}${FLOW}/connections?continuationToken=t2&${FILTERS}`))
    listing().reply(200, page([item('p2')]))
    const found = await mock.client().findConnectionsByName(NAME, SPEC_ID)
    expect(found.map((c) => c.id)).toEqual(['p1', 'p2'])
    expect(mock.calls().map((call) => call.fullUrl)).toEqual([
      `${PLATFORM}${FIRST}`,
      `${PLATFORM}${FLOW}/connections?continuationToken=t2&${FILTERS}`
    ])
  })

  it('follows an absolute next link under a platform URL with a path, without doubling the path', async () => {
    const gateway = 'https://gateway.example.test'
    const platformUrl = `${gateway}/aep`
    const next = `${platformUrl}${FLOW}/connections?continuationToken=t2&${FILTERS}`
    mock
      .pool(gateway)
      .intercept({ path: `/aep${FIRST}`, method: 'GET' })
      .reply(200, page([item('p1')], next))
    mock
      .pool(gateway)
      .intercept({ path: `/aep${FLOW}/connections?continuationToken=t2&${FILTERS}`, method: 'GET' })
      .reply(200, page([item('p2')]))
    const found = await mock.client({ platformUrl }).findConnectionsByName(NAME, SPEC_ID)
    expect(found.map((c) => c.id)).toEqual(['p1', 'p2'])
    expect(mock.calls().map((call) => call.fullUrl)).toEqual([`${platformUrl}${FIRST}`, next])
  })

  it.each([
    ['another host', 'https://collector.example.net', 'collector.example.net'],
    ['another host, upper-case', 'HTTPS://COLLECTOR.EXAMPLE.NET', 'collector.example.net'],
    ['plain http on the platform host', 'http://platform.adobe.io', 'platform.adobe.io'],
    ['another port of the platform host', 'https://platform.adobe.io:8443', 'platform.adobe.io:8443'],
    [
      'a host that begins like the platform host',
      'https://platform.adobe.io.example.net',
      'platform.adobe.io.example.net'
    ]
  ])('refuses a next link to %s, and sends it nothing', async (_, origin, host) => {
    const elsewhere = new URL(origin).origin
    listing().reply(200, page([item('p1')], `${origin}${FLOW}/connections?continuationToken=t2&${FILTERS}`))
    // What that host would answer, had the client gone there.
    listing(elsewhere)
      .reply(200, page([item('planted')]))
      .persist()
    const error = await mock
      .client()
      .findConnectionsByName(NAME, SPEC_ID)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ActionError)
    expect((error as Error).message).toBe(
      `list connections: Flow Service pointed the next page at another host (${host}); not following it`
    )
    expect(mock.calls().filter((call) => call.origin === elsewhere)).toEqual([])
    expect(mock.calls().map((call) => call.origin)).toEqual([PLATFORM])
    // The bearer token went to Platform only.
    const carrying = mock.calls().filter((call) => headerOf(call, 'authorization') !== undefined)
    expect(carrying.map((call) => call.origin)).toEqual([PLATFORM])
  })

  it('refuses a next link with a user name in front of another host', async () => {
    listing().reply(200, page([item('p1')], `https://platform.adobe.io@collector.example.net${FLOW}/connections?t=2`))
    await expect(mock.client().findConnectionsByName(NAME, SPEC_ID)).rejects.toThrow(
      'Flow Service pointed the next page at another host (collector.example.net); not following it'
    )
    expect(mock.calls().map((call) => call.origin)).toEqual([PLATFORM])
  })

  it('reads a scheme-relative next link as a path on Platform, not as another host', async () => {
    listing().reply(200, page([item('p1')], `//collector.example.net/connections?continuationToken=t2&${FILTERS}`))
    mock
      .pool()
      .intercept({ path: () => true, method: 'GET' })
      .reply(200, page([item('p2')]))
    listing('https://collector.example.net').reply(200, page([item('planted')]))
    const found = await mock.client().findConnectionsByName(NAME, SPEC_ID)
    expect(found.map((c) => c.id)).toEqual(['p1', 'p2'])
    expect(mock.calls().map((call) => call.origin)).toEqual([PLATFORM, PLATFORM])
    expect(mock.calls().map(pathOf)[1]).toMatch(new RegExp(`^${FLOW}/`))
  })

  it("sends the query's filters again beside a continuation token when the next link drops them", async () => {
    listing().reply(200, page([item('p1')], '/connections?continuationToken=t2'))
    listing().reply(200, page([item('p2')], `${PLATFORM}${FLOW}/connections?continuationToken=t3`))
    listing().reply(200, page([item('p3')]))
    await mock.client().findConnectionsByName(NAME, SPEC_ID)
    expect(mock.calls().map(pathOf)).toEqual([
      FIRST,
      `${FLOW}/connections?continuationToken=t2&${FILTERS}`,
      `${FLOW}/connections?continuationToken=t3&${FILTERS}`
    ])
  })

  it('sends a next link that carries filters as it is, without adding them twice', async () => {
    const next = `/connections?property=connectionSpec.id==${SPEC_ID}&continuationToken=t2`
    listing().reply(200, page([item('p1')], next))
    listing().reply(200, page([item('p2')]))
    await mock.client().findConnectionsByName(NAME, SPEC_ID)
    expect(mock.calls().map(pathOf)).toEqual([FIRST, `${FLOW}${next}`])
  })

  it(`stops after ${MAX_PAGES} pages of fresh next links, with a clear error`, async () => {
    let served = 0
    listing()
      .reply(() => {
        served++
        return { statusCode: 200, data: page([item(`p${served}`)], `/connections?continuationToken=t${served}`) }
      })
      .persist()
    await expect(mock.client().findConnectionsByName(NAME, SPEC_ID)).rejects.toThrow(
      `Adobe's Flow Service API kept answering with a next page while trying to list connections; stopped after ${MAX_PAGES} pages (the most this action follows is ${MAX_PAGES})`
    )
    expect(served).toBe(MAX_PAGES)
  })

  it.each([
    ['the page just read', '/connections?continuationToken=t2'],
    ['the first page', `/connections?${FILTERS}`]
  ])('stops when a next link names %s again', async (_, again) => {
    listing().reply(200, page([item('p1')], '/connections?continuationToken=t2'))
    listing().reply(200, page([item('p2')], again))
    listing()
      .reply(200, page([item('p3')]))
      .persist()
    await expect(mock.client().findConnectionsByName(NAME, SPEC_ID)).rejects.toThrow(
      "Adobe's Flow Service API kept answering with a next page while trying to list connections; stopped after 2 pages"
    )
    expect(mock.calls()).toHaveLength(2)
  })

  it('retries a listing page that fails with 503, waiting on the virtual clock', async () => {
    listing().reply(200, page([item('p1')], '/connections?continuationToken=t2'))
    listing().reply(503, flowErrorBody(503, '1103', 'Service unavailable'), { headers: { 'retry-after': '3' } })
    listing().reply(200, page([item('p2')]))
    const found = await mock.client().findConnectionsByName(NAME, SPEC_ID)
    expect(found.map((c) => c.id)).toEqual(['p1', 'p2'])
    expect(mock.slept).toEqual([3000])
  })
})
