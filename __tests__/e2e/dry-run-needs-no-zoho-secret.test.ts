/**
 * A dry run writes nothing and calls no Zoho, so it needs no Zoho secret. Given, they are
 * checked and masked as in any run; left out, the run says that a real one needs them.
 */
import { describe, expect } from 'vitest'
import { emulatorTest } from '../support/fixtures.ts'

const test = emulatorTest()
const NO_ZOHO_SECRETS = { 'zoho-client-id': '', 'zoho-client-secret': '', 'zoho-refresh-token': '' }
const NAME = 'Zoho CRM base connection'

describe.concurrent('dry-run without Zoho secrets', () => {
  test.for([
    ['ensure with nothing there', { mode: 'ensure' }, false, 'would-create'],
    ['create with nothing there', { mode: 'create' }, false, 'would-create'],
    ['ensure finding a healthy connection', { mode: 'ensure', 'on-existing': 'reuse' }, true, 'reused'],
    ['ensure with update', { mode: 'ensure', 'on-existing': 'update' }, true, 'would-update']
  ] as const)(
    '%s: reads, writes nothing, and says a real run needs the secrets',
    async ([_what, inputs, seeded, result], { ctx }) => {
      if (seeded) ctx.emulator.seedConnection('dev', { name: NAME })
      const run = await ctx.run({ ...inputs, ...NO_ZOHO_SECRETS, 'dry-run': 'true' })
      expect(run.errors).toEqual([])
      expect(run.exitCode).toBe(0)
      expect(run.outputs['result']).toBe(result)
      expect(ctx.emulator.writes()).toEqual([])
      expect(ctx.emulator.requests('zoho.token')).toEqual([])
      expect(run.warnings).toHaveLength(1)
      expect(run.warnings[0]).toContain('zoho-client-id, zoho-client-secret, zoho-refresh-token')
      expect(run.warnings[0]).toContain(`a real ${inputs.mode} run needs them`)
      expect(run.summary).toContain('a real')
    }
  )

  test('names only the one left out when the others are given', async ({ ctx }) => {
    const run = await ctx.run({ 'zoho-refresh-token': '', 'dry-run': 'true' })
    expect(run.exitCode).toBe(0)
    expect(run.warnings).toEqual([expect.stringContaining('needs no zoho-refresh-token; a real ensure run needs it')])
  })

  test('still rejects a Zoho secret that is given but malformed, masked', async ({ ctx }) => {
    const run = await ctx.run({ 'zoho-client-secret': 'zoho-line-one\nzoho-line-two', 'dry-run': 'true' })
    expect(run.exitCode).toBe(1)
    expect(run.errors).toEqual([expect.stringMatching(/^Invalid input: zoho-client-secret/)])
    expect(run.lines).toContain('::add-mask::zoho-line-one')
    expect(ctx.emulator.log).toEqual([])
  })

  test('still needs the Zoho data centre, which a real run would write', async ({ ctx }) => {
    const run = await ctx.run({ ...NO_ZOHO_SECRETS, 'zoho-endpoint': '', 'zoho-accounts-url': '', 'dry-run': 'true' })
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toContain('zoho-endpoint is required unless zoho-region is given')
  })

  test('and a run that is not a dry run still refuses to start without them', async ({ ctx }) => {
    const run = await ctx.run(NO_ZOHO_SECRETS)
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toMatch(/^Invalid inputs \(3\): zoho-client-id is required in ensure mode/)
    expect(ctx.emulator.log).toEqual([])
  })
})
