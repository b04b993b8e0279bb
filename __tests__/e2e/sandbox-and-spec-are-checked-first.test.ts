import { describe, expect } from 'vitest'
import { ZOHO_SPEC_ID } from '../emulator/emulator.ts'
import { emulatorTest } from '../support/fixtures.ts'

describe.concurrent('the sandbox and the connection spec are checked before anything is written', () => {
  emulatorTest()('names an unknown sandbox and the sandboxes the credential can see', async ({ ctx }) => {
    const run = await ctx.run({ sandbox: 'qa' })
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toBe(
      'Sandbox "qa" is not one of the sandboxes this credential can see in org 0A1B2C3D4E5F60718293A4B5@AdobeOrg (dev, prod, stage): check the sandbox input (the name, not the title), or add the sandbox to the product profile of the credential.'
    )
    expect(ctx.emulator.writes()).toEqual([])
    expect(ctx.emulator.requests('zoho.token')).toEqual([])
  })

  emulatorTest({ sandboxListForbidden: true })(
    "falls back to Flow Service's own error when the credential may not list sandboxes",
    async ({ ctx }) => {
      const run = await ctx.run({ sandbox: 'qa' })
      expect(run.exitCode).toBe(1)
      expect(run.errors[0]).toContain('(2101-404): Sandbox not found')
      expect(run.errors[0]).toContain('sandbox "qa" was not found in org')
      expect(run.errors[0]).toMatch(/Adobe request id emu-\d+/)
      const ok = await ctx.run({})
      expect(ok.exitCode).toBe(0)
    }
  )

  emulatorTest({ sandboxes: [{ name: 'dev', state: 'resetting' }] })(
    'refuses a sandbox that is not active',
    async ({ ctx }) => {
      const run = await ctx.run({})
      expect(run.errors[0]).toBe('Sandbox "dev" is resetting, not active: wait until it is active, then rerun.')
    }
  )

  emulatorTest({ specs: [] })(
    'says plainly when the Zoho CRM source is gone, naming the deprecation',
    async ({ ctx }) => {
      const run = await ctx.run({})
      expect(run.exitCode).toBe(1)
      expect(run.errors[0]).toContain(`The Zoho CRM source (connection spec ${ZOHO_SPEC_ID}) is not available`)
      expect(run.errors[0]).toContain('deprecation of the Zoho CRM source for the end of June 2025')
      expect(ctx.emulator.writes()).toEqual([])
    }
  )

  emulatorTest()('lists the valid auth spec names when auth-spec-name is not one', async ({ ctx }) => {
    const run = await ctx.run({ 'auth-spec-name': 'OAuth2' })
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toBe(
      'auth-spec-name "OAuth2" is not an auth spec of this connection spec; valid names: "Basic Authentication"'
    )
    expect(ctx.emulator.writes()).toEqual([])
  })

  emulatorTest()('sends the spec, sandbox and lookup reads together', async ({ ctx }) => {
    for (const route of ['sandboxes.list', 'spec.get', 'connections.list'] as const)
      ctx.emulator.inject(route, { kind: 'delay', ms: 200 })
    await ctx.run({ mode: 'check', verify: 'none' })
    const reads = ['sandboxes.list', 'spec.get', 'connections.list'].map(
      (route) => ctx.emulator.requests(route as 'spec.get')[0]!
    )
    const lastStart = Math.max(...reads.map((r) => r.startedAt))
    const firstEnd = Math.min(...reads.map((r) => r.endedAt))
    expect(lastStart).toBeLessThan(firstEnd)
  })
})

describe('Adobe credentials', () => {
  emulatorTest()('explains a wrong client secret, and sends nothing to Platform', async ({ ctx }) => {
    const run = await ctx.run({ 'adobe-client-secret': 'wrong-secret-value' })
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toContain(
      'Adobe IMS refused the token request: HTTP 400 invalid_client: invalid client_secret parameter'
    )
    expect(run.errors[0]).toContain('adobe-client-secret is wrong or was rotated')
    expect(ctx.emulator.log.filter((e) => e.path.startsWith('/data/'))).toEqual([])
    expect(ctx.emulator.requests('zoho.token')).toEqual([])
  })

  emulatorTest({ staticTokens: ['ready-made-ims-token'] })(
    'uses a given access token without any IMS call',
    async ({ ctx }) => {
      const run = await ctx.run({
        'adobe-client-secret': '',
        'adobe-access-token': 'ready-made-ims-token',
        mode: 'check',
        verify: 'none'
      })
      expect(run.errors[0]).toContain('No connection named')
      expect(ctx.emulator.requests('ims.token')).toEqual([])
      expect(ctx.emulator.requests('connections.list')[0]?.headers['authorization']).toBe('Bearer ready-made-ims-token')
    }
  )

  emulatorTest()('explains an expired access token', async ({ ctx }) => {
    const run = await ctx.run({ 'adobe-client-secret': '', 'adobe-access-token': 'expired-token-value' })
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toContain('HTTP 401 (401013): Oauth token is not valid')
    expect(run.errors[0]).toContain('not valid or has expired')
  })

  emulatorTest()('explains an org the credential is not entitled to', async ({ ctx }) => {
    const run = await ctx.run({ 'adobe-org-id': 'FFFFFFFFFFFFFFFFFFFFFFFF@AdobeOrg' })
    expect(run.errors[0]).toContain('(403025): Profile is not valid')
    expect(run.errors[0]).toContain('not entitled to org FFFFFFFFFFFFFFFFFFFFFFFF@AdobeOrg')
  })
})
