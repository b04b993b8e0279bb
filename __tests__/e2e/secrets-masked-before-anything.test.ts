import { describe, expect } from 'vitest'
import { DEFAULTS } from '../emulator/emulator.ts'
import { emulatorTest } from '../support/fixtures.ts'

const masks = (lines: readonly string[]) =>
  lines.filter((line) => line.startsWith('::add-mask::')).map((line) => line.slice('::add-mask::'.length))

describe.concurrent('secrets are masked before anything else, and outputs never are', () => {
  const it = emulatorTest()

  it('registers every secret input before the first other line', async ({ ctx }) => {
    const token = 'given-zoho-access-token-0001'
    const run = await ctx.run({ 'zoho-access-token': token })
    expect(run.exitCode).toBe(0)
    const firstOther = run.lines.findIndex((line) => !line.startsWith('::add-mask::'))
    const leading = masks(run.lines.slice(0, firstOther))
    for (const secret of [
      DEFAULTS.clientSecret,
      DEFAULTS.zoho.clientId,
      DEFAULTS.zoho.clientSecret,
      DEFAULTS.zoho.refreshToken,
      token
    ]) {
      expect(leading).toContain(secret.replace(/%/g, '%25'))
    }
  })

  it('masks the minted IMS and Zoho tokens as soon as they exist', async ({ ctx }) => {
    const run = await ctx.run()
    const minted = [...ctx.emulator.issuedImsTokens, ...ctx.emulator.issuedZohoTokens]
    expect(minted).toHaveLength(2)
    for (const token of minted) expect(masks(run.lines)).toContain(token)
  })

  it('masks each line of a multi-line secret, even when it is rejected', async ({ ctx }) => {
    const run = await ctx.run({ 'zoho-client-secret': 'first-secret-line\nsecond-secret-line' })
    expect(run.exitCode).toBe(1)
    expect(masks(run.lines)).toEqual(expect.arrayContaining(['first-secret-line', 'second-secret-line']))
  })

  it('does not register values shorter than 4 characters, and never prints them', async ({ ctx }) => {
    const run = await ctx.run({ mode: 'check', 'zoho-client-id': 'x_q', 'zoho-client-secret': 'Z%' })
    expect(masks(run.lines).some((mask) => mask.length < 4)).toBe(false)
    expect(run.stdout).not.toContain('x_q')
    expect(run.stdout).not.toContain('Z%')
  })

  it('never masks an output value', async ({ ctx }) => {
    const run = await ctx.run({}, { env: { RUNNER_DEBUG: '1' } })
    expect(run.exitCode).toBe(0)
    const registered = masks(run.lines)
    for (const value of Object.values(run.outputs).filter(Boolean)) {
      expect(registered.some((mask) => value.includes(mask))).toBe(false)
    }
    expect(run.outputs['connection-id']).toMatch(/^[0-9a-f-]{36}$/)
  })
})

describe.concurrent('a runner without the file commands', () => {
  const it = emulatorTest()

  it('fails with one line and no stack trace when GITHUB_OUTPUT cannot be written', async ({ ctx }) => {
    ctx.emulator.seedConnection('dev', { name: 'Zoho CRM base connection' })
    const run = await ctx.run({ mode: 'check' }, { env: { GITHUB_OUTPUT: '/nonexistent/dir/output' } })
    expect(run.exitCode).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toContain('could not write GITHUB_OUTPUT (/nonexistent/dir/output)')
    expect(run.stderr).toBe('')
  })

  it('runs without GITHUB_STEP_SUMMARY, as a local run would', async ({ ctx }) => {
    ctx.emulator.seedConnection('dev', { name: 'Zoho CRM base connection' })
    const run = await ctx.run({ mode: 'check' }, { env: { GITHUB_STEP_SUMMARY: '' } })
    expect(run.exitCode).toBe(0)
    expect(run.outputs['result']).toBe('found')
  })
})
