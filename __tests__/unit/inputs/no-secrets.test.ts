import { describe, expect, it } from 'vitest'
import { INPUT_NAMES, SECRET_INPUTS, type InputName, type RawInputs } from '../../../src/inputs/contract.ts'
import { InputError } from '../../../src/inputs/input-error.ts'
import { noSecretsLine, SECRET_CARRYING_INPUTS, type TriggerFacts } from '../../../src/inputs/no-secrets.ts'
import { parseInputs } from '../../../src/inputs/parse.ts'
import { triggerOfRun } from '../../../src/runner/github-context.ts'

const HEAD = 'no secret reached this step (every secret input is empty)'
const ADOBE_REQUIRED =
  'adobe-client-secret is required unless adobe-access-token is given (the OAuth Server-to-Server client secret)'

/** Every input empty but the ones given. */
function rawOf(given: Partial<Record<InputName, string>> = {}): RawInputs {
  return { ...(Object.fromEntries(INPUT_NAMES.map((name) => [name, ''])) as Record<InputName, string>), ...given }
}

/** The non-secret inputs a run needs, so that only the secrets are missing. */
const PLAIN = { sandbox: 'dev', 'adobe-client-id': 'client', 'adobe-org-id': 'ABC123@AdobeOrg', 'zoho-region': 'eu' }

const SECRETS = {
  'adobe-client-secret': 'adobe-secret-value',
  'adobe-access-token': 'adobe-token-value',
  'zoho-client-id': '1000.ID',
  'zoho-client-secret': 'zoho-secret',
  'zoho-refresh-token': 'zoho-refresh',
  'zoho-access-token': 'zoho-token',
  'auth-params': 'clientId: hub-id'
} as const satisfies Record<(typeof SECRET_CARRYING_INPUTS)[number], string>

/** The InputError a run with these inputs (and this trigger) throws; fails when it throws none. */
function refusal(given: Partial<Record<InputName, string>>, trigger: TriggerFacts = {}): InputError {
  try {
    parseInputs(rawOf(given), [], trigger)
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error('the inputs were accepted')
}

describe('the line said when no secret reached the step', () => {
  it('covers every secret input and auth-params', () => {
    expect([...SECRET_CARRYING_INPUTS].sort()).toEqual([...SECRET_INPUTS, 'auth-params'].sort())
  })

  it('is said when every secret input is empty and one of them is required', () => {
    const line = noSecretsLine(rawOf(PLAIN), [ADOBE_REQUIRED])
    expect(line).toMatch(new RegExp(`^${HEAD.replace(/[()]/g, '\\$&')}: `))
    expect(line).toContain('`environment:`')
    expect(line).toContain('a pull request from a fork')
    expect(line).toContain('only Dependabot secrets')
  })

  it.each(SECRET_CARRYING_INPUTS.map((name) => [name] as const))('is not said when %s is given', (name) => {
    expect(noSecretsLine(rawOf({ ...PLAIN, [name]: SECRETS[name] }), [ADOBE_REQUIRED])).toBeUndefined()
  })

  it.each([
    ['no problem at all', []],
    ['only a plain input is required', ['sandbox is required (the AEP sandbox to act on)']],
    ['a secret input is named, but not as required', ['auth-params lacks clientId (as a text value)']],
    ['a problem only mentions a required secret later', ['mode must be one of …, zoho-client-id is required']]
  ] as const)('is not said when nothing secret is required: %s', (_what, problems) => {
    expect(noSecretsLine(rawOf(PLAIN), problems)).toBeUndefined()
  })

  it.each([
    ['zoho-client-id is required in ensure mode (it is stored in the connection)'],
    ['zoho-access-token is required when zoho-check is none (no token is minted from the refresh token)'],
    ["auth-params is required in ensure mode with source hubspot (the connection's params, stored in it)"]
  ])('counts any required secret input: %s', (problem) => {
    expect(noSecretsLine(rawOf(PLAIN), ['sandbox is required (…)', problem])).toMatch(/^no secret reached/)
  })

  describe('is as specific as the runner environment allows, in one line', () => {
    const cases: readonly (readonly [string, TriggerFacts, RegExp, RegExp | undefined])[] = [
      ['no trigger known (a local run)', {}, /a job without the `environment:`.*a pull request from a fork/, /GITHUB_/],
      ['a push', { eventName: 'push', actor: 'octocat' }, /a pull request from a fork, or a Dependabot run/, /push/],
      [
        'a Dependabot run',
        { eventName: 'pull_request', actor: 'dependabot[bot]' },
        /this is a Dependabot run \(GITHUB_ACTOR is dependabot\[bot\]\), which gets only Dependabot secrets.*github\.actor != 'dependabot\[bot\]'/,
        /fork/
      ],
      [
        'a Dependabot push',
        { eventName: 'push', actor: 'dependabot[bot]' },
        /this is a Dependabot run/,
        /pull_request/
      ],
      [
        'a pull request',
        { eventName: 'pull_request', actor: 'octocat' },
        /a pull_request run from a fork gets none of the repository's secrets \(skip the job for forks\).*`environment:`/,
        /Dependabot/
      ],
      [
        'a pull_request_target run',
        { eventName: 'pull_request_target', actor: 'octocat' },
        /a pull_request_target run gets the repository secrets, so the job likely lacks the `environment:`/,
        /fork|Dependabot/
      ]
    ]
    it.each(cases)('%s', (_what, trigger, says, doesNotSay) => {
      const line = noSecretsLine(rawOf(PLAIN), [ADOBE_REQUIRED], trigger) ?? ''
      expect(line.startsWith(`${HEAD}: `)).toBe(true)
      expect(line).toMatch(says)
      if (doesNotSay) expect(line).not.toMatch(doesNotSay)
      expect(line).not.toMatch(/[\r\n]/)
      expect(line.length).toBeLessThan(300)
    })
  })

  it('reads what started the run from GITHUB_EVENT_NAME and GITHUB_ACTOR only', () => {
    expect(triggerOfRun({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_ACTOR: 'dependabot[bot]' })).toEqual({
      eventName: 'pull_request',
      actor: 'dependabot[bot]'
    })
    expect(triggerOfRun({ GITHUB_EVENT_NAME: '', GITHUB_EVENT_PATH: '/no/such/event.json' })).toEqual({
      eventName: undefined,
      actor: undefined
    })
  })
})

describe('the inputs refused when no secret reached the step', () => {
  it('an ensure run of Zoho CRM: the line first, then the four problems, which it does not count', () => {
    const error = refusal(PLAIN)
    expect(error.problems).toHaveLength(4)
    expect(error.headline).toMatch(/^no secret reached this step/)
    expect(error.message).toBe(`Invalid inputs (4): ${error.headline}. The problems: ${error.problems.join('; ')}`)
    expect(error.message.indexOf(HEAD)).toBeLessThan(error.message.indexOf('adobe-client-secret is required'))
  })

  it('a check run, whose one problem is the Adobe secret', () => {
    const error = refusal({ ...PLAIN, mode: 'check' })
    expect(error.problems).toEqual([ADOBE_REQUIRED])
    expect(error.message).toBe(`Invalid input: ${error.headline}. The problem: ${ADOBE_REQUIRED}`)
  })

  it.each([
    ['hubspot', 'ensure', 'auth-params is required in ensure mode with source hubspot'],
    ['generic-rest', 'create', 'auth-params is required in create mode with source generic-rest'],
    ['zoho-crm', 'create', 'zoho-refresh-token is required in create mode'],
    ['zoho-crm', 'delete', 'adobe-client-secret is required'],
    ['hubspot', 'check', 'adobe-client-secret is required']
  ] as const)('source %s, mode %s', (source, mode, problem) => {
    const error = refusal({ ...PLAIN, source, mode })
    expect(error.problems).toContainEqual(expect.stringContaining(problem))
    expect(error.message).toMatch(/^Invalid inputs?( \(\d+\))?: no secret reached this step/)
  })

  it('tells a Dependabot run so, in the same line', () => {
    const error = refusal(PLAIN, { eventName: 'pull_request', actor: 'dependabot[bot]' })
    expect(error.message).toMatch(/^Invalid inputs \(4\): no secret reached this step .*: this is a Dependabot run/)
  })

  it('comes before the other problems too, which stay listed', () => {
    const error = refusal({ ...PLAIN, sandbox: '', verify: 'sometimes' })
    expect(error.problems).toContainEqual(expect.stringContaining('sandbox is required'))
    expect(error.problems).toContainEqual(expect.stringContaining('verify must be one of'))
    expect(error.message.indexOf(HEAD)).toBeLessThan(error.message.indexOf('sandbox is required'))
  })

  it.each([
    ['adobe-access-token given', { 'adobe-access-token': SECRETS['adobe-access-token'] }, /zoho-client-id is required/],
    ['one Zoho secret given', { 'zoho-client-id': SECRETS['zoho-client-id'] }, /adobe-client-secret is required/],
    [
      'a check with its Adobe secret but no sandbox',
      { mode: 'check', 'adobe-client-secret': SECRETS['adobe-client-secret'], sandbox: '' },
      /^Invalid input: sandbox is required/
    ],
    [
      'auth-params given beside a Zoho CRM run',
      { 'auth-params': SECRETS['auth-params'] },
      /auth-params is not used by source zoho-crm/
    ]
  ] as const)('is not said when a secret input is given: %s', (_what, given, problem) => {
    const error = refusal({ ...PLAIN, ...given })
    expect(error.headline).toBeUndefined()
    expect(error.message).not.toContain('no secret reached')
    expect(error.message).toMatch(problem)
    expect(error.message).toBe(
      error.problems.length === 1
        ? `Invalid input: ${error.problems[0]}`
        : `Invalid inputs (${error.problems.length}): ${error.problems.join('; ')}`
    )
  })

  it('refuses nothing more: a dry run with only the Adobe secret is still valid', () => {
    expect(() =>
      parseInputs(rawOf({ ...PLAIN, 'dry-run': 'true', 'adobe-client-secret': SECRETS['adobe-client-secret'] }))
    ).not.toThrow()
  })
})
