/**
 * The inputs as action.yml declares them: their names, which are secret, and their defaults.
 * `action-yml-matches-the-code.test.ts` holds this table and action.yml to each other.
 */
import type { SecretRegistry } from '../runner/secrets.ts'

export const ZOHO_CRM_SPEC_ID = '929e4450-0237-4ed2-9404-b7e1e0a00309'

/**
 * Every input, in action.yml's order (problems with them are listed in this order), with the
 * default an empty value stands for (`undefined`: none, or one the code
 * derives: the Zoho target from the other Zoho inputs, the description from the repository).
 */
export const INPUT_DEFAULTS = {
  mode: 'ensure',
  sandbox: undefined,
  'adobe-client-id': undefined,
  'adobe-client-secret': undefined,
  'adobe-access-token': undefined,
  'adobe-org-id': undefined,
  'adobe-scopes': 'openid,session,AdobeID,read_organizations,additional_info.projectedProductContext',
  'adobe-ims-url': 'https://ims-na1.adobelogin.com',
  'adobe-platform-url': 'https://platform.adobe.io',
  'zoho-endpoint': undefined,
  'zoho-region': undefined,
  'zoho-accounts-url': undefined,
  'zoho-client-id': undefined,
  'zoho-client-secret': undefined,
  'zoho-refresh-token': undefined,
  'zoho-access-token': undefined,
  'zoho-check': 'token',
  'connection-name': 'Zoho CRM base connection',
  'connection-description': undefined,
  'connection-id': undefined,
  'on-existing': 'repair',
  verify: 'test',
  'verify-tables': undefined,
  dataflows: 'skip',
  cleanup: 'none',
  'dry-run': 'false',
  'connection-spec-id': ZOHO_CRM_SPEC_ID,
  'connection-spec-version': '1.0',
  'auth-spec-name': 'Basic Authentication',
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

/** Inputs whose values are masked before anything else happens. */
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
}

/** The value an input stands for: as given, else its default; `undefined` when it has neither. */
export function givenOrDefault(raw: RawInputs, name: InputName): string | undefined {
  return raw[name] === '' ? INPUT_DEFAULTS[name] : raw[name]
}
