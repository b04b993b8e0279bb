import { MockAgent } from 'undici'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ActionError, describeFailure } from '../../src/errors.ts'
import { MAX_BODY_BYTES, NetworkError, type HttpRequest } from '../../src/http.ts'
import { recordingClock, testClient } from '../support/http-client.ts'

describe('a request with no usable answer', () => {
  let agent: MockAgent
  let slept: number[]
  const client = (maxAttempts = 3) => testClient(agent, { maxAttempts, clock: recordingClock(slept) })
  const get: HttpRequest = {
    operation: 'list sandboxes',
    target: { service: 'Adobe Experience Platform', input: 'adobe-platform-url' },
    method: 'GET',
    url: 'https://platform.test/data'
  }
  const pool = () => agent.get('https://platform.test')
  const failWith = (code: string, times: number) =>
    pool()
      .intercept({ path: '/data' })
      .replyWithError(Object.assign(new Error(`boom ${code}`), { code }))
      .times(times)
  const failure = (maxAttempts?: number): Promise<NetworkError> =>
    client(maxAttempts)
      .send(get)
      .then(
        () => {
          throw new Error('expected the request to fail')
        },
        (error: unknown) => error as NetworkError
      )

  beforeEach(() => {
    agent = new MockAgent()
    agent.disableNetConnect()
    slept = []
  })
  afterEach(async () => {
    await agent.close()
  })

  it.each([
    ['ECONNREFUSED', 'the connection was refused', false, ''],
    ['ENOTFOUND', 'the host name platform.test could not be resolved (ENOTFOUND)', false, ''],
    ['EAI_AGAIN', 'the host name platform.test could not be resolved (EAI_AGAIN)', false, ''],
    ['ECONNRESET', 'the connection was closed before an answer came (ECONNRESET)', true, ''],
    ['UND_ERR_SOCKET', 'the connection was closed before an answer came (UND_ERR_SOCKET)', true, ''],
    ['UND_ERR_HEADERS_TIMEOUT', 'no answer in time (UND_ERR_HEADERS_TIMEOUT)', true, ' request-timeout,']
  ])('%s: one line naming the service, the input, the cause and what to check', async (code, cause, maybe, also) => {
    failWith(code, 2)
    const error = await failure(2)
    expect(error).toBeInstanceOf(NetworkError)
    expect(error).toBeInstanceOf(ActionError)
    expect(error.maybeApplied).toBe(maybe)
    expect(describeFailure(error)).toBe(
      `Adobe Experience Platform (adobe-platform-url: https://platform.test) could not be reached while trying to list sandboxes: ${cause} (2 attempts). Check adobe-platform-url,${also} the runner's network and the proxy variables (HTTPS_PROXY, HTTP_PROXY, NO_PROXY).`
    )
  })

  it('an untrusted certificate is one attempt and names NODE_EXTRA_CA_CERTS', async () => {
    failWith('SELF_SIGNED_CERT_IN_CHAIN', 3)
    const error = await failure()
    expect(error.kind).toBe('tls')
    expect(error.attempts).toBe(1)
    expect(error.message).toContain('the TLS certificate of platform.test is not trusted (SELF_SIGNED_CERT_IN_CHAIN)')
    expect(error.message).toContain('NODE_EXTRA_CA_CERTS')
  })

  it('a body over 8 MiB is refused and not retried', async () => {
    pool()
      .intercept({ path: '/data' })
      .reply(200, Buffer.alloc(MAX_BODY_BYTES + 1, 0x20))
      .times(3)
    const error = await failure()
    expect(error.kind).toBe('too-large')
    expect(error.attempts).toBe(1)
    expect(slept).toEqual([])
    expect(error.message).toBe(
      'Adobe Experience Platform (adobe-platform-url: https://platform.test) sent an answer larger than 8 MiB while trying to list sandboxes; it was refused and not retried. Check adobe-platform-url, and any gateway or proxy in between.'
    )
  })

  it('a body of exactly 8 MiB is read', async () => {
    pool().intercept({ path: '/data' }).reply(200, Buffer.alloc(MAX_BODY_BYTES, 0x20))
    const response = await client().send(get)
    expect(response.body).toHaveLength(MAX_BODY_BYTES)
  })
})
