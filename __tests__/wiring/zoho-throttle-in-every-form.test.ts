/**
 * Zoho's throttle (10 access tokens per refresh token per 10 minutes), as the emulator answers the
 * eleventh refresh in each form Zoho does: HTTP 200 or 400, `error` in English or in the account's
 * language. Every form gets the quota advice, and nothing is written to Adobe.
 */
import { describe, expect } from 'vitest'
import { emulatorTest } from '../support/fixtures.ts'

const it = emulatorTest()

describe.concurrent("Zoho's throttle, in every form it answers", () => {
  it.for([
    [200, 'Access Denied'],
    [400, 'Access Denied'],
    [400, '拒绝访问'],
    [200, 'Zugriff verweigert']
  ] as const)('HTTP %i with error %s: the quota advice, nothing written', async ([status, error], { ctx }) => {
    ctx.emulator.shapes.zohoThrottle = { status, error }
    ctx.emulator.zohoRefreshTimes.set(
      ctx.emulator.zoho.refreshToken,
      Array.from({ length: 10 }, () => Date.now())
    )
    const run = await ctx.runInProcess()
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toContain('Zoho allows 10 access tokens per refresh token per 10 minutes')
    expect(ctx.emulator.requests('zoho.token')).toHaveLength(1)
    expect(ctx.emulator.writes()).toEqual([])
  })
})
