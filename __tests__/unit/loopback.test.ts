import { createServer, type Server } from 'node:http'
import type { AddressInfo, LookupFunction } from 'node:net'
import { request } from 'undici'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createDispatcher } from '../../src/http.ts'
import { isLoopbackHost } from '../../src/loopback.ts'
import { PROXIED_HOST, startProxy } from '../support/proxy.ts'

/** Resolves every name to 127.0.0.1, so a direct request to PROXIED_HOST stays on this machine. */
const toLoopback: LookupFunction = (_host, options, callback) =>
  options.all ? callback(null, [{ address: '127.0.0.1', family: 4 }]) : callback(null, '127.0.0.1', 4)

describe('the dispatcher sends loopback requests direct and the rest through the proxy variables', () => {
  let server: Server
  let port: number
  let proxy: Awaited<ReturnType<typeof startProxy>>
  const served: string[] = []

  beforeEach(async () => {
    served.length = 0
    server = createServer((req, res) => {
      served.push(`${req.headers.host}${req.url}`)
      res.end('{}')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    port = (server.address() as AddressInfo).port
    proxy = await startProxy()
  })
  afterEach(async () => {
    vi.unstubAllEnvs()
    await proxy.stop()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })

  const get = async (url: string) => {
    const dispatcher = createDispatcher({ connect: { lookup: toLoopback } })
    try {
      const response = await request(url, { dispatcher })
      await response.body.text()
      return response.statusCode
    } finally {
      await dispatcher.close()
    }
  }

  it.each(['127.0.0.1', '127.1.2.3', 'localhost'])(
    'sends http://%s direct although HTTP_PROXY is set',
    async (host) => {
      vi.stubEnv('HTTP_PROXY', proxy.url)
      vi.stubEnv('HTTPS_PROXY', proxy.url)
      vi.stubEnv('NO_PROXY', '')
      // 127.1.2.3 is loopback too; the server listens on 127.0.0.1 only, so a refusal there still proves "direct".
      const status = await get(`http://${host}:${port}/health`).catch((error: { code?: string }) => error.code)
      expect(proxy.forwarded).toEqual([])
      expect(proxy.tunnels).toEqual([])
      expect(status === 200 || status === 'ECONNREFUSED').toBe(true)
    }
  )

  it('sends any other host through HTTP_PROXY', async () => {
    vi.stubEnv('HTTP_PROXY', proxy.url)
    vi.stubEnv('NO_PROXY', '')
    expect(await get(`http://${PROXIED_HOST}:${port}/health`)).toBe(200)
    expect(proxy.forwarded).toEqual([`http://${PROXIED_HOST}:${port}/health`])
  })

  it('honours NO_PROXY for a host that is not loopback', async () => {
    vi.stubEnv('HTTP_PROXY', proxy.url)
    vi.stubEnv('NO_PROXY', PROXIED_HOST)
    expect(await get(`http://${PROXIED_HOST}:${port}/health`)).toBe(200)
    expect(proxy.forwarded).toEqual([])
    expect(served).toEqual([`${PROXIED_HOST}:${port}/health`])
  })

  it('knows which hosts are loopback', () => {
    for (const host of ['127.0.0.1', '127.255.0.9', 'localhost', 'LOCALHOST', '[::1]']) {
      expect(isLoopbackHost(host)).toBe(true)
    }
    for (const host of ['128.0.0.1', 'localhost.example.com', '127.0.0.1.nip.io', PROXIED_HOST, '[::2]']) {
      expect(isLoopbackHost(host)).toBe(false)
    }
  })
})
