/**
 * Issue 12's attacks, each tried end to end through dist/index.js against a hostile emulator.
 * Every run also passes the leak scanner (emulatorTest), which judges the runner's view: a mask
 * swallowed by `::stop-commands::` leaks its secret, and so does any 8-character fragment.
 */
import { describe, expect } from 'vitest'
import { DEFAULTS, flowError, HOSTILE, ZOHO_SPEC_ID } from '../emulator/emulator.ts'
import { emulatorTest } from '../support/fixtures.ts'
import type { ActionRun } from '../support/run-action.ts'
import { liveContentIn } from '../support/summary.ts'

const OUR_COMMANDS = new Set(['add-mask', 'debug', 'group', 'endgroup', 'warning', 'error', 'notice'])
const KB64 = 64 * 1024

/** No command but the action's own, none swallowed, and every bound held. */
function expectContained(run: ActionRun): void {
  expect(run.commands.filter((command) => !OUR_COMMANDS.has(command.name))).toEqual([])
  const commandLines = new Set(run.commands.map((command) => command.line))
  expect(run.lines.filter((line, index) => /^\s*::/.test(line) && !commandLines.has(index))).toEqual([])
  expect(run.stdout).not.toContain('##[')
  expect(run.errors.length).toBeLessThanOrEqual(1)
  for (const error of run.errors) expect(Buffer.byteLength(error)).toBeLessThan(KB64)
  expect(run.summary).not.toBe('')
  expect(Buffer.byteLength(run.summary)).toBeLessThan(KB64)
  expect(liveContentIn(run.summary)).toEqual([])
  expect(run.errors.join('\n')).not.toContain('Unexpected')
}

/** The masks of minted tokens were processed by the runner, not swallowed. */
function expectTokenMasked(run: ActionRun, tokens: Iterable<string>): void {
  const masked = new Set(run.commands.filter((c) => c.name === 'add-mask').map((c) => c.data))
  for (const token of tokens) expect(masked.has(token)).toBe(true)
}

describe.concurrent('workflow-command injection through what Flow Service answers', () => {
  const it = emulatorTest({
    specs: [
      {
        id: ZOHO_SPEC_ID,
        name: HOSTILE.stopCommands,
        version: '1.0',
        authSpec: [
          { name: 'Basic Authentication', type: 'OAuth2RefreshCode' },
          { name: HOSTILE.stopCommands, type: 'x' },
          { name: HOSTILE.separators, type: 'x' },
          { name: HOSTILE.legacy, type: 'x' }
        ]
      }
    ]
  })

  it('a spec name and auth spec names holding ::stop-commands:: cannot switch masking off', async ({ ctx }) => {
    const run = await ctx.run()
    expect(run.exitCode).toBe(0)
    expectContained(run)
    // The Zoho token minted after the spec was printed is masked by a command the runner processes.
    expect(ctx.emulator.issuedZohoTokens.size).toBe(1)
    expectTokenMasked(run, ctx.emulator.issuedZohoTokens)
    expect(run.stdout).toContain('stop-commands::pwned')
  })

  it('a listed id that is not a resource id fails the lookup clearly', async ({ ctx }) => {
    ctx.emulator.inject('connections.list', {
      kind: 'status',
      status: 200,
      body: { items: [{ id: '../../x\n::stop-commands::pwned', name: 'Zoho CRM base connection' }] }
    })
    const run = await ctx.run()
    expect(run.exitCode).toBe(1)
    expectContained(run)
    expect(run.errors).toEqual([
      "Adobe's Flow Service API answered HTTP 200 with an id that is not a valid resource id while trying to list connections; not using it"
    ])
    expect(ctx.emulator.writes()).toEqual([])
  })

  it('a state holding commands is shown on one line and output on one line', async ({ ctx }) => {
    ctx.emulator.seedConnection('dev', { name: 'Zoho CRM base connection', state: `disabled${HOSTILE.stopCommands}` })
    const run = await ctx.run()
    expect(run.exitCode).toBe(0)
    expectContained(run)
    expect(run.outputs['state']).toBe('disabledZoho CRM ::stop-commands::pwned')
    expect(run.warnings.some((warning) => warning.includes('not enabled'))).toBe(true)
  })
})

describe.concurrent('ids from answers', () => {
  const it = emulatorTest()

  it('a created id that is not a resource id is never printed, used or output', async ({ ctx }) => {
    ctx.emulator.inject('connections.create', {
      kind: 'status',
      status: 201,
      body: { id: 'x\n::stop-commands::pwned\n', etag: '"1"' }
    })
    const run = await ctx.run({ 'settle-timeout': '1' })
    expectContained(run)
    expect(run.warnings.join('\n')).toContain('with an id that is not a valid resource id')
    expect(run.stdout).not.toContain('::pwned')
    for (const request of ctx.emulator.log) expect(request.path).not.toContain('pwned')
    expect(run.outputs['connection-id'] ?? '').toMatch(/^([0-9a-f-]{36})?$/)
  })
})

describe.concurrent('unbounded answers', () => {
  const it = emulatorTest()

  it('a 2 GB listing is refused after 8 MiB, not retried, without reading the rest', async ({ ctx }) => {
    ctx.emulator.inject('connections.list', { kind: 'huge-body', bytes: 2 * 1024 ** 3 }, 4)
    const run = await ctx.run()
    expect(run.exitCode).toBe(1)
    expectContained(run)
    expect(run.errors[0]).toBe(
      `Adobe Experience Platform (adobe-platform-url: ${ctx.emulator.url}) sent an answer larger than 8 MiB while trying to list connections; it was refused and not retried. Check adobe-platform-url, and any gateway or proxy in between.`
    )
    expect(ctx.emulator.requests('connections.list')).toHaveLength(1)
    expect(ctx.emulator.hostile.hugeBytesSent).toBeLessThan(64 * 1024 ** 2)
    expect(run.durationMs).toBeLessThan(30_000)
  })

  it('a body declared larger than 8 MiB is refused before it is read', async ({ ctx }) => {
    ctx.emulator.inject('connections.list', { kind: 'huge-body', bytes: 600 * 1024 ** 2, declareLength: true }, 4)
    const run = await ctx.run()
    expect(run.exitCode).toBe(1)
    expectContained(run)
    expect(run.errors[0]).toContain('sent an answer larger than 8 MiB')
    expect(ctx.emulator.requests('connections.list')).toHaveLength(1)
    expect(ctx.emulator.hostile.hugeBytesSent).toBeLessThan(64 * 1024 ** 2)
  })

  it('a 2 MB errorMessage (a 6 MB body) becomes one error line under 64 KB and a summary under 64 KB', async ({
    ctx
  }) => {
    const huge = `Bad things ${'x'.repeat(2 * 1024 * 1024)}`
    ctx.emulator.inject('connections.list', { kind: 'status', status: 400, body: flowError(400, '1102', huge, 'r-1') })
    const run = await ctx.run()
    expect(run.exitCode).toBe(1)
    expectContained(run)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toMatch(
      /^Adobe's Flow Service API refused to list connections: HTTP 400 \(1102-400\): Bad things x+/
    )
  })

  it('endless pagination with fresh next links stops at 100 pages', async ({ ctx }) => {
    ctx.emulator.inject('connections.list', { kind: 'fresh-next-page' }, 1000)
    const run = await ctx.run()
    expect(run.exitCode).toBe(1)
    expectContained(run)
    expect(run.errors).toEqual([
      "Adobe's Flow Service API kept answering with a next page while trying to list connections; stopped after 100 pages (the most this action follows is 100)"
    ])
    expect(ctx.emulator.requests('connections.list')).toHaveLength(100)
    expect(run.durationMs).toBeLessThan(60_000)
  })
})

describe.concurrent('partial echoes of secrets', () => {
  const it = emulatorTest()

  it('an IMS error echoing the client secret (prefix, starred, truncated) shows none of it', async ({ ctx }) => {
    ctx.emulator.inject('ims.token', { kind: 'echo-secrets', status: 401, route: 'ims' })
    const run = await ctx.run()
    expect(run.exitCode).toBe(1)
    expectContained(run)
    expect(run.errors[0]).toMatch(
      /^Adobe IMS refused the token request: HTTP 401 invalid_client: Rejected credentials: \*\*\*/
    )
    expect(run.errors[0]).not.toContain(DEFAULTS.clientSecret.slice(0, 8))
  })

  it('a Zoho error echoing the client secret and a truncated refresh token shows none of them', async ({ ctx }) => {
    ctx.emulator.inject('zoho.token', { kind: 'echo-secrets', status: 400, route: 'zoho' })
    const run = await ctx.run({ mode: 'create' })
    expect(run.exitCode).toBe(1)
    expectContained(run)
    expect(run.errors[0]).toContain('Rejected credentials: ***')
    expect(ctx.emulator.writes()).toEqual([])
  })

  it('the warning of a create whose outcome is unknown shows the 5xx body redacted', async ({ ctx }) => {
    ctx.emulator.inject('connections.create', { kind: 'echo-secrets', status: 502, route: 'flow' })
    const run = await ctx.run({ 'settle-timeout': '1' })
    expectContained(run)
    const warning = run.warnings.find((line) => line.includes('outcome is unknown')) ?? ''
    expect(warning).toContain('Rejected credentials: ***')
    expect(warning).not.toContain(DEFAULTS.zoho.clientSecret.slice(0, 8))
  })
})

describe.concurrent('Markdown and HTML injection into the summary', () => {
  const it = emulatorTest()

  it('a connection name with links, images and HTML renders as text', async ({ ctx }) => {
    const run = await ctx.run({ 'connection-name': HOSTILE.markdown })
    expect(run.exitCode).toBe(0)
    expectContained(run)
  })

  it('an Adobe errorMessage with a link renders as text in the status line', async ({ ctx }) => {
    ctx.emulator.inject('connections.list', {
      kind: 'status',
      status: 403,
      body: flowError(403, '2118', HOSTILE.markdown, 'r-2')
    })
    const run = await ctx.run()
    expect(run.exitCode).toBe(1)
    expectContained(run)
    expect(run.summary).toContain('Re-authenticate here')
  })
})

describe.concurrent('URL inputs with a query or fragment', () => {
  const it = emulatorTest()

  it.for([
    ['adobe-ims-url', '?'],
    ['adobe-ims-url', '#'],
    ['adobe-platform-url', '?x=1'],
    ['zoho-accounts-url', '#'],
    ['zoho-endpoint', '?']
  ] as const)('%s ending in %s is refused, naming the input, before any request', async ([input, suffix], { ctx }) => {
    const run = await ctx.run({ [input]: `${ctx.emulator.url}${suffix}` })
    expect(run.exitCode).toBe(1)
    expectContained(run)
    expect(run.errors[0]).toContain(
      `${input} must not have a query string or fragment (no ? or #; the value is not shown)`
    )
    expect(ctx.emulator.log.filter((request) => request.path !== '/health')).toEqual([])
  })
})
