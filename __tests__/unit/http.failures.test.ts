import { MockAgent } from 'undici'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ActionError, describeFailure } from '../../src/errors.ts'
import {
  createDispatcher,
  MAX_BODY_BYTES,
  NetworkError,
  proxyCredentials,
  proxyEnvironmentProblems,
  tlsOverrideWarning,
  type HttpRequest
} from '../../src/http.ts'
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

describe('a proxy that refuses the tunnel', () => {
  let agent: MockAgent
  let slept: number[]
  const client = (kind: 'read' | 'create' | 'token-refresh') => ({
    send: () =>
      testClient(agent, { maxAttempts: 4, clock: recordingClock(slept) })
        .send({
          operation: 'list sandboxes',
          target: { service: 'Adobe Experience Platform', input: 'adobe-platform-url' },
          method: kind === 'read' ? 'GET' : 'POST',
          url: 'https://platform.test/data',
          kind
        })
        .then(
          () => {
            throw new Error('expected the request to fail')
          },
          (error: unknown) => error as NetworkError
        )
  })
  const refuse = (status: number) =>
    agent
      .get('https://platform.test')
      .intercept({ path: '/data', method: /GET|POST/ })
      .replyWithError(
        Object.assign(new Error(`Proxy response (${status}) !== 200 when HTTP Tunneling`), { code: 'UND_ERR_ABORTED' })
      )
      .times(4)

  beforeEach(() => {
    agent = new MockAgent()
    agent.disableNetConnect()
    slept = []
  })
  afterEach(async () => {
    await agent.close()
  })

  it.each(['read', 'create', 'token-refresh'] as const)(
    'a %s meeting 407 is final: one attempt, nothing reached the server, the fix named',
    async (kind) => {
      refuse(407)
      const error = await client(kind).send()
      expect(error).toBeInstanceOf(NetworkError)
      expect(error).toMatchObject({ kind: 'proxy', attempts: 1, maybeApplied: false })
      expect(slept).toEqual([])
      expect(error.message).toContain(
        'refused to open a tunnel to platform.test with HTTP 407 Proxy Authentication Required'
      )
      expect(error.message).toContain('http://user:password@host:port')
      expect(error.message).not.toContain("the runner's network")
    }
  )

  it('another refusal is final too, and says which host to allow', async () => {
    refuse(403)
    const error = await client('read').send()
    expect(error).toMatchObject({ kind: 'proxy', attempts: 1 })
    expect(error.message).toContain('with HTTP 403: check that the proxy allows connections to platform.test')
  })
})

describe('the proxy and TLS variables', () => {
  it.each([
    ['HTTPS_PROXY', 'http://[bad', 'it cannot be read as a URL'],
    ['https_proxy', 'not a url', 'it cannot be read as a URL'],
    ['HTTP_PROXY', 'proxy.corp:3128', 'its scheme is not http, https or socks5'],
    ['HTTPS_PROXY', 'ftp://proxy.corp:21', 'its scheme is not http, https or socks5'],
    ['HTTPS_PROXY', 'http://user:s3cr3t-pass@[bad', 'it cannot be read as a URL'],
    ['http_proxy', 'file:///etc/passwd', 'its scheme is not http, https or socks5']
  ])('%s=%s is refused, naming the variable, never its value', (name, value, why) => {
    const problems = proxyEnvironmentProblems({ [name]: value })
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(new RegExp(`^${name} is not a proxy URL this action can use: `))
    expect(problems[0]).toContain(why)
    expect(problems[0]).not.toContain(value)
    expect(problems[0]).not.toContain('s3cr3t')
    expect(() => createDispatcher({}, { [name]: value })).toThrow(ActionError)
  })

  it.each([
    ['HTTPS_PROXY', 'http://proxy.corp:3128'],
    ['HTTPS_PROXY', 'https://user:pass@proxy.corp'],
    ['HTTP_PROXY', 'socks5://127.0.0.1:1080'],
    ['NO_PROXY', 'anything, at all'],
    ['HTTPS_PROXY', '']
  ])('%s=%s is accepted', (name, value) => {
    expect(proxyEnvironmentProblems({ [name]: value })).toEqual([])
  })

  it('masks the credentials a proxy variable holds, decoded too', () => {
    expect(proxyCredentials({ HTTPS_PROXY: 'http://proxy-user:p%40ssw0rd@proxy.corp:3128' })).toEqual([
      'p%40ssw0rd',
      'p@ssw0rd',
      'proxy-user',
      'proxy-user'
    ])
    expect(proxyCredentials({ HTTPS_PROXY: 'http://proxy.corp:3128' })).toEqual([])
  })

  it.each([
    ['0', true],
    [' 0 ', true],
    ['1', false],
    ['', false],
    [undefined, false]
  ])('NODE_TLS_REJECT_UNAUTHORIZED=%j warns: %s, pointing at NODE_EXTRA_CA_CERTS', (value, warns) => {
    const warning = tlsOverrideWarning(value === undefined ? {} : { NODE_TLS_REJECT_UNAUTHORIZED: value })
    expect(warning !== undefined).toBe(warns)
    if (warning) {
      expect(warning).toContain('NODE_TLS_REJECT_UNAUTHORIZED=0')
      expect(warning).toContain('NODE_EXTRA_CA_CERTS')
      expect(warning).toContain('ignores it')
    }
  })
})
