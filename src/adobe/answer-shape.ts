/**
 * The shape of an answer, never a value (api-notes.md §5.9): with debug logging on, a user's log shows
 * how their Adobe answers the shapes its documentation leaves open, so that the next fix is not a
 * guess. Keys and their types; for `auth.params`, which keys are shown in clear, hidden, empty or
 * absent.
 */
import { isHiddenForm } from '../plan/decisions.ts'
import { parseJsonLeniently } from '../http.ts'

/** The params of a Zoho CRM base connection (api-notes.md §2.2): listed even when Adobe leaves them out. */
export const ZOHO_AUTH_PARAMS = ['endpoint', 'accountsUrl', 'clientId', 'clientSecret', 'accessToken', 'refreshToken']

const MAX_DEPTH = 5
const MAX_KEYS = 40

/** How a param is shown: `clear`, `hidden` (a mask, placeholder or encrypted form), `empty`, or its type. */
export function paramVisibility(value: unknown): string {
  if (value === undefined) return 'absent'
  if (typeof value !== 'string') return `hidden (${typeOf(value)})`
  if (value.trim() === '') return 'empty'
  return isHiddenForm(value) ? 'hidden' : 'clear'
}

function typeOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value
}

/** `{key: type, …}`, arrays as `array(n) of <shape of the first item>`; `auth.params` by visibility. */
export function describeShape(value: unknown, depth = 0, parentKey = ''): string {
  if (Array.isArray(value)) {
    return value.length === 0
      ? 'array(0)'
      : `array(${value.length}) of ${describeShape(value[0], depth + 1, parentKey)}`
  }
  if (value === null || typeof value !== 'object') return typeOf(value)
  if (depth >= MAX_DEPTH) return 'object'
  const record = value as Record<string, unknown>
  if (parentKey === 'auth' && 'params' in record) {
    const { params, ...rest } = record
    const others = Object.keys(rest).map((key) => `${key}: ${describeShape(rest[key], depth + 1, key)}`)
    return `{${[...others, `params: ${describeParams(params)}`].join(', ')}}`
  }
  const keys = Object.keys(record)
  const names = keys.filter(isFieldName)
  const shown = names.slice(0, MAX_KEYS).map((key) => `${key}: ${describeShape(record[key], depth + 1, key)}`)
  if (names.length > MAX_KEYS) shown.push(`… ${names.length - MAX_KEYS} more keys`)
  if (names.length < keys.length) shown.push(`${keys.length - names.length} keys that look like data, not shown`)
  return `{${shown.join(', ')}}`
}

/**
 * A key that reads as a field's name. Anything else (an id, an email, a token, a URL used as a
 * key) may be data, and a shape never shows a value.
 */
function isFieldName(key: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$-]{0,39}$/.test(key) && (key.match(/\d/g)?.length ?? 0) < 4
}

function describeParams(params: unknown): string {
  if (params === null || typeof params !== 'object' || Array.isArray(params)) return typeOf(params)
  const record = params as Record<string, unknown>
  const others = Object.keys(record).filter((key) => !ZOHO_AUTH_PARAMS.includes(key))
  const named = others.filter(isFieldName).slice(0, MAX_KEYS)
  const shown = [...ZOHO_AUTH_PARAMS, ...named].map((key) => `${key}: ${paramVisibility(record[key])}`)
  const unnamed = others.filter((key) => !isFieldName(key)).length
  if (unnamed > 0) shown.push(`${unnamed} keys that look like data, not shown`)
  return `{${shown.join(', ')}}`
}

/** Logs the shape of the first answer of each endpoint and status in a run, once. */
export class AnswerShapes {
  readonly #debug: (line: string) => void
  readonly #seen = new Set<string>()

  constructor(debug: (line: string) => void) {
    this.#debug = debug
  }

  record(endpoint: string, status: number, text: string): void {
    const key = `${endpoint} HTTP ${status}`
    if (this.#seen.has(key)) return
    this.#seen.add(key)
    const parsed = text.trim() === '' ? undefined : parseJsonLeniently(text)
    const shape =
      text.trim() === '' ? 'an empty body' : parsed === undefined ? 'a body that is not JSON' : describeShape(parsed)
    this.#debug(`Shape of Adobe's answer to ${key}: ${shape}`)
  }
}
