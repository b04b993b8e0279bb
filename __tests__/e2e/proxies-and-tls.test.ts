import { appendFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generate } from 'selfsigned'
import { afterAll, beforeAll, describe, expect } from 'vitest'
import { Emulator } from '../emulator/emulator.ts'
import { emulatorTest } from '../support/fixtures.ts'
import { PROXIED_HOST, startProxy } from '../support/proxy.ts'
import { startRefusingProxy } from '../support/refusing-proxy.ts'

/** For the closing note: set SHARED_FIGURES to a file to collect each case's end state. */
function figures(name: string, facts: Record<string, unknown>): void {
  const file = process.env['SHARED_FIGURES']
  if (file) appendFileSync(file, `${JSON.stringify({ name, ...facts })}\n`)
}

/** Counts the TCP connections a server accepts. */
function countConnections(emulator: Emulator) {
  const counter = { count: 0 }
  emulator.server.on('connection', () => counter.count++)
  return counter
}

/** Every URL input aimed at the emulator by the proxied name instead of 127.0.0.1. */
function byProxiedName(emulator: Emulator): Record<string, string> {
  const url = emulator.url.replace('127.0.0.1', PROXIED_HOST)
  emulator.zoho.apiDomain = url
  return { 'adobe-ims-url': url, 'adobe-platform-url': url, 'zoho-endpoint': url, 'zoho-accounts-url': url }
}

describe.concurrent('proxies and plain http', () => {
  const it = emulatorTest()

  it('never sends plain http through a proxy: loopback targets bypass HTTP_PROXY and HTTPS_PROXY', async ({
    ctx: { emulator, run }
  }) => {
    const proxy = await startProxy()
    try {
      const result = await run({}, { env: { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url } })
      expect(result.exitCode).toBe(0)
      expect(emulator.log.length).toBeGreaterThanOrEqual(8)
      // The IMS client secret, the Zoho secrets and the bearer token stayed on the machine.
      expect(proxy.forwarded).toEqual([])
      expect(proxy.tunnels).toEqual([])
    } finally {
      await proxy.stop()
    }
  })

  it('fails clearly, naming the input and the proxy variables, when the proxy cannot be reached', async ({
    ctx: { emulator, run }
  }) => {
    // Port 1 (tcpmux) is privileged and served by nothing here: always refused. A port freed by
    // stopping a proxy could be handed to a concurrent test's proxy, which would then answer.
    const closed = 'http://127.0.0.1:1'
    const result = await run(
      { 'adobe-ims-url': `https://${PROXIED_HOST}`, 'max-attempts': '2' },
      { env: { HTTPS_PROXY: closed } }
    )
    expect(result.exitCode).toBe(1)
    expect(result.errors).toEqual([
      `Adobe IMS (adobe-ims-url: https://${PROXIED_HOST}) could not be reached while trying to exchange the client credentials for an access token: the connection was refused (2 attempts). Check adobe-ims-url, the runner's network and the proxy variables (HTTPS_PROXY, HTTP_PROXY, NO_PROXY).`
    ])
    expect(emulator.log).toEqual([])
  })
})

describe.concurrent('proxy variables that cannot be used, and a proxy that refuses', () => {
  const it = emulatorTest()

  it.for([
    ['HTTPS_PROXY', 'http://[bad'],
    ['HTTPS_PROXY', 'proxy.corp.example:3128'],
    ['https_proxy', 'http://proxy-user:hunter2-proxy-secret@[bad'],
    ['HTTP_PROXY', 'ftp://proxy.corp.example:21']
  ] as const)(
    '%s=%s fails before any request, naming the variable, never its value',
    async ([name, value], { ctx: { emulator, run } }) => {
      const result = await run({}, { env: { [name]: value } })
      expect(result.exitCode).toBe(1)
      expect(result.errors).toHaveLength(1)
      expect(result.errors[0]).toContain(`${name} is not a proxy URL this action can use`)
      expect(result.errors[0]).not.toContain('Unexpected')
      expect(result.stdout).not.toContain(value)
      expect(result.stdout).not.toContain('hunter2-proxy-secret')
      expect(result.summary).not.toContain('hunter2-proxy-secret')
      expect(emulator.log).toEqual([])
      figures(`malformed ${name}`, { exit: result.exitCode, requests: emulator.log.length, message: result.errors[0] })
    }
  )

  it('a 407 from the proxy is final: one tunnel request, a clear line, nothing sent again', async ({
    ctx: { emulator, run }
  }) => {
    const proxy = await startRefusingProxy(407)
    try {
      const result = await run(
        { 'adobe-ims-url': `https://${PROXIED_HOST}` },
        { env: { HTTPS_PROXY: proxy.url.replace('http://', 'http://proxy-user:proxy-pass-0001@') } }
      )
      expect(result.exitCode).toBe(1)
      expect(proxy.connects.map((c) => c.target)).toEqual([`${PROXIED_HOST}:443`])
      expect(result.errors[0]).toContain(
        `Adobe IMS (adobe-ims-url: https://${PROXIED_HOST}) could not be reached while trying to exchange the client credentials for an access token: the proxy (HTTPS_PROXY: ${proxy.url}) refused to open a tunnel to ${PROXIED_HOST} with HTTP 407 Proxy Authentication Required`
      )
      expect(result.errors[0]).toContain('(1 attempt)')
      // Masked before anything else: the runner hides the mask line, and no other line holds it.
      expect(result.lines.filter((line) => !line.startsWith('::add-mask::')).join('\n')).not.toContain(
        'proxy-pass-0001'
      )
      expect(result.lines).toContain('::add-mask::proxy-pass-0001')
      expect(result.stdout).not.toMatch(/retrying in/)
      expect(emulator.log).toEqual([])
      figures('a 407 from the proxy', {
        exit: result.exitCode,
        tunnels: proxy.connects.length,
        message: result.errors[0]
      })
    } finally {
      await proxy.stop()
    }
  })
})

describe.concurrent('TLS with a throwaway CA', () => {
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
    const leaf = await generate([{ name: 'commonName', value: PROXIED_HOST }], {
      keyType: 'ec',
      algorithm: 'sha256',
      ca: { key: ca.private, cert: ca.cert },
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            { type: 7, ip: '127.0.0.1' },
            { type: 2, value: PROXIED_HOST }
          ]
        }
      ]
    })
    tls = { key: leaf.private, cert: leaf.cert }
    dir = await mkdtemp(join(tmpdir(), 'throwaway-ca-'))
    caFile = join(dir, 'ca.pem')
    await writeFile(caFile, ca.cert)
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))
  const it = emulatorTest(() => ({ tls }))

  it('works over HTTPS when NODE_EXTRA_CA_CERTS names the CA', async ({ ctx: { emulator, run } }) => {
    expect(emulator.url).toMatch(/^https:/)
    const result = await run({}, { env: { NODE_EXTRA_CA_CERTS: caFile } })
    expect(result.exitCode).toBe(0)
    expect(result.outputs['result']).toBe('created')
  })

  it('tunnels every HTTPS connection to a host that is not loopback through HTTPS_PROXY', async ({
    ctx: { emulator, run }
  }) => {
    const proxy = await startProxy()
    try {
      const connections = countConnections(emulator)
      const result = await run(byProxiedName(emulator), {
        env: { HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: caFile }
      })
      expect(result.exitCode).toBe(0)
      expect(result.outputs['result']).toBe('created')
      expect(proxy.tunnels.length).toBeGreaterThan(0)
      expect(new Set(proxy.tunnels)).toEqual(new Set([`${PROXIED_HOST}:${new URL(emulator.url).port}`]))
      // Every connection the server accepted was opened by the proxy for a tunnel.
      expect(connections.count).toBe(proxy.tunnels.length)
    } finally {
      await proxy.stop()
    }
  })

  it('sends HTTPS to a loopback host directly, even with HTTPS_PROXY set', async ({ ctx: { emulator, run } }) => {
    const proxy = await startProxy()
    try {
      const result = await run({}, { env: { HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: caFile } })
      expect(result.exitCode).toBe(0)
      expect(proxy.tunnels).toEqual([])
      expect(emulator.log.length).toBeGreaterThanOrEqual(8)
    } finally {
      await proxy.stop()
    }
  })

  it('NODE_TLS_REJECT_UNAUTHORIZED=0 turns nothing off: no secret reaches the untrusted server, and a warning says so', async ({
    ctx: { emulator, run }
  }) => {
    const received = countConnections(emulator)
    const result = await run({}, { env: { NODE_TLS_REJECT_UNAUTHORIZED: '0' } })
    expect(result.exitCode).toBe(1)
    expect(result.errors[0]).toContain('is not trusted')
    expect(result.errors[0]).toContain('(1 attempt)')
    expect(result.warnings).toContain(
      "NODE_TLS_REJECT_UNAUTHORIZED=0 is set in the job's environment; this action ignores it and verifies every TLS certificate, so that no secret goes to a server it cannot trust. Behind a proxy or a private CA that signs certificates, point NODE_EXTRA_CA_CERTS at that CA's certificate (a PEM file) instead."
    )
    // The TLS handshake was refused: no request, so no secret, reached the server.
    expect(received.count).toBeGreaterThan(0)
    expect(emulator.log).toEqual([])
    expect(emulator.issuedImsTokens.size).toBe(0)
    figures('NODE_TLS_REJECT_UNAUTHORIZED=0, untrusted certificate', {
      exit: result.exitCode,
      requests: emulator.log.length,
      warning: result.warnings.find((w) => w.includes('NODE_TLS_REJECT_UNAUTHORIZED'))
    })
  })

  it('with NODE_EXTRA_CA_CERTS, NODE_TLS_REJECT_UNAUTHORIZED=0 is still only warned about', async ({
    ctx: { run }
  }) => {
    const result = await run({}, { env: { NODE_TLS_REJECT_UNAUTHORIZED: '0', NODE_EXTRA_CA_CERTS: caFile } })
    expect(result.exitCode).toBe(0)
    expect(result.warnings.some((w) => w.startsWith('NODE_TLS_REJECT_UNAUTHORIZED=0 is set'))).toBe(true)
  })

  it('refuses the connection without it, with one clear line, and does not retry', async ({
    ctx: { emulator, run }
  }) => {
    const result = await run({}, {})
    expect(result.exitCode).toBe(1)
    expect(result.errors[0]).toContain('is not trusted')
    expect(result.errors[0]).toContain('NODE_EXTRA_CA_CERTS')
    expect(result.errors[0]).toContain('(1 attempt)')
    expect(result.errors[0]).toContain('Adobe IMS (adobe-ims-url: https://127.0.0.1:')
    expect(emulator.log).toEqual([])
  })
})
