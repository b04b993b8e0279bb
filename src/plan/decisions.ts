/**
 * Pure decisions over plain data: which connection wins, what ensure must do, whether a stored
 * connection matches the inputs, whether an auth spec name fits. No I/O here, so each rule is
 * unit-tested directly.
 */
import { createHash } from 'node:crypto'
import { markerRelation, runMarkersIn, type MarkerRelation } from '../run-marker.ts'
import type { OnExisting } from '../vocabulary.ts'
import type { ParamExpectation } from './source.ts'
import { sameName, type ListedTable } from './store.ts'

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
 * Whose a connection is, by the run markers its description carries: `this-run` when it carries
 * `marker`, `earlier-attempt` when it carries one of an earlier attempt of the same workflow run
 * (a rerun counts that as its own), else `another-run`: another job, workflow, repository or
 * matrix leg, or someone who made it by hand (no marker at all).
 */
export function whoseConnection(marker: string, connection: Listed): MarkerRelation {
  if (madeBy(marker, connection)) return 'this-run'
  const relations = runMarkersIn(connection.description).map((found) => markerRelation(found, marker))
  return relations.includes('earlier-attempt') ? 'earlier-attempt' : 'another-run'
}

/**
 * With `cleanup: created` a run uses nothing another run made (contract: Shared connections):
 * the connections of `listed` that are another run's, oldest first.
 */
export function anotherRunsConnections<T extends Listed>(marker: string, listed: readonly T[]): T[] {
  return listed.filter((c) => whoseConnection(marker, c) === 'another-run').sort(byAge)
}

/**
 * Why a run with `cleanup: created` does not use the connection another run made under its name,
 * and how to make the name unique to the job. `done` says what this run did (nothing was
 * written; or it deleted its own copy).
 */
export function sharedNameProblem(
  where: { readonly name: string; readonly sandbox: string },
  theirs: Listed,
  done: string
): string {
  const [found] = runMarkersIn(theirs.description)
  const madeBy = found
    ? `another run made it (its description carries the run marker ${found})`
    : 'another run, a person or another tool made it (its description carries no run marker of this action)'
  return (
    `Connection "${where.name}" (id ${theirs.id}) in sandbox "${where.sandbox}" exists, and ${madeBy}, so this run ` +
    `does not reuse, repair, update or adopt it: with cleanup: created a run uses only what it creates, and its post ` +
    `step deletes that at the end of the job. ${done} With cleanup: created the connection name must be unique to the job: build ` +
    'connection-name from what tells this job apart, e.g. "${{ github.repository }} ${{ github.run_id }} ' +
    '${{ github.job }}" and, in a matrix, its values ("${{ matrix.sandbox }}").'
  )
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

/** The params Adobe shows that compare as different, in the order expected. */
export function differingParams(
  stored: Readonly<Record<string, string>> | undefined,
  expected: readonly ParamExpectation[]
): { expectation: ParamExpectation; shown: string }[] {
  return expected.flatMap((expectation) => {
    const shown = stored?.[expectation.name]
    return shown !== undefined && expectation.compare(shown) === 'different' ? [{ expectation, shown }] : []
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
  // The tag excuses a form of the values written, never a value that cannot be one (another host,
  // client id or Zoho data centre): that is a change made since (by hand, in Adobe's UI).
  const [first] = differingParams(stored, expected).filter(
    ({ expectation, shown }) => !writtenAsWanted || !excusedByTag(expectation, shown)
  )
  if (!first) return undefined
  const { expectation, shown } = first
  return expectation.secret
    ? `param ${expectation.name} differs from the input (values not shown: it comes from a secret input)`
    : `param ${expectation.name} is ${shown}, wanted ${expectation.wanted}`
}

/**
 * Whether the params tag excuses a shown value that compares as different (contract: Shared
 * connections): only a form of the same value, as the source tells it; never a value from a
 * secret input, which Adobe shows in clear only as it is (a client id), or not at all.
 */
export function excusedByTag(expectation: ParamExpectation, shown: string): boolean {
  return !expectation.secret && expectation.notAFormOfWanted(shown) === undefined
}

/**
 * Why the tag does not excuse `shown`: the source's reason, or that the value comes from a
 * secret input. Undefined when it does.
 */
export function notExcusedBecause(expectation: ParamExpectation, shown: string): string | undefined {
  if (excusedByTag(expectation, shown)) return undefined
  return expectation.notAFormOfWanted(shown) ?? 'a value from a secret input, which is never excused as a form'
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
