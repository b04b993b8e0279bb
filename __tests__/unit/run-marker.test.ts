import { describe, expect, it } from 'vitest'
import { isThisRunsMarker, newRunMarker } from '../../src/run-marker.ts'

describe('a run marker', () => {
  it('names the GitHub run and differs between the jobs of one run', () => {
    const env = { GITHUB_RUN_ID: '42', GITHUB_RUN_ATTEMPT: '2' }
    const a = newRunMarker(env)
    expect(a).toMatch(/^aep-zoho-run:42\.2\.[0-9a-f]{12}$/)
    expect(newRunMarker(env)).not.toBe(a)
    expect(newRunMarker({})).toMatch(/^aep-zoho-run:local\.[0-9a-f]{12}$/)
  })

  it('is this run’s only with this attempt’s prefix and a random part of this action’s form', () => {
    const env = { GITHUB_RUN_ID: '42', GITHUB_RUN_ATTEMPT: '2' }
    expect(isThisRunsMarker(newRunMarker(env), env)).toBe(true)
    expect(isThisRunsMarker(newRunMarker({ GITHUB_RUN_ID: '42', GITHUB_RUN_ATTEMPT: '1' }), env)).toBe(false)
    expect(isThisRunsMarker('aep-zoho-run:42.2.not-random', env)).toBe(false)
  })
})
