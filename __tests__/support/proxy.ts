import { createServer, type Server } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { createProxy } from 'proxy'

/**
 * A real forward proxy (the `proxy` package, the one undici's own tests use) that records what it
 * forwards and tunnels. `PROXIED_HOST`, a name no resolver knows, leads to 127.0.0.1 inside the
 * proxy only: so a test can aim at a host that is not loopback to the action, as a real one is.
 */
export const PROXIED_HOST = 'aep.example.test'

export async function startProxy() {
  const server = createProxy(createServer()) as Server
  const tunnels: string[] = []
  const forwarded: string[] = []
  server.prependListener('connect', (req: { url?: string }) => {
    tunnels.push(req.url ?? '')
    req.url = (req.url ?? '').replace(PROXIED_HOST, '127.0.0.1')
  })
  server.prependListener('request', (req: { url?: string }) => {
    forwarded.push(req.url ?? '')
    req.url = (req.url ?? '').replace(PROXIED_HOST, '127.0.0.1')
  })
  const { url, stop } = await listenOnLoopback(server)
  return { url, tunnels, forwarded, stop }
}

/** Listens on 127.0.0.1 at a free port; `stop` ends every open socket first, so close never waits. */
export async function listenOnLoopback(server: Server): Promise<{ url: string; stop: () => Promise<void> }> {
  const sockets = new Set<Socket>()
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => {
      for (const socket of sockets) socket.destroy()
      return new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
