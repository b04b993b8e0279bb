/**
 * Pure decisions over plain data: which connection wins, what ensure must do, whether an auth
 * spec name fits. No I/O here, so each rule is unit-tested directly.
 */
import type { OnExisting } from './inputs.ts'

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

export type EnsureAction = 'create' | 'reuse' | 'update' | 'fail'

export function ensureAction(existing: number, onExisting: OnExisting): EnsureAction {
  if (existing === 0) return 'create'
  return onExisting
}

/**
 * After this run created `ours`, the twins with the same name decide who wins: an older twin
 * means another run got there first, so ours must go. `ours` may be missing from a listing
 * that lags; then it counts as the newest.
 */
export function raceWinner<T extends Candidate>(ours: T, listed: readonly T[]): { winner: T; oursLost: boolean } {
  const listedOurs = listed.find((c) => c.id === ours.id)
  const others = listed.filter((c) => c.id !== ours.id)
  const oursForComparison = listedOurs ?? { ...ours, createdAt: Number.POSITIVE_INFINITY }
  const winner = oldest([oursForComparison, ...others]) ?? oursForComparison
  return winner.id === ours.id ? { winner: listedOurs ?? ours, oursLost: false } : { winner, oursLost: true }
}

/** A problem when the spec lists its auth specs and the name is not one of them. */
export function authSpecProblem(authSpecName: string, available: readonly string[] | undefined): string | undefined {
  if (!available || available.length === 0 || available.includes(authSpecName)) return undefined
  return `auth-spec-name "${authSpecName}" is not an auth spec of this connection spec; valid names: ${available.map((n) => `"${n}"`).join(', ')}`
}
