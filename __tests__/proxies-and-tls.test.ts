import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createProxy } from 'proxy'
import { generate } from 'selfsigned'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { Emulator } from './emulator/emulator.ts'
import { runAgainst as run } from './support/fixtures.ts'

/** A real forward proxy (the `proxy` package, the one undici's own tests use) that counts tunnels. */
async function startProxy() {
  const server = createProxy(createServer()) as Server
  const tunnels: string[] = []
  const forwarded: string[] = []
  server.on('connect', (req: { url?: string }) => tunnels.push(req.url ?? ''))
  server.on('request', (req: { url?: string }) => forwarded.push(req.url ?? ''))
  const sockets = new Set<Socket>()
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tunnels,
    forwarded,
    stop: () => {
      for (const socket of sockets) socket.destroy()
      return new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}

/** Counts the TCP connections a server accepts. */
function countConnections(emulator: Emulator) {
  const counter = { count: 0 }
  emulator.server.on('connection', () => counter.count++)
  return counter
}

describe('proxies', () => {
  let emulator: Emulator
  let proxy: Awaited<ReturnType<typeof startProxy>>
  afterEach(async () => {
    await emulator.stop()
    await proxy.stop()
  })

  it('forwards every plain-http request through HTTP_PROXY', async () => {
    emulator = await new Emulator().start()
    proxy = await startProxy()
    const result = await run(emulator, {}, { env: { HTTP_PROXY: proxy.url } })
    expect(result.exitCode).toBe(0)
    expect(emulator.log.length).toBeGreaterThanOrEqual(8)
    // The proxy saw, as absolute URLs, exactly the requests the emulator answered.
    expect(proxy.forwarded.map((url) => new URL(url).pathname).sort()).toEqual(emulator.log.map((e) => e.path).sort())
    expect(proxy.forwarded.every((url) => url.startsWith(emulator.url))).toBe(true)
  })

  it('bypasses the proxy for hosts in NO_PROXY', async () => {
    emulator = await new Emulator().start()
    proxy = await startProxy()
    const result = await run(
      emulator,
      {},
      { env: { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, NO_PROXY: '127.0.0.1' } }
    )
    expect(result.exitCode).toBe(0)
    expect(proxy.tunnels).toEqual([])
    expect(emulator.log.length).toBeGreaterThanOrEqual(8)
  })

  it('fails clearly when the proxy cannot be reached', async () => {
    emulator = await new Emulator().start()
    proxy = await startProxy()
    const closed = proxy.url
    await proxy.stop()
    proxy = await startProxy()
    const result = await run(emulator, { 'max-attempts': '2' }, { env: { HTTP_PROXY: closed } })
    expect(result.exitCode).toBe(1)
    expect(result.errors[0]).toContain('Adobe IMS token exchange failed after 2 attempts')
    expect(emulator.log).toEqual([])
  })
})

describe('TLS with a throwaway CA', () => {
  let caFile: string
  let dir: string
  let tls: { key: string; cert: string }

  beforeAll(async () => {
    const ca = await generate([{ name: 'commonName', value: 'Throwaway test CA' }], {
      keyType: 'ec',
      algorithm: 'sha256',
      extensions: [
        { name: 'basicConstraints', cA: true, critical: true },
        { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }
      ]
    })
    const leaf = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
      keyType: 'ec',
      algorithm: 'sha256',
      ca: { key: ca.private, cert: ca.cert },
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }
      ]
    })
    tls = { key: leaf.private, cert: leaf.cert }
    dir = await mkdtemp(join(tmpdir(), 'throwaway-ca-'))
    caFile = join(dir, 'ca.pem')
    await writeFile(caFile, ca.cert)
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('works over HTTPS when NODE_EXTRA_CA_CERTS names the CA', async () => {
    const emulator = await new Emulator({ tls }).start()
    try {
      expect(emulator.url).toMatch(/^https:/)
      const result = await run(emulator, {}, { env: { NODE_EXTRA_CA_CERTS: caFile } })
      expect(result.exitCode).toBe(0)
      expect(result.outputs['result']).toBe('created')
    } finally {
      await emulator.stop()
    }
  })

  it('tunnels every HTTPS connection through HTTPS_PROXY', async () => {
    const emulator = await new Emulator({ tls }).start()
    const proxy = await startProxy()
    try {
      const connections = countConnections(emulator)
      const result = await run(emulator, {}, { env: { HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: caFile } })
      expect(result.exitCode).toBe(0)
      expect(proxy.tunnels.length).toBeGreaterThan(0)
      expect(new Set(proxy.tunnels)).toEqual(new Set([new URL(emulator.url).host]))
      // Every connection the server accepted was opened by the proxy for a tunnel.
      expect(connections.count).toBe(proxy.tunnels.length)
    } finally {
      await emulator.stop()
      await proxy.stop()
    }
  })

  it('refuses the connection without it, with one clear line, and does not retry', async () => {
    const emulator = await new Emulator({ tls }).start()
    try {
      const result = await run(emulator, {}, {})
      expect(result.exitCode).toBe(1)
      expect(result.errors[0]).toContain('is not trusted')
      expect(result.errors[0]).toContain('NODE_EXTRA_CA_CERTS')
      expect(result.errors[0]).toContain('failed after 1 attempt')
      expect(emulator.log).toEqual([])
    } finally {
      await emulator.stop()
    }
  })
})
