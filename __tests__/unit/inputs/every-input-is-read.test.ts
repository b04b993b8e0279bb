/**
 * Every input action.yml declares is read: changing it to another valid value, in a mode where
 * it is used, changes what `parseInputs` returns. An input declared, defaulted and validated but
 * whose value goes nowhere fails here. The parsed inputs are compared whole, so this holds
 * whatever shape `Inputs` takes.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import type { RawInputs } from '../../../src/inputs/contract.ts'
import { parseInputs } from '../../../src/inputs/parse.ts'

const ROOT = join(import.meta.dirname, '..', '..', '..')
const declared = Object.keys(
  (parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> }).inputs
)

/** One valid set of inputs per kind of run; the others are left empty (their defaults apply). */
const RUNS = {
  /** Writes Zoho credentials: every Zoho input is used. */
  ensure: {
    sandbox: 'dev',
    'adobe-client-id': 'client',
    'adobe-client-secret': 'adobe-secret',
    'adobe-org-id': 'ABC123@AdobeOrg',
    'zoho-region': 'eu',
    'zoho-client-id': '1000.ZOHOCLIENT',
    'zoho-client-secret': 'zoho-secret',
    'zoho-refresh-token': 'zoho-refresh'
  },
  /** Writes HubSpot credentials from auth-params. */
  hubspot: {
    source: 'hubspot',
    sandbox: 'dev',
    'adobe-client-id': 'client',
    'adobe-client-secret': 'adobe-secret',
    'adobe-org-id': 'ABC123@AdobeOrg',
    'auth-params': 'clientId: hub-client\nclientSecret: hub-secret\nrefreshToken: hub-refresh'
  },
  /** Reads only: no Zoho input, and connection-id is allowed. */
  check: {
    mode: 'check',
    sandbox: 'dev',
    'adobe-client-id': 'client',
    'adobe-client-secret': 'adobe-secret',
    'adobe-org-id': 'ABC123@AdobeOrg'
  }
} as const satisfies Record<string, Readonly<Record<string, string>>>

interface Alternative {
  /** The run the input is changed in. */
  readonly run: keyof typeof RUNS
  /** Inputs set beside the run's, so that the input is used (verify: explore for verify-tables). */
  readonly with?: Readonly<Record<string, string>>
  /** Valid values other than the one the run has (given or defaulted); each must change the parsed inputs. */
  readonly values: readonly string[]
}

/**
 * For each input action.yml declares: where it is used, and other valid values. The Zoho inputs,
 * "validated and masked but not used" in check and delete, are changed in ensure.
 */
const ALTERNATIVES: Readonly<Record<string, Alternative>> = {
  mode: { run: 'ensure', values: ['create', 'check', 'delete'] },
  source: { run: 'check', values: ['hubspot', 'generic-rest'] },
  'auth-params': {
    run: 'hubspot',
    values: ['{"clientId": "another", "clientSecret": "hub-secret", "refreshToken": "hub-refresh"}']
  },
  'source-token-url': { run: 'hubspot', values: ['https://api.hubapi.com/oauth/2026-03/token', 'http://127.0.0.1:9'] },
  'source-check': {
    run: 'hubspot',
    with: { 'auth-params': 'clientId: c\nclientSecret: s\nrefreshToken: r\naccessToken: a-given-token' },
    values: ['none']
  },
  sandbox: { run: 'ensure', values: ['prod', 'dev-2'] },
  'adobe-client-id': { run: 'ensure', values: ['another-client'] },
  // Used when no adobe-access-token is given (action.yml: the secret is then not used).
  'adobe-client-secret': { run: 'ensure', values: ['another-adobe-secret'] },
  'adobe-access-token': { run: 'ensure', values: ['ims-access-token'] },
  'adobe-org-id': { run: 'ensure', values: ['DEF456@AdobeOrg'] },
  'adobe-scopes': { run: 'ensure', values: ['openid,AdobeID', '["openid"]'] },
  'adobe-ims-url': { run: 'ensure', values: ['https://ims-na1-stg1.adobelogin.com', 'http://127.0.0.1:8081'] },
  'adobe-platform-url': { run: 'ensure', values: ['https://platform-stage.adobe.io', 'http://127.0.0.1:8082'] },
  // Without zoho-region, so that the endpoint alone settles the data centre.
  'zoho-endpoint': {
    run: 'ensure',
    with: { 'zoho-region': '', 'zoho-endpoint': 'https://www.zohoapis.eu' },
    values: ['https://www.zohoapis.com', 'https://sandbox.zohoapis.eu']
  },
  'zoho-region': { run: 'ensure', values: ['us', 'in'] },
  // Australia has two accounts hosts; the first is the default.
  'zoho-accounts-url': { run: 'ensure', with: { 'zoho-region': 'au' }, values: ['https://accounts.zoho.au'] },
  'zoho-client-id': { run: 'ensure', values: ['1000.OTHERCLIENT'] },
  'zoho-client-secret': { run: 'ensure', values: ['another-zoho-secret'] },
  'zoho-refresh-token': { run: 'ensure', values: ['another-zoho-refresh'] },
  'zoho-access-token': { run: 'ensure', values: ['zoho-access'] },
  'zoho-check': { run: 'ensure', with: { 'zoho-access-token': 'zoho-access' }, values: ['none'] },
  'connection-name': { run: 'ensure', values: ['Another name', 'Café Zoho'] },
  'connection-description': { run: 'ensure', values: ['Managed by hand'] },
  'connection-id': { run: 'check', values: ['2484f2df-c057-4ab5-84f2-dfc0577ab592'] },
  'on-existing': { run: 'ensure', values: ['reuse', 'update', 'fail'] },
  verify: { run: 'ensure', values: ['explore', 'none'] },
  'verify-tables': { run: 'ensure', with: { verify: 'explore' }, values: ['Contacts', 'Contacts,Leads'] },
  dataflows: { run: 'check', values: ['list', 'healthy'] },
  cleanup: { run: 'ensure', values: ['created'] },
  'dry-run': { run: 'ensure', values: ['true'] },
  'connection-spec-id': { run: 'ensure', values: ['cc6a4487-9e91-433e-a3a3-9cf6626c1806'] },
  'connection-spec-version': { run: 'ensure', values: ['2.0'] },
  'auth-spec-name': { run: 'ensure', values: ['OAuth2 Refresh Code'] },
  'request-timeout': { run: 'ensure', values: ['10', '0.5'] },
  'max-attempts': { run: 'ensure', values: ['1', '10'] },
  'settle-timeout': { run: 'ensure', values: ['0', '90'] },
  timeout: { run: 'ensure', values: ['60', '1200'] }
}

/** Every declared input empty, then the given ones. */
function raw(given: Readonly<Record<string, string>>): RawInputs {
  return { ...Object.fromEntries(declared.map((name) => [name, ''])), ...given } as RawInputs
}

describe('every input action.yml declares', () => {
  it('has an entry in ALTERNATIVES, and ALTERNATIVES names no other', () => {
    const missing = declared.filter((name) => !(name in ALTERNATIVES))
    const extra = Object.keys(ALTERNATIVES).filter((name) => !declared.includes(name))
    expect(
      missing,
      `add an entry to ALTERNATIVES in this file for each new input (a run where it is used and another valid value): ${missing.join(', ')}`
    ).toEqual([])
    expect(extra, `ALTERNATIVES names inputs action.yml does not declare; remove them: ${extra.join(', ')}`).toEqual([])
  })

  it.each(Object.keys(RUNS) as (keyof typeof RUNS)[])('parses in the %s run it is changed from', (run) => {
    expect(() => parseInputs(raw(RUNS[run]))).not.toThrow()
  })

  const cases = Object.entries(ALTERNATIVES).flatMap(([input, alternative]) =>
    alternative.values.map((value) => ({ input, value, ...alternative }))
  )
  it.each(cases)('$input: $value changes the parsed inputs ($run run)', ({ input, value, run, with: extra }) => {
    const before = { ...RUNS[run], ...extra }
    expect(before[input as keyof typeof before], 'the alternative must differ from the value it replaces').not.toBe(
      value
    )
    const base = parseInputs(raw(before))
    const changed = parseInputs(raw({ ...before, [input]: value }))
    expect(
      changed,
      `${input} was changed to ${JSON.stringify(value)} but the parsed inputs stayed the same`
    ).not.toEqual(base)
  })
})
