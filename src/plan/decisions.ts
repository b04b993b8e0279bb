/**
 * Pure decisions over plain data: which connection wins, what ensure must do, whether a stored
 * connection matches the inputs, whether an auth spec name fits. No I/O here, so each rule is
 * unit-tested directly.
 */
import { createHash } from 'node:crypto'
import type { OnExisting } from '../vocabulary.ts'
import { regionOfAccountsHost, regionOfApiHost } from '../zoho/regions.ts'

export interface Candidate {
  readonly id: string
  readonly createdAt?: number | undefined
}

/** Oldest first by `createdAt`, ties (and missing timestamps, last) broken by id. */
export function byAge<T extends Candidate>(a: T, b: T): number {
  const at = a.createdAt ?? Number.POSITIVE_INFINITY
  const bt = b.createdAt ?? Number.POSITIVE_INFINITY
  if (at !== bt) return at < bt ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** The connection every run converges on when a name exists more than once. */
export function oldest<T extends Candidate>(candidates: readonly T[]): T | undefined {
  return [...candidates].sort(byAge)[0]
}

export type EnsureAction = 'create' | OnExisting

export function ensureAction(existingCount: number, onExisting: OnExisting): EnsureAction {
  if (existingCount === 0) return 'create'
  return onExisting
}

export interface Listed extends Candidate {
  readonly description?: string | undefined
}

/** True when this run wrote `marker` into the connection's description, so the run made it. */
export function madeBy<T extends Listed>(marker: string, connection: T): boolean {
  return connection.description?.includes(marker) ?? false
}

/**
 * The twin check after a create, over a listing that shows `oursId` (so every connection created
 * before it is listed too): the oldest of all wins; every other connection this run made
 * (recognised by its marker, such as a copy from an attempt whose answer was lost) must go.
 * Connections of other runs are theirs to remove.
 */
export function settleTwins<T extends Listed>(
  oursId: string,
  marker: string,
  listed: readonly T[]
): { winner: T | undefined; ownCopiesToDelete: T[] } {
  const winner = oldest(listed)
  const ownCopiesToDelete = listed.filter((c) => c.id !== winner?.id && (c.id === oursId || madeBy(marker, c)))
  return { winner, ownCopiesToDelete }
}

/** How a param's values compare: URLs canonically (Zoho hosts by data centre), client ids by form. */
export type ParamKind = 'api-url' | 'accounts-url' | 'client-id'

/** A connection param that repair compares: what Adobe shows of it, and what the inputs want. */
export interface ParamExpectation {
  readonly name: string
  readonly wanted: string
  readonly kind: ParamKind
  /** The value comes from a secret input: a difference is named, but no value is shown. */
  readonly secret: boolean
}

/** `unknown`: Adobe left the param out, showed it empty or hidden, or in a form that cannot be compared. */
export type ParamComparison = 'same' | 'different' | 'unknown'

/**
 * Forms Adobe may show in place of a value it hides (api-notes.md §5.1): starred or dotted
 * masks, whole or partial; placeholders such as `{CLIENT_ID}`, `<hidden>` or `${secret}`; words
 * such as `REDACTED`; and encrypted forms with a prefix (`enc:…`, `ENC(…)`, `{cipher}…`).
 */
const HIDDEN_FORM =
  /[*\u2022\u25cf]{3}|^[*\u2022\u25cf]+$|^x{4,}$|^[<{[(].*[>}\])]$|^\$\{.*\}$|^(?:hidden|masked|redacted|encrypted|secret|null|undefined|none|n\/a)$|^(?:enc|encrypted|cipher)[:(]|^\{cipher\}/i

export function isHiddenForm(value: string): boolean {
  return HIDDEN_FORM.test(value.trim())
}

/** The form Zoho gives its client ids (`1000.` and upper-case letters and digits). */
const ZOHO_CLIENT_ID = /^\d+\.[A-Za-z0-9]+$/

function readUrl(text: string): URL | undefined {
  try {
    const url = new URL(text.trim())
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined
  } catch {
    return undefined
  }
}

/** Scheme and host lower-cased and the default port dropped (by URL itself), trailing slashes ignored. */
function canonicalUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}${url.search}`
}

/**
 * Compares what Adobe shows of a param with what the inputs want (api-notes.md §5.1). Only a
 * readable value of the same kind that disagrees is `different`: for a Zoho host, another data
 * centre; for another host, another canonical URL; for a client id, another id of Zoho's form.
 */
export function compareParam(shown: string | undefined, expectation: ParamExpectation): ParamComparison {
  if (shown === undefined || shown.trim() === '' || isHiddenForm(shown)) return 'unknown'
  if (expectation.kind === 'client-id') {
    const value = shown.trim()
    if (!ZOHO_CLIENT_ID.test(value)) return 'unknown'
    return value.toLowerCase() === expectation.wanted.trim().toLowerCase() ? 'same' : 'different'
  }
  const stored = readUrl(shown)
  const wanted = readUrl(expectation.wanted)
  if (!stored || !wanted) return 'unknown'
  const regionOf = expectation.kind === 'api-url' ? regionOfApiHost : regionOfAccountsHost
  const storedRegion = regionOf(stored.hostname)
  const wantedRegion = regionOf(wanted.hostname)
  if (storedRegion || wantedRegion) return storedRegion === wantedRegion ? 'same' : 'different'
  return canonicalUrl(stored) === canonicalUrl(wanted) ? 'same' : 'different'
}

/** Both a Zoho host, of two different data centres: never a mere form of the value wanted. */
export function onAnotherDataCentre(shown: string, expectation: ParamExpectation): boolean {
  if (expectation.kind === 'client-id') return false
  const regionOf = expectation.kind === 'api-url' ? regionOfApiHost : regionOfAccountsHost
  const stored = readUrl(shown)
  const wanted = readUrl(expectation.wanted)
  const storedRegion = stored && regionOf(stored.hostname)
  const wantedRegion = wanted && regionOf(wanted.hostname)
  return storedRegion !== undefined && wantedRegion !== undefined && storedRegion !== wantedRegion
}

/** The params Adobe shows that compare as different, in the order expected. */
export function differingParams(
  stored: Readonly<Record<string, string>> | undefined,
  expected: readonly ParamExpectation[]
): { expectation: ParamExpectation; shown: string }[] {
  return expected.flatMap((expectation) => {
    const shown = stored?.[expectation.name]
    return shown !== undefined && compareParam(shown, expectation) === 'different' ? [{ expectation, shown }] : []
  })
}

/**
 * Why a stored connection does not match the inputs, or undefined when no param Adobe shows
 * compares as different. A param Adobe leaves out, shows empty or hidden is unknown, never
 * different: a connection imported without credentials is judged by its verification.
 * `writtenAsWanted`: this action last wrote exactly these values (`writtenParamsTag`), so a
 * form that still compares as different is how Adobe shows them, not a reason to write again.
 */
export function paramDifference(
  stored: Readonly<Record<string, string>> | undefined,
  expected: readonly ParamExpectation[],
  writtenAsWanted = false
): string | undefined {
  // The tag excuses a form of the values written, never a Zoho host of another data centre: that
  // is a change made since (by hand, in Adobe's UI), and the data centre is what must agree.
  const [first] = differingParams(stored, expected).filter(
    ({ expectation, shown }) => !writtenAsWanted || onAnotherDataCentre(shown, expectation)
  )
  if (!first) return undefined
  const { expectation, shown } = first
  return expectation.secret
    ? `param ${expectation.name} differs from the input (values not shown: it comes from a secret input)`
    : `param ${expectation.name} is ${shown}, wanted ${expectation.wanted}`
}

/**
 * A tag for the description of every connection this action writes, naming the params it wrote
 * by their digest, so that a later run knows when Adobe shows those same values in another form.
 * A digest, not the values: one of them comes from a secret input (so the run masks the digest).
 */
export function writtenParamsTag(expected: readonly ParamExpectation[]): string {
  return `[params:${writtenParamsDigest(expected)}]`
}

export function writtenParamsDigest(expected: readonly ParamExpectation[]): string {
  const written = expected.map(({ name, wanted }) => [name, wanted])
  return createHash('sha256').update(JSON.stringify(written)).digest('hex').slice(0, 12)
}

/** Names are matched after Unicode NFC normalisation (api-notes.md §5.4). */
export function sameName(a: string, b: string): boolean {
  return a.normalize('NFC') === b.normalize('NFC')
}

/**
 * The warning when Adobe shows a created connection's name in another form than the one sent
 * (api-notes.md §5.4), both spelled out: printed as they are, two Unicode forms look the same.
 */
export function nameShownDifferently(sent: string, shown: string): string | undefined {
  if (sent === shown) return undefined
  const found = sameName(sent, shown)
    ? 'later runs still find it: names are matched after Unicode NFC normalisation'
    : 'later runs looking it up by this name may not find it'
  return `Adobe shows the new connection's name as "${spelledOut(shown)}", not as sent, "${spelledOut(sent)}"; ${found}.`
}

/** A name with every character outside printable ASCII spelled as its code point, to tell forms apart. */
export function spelledOut(name: string): string {
  return [...name]
    .map((char) => {
      const code = char.codePointAt(0) ?? 0
      return code >= 0x20 && code < 0x7f ? char : `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`
    })
    .join('')
}

/** A root object explore lists: `name` may be a display label, `path` the identifier (api-notes.md §5.5). */
export interface ListedTable {
  readonly name: string
  readonly path?: string | undefined
}

/** The names in `required` that no listed table has as name or path; `nearly` holds case-insensitive near misses. */
export function missingTables(
  required: readonly string[],
  listed: readonly ListedTable[]
): { missing: string[]; nearly: string[] } {
  const present = new Set(listed.flatMap((table) => (table.path ? [table.name, table.path] : [table.name])))
  const missing = required.filter((name) => !present.has(name))
  const lower = new Map([...present].map((name) => [name.toLowerCase(), name]))
  const nearly = missing.flatMap((name) => {
    const near = lower.get(name.toLowerCase())
    return near ? [`${name} (listed as ${near})`] : []
  })
  return { missing, nearly }
}

/** A problem when the spec lists its auth specs and the name is not one of them. */
export function authSpecProblem(authSpecName: string, available: readonly string[] | undefined): string | undefined {
  if (!available || available.length === 0 || available.includes(authSpecName)) return undefined
  return `auth-spec-name "${authSpecName}" is not an auth spec of this connection spec; valid names: ${available.map((n) => `"${n}"`).join(', ')}`
}
