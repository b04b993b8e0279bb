/**
 * FlowServiceClient's writes: a create is sent once unless the server surely did not act on it
 * (an unsure outcome is CreateOutcomeUnknownError; a refusal about the source itself is
 * SourceRefusedError, which the plan words in the source's terms); an update names its etag and
 * tells a stale one and a refused PATCH apart; a delete tells "already gone" from "gone by an
 * earlier attempt".
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { causeOf, ServiceError } from '../../../src/errors.ts'
import { NetworkError } from '../../../src/http.ts'
import { ConnectionInUseError } from '../../../src/plan/pipeline.ts'
import {
  CreateOutcomeUnknownError,
  SourceRefusedError,
  StaleEtagError,
  type CreateConnectionRequest,
  type PatchInstruction
} from '../../../src/plan/store.ts'
import { GATEWAY_REFUSALS, PATCH_REFUSALS, WITHDRAWN_SOURCE_REFUSALS } from '../../emulator/emulator.ts'
import {
  FLOW,
  flowErrorBody,
  headerOf,
  pathOf,
  platformMock,
  SANDBOX,
  SPEC_ID,
  type PlatformMock
} from '../../support/flow-service.ts'

const ID = '2484f2df-c057-4ab5-84f2-dfc0577ab592'
const ETAG = '"10033e77-0000-0200-0000-5e96785b0000"'
const CREATE: CreateConnectionRequest = {
  name: 'Zoho CRM base connection',
  description: 'Managed by octo/repo',
  auth: {
    specName: 'Basic Authentication',
    params: {
      endpoint: 'https://www.zohoapis.eu',
      accountsUrl: 'https://accounts.zoho.eu',
      clientId: '1000.ZOHOID',
      clientSecret: 'zoho-secret',
      accessToken: 'zoho-access',
      refreshToken: 'zoho-refresh'
    }
  },
  connectionSpec: { id: SPEC_ID, version: '1.0' }
}
const PATCH: PatchInstruction[] = [
  { op: 'replace', path: '/auth/params', value: CREATE.auth.params },
  { op: 'replace', path: '/description', value: 'Managed by octo/repo' }
]
const CANNOT_PATCH =
  "Adobe does not allow updating this connection's credentials through the API: to replace them, delete the " +
  'connection (mode: delete) and run ensure again to create it anew, once no dataflow uses it'

let mock: PlatformMock
const connections = (method: 'POST' | 'PATCH' | 'DELETE', path = `${FLOW}/connections`) =>
  mock.pool().intercept({ path, method })
const posts = () => mock.calls().filter((call) => call.method === 'POST')

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

describe('createConnection', () => {
  it.each([201, 200])('returns the id and etag of a %i, having sent the request as JSON once', async (status) => {
    connections('POST').reply(status, JSON.stringify({ id: ID, etag: ETAG }), {
      headers: { location: `${FLOW}/connections/${ID}` }
    })
    expect(await mock.client().createConnection(CREATE)).toEqual({ id: ID, etag: ETAG })
    const [call, ...more] = posts()
    expect(more).toEqual([])
    expect(call && JSON.parse(String(call.body))).toEqual(CREATE)
    expect(call && headerOf(call, 'content-type')).toBe('application/json')
  })

  it.each([500, 502, 503, 504])('is unsure after a %i, and does not send it again', async (status) => {
    connections('POST')
      .reply(status, flowErrorBody(status, '1102', 'Internal server error'))
      .persist()
    const error = await failure(mock.client().createConnection(CREATE))
    expect(error).toBeInstanceOf(CreateOutcomeUnknownError)
    expect(error.message).toContain(
      `is unavailable (HTTP ${status} (1102-${status})) while trying to create the connection`
    )
    expect(posts()).toHaveLength(1)
    expect(mock.slept).toEqual([])
  })

  it('is unsure after the connection was reset, and does not send it again', async () => {
    connections('POST')
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
      .persist()
    const error = await failure(mock.client().createConnection(CREATE))
    expect(error).toBeInstanceOf(CreateOutcomeUnknownError)
    expect(error.message).toContain('the connection was closed before an answer came (ECONNRESET) (1 attempt)')
    expect(causeOf(error, NetworkError)?.maybeApplied).toBe(true)
    expect(posts()).toHaveLength(1)
  })

  it('is unsure when no answer comes within request-timeout, and does not send it again', async () => {
    connections('POST')
      .reply(201, JSON.stringify({ id: ID, etag: ETAG }))
      .delay(2000)
      .persist()
    const error = await failure(mock.client({ http: { timeoutMs: 20 } }).createConnection(CREATE))
    expect(error).toBeInstanceOf(CreateOutcomeUnknownError)
    expect(error.message).toContain('no answer within 0.02 s (request-timeout)')
    expect(posts()).toHaveLength(1)
  })

  it('is unsure after a 201 without an id', async () => {
    connections('POST').reply(201, JSON.stringify({ etag: ETAG }))
    const error = await failure(mock.client().createConnection(CREATE))
    expect(error).toBeInstanceOf(CreateOutcomeUnknownError)
    expect(error.message).toMatch(
      /^Adobe's Flow Service API accepted the request to create the connection \(HTTP 201\) but answered with /
    )
  })

  it('sends it again when the connection was refused, as the server cannot have acted on it', async () => {
    connections('POST').replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))
    connections('POST').reply(201, JSON.stringify({ id: ID, etag: ETAG }))
    expect(await mock.client().createConnection(CREATE)).toEqual({ id: ID, etag: ETAG })
    expect(posts()).toHaveLength(2)
  })

  it('fails as unreachable, not as unsure, when every attempt was refused', async () => {
    connections('POST')
      .replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))
      .persist()
    const error = await failure(mock.client({ http: { maxAttempts: 3 } }).createConnection(CREATE))
    expect(error).toBeInstanceOf(NetworkError)
    expect(error).not.toBeInstanceOf(CreateOutcomeUnknownError)
    expect(posts()).toHaveLength(3)
  })

  it('sends it again after a 429, which was not acted on, and makes one connection', async () => {
    connections('POST').reply(429, JSON.stringify({ error_code: '429050', message: 'Too many requests' }), {
      headers: { 'retry-after': '2' }
    })
    connections('POST').reply(201, JSON.stringify({ id: ID, etag: ETAG }))
    connections('POST').reply(201, JSON.stringify({ id: '3595f3e0-d168-4bc6-95f3-e0d168abc6a3', etag: ETAG }))
    expect(await mock.client().createConnection(CREATE)).toEqual({ id: ID, etag: ETAG })
    expect(posts()).toHaveLength(2)
    expect(mock.slept).toEqual([2000])
  })

  it.each([
    ['503000', 'Could not validate Api Key'],
    ['503010', 'Could not validate the oauth token']
  ])('sends it again at once after a gateway %s, which never passed the gateway', async (code, message) => {
    connections('POST').reply(503, JSON.stringify({ error_code: code, message }))
    connections('POST').reply(201, JSON.stringify({ id: ID, etag: ETAG }))
    expect(await mock.client().createConnection(CREATE)).toEqual({ id: ID, etag: ETAG })
    expect(posts()).toHaveLength(2)
    expect(mock.slept).toHaveLength(1)
  })

  it('fails plainly, not as unsure, when every attempt met a gateway 503000', async () => {
    connections('POST')
      .reply(503, JSON.stringify({ error_code: '503000', message: 'Could not validate Api Key' }))
      .persist()
    const error = await failure(mock.client({ http: { maxAttempts: 2 } }).createConnection(CREATE))
    expect(error).toBeInstanceOf(ServiceError)
    expect(error).not.toBeInstanceOf(CreateOutcomeUnknownError)
    expect(error.message).toContain("the request never passed Adobe's gateway, so nothing was created")
    expect(posts()).toHaveLength(2)
  })

  it('reports rate limiting, not an unsure outcome, once the attempts are spent on 429s', async () => {
    connections('POST').reply(429, '').persist()
    const error = await failure(mock.client({ http: { maxAttempts: 2 } }).createConnection(CREATE))
    expect(error).toBeInstanceOf(ServiceError)
    expect(error).not.toBeInstanceOf(CreateOutcomeUnknownError)
    expect(error.message).toContain('is rate limiting this credential (HTTP 429) while trying to create the connection')
    expect(posts()).toHaveLength(2)
  })

  it.each([
    [
      'an id that is not a resource id',
      JSON.stringify({ id: '../../sandboxes', etag: ETAG }),
      'with an id that is not a valid resource id'
    ],
    [
      'an id that is not a string',
      JSON.stringify({ id: 42, etag: ETAG }),
      'with an id that is not a valid resource id'
    ],
    ['a body that is not JSON', '<html>Created</html>', 'with an unreadable body'],
    ['an empty body', '', 'with an unreadable body']
  ])('is unsure after a 201 with %s', async (_, body, said) => {
    connections('POST').reply(201, body)
    const error = await failure(mock.client().createConnection(CREATE))
    expect(error).toBeInstanceOf(CreateOutcomeUnknownError)
    expect(error.message).toBe(
      `Adobe's Flow Service API accepted the request to create the connection (HTTP 201) but answered ${said}`
    )
    expect(posts()).toHaveLength(1)
  })

  it.each(Object.entries(WITHDRAWN_SOURCE_REFUSALS))(
    "tells a create refused as %s apart as refused for the source, keeping Adobe's answer",
    async (_, { status, code, message }) => {
      connections('POST').reply(status, flowErrorBody(status, code, message))
      const error = await failure(mock.client().createConnection(CREATE))
      expect(error).toBeInstanceOf(SourceRefusedError)
      expect(error).not.toBeInstanceOf(CreateOutcomeUnknownError)
      const { refusal } = error as SourceRefusedError
      expect(refusal).toBeInstanceOf(ServiceError)
      expect(refusal).toMatchObject({ status, code: `${code}-${status}`, requestId: 'req-flow-1' })
      expect(refusal.summary).toContain(
        `refused to create the connection: HTTP ${status} (${code}-${status}): ${message}`
      )
      expect(posts()).toHaveLength(1)
    }
  )

  it('knows FLOW 1413-400 (invalid connection spec) as about the source by its code alone', async () => {
    connections('POST').reply(400, flowErrorBody(400, '1413', 'Bad request'))
    expect(await failure(mock.client().createConnection(CREATE))).toBeInstanceOf(SourceRefusedError)
  })

  it.each([
    ['1415', `The auth spec 'Basic' is invalid for connection spec ${SPEC_ID}`],
    ['1304', 'The mandatory field connectionSpec.id is not provided: connection spec unknown']
  ])('knows FLOW %s-400 as about the request, not the source, whatever its words', async (code, message) => {
    connections('POST').reply(400, flowErrorBody(400, code, message))
    const error = await failure(mock.client().createConnection(CREATE))
    expect(error).toBeInstanceOf(ServiceError)
    expect(error).not.toBeInstanceOf(SourceRefusedError)
    expect(error.message).toContain(`(${code}-400): ${message}`)
  })

  it.each([
    [
      'a wrong auth spec name',
      400,
      flowErrorBody(400, '1415', `The auth spec 'Basic' could not be found for the connection spec ID ${SPEC_ID}`)
    ],
    ['a missing field', 400, flowErrorBody(400, '1304', 'The mandatory field refreshToken is not provided')],
    [
      'a missing permission, even in words about the source',
      403,
      flowErrorBody(403, '2118', 'The permission write is missing: writing connections of this source is not allowed')
    ],
    ['the gateway', 403, JSON.stringify(GATEWAY_REFUSALS[403].body)]
  ])('does not blame the source for a refusal about %s', async (_, status, body) => {
    connections('POST').reply(status, body)
    const error = await failure(mock.client().createConnection(CREATE))
    expect(error).toBeInstanceOf(ServiceError)
    expect(error).not.toBeInstanceOf(SourceRefusedError)
    expect(error.message).toContain('refused to create the connection')
  })
})

describe('updateConnection', () => {
  const AT = `${FLOW}/connections/${ID}`

  it('sends the patch with If-Match as Adobe returned the etag, and returns the new etag', async () => {
    const next = '"3600e378-0000-0200-0000-5f3f23450000"'
    connections('PATCH', AT).reply(200, JSON.stringify({ id: ID, etag: next }))
    expect(await mock.client().updateConnection(ID, ETAG, PATCH)).toEqual({ etag: next })
    const [call, ...more] = mock.calls()
    expect(more).toEqual([])
    expect(call && pathOf(call)).toBe(AT)
    expect(call && headerOf(call, 'if-match')).toBe(ETAG)
    expect(call && headerOf(call, 'content-type')).toBe('application/json')
    expect(call && JSON.parse(String(call.body))).toEqual(PATCH)
  })

  it('throws StaleEtagError for a 412', async () => {
    connections('PATCH', AT).reply(
      412,
      flowErrorBody(412, '1404', `Supplied version=[${ETAG}] does not match the current version on entity=["other"]`)
    )
    const error = await failure(mock.client().updateConnection(ID, ETAG, PATCH))
    expect(error).toBeInstanceOf(StaleEtagError)
    expect(error.message).toContain('refused to update the connection: HTTP 412 (1404-412)')
    expect(causeOf(error, ServiceError)?.status).toBe(412)
  })

  it.each(Object.entries(PATCH_REFUSALS))(
    'says what to do when the connector refuses PATCH (%s)',
    async (_, { code, message }) => {
      connections('PATCH', AT).reply(400, flowErrorBody(400, code, message))
      const error = await failure(mock.client().updateConnection(ID, ETAG, PATCH))
      expect(error).toBeInstanceOf(ServiceError)
      expect(error).not.toBeInstanceOf(StaleEtagError)
      expect(error).toMatchObject({ status: 400, code: `${code}-400` })
      expect(error.message).toContain(`refused to update the connection: HTTP 400 (${code}-400): ${message}`)
      expect(error.message).toContain(CANNOT_PATCH)
    }
  )

  it.each([
    ['1300', 'Operation not supported for zoho-crm connector'],
    ['1445', 'Feature not enabled']
  ])('knows FLOW %s-400 as a refused PATCH by its code alone', async (code, message) => {
    connections('PATCH', AT).reply(400, flowErrorBody(400, code, message))
    const error = await failure(mock.client().updateConnection(ID, ETAG, PATCH))
    expect(error.message).toContain(CANNOT_PATCH)
  })

  it('does not call an invalid patch a refused PATCH', async () => {
    connections('PATCH', AT).reply(400, flowErrorBody(400, '1455', 'Invalid patch instruction'))
    const error = await failure(mock.client().updateConnection(ID, ETAG, PATCH))
    expect(error).toBeInstanceOf(ServiceError)
    expect(error.message).toContain('refused to update the connection: HTTP 400 (1455-400): Invalid patch instruction')
    expect(error.message).not.toContain('does not allow updating')
  })

  it('refuses an answer whose id is not a resource id', async () => {
    connections('PATCH', AT).reply(200, JSON.stringify({ id: 'a b', etag: ETAG }))
    await expect(mock.client().updateConnection(ID, ETAG, PATCH)).rejects.toThrow(
      "Adobe's Flow Service API answered HTTP 200 with an id that is not a valid resource id while trying to update the connection; not using it"
    )
  })
})

describe('deleteConnection', () => {
  const AT = `${FLOW}/connections/${ID}`

  it.each([204, 200])('is deleted on a %i', async (status) => {
    connections('DELETE', AT).reply(status, '')
    expect(await mock.client().deleteConnection(ID)).toBe('deleted')
  })

  it('is absent on a first-attempt 404 about the connection', async () => {
    connections('DELETE', AT).reply(404, flowErrorBody(404, '1101', `Connection ${ID} not found`))
    expect(await mock.client().deleteConnection(ID)).toBe('absent')
  })

  it.each([
    ['a 503', (at: ReturnType<typeof connections>) => at.reply(503, flowErrorBody(503, '1103', 'Service unavailable'))],
    [
      'a reset',
      (at: ReturnType<typeof connections>) =>
        at.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
    ]
  ])('is deleted on a 404 after %s: the earlier attempt deleted it', async (_, first) => {
    first(connections('DELETE', AT))
    connections('DELETE', AT).reply(404, flowErrorBody(404, '1101', `Connection ${ID} not found`))
    expect(await mock.client().deleteConnection(ID)).toBe('deleted')
    expect(mock.calls()).toHaveLength(2)
  })

  it.each(['2100', '2101'])('fails naming the sandbox for a 404 Sandbox not found (FLOW %s-404)', async (code) => {
    connections('DELETE', AT).reply(404, flowErrorBody(404, code, 'Sandbox not found'))
    const error = await failure(mock.client().deleteConnection(ID))
    expect(error).toBeInstanceOf(ServiceError)
    expect(error.message).toContain(`sandbox "${SANDBOX}" was not found`)
  })

  it("tells a refusal because dataflows use it (1418-400) apart, keeping Adobe's words for the plan to name them", async () => {
    connections('DELETE', AT).reply(
      400,
      flowErrorBody(400, '1418', 'Please ensure that corresponding flows are deleted before deleting a base connection')
    )
    const error = await failure(mock.client().deleteConnection(ID))
    expect(error).toBeInstanceOf(ConnectionInUseError)
    const { refusal } = error as ConnectionInUseError
    expect(refusal.code).toBe('1418-400')
    expect(refusal.message).toContain(
      'refused to delete the connection: HTTP 400 (1418-400): Please ensure that corresponding flows are deleted before deleting a base connection. Likely cause: the base connection is still used by dataflows: delete those dataflows first'
    )
  })

  it('tells any other refusal apart from one about dataflows', async () => {
    connections('DELETE', AT).reply(400, flowErrorBody(400, '1416', 'Delete can only be applied in enabled state'))
    const error = await failure(mock.client().deleteConnection(ID))
    expect(error).toBeInstanceOf(ServiceError)
    expect(error).not.toBeInstanceOf(ConnectionInUseError)
  })
})

describe('publishConnection', () => {
  const AT = `${FLOW}/connections/${ID}/action?op=publish`

  it("posts op=publish with no body, as Adobe's draft tutorial does, and returns the etag", async () => {
    connections('POST', AT).reply(200, { id: ID, etag: ETAG })
    expect(await mock.client().publishConnection(ID)).toEqual({ etag: ETAG })
    const [call] = mock.calls()
    expect(call?.method).toBe('POST')
    expect(call && pathOf(call)).toBe(AT)
    expect(call?.body ?? undefined).toBeUndefined()
  })

  it("fails with Adobe's reason when the publish is refused", async () => {
    connections('POST', AT).reply(
      400,
      flowErrorBody(400, '1401', 'The connection cannot be published: auth params are missing')
    )
    const error = await failure(mock.client().publishConnection(ID))
    expect(error).toBeInstanceOf(ServiceError)
    expect(error.message).toContain(
      'refused to publish the draft connection: HTTP 400 (1401-400): The connection cannot be published'
    )
  })
})
