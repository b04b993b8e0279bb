/**
 * The shape of an answer, never a value (api-notes.md §5.9): with debug logging on, a user's log shows
 * how their Adobe answers the shapes its documentation leaves open, so that the next fix is not a
 * guess. Keys and their types; for `auth.params`, which keys are shown in clear, hidden, empty or
 * absent.
 */
import { isHiddenForm } from '../param-forms.ts'
import { parseJsonLeniently } from '../http.ts'

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
export function describeShape(value: unknown, expectedParams: readonly string[], depth = 0, parentKey = ''): string {
  if (Array.isArray(value)) {
    return value.length === 0
      ? 'array(0)'
      : `array(${value.length}) of ${describeShape(value[0], expectedParams, depth + 1, parentKey)}`
  }
  if (value === null || typeof value !== 'object') return typeOf(value)
  if (depth >= MAX_DEPTH) return 'object'
  const record = value as Record<string, unknown>
  if (parentKey === 'auth' && 'params' in record) {
    const { params, ...rest } = record
    const others = Object.keys(rest).map((key) => `${key}: ${describeShape(rest[key], expectedParams, depth + 1, key)}`)
    return `{${[...others, `params: ${describeParams(params, expectedParams)}`].join(', ')}}`
  }
  const keys = Object.keys(record)
  const names = keys.filter(isFieldName)
  const shown = names
    .slice(0, MAX_KEYS)
    .map((key) => `${key}: ${describeShape(record[key], expectedParams, depth + 1, key)}`)
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

/** `expected`: the source's params, listed even when Adobe leaves them out. */
function describeParams(params: unknown, expected: readonly string[]): string {
  if (params === null || typeof params !== 'object' || Array.isArray(params)) return typeOf(params)
  const record = params as Record<string, unknown>
  const others = Object.keys(record).filter((key) => !expected.includes(key))
  const named = others.filter(isFieldName).slice(0, MAX_KEYS)
  const shown = [...expected, ...named].map((key) => `${key}: ${paramVisibility(record[key])}`)
  const unnamed = others.filter((key) => !isFieldName(key)).length
  if (unnamed > 0) shown.push(`${unnamed} keys that look like data, not shown`)
  return `{${shown.join(', ')}}`
}

/** Logs the shape of the first answer of each endpoint and status in a run, once. */
export class AnswerShapes {
  readonly #debug: (line: string) => void
  readonly #expectedParams: readonly string[]
  readonly #seen = new Set<string>()

  /** `expectedParams`: the auth params of the source, listed in a shape even when absent. */
  constructor(debug: (line: string) => void, expectedParams: readonly string[] = []) {
    this.#debug = debug
    this.#expectedParams = expectedParams
  }

  record(endpoint: string, status: number, text: string): void {
    const key = `${endpoint} HTTP ${status}`
    if (this.#seen.has(key)) return
    this.#seen.add(key)
    const parsed = text.trim() === '' ? undefined : parseJsonLeniently(text)
    const shape =
      text.trim() === ''
        ? 'an empty body'
        : parsed === undefined
          ? 'a body that is not JSON'
          : describeShape(parsed, this.#expectedParams)
    this.#debug(`Shape of Adobe's answer to ${key}: ${shape}`)
  }
}
