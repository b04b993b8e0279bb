/**
 * Readers for one input each: a value in (never empty: given, or the default), the parsed value
 * out, or a problem that names the input and never quotes a secret.
 *
 * Hand-written rather than zod schemas: every input is a string whose rules and messages are this
 * action's own, and these files load before the inputs are known to be valid, where compiling
 * zod would cost more than the rest of the light start together (`npm run bench`, cold start).
 */
import type { InputName } from './contract.ts'
import { isLoopbackHost } from '../loopback.ts'

/** Reports a problem with the input being read. */
export type Problem = (message: string) => void
/** Parses one non-empty input value; returns undefined after reporting a problem. */
export type Reader<T> = (value: string, problem: Problem) => T | undefined
/** A rule over a text value: a problem, or undefined when the value passes. */
export type Check = (value: string) => string | undefined

const MAX_LENGTH = 4096
// Tab is allowed; line breaks are judged separately.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f]/
const LINE_BREAK = /[\r\n\u2028\u2029]/
export const VISIBLE_ASCII = /^[\x21-\x7e]+$/
// eslint-disable-next-line no-control-regex
const TABLE_NAME = /^[^\u0000-\u001f\u007f,]{1,200}$/
const SCOPE = /^[A-Za-z0-9_.:/-]{1,200}$/

/** A text input, kept as given when every check passes. */
export function text(name: InputName, ...checks: Check[]): Reader<string> {
  return (value, problem) => {
    const found =
      value.length > MAX_LENGTH
        ? `${name} is too long (${value.length} characters; at most ${MAX_LENGTH})`
        : checks.map((check) => check(value)).find((message) => message !== undefined)
    if (found === undefined) return value
    problem(found)
    return undefined
  }
}

/** A secret: checked for shape only; a message about it never quotes it. */
export function secret(name: InputName, usedInHeader: boolean): Reader<string> {
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

export function oneOf<T extends string>(name: InputName, values: readonly T[]): Reader<T> {
  return (value, problem) => {
    if ((values as readonly string[]).includes(value)) return value as T
    problem(`${name} must be one of ${values.join(', ')}, got ${quote(value)}`)
    return undefined
  }
}

/** A URL used as it is (a token endpoint): its path is kept exactly, a trailing slash too. */
export function exactUrl(name: InputName): Reader<string> {
  return text(name, urlCheck(name))
}

/** A base URL, used as a prefix: a trailing slash would double up, so it is dropped. */
export function baseUrl(name: InputName): Reader<string> {
  const read = text(name, urlCheck(name))
  return (value, problem) => read(value, problem)?.replace(/\/+$/, '')
}

function urlCheck(name: InputName): Check {
  return (value) => {
    let url: URL
    try {
      url = new URL(value)
    } catch {
      return `${name} must be an absolute URL such as https://example.com, got ${quote(value)}`
    }
    if (url.username || url.password) return `${name} must not contain a user name or password`
    // `new URL` drops a bare trailing `?` or `#`, so the text itself is checked. The value is not
    // quoted: a query is where a credential pasted into a URL would sit.
    if (url.search || url.hash || /[?#]/.test(value)) {
      return `${name} must not have a query string or fragment (no ? or #; the value is not shown)`
    }
    if (url.protocol === 'https:') return undefined
    if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return undefined
    if (url.protocol === 'http:') {
      return `${name} must use https (plain http is allowed only on loopback hosts such as 127.0.0.1), got ${quote(value)}`
    }
    return `${name} must be an https URL, got ${quote(value)}`
  }
}

export function number(
  name: InputName,
  { min, max, integer }: { min: number; max: number; integer: boolean }
): Reader<number> {
  return (value, problem) => {
    const parsed = /^[0-9]+(\.[0-9]+)?$/.test(value) ? Number(value) : Number.NaN
    if (Number.isFinite(parsed) && (!integer || Number.isInteger(parsed)) && parsed >= min && parsed <= max) {
      return parsed
    }
    problem(`${name} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, got ${quote(value)}`)
    return undefined
  }
}

/** The values `core.getBooleanInput` accepts (YAML 1.2 core schema booleans). */
export function boolean(name: InputName): Reader<boolean> {
  return (value, problem) => {
    if (['true', 'True', 'TRUE'].includes(value)) return true
    if (['false', 'False', 'FALSE'].includes(value)) return false
    problem(`${name} must be true or false, got ${quote(value)}`)
    return undefined
  }
}

/** Comma-separated table names (Zoho modules such as Contacts,Leads), without repeats. */
export function tableNames(name: InputName): Reader<string[]> {
  return (value, problem) => {
    const names = value.split(',').map((table) => table.trim())
    if (names.length <= 100 && names.every((table) => TABLE_NAME.test(table))) return [...new Set(names)]
    problem(
      `${name} must be a comma-separated list of up to 100 table names such as Contacts,Leads, got ${quote(value)}`
    )
    return undefined
  }
}

/** OAuth scopes: comma-separated, or a JSON array. */
export function scopes(name: InputName): Reader<string[]> {
  return (value, problem) => {
    let list: unknown
    if (value.startsWith('[')) {
      try {
        list = JSON.parse(value)
      } catch {
        problem(`${name} looks like a JSON array but is not valid JSON`)
        return undefined
      }
    } else {
      list = value.split(',').map((scope) => scope.trim())
    }
    if (isScopeList(list)) return list
    problem(`${name} must be a comma-separated list or a JSON array of scope names (letters, digits, _ . : / -)`)
    return undefined
  }
}

function isScopeList(list: unknown): list is string[] {
  return (
    Array.isArray(list) &&
    list.length >= 1 &&
    list.length <= 100 &&
    list.every((scope) => typeof scope === 'string' && SCOPE.test(scope))
  )
}

export function pattern(name: InputName, shape: RegExp, expected: string): Check {
  return (value) => (shape.test(value) ? undefined : `${name} must be ${expected}, got ${quote(value)}`)
}

export function noControlCharacters(name: InputName, allowLineBreaks: boolean): Check {
  return (value) =>
    CONTROL_CHARACTERS.test(value) || (!allowLineBreaks && LINE_BREAK.test(value))
      ? `${name} must not contain ${allowLineBreaks ? 'control characters' : 'line breaks or control characters'}`
      : undefined
}

export function maxLength(name: InputName, max: number): Check {
  return (value) =>
    value.length > max ? `${name} is too long (${value.length} characters; at most ${max})` : undefined
}

/** Quotes a non-secret value for a message, shortened so a huge value cannot flood the log. */
export function quote(value: string): string {
  const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value
  return JSON.stringify(shown)
}
