import { describe, expect } from 'vitest'
import { BAD_INPUTS } from '../support/bad-inputs.ts'
import { emulatorTest } from '../support/fixtures.ts'

describe.concurrent(
  'bad inputs are rejected before any request, naming the input, without a secret or stack trace',
  () => {
    const it = emulatorTest()

    it('has more than 60 cases', () => {
      expect(BAD_INPUTS.length).toBeGreaterThan(60)
    })

    it.concurrent.for(BAD_INPUTS)('%s', async ([, input, overrides], { ctx }) => {
      const run = await ctx.run(overrides)
      expect(run.exitCode).toBe(1)
      expect(run.errors).toHaveLength(1)
      expect(run.errors[0]).toContain(input)
      expect(run.errors[0]).toMatch(/^Invalid inputs?/)
      expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/^\s+at .+\(.*:\d+:\d+\)$/m)
      expect(run.stderr).toBe('')
      // Nothing but masks and the one error line: no injected command takes effect.
      expect(run.lines.filter((line) => !line.startsWith('::add-mask::') && !line.startsWith('::error::'))).toEqual([])
      // reason is set for every failure, and the outputs the valid inputs settle: never an injected one.
      const { reason, sandbox, 'zoho-api-domain': apiDomain, 'zoho-accounts-url': accountsUrl, ...rest } = run.outputs
      expect(reason).toBe(run.errors[0])
      expect(sandbox).toBe(input === 'sandbox' ? undefined : 'dev')
      expect(apiDomain === undefined).toBe(accountsUrl === undefined)
      expect(rest).toEqual({ created: 'false', verified: 'skipped' })
      expect(ctx.emulator.log).toEqual([])
    })

    it('sets the outputs the valid inputs settle: the sandbox and the Zoho data centre', async ({ ctx }) => {
      const run = await ctx.run({
        'zoho-endpoint': '',
        'zoho-accounts-url': '',
        'zoho-region': 'eu',
        'max-attempts': '0'
      })
      expect(run.exitCode).toBe(1)
      expect(run.outputs).toEqual({
        sandbox: 'dev',
        'zoho-api-domain': 'https://www.zohoapis.eu',
        'zoho-accounts-url': 'https://accounts.zoho.eu',
        created: 'false',
        verified: 'skipped',
        reason: run.errors[0]
      })
      expect(ctx.emulator.log).toEqual([])
    })
  }
)
