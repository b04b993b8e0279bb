/**
 * The inputs as action.yml declares them: their names, which are secret, and their defaults.
 * `action-yml-matches-the-code.test.ts` holds this table and action.yml to each other.
 */
import type { SecretRegistry } from '../runner/secrets.ts'
import { registerAuthParams } from './auth-params.ts'

export const ZOHO_CRM_SPEC_ID = '929e4450-0237-4ed2-9404-b7e1e0a00309'

/** The sources `source` names: Zoho CRM first and by default, then the others (contract: Sources). */
export const SOURCE_NAMES = ['zoho-crm', 'hubspot', 'generic-rest', 'other'] as const
export type SourceName = (typeof SOURCE_NAMES)[number]

/**
 * What the connection-name, connection-spec-id and auth-spec-name inputs stand for when empty,
 * per source (api-notes.md §2.2, §7.1, §7.5); `other` has none: those three inputs name it.
 */
export const SOURCE_DEFAULTS: Readonly<
  Record<SourceName, { readonly name: string; readonly specId: string; readonly authSpecName: string } | undefined>
> = {
  'zoho-crm': { name: 'Zoho CRM base connection', specId: ZOHO_CRM_SPEC_ID, authSpecName: 'Basic Authentication' },
  hubspot: {
    name: 'HubSpot base connection',
    specId: 'cc6a4487-9e91-433e-a3a3-9cf6626c1806',
    authSpecName: 'Basic Authentication'
  },
  'generic-rest': {
    name: 'Generic REST API base connection',
    specId: '4e98f16f-87d6-4ef0-bdc6-7a2b0fe76e62',
    authSpecName: 'oAuth2RefreshCode'
  },
  other: undefined
}

/**
 * The sources whose credentials a refresh at their token endpoint proves before they are written
 * (contract: Sources): the params of `auth-params` the refresh sends, and the one it mints.
 * `always`: every run that writes refreshes (with source-check: token); otherwise only when all of
 * `sends` are given. Zoho CRM's refresh is its own (its zoho-* inputs); `other` has none.
 */
export const SOURCE_PROOFS: Readonly<
  Partial<Record<SourceName, { readonly sends: readonly string[]; readonly mints: string; readonly always: boolean }>>
> = {
  hubspot: { sends: ['clientId', 'clientSecret', 'refreshToken'], mints: 'accessToken', always: true },
  'generic-rest': {
    sends: ['clientId', 'clientSecret', 'refreshToken', 'accessTokenUrl'],
    mints: 'accessToken',
    always: false
  }
}

/**
 * Every input, in action.yml's order (problems with them are listed in this order), with the
 * default an empty value stands for (`undefined`: none, or one the code
 * derives: the Zoho target from the other Zoho inputs, the description from the repository, the
 * connection's name, spec and auth spec from the source, source-check from zoho-check).
 */
export const INPUT_DEFAULTS = {
  mode: 'ensure',
  source: 'zoho-crm',
  sandbox: undefined,
  'adobe-client-id': undefined,
  'adobe-client-secret': undefined,
  'adobe-access-token': undefined,
  'adobe-org-id': undefined,
  'adobe-scopes': 'openid,session,AdobeID,read_organizations,additional_info.projectedProductContext',
  'adobe-ims-url': 'https://ims-na1.adobelogin.com',
  'adobe-platform-url': 'https://platform.adobe.io',
  'auth-params': undefined,
  'source-token-url': undefined,
  'source-check': undefined,
  'zoho-endpoint': undefined,
  'zoho-region': undefined,
  'zoho-accounts-url': undefined,
  'zoho-client-id': undefined,
  'zoho-client-secret': undefined,
  'zoho-refresh-token': undefined,
  'zoho-access-token': undefined,
  'zoho-check': 'token',
  'connection-name': undefined,
  'connection-description': undefined,
  'connection-id': undefined,
  'on-existing': 'repair',
  verify: 'test',
  'verify-tables': undefined,
  dataflows: 'skip',
  cleanup: 'none',
  'dry-run': 'false',
  'connection-spec-id': undefined,
  'connection-spec-version': '1.0',
  'auth-spec-name': undefined,
  'request-timeout': '30',
  'max-attempts': '4',
  'settle-timeout': '30',
  timeout: '300'
} as const satisfies Record<string, string | undefined>

export type InputName = keyof typeof INPUT_DEFAULTS
export const INPUT_NAMES = Object.keys(INPUT_DEFAULTS) as InputName[]
export const DEFAULT_SCOPES = INPUT_DEFAULTS['adobe-scopes']

/** Every input as the runner passed it, trimmed; empty when not given. */
export type RawInputs = Readonly<Record<InputName, string>>

/**
 * Inputs whose values are masked before anything else happens. `auth-params` is masked too, value
 * by value (`registerAuthParams`): masked whole, its plain URLs could not be shown.
 */
export const SECRET_INPUTS = [
  'adobe-client-secret',
  'adobe-access-token',
  'zoho-client-id',
  'zoho-client-secret',
  'zoho-refresh-token',
  'zoho-access-token'
] as const satisfies readonly InputName[]

/** Reads every input as the runner passes it (`INPUT_<NAME>`), trimmed. */
export function readRawInputs(getInput: (name: InputName) => string): RawInputs {
  const raw = {} as Record<InputName, string>
  for (const name of INPUT_NAMES) raw[name] = getInput(name).trim()
  return raw
}

/** Must run before the inputs are parsed, so that no validation message can ever show a secret. */
export function registerSecretInputs(raw: RawInputs, secrets: SecretRegistry): void {
  for (const name of SECRET_INPUTS) secrets.register(raw[name])
  registerAuthParams(raw['auth-params'], secrets)
}

/** The value an input stands for: as given, else its default; `undefined` when it has neither. */
export function givenOrDefault(raw: RawInputs, name: InputName): string | undefined {
  return raw[name] === '' ? INPUT_DEFAULTS[name] : raw[name]
}
