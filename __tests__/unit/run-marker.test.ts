import { describe, expect, it } from 'vitest'
import { isThisRunsMarker, markerRelation, newRunMarker, runMarkersIn } from '../../src/run-marker.ts'

describe('a run marker', () => {
  it('names the GitHub run and differs between the jobs of one run', () => {
    const env = { GITHUB_RUN_ID: '42', GITHUB_RUN_ATTEMPT: '2' }
    const a = newRunMarker(env)
    expect(a).toMatch(/^aep-run:42\.2\.[0-9a-f]{12}$/)
    expect(newRunMarker(env)).not.toBe(a)
    expect(newRunMarker({})).toMatch(/^aep-run:local\.[0-9a-f]{12}$/)
  })

  it('is this run’s only with this attempt’s prefix and a random part of this action’s form', () => {
    const env = { GITHUB_RUN_ID: '42', GITHUB_RUN_ATTEMPT: '2' }
    expect(isThisRunsMarker(newRunMarker(env), env)).toBe(true)
    expect(isThisRunsMarker(newRunMarker({ GITHUB_RUN_ID: '42', GITHUB_RUN_ATTEMPT: '1' }), env)).toBe(false)
    expect(isThisRunsMarker('aep-run:42.2.not-random', env)).toBe(false)
  })
})

describe('whose a marker is, from the markers alone', () => {
  const ours = 'aep-run:42.3.abcdef012345'
  it.each([
    ['the same marker', ours, 'this-run'],
    ['attempt 1 of the same workflow run (a rerun)', 'aep-run:42.1.0123456789ab', 'earlier-attempt'],
    ['attempt 2 of the same workflow run', 'aep-run:42.2.abcdef012345', 'earlier-attempt'],
    [
      'a matrix leg of the same attempt (same run and attempt, another random part)',
      'aep-run:42.3.ffffffffffff',
      'another-run'
    ],
    ['a later attempt of the same run', 'aep-run:42.4.abcdef012345', 'another-run'],
    ['attempt 10 of the same run, compared as a number', 'aep-run:42.10.abcdef012345', 'another-run'],
    ['another workflow run', 'aep-run:43.1.abcdef012345', 'another-run'],
    ['a run id that only starts alike', 'aep-run:421.1.abcdef012345', 'another-run'],
    ['a run outside GitHub Actions', 'aep-run:local.abcdef012345', 'another-run'],
    ['a random part of another form', 'aep-run:42.1.not-random', 'another-run'],
    ['a random part too long', 'aep-run:42.1.abcdef0123456', 'another-run'],
    ['the old Zoho-only prefix', 'aep-zoho-run:42.1.abcdef012345', 'another-run'],
    ['no marker at all', '', 'another-run']
  ] as const)('%s', (_what, marker, relation) => {
    expect(markerRelation(marker, ours)).toBe(relation)
  })

  it('a run outside GitHub Actions owns only its very marker', () => {
    const local = 'aep-run:local.abcdef012345'
    expect(markerRelation(local, local)).toBe('this-run')
    expect(markerRelation('aep-run:local.000000000000', local)).toBe('another-run')
    expect(markerRelation('aep-run:42.1.abcdef012345', local)).toBe('another-run')
  })

  it('an earlier attempt, made by newRunMarker with the runner environment, counts as the rerun’s own', () => {
    const first = newRunMarker({ GITHUB_RUN_ID: '7', GITHUB_RUN_ATTEMPT: '1' })
    const rerun = newRunMarker({ GITHUB_RUN_ID: '7', GITHUB_RUN_ATTEMPT: '2' })
    const leg = newRunMarker({ GITHUB_RUN_ID: '7', GITHUB_RUN_ATTEMPT: '2' })
    expect(markerRelation(first, rerun)).toBe('earlier-attempt')
    expect(markerRelation(rerun, first)).toBe('another-run')
    expect(markerRelation(leg, rerun)).toBe('another-run')
  })
})

describe('the markers a description carries', () => {
  it.each([
    ['none', 'Managed by hand', []],
    ['one, after the text', 'Managed [aep-run:1.1.abcdef012345] [params:0123456789ab]', ['aep-run:1.1.abcdef012345']],
    [
      'several, in order',
      'x [aep-run:1.1.abcdef012345] y [aep-run:2.1.0123456789ab]',
      ['aep-run:1.1.abcdef012345', 'aep-run:2.1.0123456789ab']
    ],
    ['an unbracketed one is text', 'see aep-run:1.1.abcdef012345', []],
    ['a params tag is no marker', '[params:0123456789ab]', []]
  ] as const)('%s', (_what, description, markers) => {
    expect(runMarkersIn(description)).toEqual(markers)
  })
  it('reads nothing from no description', () => {
    expect(runMarkersIn(undefined)).toEqual([])
  })
})
