/**
 * Pure decisions over plain data: which connection wins, what ensure must do, whether a stored
 * connection matches the inputs, whether an auth spec name fits. No I/O here, so each rule is
 * unit-tested directly.
 */
import type { OnExisting } from './vocabulary.ts'

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

export function ensureAction(existing: number, onExisting: OnExisting): EnsureAction {
  if (existing === 0) return 'create'
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

/** A connection param that repair compares: what Adobe shows of it, and what the inputs want. */
export interface ParamExpectation {
  readonly name: string
  readonly wanted: string
  /** The value comes from a secret input: a difference is named, but no value is shown. */
  readonly secret: boolean
}

/** Values Adobe shows in place of a hidden one; never a difference on their own. */
const HIDDEN_VALUE = /^\*+$|\*{3}|^<.*>$|^\{.*\}$/

/**
 * Why a stored connection does not match the inputs, or undefined when every non-secret param
 * Adobe shows equals what the inputs resolve to. `stored` is undefined when Adobe shows no auth
 * at all, or leaves a param out (nothing to compare: verification alone judges); no params at all,
 * or an empty one, count as different: a connection imported by sandbox tooling has none.
 */
export function paramDifference(
  stored: Readonly<Record<string, string>> | undefined,
  expected: readonly ParamExpectation[]
): string | undefined {
  if (!stored) return undefined
  if (Object.keys(stored).length === 0) {
    return 'Adobe shows no credentials for it (as after a sandbox-tooling import)'
  }
  for (const { name, wanted, secret } of expected) {
    const value = stored[name]
    // Not shown is not different: Adobe's view may leave a param out; verification judges then.
    if (value === undefined || HIDDEN_VALUE.test(value)) continue
    if (value === '') return `param ${name} is empty (wanted ${secret ? 'the input value' : wanted})`
    if (value !== wanted) {
      return secret
        ? `param ${name} differs from the input (values not shown: it comes from a secret input)`
        : `param ${name} is ${value}, wanted ${wanted}`
    }
  }
  return undefined
}

/** The names in `required` the listing lacks; `nearly` holds case-insensitive near misses. */
export function missingTables(
  required: readonly string[],
  listed: readonly string[]
): { missing: string[]; nearly: string[] } {
  const present = new Set(listed)
  const missing = required.filter((name) => !present.has(name))
  const lower = new Map(listed.map((name) => [name.toLowerCase(), name]))
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
