/**
 * A host that refuses, hangs or resets: one ordinary failure that names the input pointing at it,
 * the cause and what to check; never "Unexpected".
 */
import { describe, expect } from 'vitest'
import type { Route } from '../emulator/emulator.ts'
import { emulatorTest } from '../support/fixtures.ts'

const CLOSED = 'http://127.0.0.1:9'
const CHECK = "the runner's network and the proxy variables (HTTPS_PROXY, HTTP_PROXY, NO_PROXY)."

interface Host {
  readonly service: string
  readonly input: 'adobe-ims-url' | 'adobe-platform-url' | 'zoho-accounts-url'
  readonly route: Route
  readonly operation: string
  readonly mode: string
  readonly tail: string
  /**
   * After a failure that may have reached the host (a hang, a reset): the attempts made and the
   * tail. A Zoho refresh is then never sent again, as it may have spent one of Zoho's tokens.
   */
  readonly maybeReached: { readonly attempts: number; readonly tail: string }
}

const HOSTS: readonly Host[] = [
  {
    service: 'Adobe IMS',
    input: 'adobe-ims-url',
    route: 'ims.token',
    operation: 'exchange the client credentials for an access token',
    mode: 'ensure',
    tail: '',
    maybeReached: { attempts: 2, tail: '' }
  },
  {
    service: 'Adobe Experience Platform',
    input: 'adobe-platform-url',
    route: 'sandboxes.list',
    operation: 'list sandboxes',
    mode: 'ensure',
    tail: '',
    maybeReached: { attempts: 2, tail: '' }
  },
  {
    service: "Zoho's accounts server",
    input: 'zoho-accounts-url',
    route: 'zoho.token',
    operation: 'refresh the Zoho access token',
    mode: 'create',
    tail: ' Nothing was written to Adobe.',
    maybeReached: {
      attempts: 1,
      tail: ' The refresh may have reached Zoho, so one of the 10 access tokens Zoho issues per refresh token per 10 minutes may have been spent; it was not sent again, so that no more are. Rerun later. Nothing was written to Adobe.'
    }
  }
]

describe.concurrent.each(HOSTS)('$input unreachable', (host) => {
  const it = emulatorTest()
  const expectOneClearLine = (
    errors: readonly string[],
    url: string,
    cause: string,
    extraCheck = '',
    { attempts, tail } = { attempts: 2, tail: host.tail }
  ) => {
    expect(errors).toEqual([
      `${host.service} (${host.input}: ${url}) could not be reached while trying to ${host.operation}: ${cause} (${attempts} attempt${attempts === 1 ? '' : 's'}). Check ${host.input}, ${extraCheck}${CHECK}${tail}`
    ])
  }

  it('refused', async ({ ctx }) => {
    const run = await ctx.run({ mode: host.mode, [host.input]: CLOSED, 'max-attempts': '2' })
    expect(run.exitCode).toBe(1)
    expectOneClearLine(run.errors, CLOSED, 'the connection was refused')
    expect(run.summary).toContain('could not be reached')
    expect(ctx.emulator.writes()).toEqual([])
  })

  it('hangs past request-timeout', async ({ ctx }) => {
    ctx.emulator.inject(host.route, { kind: 'hang' }, 2)
    const run = await ctx.run({ mode: host.mode, 'request-timeout': '0.5', 'max-attempts': '2' })
    expect(run.exitCode).toBe(1)
    expectOneClearLine(
      run.errors,
      ctx.emulator.url,
      'no answer within 0.5 s (request-timeout)',
      'request-timeout, ',
      host.maybeReached
    )
    expect(ctx.emulator.writes()).toEqual([])
  })

  it('resets the connection', async ({ ctx }) => {
    ctx.emulator.inject(host.route, { kind: 'reset' }, 2)
    const run = await ctx.run({ mode: host.mode, 'max-attempts': '2' })
    expect(run.exitCode).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toMatch(
      new RegExp(
        `^${escape(`${host.service} (${host.input}: ${ctx.emulator.url}) could not be reached while trying to ${host.operation}: the connection was closed before an answer came (`)}(ECONNRESET|UND_ERR_SOCKET)${escape(`) (${host.maybeReached.attempts} attempt${host.maybeReached.attempts === 1 ? '' : 's'}). Check ${host.input}, ${CHECK}${host.maybeReached.tail}`)}$`
      )
    )
    expect(ctx.emulator.writes()).toEqual([])
  })
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
