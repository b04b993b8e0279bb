/**
 * `auth-params` against the JSON Schema of its auth spec, as `GET /connectionSpecs/{id}` shows it
 * (api-notes.md §7.4): a missing required param, an unknown param or a wrong type is a problem
 * that names the param, never its value. The validator is @cfworker/json-schema; only its
 * locations and keywords are used, never its messages (some quote the value). A spec that shows
 * no schema, or one the validator cannot read, leaves the params as they are given.
 */
import { Validator, type OutputUnit, type SchemaDraft } from '@cfworker/json-schema'
import type { AuthParamMap, AuthParamValue } from '../inputs/auth-params.ts'

export interface SchemaVerdict {
  /** Each names a param and what is wrong with it, never a value. */
  readonly problems: readonly string[]
  /** The params the schema marks as secrets (`"format": "password"`). */
  readonly secretParams: readonly string[]
  /** False when the spec shows no schema this action can read: the params are taken as given. */
  readonly checked: boolean
}

const NOT_CHECKED: SchemaVerdict = { problems: [], secretParams: [], checked: false }

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** The draft a schema names in `$schema`; draft-07, as Adobe's examples name, when it names none. */
function draftOf(schema: Record<string, unknown>): SchemaDraft {
  const named = typeof schema['$schema'] === 'string' ? schema['$schema'] : ''
  if (/draft-04/.test(named)) return '4'
  if (/2019-09/.test(named)) return '2019-09'
  if (/2020-12/.test(named)) return '2020-12'
  return '7'
}

function typeOf(value: AuthParamValue | undefined): string {
  if (value === undefined) return 'what was given'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  return `a ${typeof value === 'string' ? 'text' : typeof value}`
}

/** The value at a path inside a param's value. */
function valueAt(value: AuthParamValue | undefined, path: readonly string[]): AuthParamValue | undefined {
  let at = value
  for (const key of path)
    at = at !== null && typeof at === 'object' ? (at as Record<string, AuthParamValue>)[key] : undefined
  return at
}

/** The schema of a path inside a param, through `properties` and `items`, when it is that plain. */
function schemaAt(property: unknown, path: readonly string[]): Record<string, unknown> | undefined {
  let at = property
  for (const key of path) {
    if (!isObject(at)) return undefined
    at = isObject(at['properties']) && key in at['properties'] ? at['properties'][key] : at['items']
  }
  return isObject(at) ? at : undefined
}

function formatOf(schema: Record<string, unknown> | undefined): string {
  const format = schema?.['format']
  return typeof format === 'string' ? ` (${format})` : ''
}

function decodePointer(segment: string): string {
  return decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~')
}

/**
 * Checks `params` against `schema` (an auth spec's `spec`). `authSpecName` is named in problems.
 * `schema` comes from Adobe's answer: anything that is not a schema is taken as no schema.
 */
export function checkAuthParams(params: AuthParamMap, schema: unknown, authSpecName: string): SchemaVerdict {
  if (!isObject(schema)) return NOT_CHECKED
  const properties = isObject(schema['properties']) ? schema['properties'] : undefined
  const secretParams = properties
    ? Object.entries(properties).flatMap(([name, property]) =>
        isObject(property) && property['format'] === 'password' ? [name] : []
      )
    : []
  const declared = properties ? Object.keys(properties) : []
  // Without additionalProperties (nor patternProperties), a param the schema does not name is unknown.
  const closed =
    properties !== undefined &&
    schema['additionalProperties'] === undefined &&
    schema['patternProperties'] === undefined &&
    schema['unevaluatedProperties'] === undefined
  let units: OutputUnit[]
  try {
    const strict = closed ? { ...schema, additionalProperties: false } : schema
    units = new Validator(strict, draftOf(schema), false).validate(params).errors
  } catch {
    // A $ref it cannot resolve, a pattern it cannot compile: not a schema this action can read.
    return { ...NOT_CHECKED, secretParams }
  }
  const spec = `auth spec "${authSpecName}"`
  const problems: string[] = []
  const required = Array.isArray(schema['required'])
    ? schema['required'].filter((name): name is string => typeof name === 'string')
    : []
  for (const name of required.filter((name) => !(name in params))) {
    problems.push(`auth-params lacks ${name}, which ${spec} requires`)
  }
  const judged = new Set<string>()
  for (const unit of units) {
    const path = unit.instanceLocation.replace(/^#\/?/, '')
    if (path === '') {
      // Required params are named above; any other rule on the whole mapping is named here.
      if (unit.keyword !== 'required' || required.length === 0) {
        if (!['required', 'properties', 'additionalProperties', 'patternProperties'].includes(unit.keyword)) {
          problems.push(`auth-params does not fit ${spec} (its rule "${unit.keyword}")`)
        }
      }
      continue
    }
    const [first = '', ...rest] = path.split('/')
    const name = decodePointer(first)
    if (judged.has(name)) continue
    const problem = problemOf(name, rest.map(decodePointer), unit, params[name], properties?.[name], spec, declared)
    if (problem === undefined) continue
    judged.add(name)
    problems.push(problem)
  }
  return { problems: [...new Set(problems)], secretParams, checked: true }
}

/** One param's problem, from the validator's innermost unit about it; undefined for a unit that only sums up others. */
function problemOf(
  name: string,
  inside: readonly string[],
  unit: OutputUnit,
  value: AuthParamValue | undefined,
  property: unknown,
  spec: string,
  declared: readonly string[]
): string | undefined {
  const where = inside.length > 0 ? `auth-params param ${name} (at ${inside.join('.')})` : `auth-params param ${name}`
  switch (unit.keyword) {
    case 'properties':
    case 'items':
    case 'prefixItems':
    case 'additionalProperties':
    case 'patternProperties':
    case 'allOf':
    case '$ref':
      return undefined
    case 'false':
      return inside.length === 0
        ? `auth-params param ${name} is not a param of ${spec}${declared.length > 0 ? ` (its params: ${declared.join(', ')})` : ''}`
        : `${where} is not a field ${spec} knows`
    case 'type': {
      const wanted = schemaAt(property, inside)?.['type']
      const expected = Array.isArray(wanted) ? wanted.join(' or ') : typeof wanted === 'string' ? wanted : undefined
      return `${where} must be ${expected ? `of type ${expected}` : 'of another type'} for ${spec}, not ${typeOf(valueAt(value, inside))}${expected === 'string' ? ' (quote it)' : ''}`
    }
    case 'enum':
    case 'const':
      return `${where} is not one of the values ${spec} allows`
    case 'format':
      return `${where} is not in the format ${spec} asks for${formatOf(schemaAt(property, inside))}`
    case 'required':
      return `${where} lacks a field ${spec} requires`
    default:
      return `${where} does not fit ${spec} (its rule "${unit.keyword}")`
  }
}
