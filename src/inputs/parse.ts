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
import { noSecretsLine, type TriggerFacts } from './no-secrets.ts'
import {
  givenOrDefault,
  INPUT_DEFAULTS,
  INPUT_NAMES,
  SOURCE_DEFAULTS,
  SOURCE_NAMES,
  SOURCE_PROOFS,
  ZOHO_CRM_SPEC_ID,
  type InputName,
  type RawInputs,
  type SourceName
} from './contract.ts'
import { isPlainUrl, readAuthParams, type AuthParamMap } from './auth-params.ts'
import {
  baseUrl,
  exactUrl,
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
  type SourceCheck,
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

/** The source the connection is for, and what the inputs give it (contract: Sources). */
export interface SourceInputs {
  readonly name: SourceName
  /** `auth-params` as read: undefined for zoho-crm (the zoho-* inputs give its params), and when not given. */
  readonly authParams: AuthParamMap | undefined
  /** `source-token-url`: where the proof refresh goes instead of the source's own token endpoint. */
  readonly tokenUrl: string | undefined
  /** `source-check` (for Zoho CRM, `zoho-check` too): prove the credentials before they are written. */
  readonly check: SourceCheck
}

interface RunInputs {
  readonly source: SourceInputs
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

/**
 * A source other than Zoho CRM: its params come from `auth-params`, which every mode checks and
 * masks when given; a mode that stores them needs it, except in a dry run. No Zoho input is used.
 */
export interface AuthParamsInputs extends RunInputs {
  readonly mode: Mode
  readonly zoho: { readonly target: undefined }
  readonly connectionId: string | undefined
}

export type Inputs = WritingInputs | DryRunInputs | ReadingInputs | AuthParamsInputs

/** The zoho-* inputs that give a Zoho CRM param: refused beside another source, or beside auth-params. */
const ZOHO_PARAM_INPUTS = [
  'zoho-endpoint',
  'zoho-accounts-url',
  'zoho-client-id',
  'zoho-client-secret',
  'zoho-refresh-token',
  'zoho-access-token'
] as const satisfies readonly InputName[]

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
  source: oneOf('source', SOURCE_NAMES),
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
  'auth-params': ((value, problem) => {
    const reading = readAuthParams(value)
    if (reading.ok) return reading.params
    problem(reading.problem)
    return undefined
  }) as Reader<AuthParamMap>,
  'source-token-url': exactUrl('source-token-url'),
  'source-check': oneOf('source-check', ZOHO_CHECKS),
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
 * reported first, with the rest. `trigger`: what started the run, to say why no secret reached it.
 */
export function parseInputs(raw: RawInputs, found: readonly string[] = [], trigger: TriggerFacts = {}): Inputs {
  const problems: string[] = [...found]
  const fields = {} as Record<InputName, unknown>
  for (const name of INPUT_NAMES) {
    const value = givenOrDefault(raw, name)
    const read = FIELDS[name] as Reader<unknown>
    fields[name] = value === undefined ? undefined : read(value, (message) => problems.push(message))
  }
  const { inputs, target } = applyRules(raw, fields as Fields, problems)
  if (problems.length > 0) {
    throw new InputError(problems, knownOutputs(fields as Fields, target), noSecretsLine(raw, problems, trigger))
  }
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
  const { mode, source } = fields
  requireInputs(raw, problems)
  const adobeAuth = adobeAuthOf(raw, fields, problems)
  const check = sourceCheckOf(raw, fields, problems, source)
  const writing = isWritingMode(mode)
  const zohoSource = source === 'zoho-crm'
  const zoho = writing && zohoSource && check ? zohoCredentialsOf(mode, check, raw, fields, problems) : undefined
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
  if (source) sourceRules(source, raw, fields, check, problems)
  const zohoGiven = raw['zoho-endpoint'] !== '' || raw['zoho-region'] !== '' || raw['zoho-accounts-url'] !== ''
  const target = zohoSource && (writing || zohoGiven) ? zohoTargetOf(raw, fields, problems) : undefined
  if (problems.length > 0 || !adobeAuth || !source || !check) return ruled(target, undefined)

  const valid = fields as ValidFields
  const run = runInputsOf(valid, adobeAuth, {
    name: source,
    authParams: valid['auth-params'],
    tokenUrl: valid['source-token-url'],
    check
  })
  if (!run) return ruled(target, undefined)
  if (!zohoSource) {
    return ruled(undefined, {
      ...run,
      mode: valid.mode,
      zoho: { target: undefined },
      connectionId: valid['connection-id']
    })
  }
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

/**
 * `source-check`, or for a run that does not give it `zoho-check`: the same input, of which Zoho
 * CRM has always had the older name. A zoho-check of `token` is its default, which a runner
 * always passes, so only `zoho-check: none` beside `source-check: token` contradicts.
 */
function sourceCheckOf(
  raw: RawInputs,
  fields: Fields,
  problems: string[],
  source: SourceName | undefined
): SourceCheck | undefined {
  const given = fields['source-check']
  const zohoCheck = fields['zoho-check']
  // zoho-check names Zoho CRM's proof only: a leftover none must not silently skip another source's.
  if (source !== undefined && source !== 'zoho-crm' && zohoCheck === 'none') {
    problems.push(`zoho-check is only for source zoho-crm, not ${source}: use source-check: none to skip the proof`)
    return undefined
  }
  if (raw['source-check'] === '') return zohoCheck
  if (given === 'token' && zohoCheck === 'none') {
    problems.push(
      'source-check is token but zoho-check is none: they are one input (zoho-check is its name for Zoho CRM), so give only one of them'
    )
    return undefined
  }
  return given
}

/** The rules of the inputs that only hold for some sources (contract: Which inputs go with which source). */
function sourceRules(
  source: SourceName,
  raw: RawInputs,
  fields: Fields,
  check: SourceCheck | undefined,
  problems: string[]
): void {
  const givenZohoParams = ZOHO_PARAM_INPUTS.filter((name) => raw[name] !== '')
  const proof = SOURCE_PROOFS[source]
  if (raw['source-token-url'] !== '' && !proof) {
    problems.push(
      source === 'zoho-crm'
        ? 'source-token-url is not used by source zoho-crm: zoho-accounts-url names its token endpoint'
        : `source-token-url is not used by source ${source}, which has no refresh that proves its credentials: remove it`
    )
  }
  if (source === 'zoho-crm') {
    if (raw['auth-params'] === '') return
    problems.push(
      givenZohoParams.length > 0
        ? `auth-params and ${givenZohoParams.join(', ')} both give the connection's params: for source zoho-crm give the zoho-* inputs alone, or set source to the source auth-params is for`
        : 'auth-params is not used by source zoho-crm, whose params come from the zoho-* inputs: remove it, or set source to the source auth-params is for'
    )
    return
  }
  for (const name of givenZohoParams) {
    problems.push(
      `${name} gives a Zoho CRM param, and source is ${source}: give the connection's params in auth-params instead, or set source to zoho-crm`
    )
  }
  if (source === 'other') {
    for (const name of ['connection-spec-id', 'auth-spec-name', 'connection-name'] as const) {
      if (raw[name] === '') problems.push(`${name} is required with source other (${OTHER_NEEDS[name]})`)
    }
  }
  const { mode } = fields
  if (!isWritingMode(mode) || fields['dry-run'] !== false) return
  const params = fields['auth-params']
  if (raw['auth-params'] === '') {
    problems.push(
      `auth-params is required in ${mode} mode with source ${source} (the connection's params, stored in it)`
    )
    return
  }
  if (!params || !proof || !check) return
  const sent = proof.sends.filter((name) => typeof params[name] === 'string' && params[name] !== '')
  if (!proof.always && sent.length < proof.sends.length) return
  if (check === 'none') {
    if (typeof params[proof.mints] !== 'string' || params[proof.mints] === '') {
      problems.push(
        `auth-params lacks ${proof.mints}, which must be given when source-check is none (no token is minted by a refresh)`
      )
    }
    return
  }
  for (const name of proof.sends.filter((name) => !sent.includes(name))) {
    problems.push(
      `auth-params lacks ${name} (as a text value), which the refresh that proves the credentials sends (source-check: token): give it, or set source-check to none and give ${proof.mints}`
    )
  }
  const tokenUrl = params['accessTokenUrl']
  if (raw['source-token-url'] === '' && proof.sends.includes('accessTokenUrl') && typeof tokenUrl === 'string') {
    const where = readHttpsUrl(tokenUrl)
    if (!where) {
      problems.push(
        'auth-params param accessTokenUrl must be an https URL (plain http only on loopback hosts): the refresh sends the client secret and refresh token to it'
      )
    }
  }
}

const OTHER_NEEDS = {
  'connection-spec-id': 'the Flow Service connection spec of the source',
  'auth-spec-name': "the connection's auth.specName, one of the spec's auth specs",
  'connection-name': 'the name ensure looks the connection up by'
} as const

/** An https URL, or an http one on a loopback host, for secrets to be sent to; undefined otherwise. */
function readHttpsUrl(text: string): URL | undefined {
  try {
    const url = new URL(text)
    if (url.protocol === 'https:' || (url.protocol === 'http:' && isPlainUrl(`${url.origin}/`))) return url
  } catch {
    // Not a URL at all.
  }
  return undefined
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
  check: SourceCheck,
  raw: RawInputs,
  fields: Fields,
  problems: string[]
): { credentials: Omit<ZohoCredentials, 'target'> | undefined; missing: ZohoSecretInput[] } {
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
  if (!clientId || !clientSecret || !refreshToken) return { credentials: undefined, missing }
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

/** What every mode shares; undefined when the source names no default its inputs left out (reported). */
function runInputsOf(f: ValidFields, auth: AdobeAuth, source: SourceInputs): RunInputs | undefined {
  const defaults = SOURCE_DEFAULTS[source.name]
  const name = f['connection-name'] ?? defaults?.name
  const specId = f['connection-spec-id'] ?? defaults?.specId
  const authSpecName = f['auth-spec-name'] ?? defaults?.authSpecName
  if (name === undefined || specId === undefined || authSpecName === undefined) return undefined
  return {
    source,
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
      name,
      description: f['connection-description'],
      specId,
      specVersion: f['connection-spec-version'],
      authSpecName
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
