/**
 * The inputs, parsed once into what a run works with. Each input is read by its reader in
 * `FIELDS`; then the rules across inputs (what each mode needs, one Zoho data centre) decide, and
 * the result's type carries what they proved: a writing mode's inputs have their Zoho credentials
 * and data centre, every run's have the Adobe credentials it signs in with.
 */
import type { AdobeAuth, AdobeCredential } from '../adobe/session.ts'
import { MODE_NAMES, MODES, storesSourceCredentials, type Mode, type ReadingMode, type StoringMode } from '../modes.ts'
import type { SettledByInputs, StepOutputs } from '../report/outputs.ts'
import { InputError } from './input-error.ts'
import {
  givenOrDefault,
  INPUT_DEFAULTS,
  INPUT_NAMES,
  ZOHO_CRM_SPEC_ID,
  type InputName,
  type RawInputs
} from './contract.ts'
import {
  baseUrl,
  boolean,
  maxLength,
  noControlCharacters,
  number,
  oneOf,
  pattern,
  quote,
  scopes,
  secret,
  tableNames,
  text,
  VISIBLE_ASCII,
  type Reader
} from './fields.ts'
import { resolveZohoTarget, ZOHO_REGIONS, type ZohoRegion, type ZohoTarget } from '../zoho/regions.ts'
import {
  CLEANUPS,
  DATAFLOWS,
  ON_EXISTING,
  RESOURCE_ID,
  VERIFY,
  ZOHO_CHECKS,
  type Cleanup,
  type DataflowsSetting,
  type OnExisting,
  type Verify,
  type ZohoTokenSource
} from '../vocabulary.ts'

export type AdobeInputs = AdobeCredential

/** What a run that writes Zoho credentials into the connection has. */
export interface ZohoCredentials {
  readonly target: ZohoTarget
  readonly clientId: string
  readonly clientSecret: string
  readonly refreshToken: string
  readonly token: ZohoTokenSource
}

export interface ConnectionInputs {
  readonly name: string
  /** Undefined: one naming the repository and workflow is written. */
  readonly description: string | undefined
  readonly specId: string
  readonly specVersion: string
  readonly authSpecName: string
}

interface RunInputs {
  readonly sandbox: string
  readonly dryRun: boolean
  readonly adobe: AdobeInputs
  readonly connection: ConnectionInputs
  readonly onExisting: OnExisting
  readonly verify: Verify
  /** With verify explore: table names the root listing must contain. */
  readonly verifyTables: readonly string[]
  /** What the run does with the dataflows that use the connection (delete reads them whatever this says). */
  readonly dataflows: DataflowsSetting
  readonly cleanup: Cleanup
  readonly requestTimeoutMs: number
  readonly maxAttempts: number
  readonly settleTimeoutMs: number
  readonly timeoutMs: number
}

/** The modes that store the source's credentials (`ensure`, `create`) have them. */
export interface WritingInputs extends RunInputs {
  readonly mode: StoringMode
  readonly zoho: ZohoCredentials
  readonly connectionId: undefined
}

/**
 * A dry run of `ensure` or `create` without the Zoho secrets: it writes nothing and calls no Zoho,
 * so it needs none; `missing` names what a real run would need as well.
 */
export interface DryRunInputs extends RunInputs {
  readonly mode: StoringMode
  readonly dryRun: true
  readonly zoho: { readonly target: ZohoTarget; readonly missing: readonly ZohoSecretInput[] }
  readonly connectionId: undefined
}

/** `check` and `delete` need no Zoho input; a Zoho data centre given anyway is reported. */
export interface ReadingInputs extends RunInputs {
  readonly mode: ReadingMode
  readonly zoho: { readonly target: ZohoTarget | undefined }
  /** Act on this id instead of looking up by name. */
  readonly connectionId: string | undefined
}

export type Inputs = WritingInputs | DryRunInputs | ReadingInputs

/** The inputs of a mode that stores Zoho credentials, with those credentials. */
export function writesZohoCredentials(inputs: Inputs): inputs is WritingInputs {
  return storesSourceCredentials(inputs.mode) && 'clientId' in inputs.zoho
}

/** The Zoho inputs that `ensure` and `create` store in the connection (a dry run stores nothing). */
const ZOHO_SECRETS = ['zoho-client-id', 'zoho-client-secret', 'zoho-refresh-token'] as const
type ZohoSecretInput = (typeof ZOHO_SECRETS)[number] | 'zoho-access-token'

function isWritingMode(mode: Mode | undefined): mode is StoringMode {
  return mode !== undefined && storesSourceCredentials(mode)
}

const SANDBOX_NAME = /^[a-z0-9](?:[a-z0-9-]{0,254})$/
const ORG_ID = /^[A-Za-z0-9]{1,64}@AdobeOrg$/
const VERSION = /^[0-9]+(\.[0-9]+){0,3}$/

/** The reader of every input. */
const FIELDS = {
  mode: oneOf('mode', MODE_NAMES),
  sandbox: text(
    'sandbox',
    pattern('sandbox', SANDBOX_NAME, 'an AEP sandbox name: lower-case letters, digits and -, such as prod or dev-2')
  ),
  'adobe-client-id': text('adobe-client-id', (value) =>
    VISIBLE_ASCII.test(value) && value.length <= 256
      ? undefined
      : 'adobe-client-id must be the client id from the Adobe Developer Console (no spaces, ASCII only)'
  ),
  'adobe-client-secret': secret('adobe-client-secret', false),
  'adobe-access-token': secret('adobe-access-token', true),
  'adobe-org-id': text(
    'adobe-org-id',
    pattern(
      'adobe-org-id',
      ORG_ID,
      'an IMS organization id ending in @AdobeOrg, such as 0A1B2C3D4E5F60718293A4B5@AdobeOrg'
    )
  ),
  'adobe-scopes': scopes('adobe-scopes'),
  'adobe-ims-url': baseUrl('adobe-ims-url'),
  'adobe-platform-url': baseUrl('adobe-platform-url'),
  'zoho-endpoint': baseUrl('zoho-endpoint'),
  'zoho-region': text('zoho-region', (value) =>
    (ZOHO_REGIONS as readonly string[]).includes(value)
      ? undefined
      : `zoho-region must be one of ${ZOHO_REGIONS.join(', ')}, got ${quote(value)}`
  ) as Reader<ZohoRegion>,
  'zoho-accounts-url': baseUrl('zoho-accounts-url'),
  'zoho-client-id': secret('zoho-client-id', false),
  'zoho-client-secret': secret('zoho-client-secret', false),
  'zoho-refresh-token': secret('zoho-refresh-token', false),
  'zoho-access-token': secret('zoho-access-token', false),
  'zoho-check': oneOf('zoho-check', ZOHO_CHECKS),
  'connection-name': text(
    'connection-name',
    noControlCharacters('connection-name', false),
    maxLength('connection-name', 256)
  ),
  'connection-description': text(
    'connection-description',
    noControlCharacters('connection-description', true),
    maxLength('connection-description', 1024)
  ),
  'connection-id': text(
    'connection-id',
    pattern('connection-id', RESOURCE_ID, 'a base connection id such as 2484f2df-c057-4ab5-84f2-dfc0577ab592')
  ),
  'on-existing': oneOf('on-existing', ON_EXISTING),
  verify: oneOf('verify', VERIFY),
  'verify-tables': tableNames('verify-tables'),
  dataflows: oneOf('dataflows', DATAFLOWS),
  cleanup: oneOf('cleanup', CLEANUPS),
  'dry-run': boolean('dry-run'),
  'connection-spec-id': text(
    'connection-spec-id',
    pattern('connection-spec-id', RESOURCE_ID, `a connection spec id such as ${ZOHO_CRM_SPEC_ID}`)
  ),
  'connection-spec-version': text(
    'connection-spec-version',
    pattern('connection-spec-version', VERSION, 'a version such as 1.0')
  ),
  'auth-spec-name': text(
    'auth-spec-name',
    noControlCharacters('auth-spec-name', false),
    maxLength('auth-spec-name', 128)
  ),
  'request-timeout': number('request-timeout', { min: 0.1, max: 600, integer: false }),
  'max-attempts': number('max-attempts', { min: 1, max: 10, integer: true }),
  'settle-timeout': number('settle-timeout', { min: 0, max: 600, integer: false }),
  timeout: number('timeout', { min: 1, max: 21_600, integer: false })
} satisfies Record<InputName, Reader<unknown>>

/** Each input as read: undefined when it is empty without a default, or when it is invalid. */
type Fields = { -readonly [K in InputName]: ReturnType<(typeof FIELDS)[K]> }

/** The inputs every mode needs; they have no default. */
const REQUIRED = ['sandbox', 'adobe-client-id', 'adobe-org-id'] as const satisfies readonly InputName[]
type Optional = Exclude<
  { [K in InputName]: (typeof INPUT_DEFAULTS)[K] extends string ? never : K }[InputName],
  (typeof REQUIRED)[number]
>
/**
 * The fields once no problem was found: an input is then undefined only when it may be empty
 * (no default, not required); each other one was given, or defaulted, and read without a problem.
 */
type ValidFields = { readonly [K in Exclude<InputName, Optional>]: NonNullable<Fields[K]> } & {
  readonly [K in Optional]: Fields[K]
}

/**
 * Validates every input at once; throws an InputError listing each problem by input name.
 * `found`: problems found before (a misspelled input, a proxy variable that cannot be used),
 * reported first, with the rest.
 */
export function parseInputs(raw: RawInputs, found: readonly string[] = []): Inputs {
  const problems: string[] = [...found]
  const fields = {} as Record<InputName, unknown>
  for (const name of INPUT_NAMES) {
    const value = givenOrDefault(raw, name)
    const read = FIELDS[name] as Reader<unknown>
    fields[name] = value === undefined ? undefined : read(value, (message) => problems.push(message))
  }
  const { inputs, target } = applyRules(raw, fields as Fields, problems)
  if (problems.length > 0) throw new InputError(problems, knownOutputs(fields as Fields, target))
  // Every reader and rule that leaves a value out reports why; this would be a bug of the action.
  if (!inputs) throw new Error('the inputs were refused, but no rule said why')
  return inputs
}

/** The outputs a run's inputs settle before anything is sent. */
export function settledByInputs(inputs: Inputs): SettledByInputs {
  return {
    sandbox: inputs.sandbox,
    'zoho-api-domain': inputs.zoho.target?.apiDomain ?? '',
    'zoho-accounts-url': inputs.zoho.target?.accountsUrl ?? '',
    listsTables: inputs.verify === 'explore',
    listsDataflows: inputs.dataflows !== 'skip'
  }
}

function ruled(target: ZohoTarget | undefined, inputs: Inputs | undefined) {
  return { inputs, target }
}

/** The outputs that the inputs settle before anything is sent: set even when other inputs are invalid. */
function knownOutputs(fields: Fields, target: ZohoTarget | undefined): Partial<StepOutputs> {
  return {
    ...(fields.sandbox ? { sandbox: fields.sandbox } : {}),
    ...(target ? { 'zoho-api-domain': target.apiDomain, 'zoho-accounts-url': target.accountsUrl } : {})
  }
}

/**
 * The rules across inputs, over the fields as read (an invalid one is already reported and is
 * undefined here): each broken rule is added to `problems`. The inputs are returned only when
 * every rule holds, with what the rules proved in their type; the Zoho data centre whenever the
 * Zoho inputs settle one.
 */
function applyRules(
  raw: RawInputs,
  fields: Fields,
  problems: string[]
): { inputs: Inputs | undefined; target: ZohoTarget | undefined } {
  const { mode } = fields
  requireInputs(raw, problems)
  const adobeAuth = adobeAuthOf(raw, fields, problems)
  const writing = isWritingMode(mode)
  const zoho = writing ? zohoCredentialsOf(mode, raw, fields, problems) : undefined
  if (mode && MODES[mode].looksUp === 'name' && raw['connection-id'] !== '') {
    problems.push(
      `connection-id is only used by the check and delete modes, not ${mode}: remove it, or use connection-name`
    )
  }
  if (raw['verify-tables'] !== '' && fields.verify !== 'explore') {
    problems.push('verify-tables is only checked with verify: explore: set verify to explore, or remove verify-tables')
  }
  if (raw.cleanup === 'created' && mode && !writing) {
    problems.push(`cleanup: created deletes what this run creates, and ${mode} mode creates nothing: remove cleanup`)
  }
  const zohoGiven = raw['zoho-endpoint'] !== '' || raw['zoho-region'] !== '' || raw['zoho-accounts-url'] !== ''
  const target = writing || zohoGiven ? zohoTargetOf(raw, fields, problems) : undefined
  if (problems.length > 0 || !adobeAuth) return ruled(target, undefined)

  const valid = fields as ValidFields
  const run = runInputsOf(valid, adobeAuth)
  if (!isWritingMode(valid.mode)) {
    return ruled(target, { ...run, mode: valid.mode, zoho: { target }, connectionId: valid['connection-id'] })
  }
  // A writing mode without its Zoho credentials or data centre has had that reported above.
  if (!zoho || !target) return ruled(target, undefined)
  if (zoho.credentials) {
    return ruled(target, { ...run, mode: valid.mode, zoho: { target, ...zoho.credentials }, connectionId: undefined })
  }
  if (!run.dryRun || zoho.missing.length === 0) return ruled(target, undefined)
  return ruled(target, {
    ...run,
    mode: valid.mode,
    dryRun: true,
    zoho: { target, missing: zoho.missing },
    connectionId: undefined
  })
}

function requireInputs(raw: RawInputs, problems: string[]): void {
  const why: Record<(typeof REQUIRED)[number], string> = {
    sandbox: '(the AEP sandbox to act on; it is never defaulted, so that production is not targeted by accident)',
    'adobe-client-id': '(the OAuth Server-to-Server client id from the Adobe Developer Console)',
    'adobe-org-id': '(the IMS organization id, …@AdobeOrg)'
  }
  for (const name of REQUIRED) if (raw[name] === '') problems.push(`${name} is required ${why[name]}`)
}

function adobeAuthOf(raw: RawInputs, fields: Fields, problems: string[]): AdobeAuth | undefined {
  if (raw['adobe-client-secret'] === '' && raw['adobe-access-token'] === '') {
    problems.push(
      'adobe-client-secret is required unless adobe-access-token is given (the OAuth Server-to-Server client secret)'
    )
  }
  const accessToken = fields['adobe-access-token']
  const clientSecret = fields['adobe-client-secret']
  if (accessToken) return { accessToken }
  return clientSecret ? { clientSecret } : undefined
}

/**
 * The Zoho credentials a writing mode stores, and the Zoho inputs missing for them. A dry run
 * stores nothing and calls no Zoho, so for it a missing one is not a problem; given ones are
 * still read (and were masked before).
 */
function zohoCredentialsOf(
  mode: WritingInputs['mode'],
  raw: RawInputs,
  fields: Fields,
  problems: string[]
): { credentials: Omit<ZohoCredentials, 'target'> | undefined; missing: ZohoSecretInput[] } {
  const check = fields['zoho-check']
  const missing: ZohoSecretInput[] = ZOHO_SECRETS.filter((name) => raw[name] === '')
  if (check === 'none' && raw['zoho-access-token'] === '') missing.push('zoho-access-token')
  if (fields['dry-run'] !== true) {
    for (const name of missing) {
      problems.push(
        name === 'zoho-access-token'
          ? 'zoho-access-token is required when zoho-check is none (no token is minted from the refresh token)'
          : `${name} is required in ${mode} mode (it is stored in the connection)`
      )
    }
  }
  const clientId = fields['zoho-client-id']
  const clientSecret = fields['zoho-client-secret']
  const refreshToken = fields['zoho-refresh-token']
  const accessToken = fields['zoho-access-token']
  if (!clientId || !clientSecret || !refreshToken || !check) return { credentials: undefined, missing }
  const secrets = { clientId, clientSecret, refreshToken }
  if (check === 'token') return { credentials: { ...secrets, token: { check, accessToken } }, missing }
  return { credentials: accessToken ? { ...secrets, token: { check, accessToken } } : undefined, missing }
}

/** One Zoho data centre from the three Zoho inputs, judged only when each is well-formed. */
function zohoTargetOf(raw: RawInputs, fields: Fields, problems: string[]): ZohoTarget | undefined {
  const invalid = (name: InputName) => raw[name] !== '' && fields[name] === undefined
  if (invalid('zoho-endpoint') || invalid('zoho-region') || invalid('zoho-accounts-url')) return undefined
  const resolved = resolveZohoTarget({
    endpoint: fields['zoho-endpoint'],
    region: fields['zoho-region'],
    accountsUrl: fields['zoho-accounts-url']
  })
  if (resolved.ok) return resolved.target
  problems.push(...resolved.problems)
  return undefined
}

/** What every mode shares. */
function runInputsOf(f: ValidFields, auth: AdobeAuth): RunInputs {
  return {
    sandbox: f.sandbox,
    dryRun: f['dry-run'],
    adobe: {
      clientId: f['adobe-client-id'],
      orgId: f['adobe-org-id'],
      auth,
      scopes: f['adobe-scopes'],
      imsUrl: f['adobe-ims-url'],
      platformUrl: f['adobe-platform-url']
    },
    connection: {
      name: f['connection-name'],
      description: f['connection-description'],
      specId: f['connection-spec-id'],
      specVersion: f['connection-spec-version'],
      authSpecName: f['auth-spec-name']
    },
    onExisting: f['on-existing'],
    verify: f.verify,
    verifyTables: f['verify-tables'] ?? [],
    dataflows: f.dataflows,
    cleanup: f.cleanup,
    requestTimeoutMs: Math.round(f['request-timeout'] * 1000),
    maxAttempts: f['max-attempts'],
    settleTimeoutMs: Math.round(f['settle-timeout'] * 1000),
    timeoutMs: Math.round(f.timeout * 1000)
  }
}
