import { describe, expect, it } from 'vitest'
import { Emulator, ZOHO_SPEC_ID } from '../emulator/emulator.ts'
import { runAgainst } from '../support/fixtures.ts'

async function withEmulator(
  options: ConstructorParameters<typeof Emulator>[0],
  test: (emulator: Emulator) => Promise<void>
) {
  const emulator = await new Emulator(options).start()
  try {
    await test(emulator)
  } finally {
    await emulator.stop()
  }
}

describe('the sandbox and the connection spec are checked before anything is written', () => {
  it('names an unknown sandbox and the sandboxes the credential can see', () =>
    withEmulator({}, async (emulator) => {
      const run = await runAgainst(emulator, { sandbox: 'qa' })
      expect(run.exitCode).toBe(1)
      expect(run.errors[0]).toBe(
        'Sandbox "qa" is not one of the sandboxes this credential can see in org 0A1B2C3D4E5F60718293A4B5@AdobeOrg (dev, prod, stage): check the sandbox input (the name, not the title), or add the sandbox to the product profile of the credential.'
      )
      expect(emulator.writes()).toEqual([])
      expect(emulator.requests('zoho.token')).toEqual([])
    }))

  it("falls back to Flow Service's own error when the credential may not list sandboxes", () =>
    withEmulator({ sandboxListForbidden: true }, async (emulator) => {
      const run = await runAgainst(emulator, { sandbox: 'qa' })
      expect(run.exitCode).toBe(1)
      expect(run.errors[0]).toContain('(2101-404): Sandbox not found')
      expect(run.errors[0]).toContain('sandbox "qa" was not found in org')
      expect(run.errors[0]).toMatch(/Adobe request id emu-\d+/)
      const ok = await runAgainst(emulator, {})
      expect(ok.exitCode).toBe(0)
    }))

  it('refuses a sandbox that is not active', () =>
    withEmulator({ sandboxes: [{ name: 'dev', state: 'resetting' }] }, async (emulator) => {
      const run = await runAgainst(emulator, {})
      expect(run.errors[0]).toBe('Sandbox "dev" is resetting, not active: wait until it is active, then rerun.')
    }))

  it('says plainly when the Zoho CRM source is gone, naming the deprecation', () =>
    withEmulator({ specs: [] }, async (emulator) => {
      const run = await runAgainst(emulator, {})
      expect(run.exitCode).toBe(1)
      expect(run.errors[0]).toContain(`The Zoho CRM source (connection spec ${ZOHO_SPEC_ID}) is not available`)
      expect(run.errors[0]).toContain('deprecation of the Zoho CRM source for the end of June 2025')
      expect(emulator.writes()).toEqual([])
    }))

  it('lists the valid auth spec names when auth-spec-name is not one', () =>
    withEmulator({}, async (emulator) => {
      const run = await runAgainst(emulator, { 'auth-spec-name': 'OAuth2' })
      expect(run.exitCode).toBe(1)
      expect(run.errors[0]).toBe(
        'auth-spec-name "OAuth2" is not an auth spec of this connection spec; valid names: "Basic Authentication"'
      )
      expect(emulator.writes()).toEqual([])
    }))

  it('sends the spec, sandbox and lookup reads together', () =>
    withEmulator({}, async (emulator) => {
      for (const route of ['sandboxes.list', 'spec.get', 'connections.list'] as const)
        emulator.inject(route, { kind: 'delay', ms: 200 })
      await runAgainst(emulator, { mode: 'check', verify: 'none' })
      const reads = ['sandboxes.list', 'spec.get', 'connections.list'].map(
        (route) => emulator.requests(route as 'spec.get')[0]!
      )
      const lastStart = Math.max(...reads.map((r) => r.startedAt))
      const firstEnd = Math.min(...reads.map((r) => r.endedAt))
      expect(lastStart).toBeLessThan(firstEnd)
    }))
})

describe('Adobe credentials', () => {
  it('explains a wrong client secret, and sends nothing to Platform', () =>
    withEmulator({}, async (emulator) => {
      const run = await runAgainst(emulator, { 'adobe-client-secret': 'wrong-secret-value' })
      expect(run.exitCode).toBe(1)
      expect(run.errors[0]).toContain(
        'Adobe IMS refused the token request: HTTP 400 invalid_client: invalid client_secret parameter'
      )
      expect(run.errors[0]).toContain('adobe-client-secret is wrong or was rotated')
      expect(emulator.log.filter((e) => e.path.startsWith('/data/'))).toEqual([])
      expect(emulator.requests('zoho.token')).toEqual([])
    }))

  it('uses a given access token without any IMS call', () =>
    withEmulator({ staticTokens: ['ready-made-ims-token'] }, async (emulator) => {
      const run = await runAgainst(emulator, {
        'adobe-client-secret': '',
        'adobe-access-token': 'ready-made-ims-token',
        mode: 'check',
        verify: 'none'
      })
      expect(run.errors[0]).toContain('No connection named')
      expect(emulator.requests('ims.token')).toEqual([])
      expect(emulator.requests('connections.list')[0]?.headers['authorization']).toBe('Bearer ready-made-ims-token')
    }))

  it('explains an expired access token', () =>
    withEmulator({}, async (emulator) => {
      const run = await runAgainst(emulator, { 'adobe-client-secret': '', 'adobe-access-token': 'expired-token-value' })
      expect(run.exitCode).toBe(1)
      expect(run.errors[0]).toContain('HTTP 401 (401013): Oauth token is not valid')
      expect(run.errors[0]).toContain('not valid or has expired')
    }))

  it('explains an org the credential is not entitled to', () =>
    withEmulator({}, async (emulator) => {
      const run = await runAgainst(emulator, { 'adobe-org-id': 'FFFFFFFFFFFFFFFFFFFFFFFF@AdobeOrg' })
      expect(run.errors[0]).toContain('(403025): Profile is not valid')
      expect(run.errors[0]).toContain('not entitled to org FFFFFFFFFFFFFFFFFFFFFFFF@AdobeOrg')
    }))
})
