/**
 * The `auth-params` input: the connection's `auth.params` in Adobe's own names, as a YAML or JSON
 * mapping (contract: Sources). Read once to mask it, before anything can print, and once more to
 * parse the inputs. Every value is a secret except a plain URL (a host, a token URL), which may be
 * shown; a problem names the param or the line, never a value.
 */
import { parseDocument } from 'yaml'
import { isLoopbackHost } from '../loopback.ts'
import type { SecretRegistry } from '../runner/secrets.ts'

/** A value of a param as the mapping gives it: a string most often, or what YAML or JSON can hold. */
export type AuthParamValue = string | number | boolean | null | readonly AuthParamValue[] | AuthParamMap
export interface AuthParamMap {
  readonly [name: string]: AuthParamValue
}

export type AuthParamsReading =
  { readonly ok: true; readonly params: AuthParamMap } | { readonly ok: false; readonly problem: string }

const MAX_TEXT = 16_384
const MAX_PARAMS = 100
const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,127}$/

/**
 * Reads `auth-params` (never empty here). YAML's core schema, so JSON is read as JSON; a duplicate
 * key, an alias, a tag or anything but one mapping of names is refused. The parser's own messages
 * quote the text around an error, so they are never used: the problem is told by its line.
 */
export function readAuthParams(text: string): AuthParamsReading {
  const refuse = (why: string): AuthParamsReading => ({
    ok: false,
    problem: `auth-params ${why} (its values are masked and not shown)`
  })
  if (text.length > MAX_TEXT) return refuse(`is too long (${text.length} characters; at most ${MAX_TEXT})`)
  const document = parseDocument(text, { schema: 'core', uniqueKeys: true, prettyErrors: false })
  const [error] = document.errors
  if (error) {
    const before = text.slice(0, error.pos[0]).split('\n')
    return refuse(
      `is not a valid YAML or JSON mapping: ${error.code.toLowerCase().replace(/_/g, ' ')} at line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`
    )
  }
  let value: unknown
  try {
    value = document.toJS({ maxAliasCount: 0 })
  } catch {
    return refuse('is not a valid YAML or JSON mapping: it uses an alias or a tag this action does not read')
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return refuse('must be a mapping of param names to values, such as clientId: … on one line each, or a JSON object')
  }
  const entries = Object.entries(value as Record<string, unknown>)
  if (entries.length === 0) return refuse('is an empty mapping')
  if (entries.length > MAX_PARAMS) return refuse(`has ${entries.length} params; at most ${MAX_PARAMS}`)
  for (const [name, param] of entries) {
    if (!PARAM_NAME.test(name)) {
      return refuse(`has a param name that is not one: names are letters, digits, _ . and -, such as clientId`)
    }
    const why = unreadable(param)
    if (why) return refuse(`param ${name} ${why}`)
  }
  return { ok: true, params: value as AuthParamMap }
}

/** Why a value cannot be sent as JSON, or undefined when it can. */
function unreadable(value: unknown, depth = 0): string | undefined {
  if (depth > 5) return 'is nested too deeply'
  if (value === null || ['string', 'boolean'].includes(typeof value)) return undefined
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : 'is not a finite number'
  if (Array.isArray(value)) return value.map((item) => unreadable(item, depth + 1)).find(Boolean)
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.values(value as Record<string, unknown>)
      .map((item) => unreadable(item, depth + 1))
      .find(Boolean)
  }
  return 'is of a type JSON cannot hold (a date, a set, binary data): quote it'
}

/**
 * A plain `https` URL (or `http` on a loopback host) with no user name, password, query or
 * fragment: a host or a token URL, the one kind of value that may be shown.
 */
export function isPlainUrl(value: string): boolean {
  if (/[?#\s]/.test(value)) return false
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return false
  }
  if (url.username || url.password) return false
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname))
}

/** Every value of a mapping that is a secret: each string but a plain URL, and each number, at any depth. */
export function secretValues(value: AuthParamValue): string[] {
  if (typeof value === 'string') return isPlainUrl(value) ? [] : [value]
  if (typeof value === 'number') return [String(value)]
  if (value === null || typeof value === 'boolean') return []
  return (Array.isArray(value) ? value : Object.values(value as AuthParamMap)).flatMap((item: AuthParamValue) =>
    secretValues(item)
  )
}

/**
 * Masks `auth-params` before anything can print: each secret value (each line and encoded form
 * too, as SecretRegistry does for every secret). Text that cannot be read as a mapping is masked
 * whole and line by line: which parts are values is then unknown.
 */
export function registerAuthParams(text: string, secrets: SecretRegistry): void {
  if (text === '') return
  const reading = readAuthParams(text)
  if (!reading.ok) {
    secrets.register(text)
    return
  }
  for (const value of secretValues(reading.params)) secrets.register(value)
}
