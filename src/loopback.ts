/**
 * 127.0.0.0/8, localhost and [::1]: the only hosts plain http may go to (an input pointing
 * elsewhere over http is refused), and the hosts requests reach directly, never through a proxy.
 */
export function isLoopbackHost(hostname: string): boolean {
  return /^(localhost|127(\.\d{1,3}){3}|\[::1\]|::1)$/i.test(hostname)
}
