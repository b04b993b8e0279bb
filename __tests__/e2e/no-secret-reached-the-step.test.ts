/**
 * A job that gets no secrets (no `environment:`, a fork's pull request, a Dependabot run) passes
 * every secret input empty: the one error line says so first, before the inputs it requires, and
 * so does the job summary; nothing is sent.
 */
import { describe, expect } from 'vitest'
import { SECRET_CARRYING_INPUTS } from '../../src/inputs/no-secrets.ts'
import { emulatorTest } from '../support/fixtures.ts'
import { readSummary } from '../support/summary.ts'

const it = emulatorTest()
const EVERY_SECRET_EMPTY = Object.fromEntries(SECRET_CARRYING_INPUTS.map((name) => [name, '']))
const HEAD = 'no secret reached this step (every secret input is empty)'

describe.concurrent('a run that no secret reached', () => {
  it('fails with that line first, then the required inputs; sends nothing; the summary says it first', async ({
    ctx
  }) => {
    const run = await ctx.run(EVERY_SECRET_EMPTY, {
      env: { GITHUB_EVENT_NAME: 'pull_request', GITHUB_ACTOR: 'dependabot[bot]' }
    })
    expect(run.exitCode).toBe(1)
    expect(run.stderr).toBe('')
    expect(run.errors).toHaveLength(1)
    const [error = ''] = run.errors
    expect(error).toMatch(
      /^Invalid inputs \(4\): no secret reached this step \(every secret input is empty\): this is a Dependabot run \(GITHUB_ACTOR is dependabot\[bot\]\), which gets only Dependabot secrets[^;]*\. The problems: adobe-client-secret is required /
    )
    for (const name of ['zoho-client-id', 'zoho-client-secret', 'zoho-refresh-token']) {
      expect(error.indexOf(HEAD)).toBeLessThan(error.indexOf(`${name} is required in ensure mode`))
    }
    expect(run.outputs['reason']).toBe(error)
    expect(ctx.emulator.log).toEqual([])

    const summary = readSummary(run.summary)
    expect(summary.status).toBe('❌ Failed: 4 inputs are invalid')
    expect(summary.items).toHaveLength(4)
    expect(summary.items[0]).toMatch(/^adobe-client-secret is required/)
    const said = run.summary.indexOf('no secret reached this step')
    expect(said).toBeGreaterThan(run.summary.indexOf('Failed'))
    expect(said).toBeLessThan(run.summary.indexOf('<table>'))
    expect(said).toBeLessThan(run.summary.indexOf('<li>'))
  })

  it('says nothing of it when a secret is given', async ({ ctx }) => {
    const run = await ctx.run({ ...EVERY_SECRET_EMPTY, 'adobe-access-token': 'adobe-token-from-a-step' })
    expect(run.exitCode).toBe(1)
    expect(run.errors).toEqual([expect.stringMatching(/^Invalid inputs \(3\): zoho-client-id is required/)])
    expect(`${run.stdout}${run.summary}`).not.toContain('no secret reached')
    expect(ctx.emulator.log).toEqual([])
  })
})
