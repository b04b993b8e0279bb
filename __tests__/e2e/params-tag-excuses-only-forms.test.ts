/**
 * The params tag (`[params:…]` in the description) through the bundle (contract: Shared
 * connections): it excuses a form in which Adobe shows the value this action wrote, never a value
 * changed since. The rules themselves are in-process (unit/sources, unit/plan).
 */
import { appendFileSync } from 'node:fs'
import { describe, expect } from 'vitest'
import { emulatorTest, type EmulatorContext } from '../support/fixtures.ts'

const it = emulatorTest()

function figures(name: string, facts: Record<string, unknown>): void {
  const file = process.env['SHARED_FIGURES']
  if (file) appendFileSync(file, `${JSON.stringify({ name, ...facts })}\n`)
}

/** A connection this action created with the test inputs (so it carries their tag), then changed to `params`. */
async function taggedThenChanged(ctx: EmulatorContext, params: (url: string) => Record<string, string>) {
  // Adobe's test passes whatever the params hold: only the params and the tag decide.
  ctx.emulator.testResult = true
  const created = await ctx.run()
  expect(created.outputs['result']).toBe('created')
  const [stored] = ctx.emulator.connectionsIn('dev')
  if (!stored) throw new Error('nothing was created')
  expect(stored.description).toMatch(/\[params:[0-9a-f]{12}\]$/)
  Object.assign(stored.auth.params, params(ctx.emulator.url))
  return stored
}

describe.concurrent('the params tag', () => {
  it.for([
    ['the client id of another Zoho client', () => ({ clientId: '1000.ANOTHERCLIENT9' }), 'param clientId differs'],
    [
      'an endpoint moved to another host',
      () => ({ endpoint: 'https://crm.example.net' }),
      'param endpoint is https://crm.example.net'
    ]
  ] as const)('does not excuse %s: repaired, once', async ([what, change, reason], { ctx }) => {
    const stored = await taggedThenChanged(ctx, change)
    const writes = ctx.emulator.writes().length
    const run = await ctx.run()
    expect(run.exitCode).toBe(0)
    expect(run.outputs['result']).toBe('repaired')
    expect(run.outputs['reason']).toContain(reason)
    expect(
      ctx.emulator
        .writes()
        .slice(writes)
        .map((w) => w.method)
    ).toEqual(['PATCH'])
    expect(stored.auth.params['clientId']).toBe(ctx.emulator.zoho.clientId)
    expect(stored.auth.params['endpoint']).toBe(ctx.emulator.url)
    // Repaired for good: the next run reuses it.
    const next = await ctx.run()
    expect(next.outputs['result']).toBe('reused')
    figures(`params tag, ${what}`, { result: run.outputs['result'], writes: ctx.emulator.writes().length - writes })
  })

  it('excuses a form of the same value (scheme case, port, a path Adobe appends): reused, no write, no Zoho call', async ({
    ctx
  }) => {
    const form = (url: string) => `${url.replace('http://', 'HTTP://')}/crm/v8/`
    await taggedThenChanged(ctx, (url) => ({ endpoint: form(url) }))
    const writes = ctx.emulator.writes().length
    const refreshes = ctx.emulator.requests('zoho.token').length
    const run = await ctx.run()
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ result: 'reused', verified: 'true' })
    expect(ctx.emulator.writes()).toHaveLength(writes)
    expect(ctx.emulator.requests('zoho.token')).toHaveLength(refreshes)
    figures('params tag, a same-value form', { result: run.outputs['result'], writes: 0 })
  })
})
