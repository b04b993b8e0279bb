import * as z from 'zod/mini'
import { InputError } from './errors.ts'
import type { SecretRegistry } from './secrets.ts'
import { resolveZohoTarget, ZOHO_REGIONS, type ZohoRegion, type ZohoTarget } from './zoho/regions.ts'

import {
  CLEANUPS,
  MODES,
  ON_EXISTING,
  RESOURCE_ID,
  VERIFY,
  ZOHO_CHECKS,
  type Cleanup,
  type Mode,
  type OnExisting,
  type Verify,
  type ZohoCheck
} from './vocabulary.ts'

export const DEFAULT_SCOPES = 'openid,session,AdobeID,read_organizations,additional_info.projectedProductContext'
export const ZOHO_CRM_SPEC_ID = '929e4450-0237-4ed2-9404-b7e1e0a00309'

/** Every input of action.yml. */
export const INPUT_NAMES = [
  'mode',
  'sandbox',
  'adobe-client-id',
  'adobe-client-secret',
  'adobe-access-token',
  'adobe-org-id',
  'adobe-scopes',
  'adobe-ims-url',
  'adobe-platform-url',
  'zoho-endpoint',
  'zoho-region',
  'zoho-accounts-url',
  'zoho-client-id',
  'zoho-client-secret',
  'zoho-refresh-token',
  'zoho-access-token',
  'zoho-check',
  'connection-name',
  'connection-description',
  'connection-id',
  'on-existing',
  'verify',
  'verify-tables',
  'cleanup',
  'dry-run',
  'connection-spec-id',
  'connection-spec-version',
  'auth-spec-name',
  'request-timeout',
  'max-attempts',
  'settle-timeout',
  'timeout'
] as const
export type InputName = (typeof INPUT_NAMES)[number]
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

export interface Inputs {
  readonly mode: Mode
  readonly sandbox: string
  readonly dryRun: boolean
  readonly adobe: {
    readonly clientId: string
    readonly clientSecret: string | undefined
    readonly accessToken: string | undefined
    readonly orgId: string
    readonly scopes: readonly string[]
    readonly imsUrl: string
    readonly platformUrl: string
  }
  readonly zoho: {
    /** Undefined only in `check` and `delete` when no Zoho input was given. */
    readonly target: ZohoTarget | undefined
    readonly clientId: string | undefined
    readonly clientSecret: string | undefined
    readonly refreshToken: string | undefined
    readonly accessToken: string | undefined
    readonly check: ZohoCheck
  }
  readonly connection: {
    readonly name: string
    readonly description: string | undefined
    readonly id: string | undefined
    readonly specId: string
    readonly specVersion: string
    readonly authSpecName: string
  }
  readonly onExisting: OnExisting
  readonly verify: Verify
  /** With verify explore: table names the root listing must contain. */
  readonly verifyTables: readonly string[]
  readonly cleanup: Cleanup
  readonly requestTimeoutMs: number
  readonly maxAttempts: number
  readonly settleTimeoutMs: number
  readonly timeoutMs: number
}

/** Reads every input as the runner passes it (`INPUT_<NAME>`), trimmed; empty when not given. */
export function readRawInputs(getInput: (name: InputName) => string): RawInputs {
  const raw = {} as Record<InputName, string>
  for (const name of INPUT_NAMES) raw[name] = getInput(name).trim()
  return raw
}

/** Must run before `parseInputs`, so that no validation message can ever show a secret. */
export function registerSecretInputs(raw: RawInputs, secrets: SecretRegistry): void {
  for (const name of SECRET_INPUTS) secrets.register(raw[name])
}

const MAX_LENGTH = 4096
// Tab is allowed; line breaks are judged separately.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f]/
const LINE_BREAK = /[\r\n\u2028\u2029]/
const VISIBLE_ASCII = /^[\x21-\x7e]+$/

type Check = (value: string) => string | undefined

/** A string input turned into a value by `read`, which reports problems through `problem`. */
function stringInput<T>(read: (value: string, problem: (message: string) => void) => T) {
  return z.pipe(
    z.string(),
    z.transform((value: string, ctx) =>
      read(value, (message) => ctx.issues.push({ code: 'custom', message, input: value }))
    )
  )
}

/** A text input: empty means "not given"; each check returns a problem or undefined. */
function text(name: InputName, ...checks: Check[]) {
  return stringInput((value, problem): string | undefined => {
    if (value === '') return undefined
    const found =
      value.length > MAX_LENGTH
        ? `${name} is too long (${value.length} characters; at most ${MAX_LENGTH})`
        : checks.map((check) => check(value)).find((message) => message !== undefined)
    if (found) problem(found)
    return value
  })
}

/** A secret: checked for shape only; a message about it never quotes it. */
function secret(name: InputName, usedInHeader: boolean) {
  return text(name, (value) => {
    if (LINE_BREAK.test(value) || CONTROL_CHARACTERS.test(value)) {
      return `${name} contains a line break or control character: paste the value as one line (the value is masked and not shown)`
    }
    if (usedInHeader && !VISIBLE_ASCII.test(value)) {
      return `${name} contains spaces or non-ASCII characters, which a token never has (the value is masked and not shown)`
    }
    return undefined
  })
}

function withDefault<T extends string>(name: InputName, values: readonly T[], fallback: T) {
  return stringInput((value, problem): T => {
    if (value === '') return fallback
    if ((values as readonly string[]).includes(value)) return value as T
    problem(`${name} must be one of ${values.join(', ')}, got ${quote(value)}`)
    return fallback
  })
}

const LOOPBACK_HOSTS = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i

function urlCheck(name: InputName): Check {
  return (value) => {
    let url: URL
    try {
      url = new URL(value)
    } catch {
      return `${name} must be an absolute URL such as https://example.com, got ${quote(value)}`
    }
    if (url.username || url.password) return `${name} must not contain a user name or password`
    // `new URL` drops a bare trailing `?` or `#`, so the text itself is checked.
    if (url.search || url.hash || /[?#]/.test(value)) {
      return `${name} must not have a query string or fragment (no ? or #), got ${quote(value)}`
    }
    if (url.protocol === 'https:') return undefined
    if (url.protocol === 'http:' && LOOPBACK_HOSTS.test(url.hostname)) return undefined
    if (url.protocol === 'http:') {
      return `${name} must use https (plain http is allowed only on loopback hosts such as 127.0.0.1), got ${quote(value)}`
    }
    return `${name} must be an https URL, got ${quote(value)}`
  }
}

/** Base URLs are used as prefixes: a trailing slash would double up. */
function baseUrl(name: InputName, fallback?: string) {
  return z.pipe(
    text(name, urlCheck(name)),
    z.transform((value: string | undefined) => {
      const chosen = value ?? fallback
      return chosen === undefined ? undefined : chosen.replace(/\/+$/, '')
    })
  )
}

function pattern(name: InputName, shape: RegExp, expected: string): Check {
  return (value) => (shape.test(value) ? undefined : `${name} must be ${expected}, got ${quote(value)}`)
}

function numberInput(name: InputName, fallback: number, min: number, max: number, integer: boolean) {
  return stringInput((value, problem): number => {
    if (value === '') return fallback
    const parsed = /^[0-9]+(\.[0-9]+)?$/.test(value) ? Number(value) : Number.NaN
    const kind = integer ? 'a whole number' : 'a number'
    if (!Number.isFinite(parsed) || (integer && !Number.isInteger(parsed)) || parsed < min || parsed > max) {
      problem(`${name} must be ${kind} from ${min} to ${max}, got ${quote(value)}`)
      return fallback
    }
    return parsed
  })
}

/** The values `core.getBooleanInput` accepts (YAML 1.2 core schema booleans). */
function booleanInput(name: InputName) {
  return stringInput((value, problem): boolean => {
    if (value === '' || ['false', 'False', 'FALSE'].includes(value)) return false
    if (['true', 'True', 'TRUE'].includes(value)) return true
    problem(`${name} must be true or false, got ${quote(value)}`)
    return false
  })
}

// eslint-disable-next-line no-control-regex
const TABLE_NAME = /^[^\u0000-\u001f\u007f,]{1,200}$/

/** Comma-separated table names (Zoho modules such as Contacts,Leads); empty means none. */
function tableNames(name: InputName) {
  return stringInput((value, problem): string[] => {
    if (value === '') return []
    const names = value.split(',').map((table) => table.trim())
    if (names.some((table) => !TABLE_NAME.test(table)) || names.length > 100) {
      problem(
        `${name} must be a comma-separated list of up to 100 table names such as Contacts,Leads, got ${quote(value)}`
      )
      return []
    }
    return [...new Set(names)]
  })
}

function scopes(name: InputName) {
  return stringInput((value, problem): string[] => {
    const source = value === '' ? DEFAULT_SCOPES : value
    let list: unknown
    if (source.startsWith('[')) {
      try {
        list = JSON.parse(source)
      } catch {
        problem(`${name} looks like a JSON array but is not valid JSON`)
        return []
      }
    } else {
      list = source.split(',').map((scope) => scope.trim())
    }
    const parsed = z
      .array(z.string().check(z.regex(/^[A-Za-z0-9_.:/-]{1,200}$/)))
      .check(z.minLength(1), z.maxLength(100))
      .safeParse(list)
    if (!parsed.success) {
      problem(`${name} must be a comma-separated list or a JSON array of scope names (letters, digits, _ . : / -)`)
      return []
    }
    return parsed.data
  })
}

const SANDBOX_NAME = /^[a-z0-9](?:[a-z0-9-]{0,254})$/
const ORG_ID = /^[A-Za-z0-9]{1,64}@AdobeOrg$/
const VERSION = /^[0-9]+(\.[0-9]+){0,3}$/

function noControlCharacters(name: InputName, allowLineBreaks: boolean): Check {
  return (value) =>
    CONTROL_CHARACTERS.test(value) || (!allowLineBreaks && LINE_BREAK.test(value))
      ? `${name} must not contain ${allowLineBreaks ? 'control characters' : 'line breaks or control characters'}`
      : undefined
}

function maxLength(name: InputName, max: number): Check {
  return (value) =>
    value.length > max ? `${name} is too long (${value.length} characters; at most ${max})` : undefined
}

const fieldSchema = z.object({
  mode: withDefault('mode', MODES, 'ensure'),
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
  'adobe-ims-url': baseUrl('adobe-ims-url', 'https://ims-na1.adobelogin.com'),
  'adobe-platform-url': baseUrl('adobe-platform-url', 'https://platform.adobe.io'),
  'zoho-endpoint': baseUrl('zoho-endpoint'),
  'zoho-region': text('zoho-region', (value) =>
    (ZOHO_REGIONS as readonly string[]).includes(value)
      ? undefined
      : `zoho-region must be one of ${ZOHO_REGIONS.join(', ')}, got ${quote(value)}`
  ),
  'zoho-accounts-url': baseUrl('zoho-accounts-url'),
  'zoho-client-id': secret('zoho-client-id', false),
  'zoho-client-secret': secret('zoho-client-secret', false),
  'zoho-refresh-token': secret('zoho-refresh-token', false),
  'zoho-access-token': secret('zoho-access-token', false),
  'zoho-check': withDefault('zoho-check', ZOHO_CHECKS, 'token'),
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
  'on-existing': withDefault('on-existing', ON_EXISTING, 'repair'),
  verify: withDefault('verify', VERIFY, 'test'),
  'verify-tables': tableNames('verify-tables'),
  cleanup: withDefault('cleanup', CLEANUPS, 'none'),
  'dry-run': booleanInput('dry-run'),
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
  'request-timeout': numberInput('request-timeout', 30, 0.1, 600, false),
  'max-attempts': numberInput('max-attempts', 4, 1, 10, true),
  'settle-timeout': numberInput('settle-timeout', 30, 0, 600, false),
  timeout: numberInput('timeout', 300, 1, 21_600, false)
})

type Fields = z.output<typeof fieldSchema>

/** Rules across inputs: what each mode needs, and the Zoho data centre's consistency. */
function crossInputProblems(raw: RawInputs): string[] {
  const problems: string[] = []
  const mode = fieldSchema.shape.mode.safeParse(raw.mode).data
  const writesZohoCredentials = mode === 'ensure' || mode === 'create'
  const require = (name: InputName, why: string) => {
    if (raw[name] === '') problems.push(`${name} is required ${why}`)
  }

  require('sandbox', '(the AEP sandbox to act on; it is never defaulted, so that production is not targeted by accident)')
  require('adobe-client-id', '(the OAuth Server-to-Server client id from the Adobe Developer Console)')
  require('adobe-org-id', '(the IMS organization id, …@AdobeOrg)')
  if (raw['adobe-client-secret'] === '' && raw['adobe-access-token'] === '') {
    problems.push(
      'adobe-client-secret is required unless adobe-access-token is given (the OAuth Server-to-Server client secret)'
    )
  }
  if (writesZohoCredentials) {
    const why = `in ${mode} mode (it is stored in the connection)`
    require('zoho-client-id', why)
    require('zoho-client-secret', why)
    require('zoho-refresh-token', why)
    if (fieldSchema.shape['zoho-check'].safeParse(raw['zoho-check']).data === 'none') {
      require('zoho-access-token', 'when zoho-check is none (no token is minted from the refresh token)')
    }
    if (raw['connection-id'] !== '') {
      problems.push(
        `connection-id is only used by the check and delete modes, not ${mode}: remove it, or use connection-name`
      )
    }
  }
  if (raw['verify-tables'] !== '' && fieldSchema.shape.verify.safeParse(raw.verify).data !== 'explore') {
    problems.push('verify-tables is only checked with verify: explore: set verify to explore, or remove verify-tables')
  }
  if (raw.cleanup === 'created' && mode && mode !== 'ensure' && mode !== 'create') {
    problems.push(`cleanup: created deletes what this run creates, and ${mode} mode creates nothing: remove cleanup`)
  }
  const zohoGiven = raw['zoho-endpoint'] !== '' || raw['zoho-region'] !== '' || raw['zoho-accounts-url'] !== ''
  if (writesZohoCredentials || zohoGiven) {
    const endpoint = fieldSchema.shape['zoho-endpoint'].safeParse(raw['zoho-endpoint'])
    const region = fieldSchema.shape['zoho-region'].safeParse(raw['zoho-region'])
    const accountsUrl = fieldSchema.shape['zoho-accounts-url'].safeParse(raw['zoho-accounts-url'])
    // A malformed one is already reported on its own; consistency is judged on well-formed ones.
    if (endpoint.success && region.success && accountsUrl.success) {
      const resolved = resolveZohoTarget({
        endpoint: endpoint.data,
        region: region.data as ZohoRegion | undefined,
        accountsUrl: accountsUrl.data
      })
      if (!resolved.ok) problems.push(...resolved.problems)
    }
  }
  return problems
}

function toInputs(fields: Fields): Inputs {
  const zohoGiven = Boolean(fields['zoho-endpoint'] || fields['zoho-region'] || fields['zoho-accounts-url'])
  const resolved = zohoGiven
    ? resolveZohoTarget({
        endpoint: fields['zoho-endpoint'],
        region: fields['zoho-region'] as ZohoRegion | undefined,
        accountsUrl: fields['zoho-accounts-url']
      })
    : undefined
  return {
    mode: fields.mode,
    sandbox: fields.sandbox ?? '',
    dryRun: fields['dry-run'],
    adobe: {
      clientId: fields['adobe-client-id'] ?? '',
      clientSecret: fields['adobe-client-secret'],
      accessToken: fields['adobe-access-token'],
      orgId: fields['adobe-org-id'] ?? '',
      scopes: fields['adobe-scopes'],
      imsUrl: fields['adobe-ims-url'] ?? '',
      platformUrl: fields['adobe-platform-url'] ?? ''
    },
    zoho: {
      target: resolved?.ok ? resolved.target : undefined,
      clientId: fields['zoho-client-id'],
      clientSecret: fields['zoho-client-secret'],
      refreshToken: fields['zoho-refresh-token'],
      accessToken: fields['zoho-access-token'],
      check: fields['zoho-check']
    },
    connection: {
      name: fields['connection-name'] ?? 'Zoho CRM base connection',
      description: fields['connection-description'],
      id: fields['connection-id'],
      specId: fields['connection-spec-id'] ?? ZOHO_CRM_SPEC_ID,
      specVersion: fields['connection-spec-version'] ?? '1.0',
      authSpecName: fields['auth-spec-name'] ?? 'Basic Authentication'
    },
    onExisting: fields['on-existing'],
    verify: fields.verify,
    verifyTables: fields['verify-tables'],
    cleanup: fields.cleanup,
    requestTimeoutMs: Math.round(fields['request-timeout'] * 1000),
    maxAttempts: fields['max-attempts'],
    settleTimeoutMs: Math.round(fields['settle-timeout'] * 1000),
    timeoutMs: Math.round(fields.timeout * 1000)
  }
}

/** Validates every input at once; throws an InputError listing each problem by input name. */
export function parseInputs(raw: RawInputs): Inputs {
  const fields = fieldSchema.safeParse(raw)
  const problems = [...(fields.error?.issues.map((issue) => issue.message) ?? []), ...crossInputProblems(raw)]
  if (problems.length > 0 || !fields.success) throw new InputError(problems)
  return toInputs(fields.data)
}

/** Quotes a non-secret value for a message, shortened so a huge value cannot flood the log. */
function quote(value: string): string {
  const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value
  return JSON.stringify(shown)
}
