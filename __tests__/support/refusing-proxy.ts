import { createServer } from 'node:http'
import type { Socket } from 'node:net'
import { listenOnLoopback } from './proxy.ts'

/**
 * A forward proxy that answers every tunnel request (CONNECT) with `status`, as a corporate proxy
 * that wants credentials answers 407, and records each request and the credentials it was sent.
 */
export async function startRefusingProxy(status = 407) {
  const server = createServer()
  const connects: { target: string; authorization: string | undefined }[] = []
  server.on('connect', (req: { url?: string; headers: Record<string, string | undefined> }, socket: Socket) => {
    connects.push({ target: req.url ?? '', authorization: req.headers['proxy-authorization'] })
    const reason = status === 407 ? 'Proxy Authentication Required' : 'Forbidden'
    socket.end(`HTTP/1.1 ${status} ${reason}\r\nProxy-Authenticate: Basic realm="corp"\r\nContent-Length: 0\r\n\r\n`)
  })
  const { url, stop } = await listenOnLoopback(server)
  return { url, connects, stop }
}
