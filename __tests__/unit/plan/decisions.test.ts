import { describe, expect, it } from 'vitest'
import {
  anotherRunsConnections,
  authSpecProblem,
  ensureAction,
  madeBy,
  missingTables,
  oldest,
  paramDifference,
  settleTwins,
  sharedNameProblem,
  whoseConnection
} from '../../../src/plan/decisions.ts'
import type { ParamExpectation } from '../../../src/plan/source.ts'
import { zohoAccountsUrlParam, zohoClientIdParam, zohoEndpointParam } from '../../../src/sources/zoho-crm.ts'

describe('which connection wins', () => {
  it('picks the oldest by createdAt, ties broken by id, missing timestamps last', () => {
    expect(
      oldest([
        { id: 'b', createdAt: 2 },
        { id: 'a', createdAt: 3 },
        { id: 'c', createdAt: 1 }
      ])?.id
    ).toBe('c')
    expect(
      oldest([
        { id: 'b', createdAt: 1 },
        { id: 'a', createdAt: 1 }
      ])?.id
    ).toBe('a')
    expect(oldest([{ id: 'a' }, { id: 'z', createdAt: 9 }])?.id).toBe('z')
    expect(oldest([])).toBeUndefined()
  })

  it('keeps ours when it is the oldest, and gives way to an older twin', () => {
    const ours = { id: 'ours', createdAt: 10, description: 'd [m1]' }
    const newer = { id: 'newer', createdAt: 11 }
    const older = { id: 'older', createdAt: 9 }
    expect(settleTwins('ours', 'm1', [ours, newer])).toEqual({ winner: ours, ownCopiesToDelete: [] })
    expect(settleTwins('ours', 'm1', [ours, older])).toEqual({ winner: older, ownCopiesToDelete: [ours] })
    // A tie on createdAt goes to the smaller id, for every run alike.
    expect(
      settleTwins('b', 'm1', [
        { id: 'b', createdAt: 5 },
        { id: 'a', createdAt: 5 }
      ]).winner?.id
    ).toBe('a')
  })

  it("deletes every newer copy this run made, and never another run's", () => {
    const lostAnswer = { id: 'lost', createdAt: 5, description: 'x [m1]' }
    const ours = { id: 'ours', createdAt: 7, description: 'x [m1]' }
    const theirs = { id: 'theirs', createdAt: 6, description: 'x [m2]' }
    const { winner, ownCopiesToDelete } = settleTwins('ours', 'm1', [ours, theirs, lostAnswer])
    expect(winner).toBe(lostAnswer)
    expect(ownCopiesToDelete).toEqual([ours])
    const second = settleTwins('ours', 'm1', [ours, lostAnswer, { id: 'first', createdAt: 1, description: 'm2' }])
    expect(second.winner?.id).toBe('first')
    expect(second.ownCopiesToDelete.map((c) => c.id).sort()).toEqual(['lost', 'ours'])
  })

  it('recognises its own connections by the marker in the description', () => {
    expect(madeBy('aep-run:1.1.abc', { id: 'a', description: 'Managed [aep-run:1.1.abc]' })).toBe(true)
    expect(madeBy('aep-run:1.1.abc', { id: 'a', description: 'Managed [aep-run:1.1.abd]' })).toBe(false)
    expect(madeBy('aep-run:1.1.abc', { id: 'a' })).toBe(false)
  })
})

describe('whose a connection under the name is, for cleanup: created', () => {
  const ours = 'aep-run:9.2.abcdef012345'
  it.each([
    ['made by this run', '[aep-run:9.2.abcdef012345] [params:0123456789ab]', 'this-run'],
    ['made by an earlier attempt of this workflow run', 'Managed [aep-run:9.1.0123456789ab]', 'earlier-attempt'],
    ['made by a matrix leg of this attempt', 'Managed [aep-run:9.2.ffffffffffff]', 'another-run'],
    ['made by another workflow run', 'Managed [aep-run:8.1.abcdef012345]', 'another-run'],
    [
      'made by another repository',
      'Managed by GitHub Actions: other/repo [aep-run:1234.1.abcdef012345]',
      'another-run'
    ],
    ['made by hand (no marker)', 'Created in the UI', 'another-run'],
    ['with no description', undefined, 'another-run'],
    [
      'made by another run and since updated, the markers kept',
      'new text [aep-run:8.1.abcdef012345] [params:x]',
      'another-run'
    ]
  ] as const)('%s', (_what, description, whose) => {
    expect(whoseConnection(ours, { id: 'c', description })).toBe(whose)
  })

  it('lists another run’s connections oldest first, leaving this run’s and earlier attempts’', () => {
    const listed = [
      { id: 'leg', createdAt: 3, description: '[aep-run:9.2.ffffffffffff]' },
      { id: 'mine', createdAt: 1, description: `[${ours}]` },
      { id: 'earlier', createdAt: 0, description: '[aep-run:9.1.0123456789ab]' },
      { id: 'hand', createdAt: 2, description: 'made by hand' }
    ]
    expect(anotherRunsConnections(ours, listed).map((c) => c.id)).toEqual(['hand', 'leg'])
  })

  it('says the name must be unique to the job, and how, naming the marker it found', () => {
    const where = { name: 'Zoho CRM PR 7', sandbox: 'ci' }
    const theirs = { id: 'c-1', description: 'x [aep-run:8.1.abcdef012345]' }
    const problem = sharedNameProblem(where, theirs, 'Nothing was written.')
    expect(problem).toContain('Connection "Zoho CRM PR 7" (id c-1) in sandbox "ci" exists')
    expect(problem).toContain('aep-run:8.1.abcdef012345')
    expect(problem).toContain('Nothing was written.')
    expect(problem).toContain('the connection name must be unique to the job')
    for (const how of ['${{ github.repository }}', '${{ github.run_id }}', '${{ github.job }}', '${{ matrix.'])
      expect(problem).toContain(how)
    expect(sharedNameProblem(where, { id: 'c-2' }, '')).toContain('carries no run marker of this action')
  })
})

describe('whether a stored connection matches the inputs (repair)', () => {
  const expected: ParamExpectation[] = [
    zohoEndpointParam('https://www.zohoapis.eu'),
    zohoAccountsUrlParam('https://accounts.zoho.eu'),
    zohoClientIdParam('1000.SECRETCLIENT')
  ]
  const healthy = {
    endpoint: 'https://www.zohoapis.eu',
    accountsUrl: 'https://accounts.zoho.eu',
    clientId: '1000.SECRETCLIENT'
  }

  it('finds no difference when every shown param equals the input', () => {
    expect(paramDifference(healthy, expected)).toBeUndefined()
  })

  it('names the param, the stored and the wanted value', () => {
    expect(paramDifference({ ...healthy, endpoint: 'https://www.zohoapis.com' }, expected)).toBe(
      'param endpoint is https://www.zohoapis.com, wanted https://www.zohoapis.eu'
    )
  })

  it('never shows the value of a param that comes from a secret input', () => {
    const reason = paramDifference({ ...healthy, clientId: '1000.OTHERCLIENT' }, expected) ?? ''
    expect(reason).toContain('param clientId differs')
    expect(reason).not.toContain('1000.')
  })

  it('leaves a connection without credentials, an empty param, or no auth at all to verification', () => {
    expect(paramDifference({}, expected)).toBeUndefined()
    expect(paramDifference({ ...healthy, accountsUrl: '' }, expected)).toBeUndefined()
    expect(paramDifference(undefined, expected)).toBeUndefined()
  })

  it('does not count a param Adobe leaves out or shows hidden as a difference', () => {
    const { clientId: _left, ...withoutClientId } = healthy
    expect(paramDifference(withoutClientId, expected)).toBeUndefined()
    expect(paramDifference({ ...healthy, clientId: '****' }, expected)).toBeUndefined()
  })

  it('excuses only forms when this action last wrote exactly these values: not another host or data centre', () => {
    const anotherHost = { ...healthy, endpoint: 'https://crm.zoho.eu/' }
    expect(paramDifference(anotherHost, expected, true)).toContain('param endpoint is https://crm.zoho.eu/')
    const movedSince = { ...healthy, endpoint: 'https://www.zohoapis.com' }
    expect(paramDifference(movedSince, expected, true)).toContain('param endpoint is https://www.zohoapis.com')
  })
})

describe('which required tables the root listing lacks', () => {
  const listed = [
    { name: 'Leads', path: 'Leads' },
    { name: 'Contacts', path: 'Contacts' },
    { name: 'Deals', path: 'Deals' }
  ]

  it('matches exactly, and points out a near miss in case', () => {
    expect(missingTables(['Contacts', 'Leads'], listed)).toEqual({ missing: [], nearly: [] })
    expect(missingTables(['contacts', 'Quotes'], listed.slice(0, 2))).toEqual({
      missing: ['contacts', 'Quotes'],
      nearly: ['contacts (listed as Contacts)']
    })
  })

  it('matches a table by its display name or by its path', () => {
    const labelled = [{ name: 'Sales Leads', path: 'Leads' }, { name: 'People', path: 'Contacts' }, { name: 'Deals' }]
    expect(missingTables(['Leads', 'People', 'Deals'], labelled)).toEqual({ missing: [], nearly: [] })
    expect(missingTables(['Sales Leads', 'Contacts'], labelled)).toEqual({ missing: [], nearly: [] })
    expect(missingTables(['Quotes', 'leads'], labelled)).toEqual({
      missing: ['Quotes', 'leads'],
      nearly: ['leads (listed as Leads)']
    })
  })
})

describe('what ensure does', () => {
  it('creates when nothing exists and follows on-existing otherwise', () => {
    expect(ensureAction(0, 'fail')).toBe('create')
    expect(ensureAction(1, 'reuse')).toBe('reuse')
    expect(ensureAction(1, 'repair')).toBe('repair')
    expect(ensureAction(2, 'update')).toBe('update')
    expect(ensureAction(1, 'fail')).toBe('fail')
  })
})

describe('auth spec names', () => {
  it('accepts a listed name, or any name when the spec lists none', () => {
    expect(authSpecProblem('Basic Authentication', ['Basic Authentication'])).toBeUndefined()
    expect(authSpecProblem('Anything', undefined)).toBeUndefined()
    expect(authSpecProblem('Anything', [])).toBeUndefined()
  })

  it('lists the valid names otherwise', () => {
    expect(authSpecProblem('OAuth', ['Basic Authentication', 'OAuth 2 Refresh Code'])).toBe(
      'auth-spec-name "OAuth" is not an auth spec of this connection spec; valid names: "Basic Authentication", "OAuth 2 Refresh Code"'
    )
  })
})
