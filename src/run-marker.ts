/**
 * The run marker: written into the description of every connection a run creates, so that the
 * run (and its post step) can tell its own copies, also one made by an attempt whose answer was
 * lost, from another run's. It names the workflow run and its attempt, then a random part: the
 * jobs of a matrix share the run id and the attempt, so only the random part tells them apart.
 * Source-neutral: the same marker serves every source the action creates connections for.
 */
import { randomBytes } from 'node:crypto'

/** A marker as this action writes it. */
export const RUN_MARKER = /^aep-run:[A-Za-z0-9.-]{1,120}$/

/** Every marker in a description, bracketed as this action writes it. */
const MARKERS_IN_TEXT = /\[(aep-run:[A-Za-z0-9.-]{1,120})\]/g

/** A marker's parts: the run and attempt it names (none for a run outside GitHub Actions), and its random part. */
const PARTS = /^aep-run:(?:(\d{1,20})\.(\d{1,6})|local)\.([0-9a-f]{12})$/

/** What every run marker of this workflow run's attempt starts with; a random part follows. */
export function runMarkerPrefix(env: NodeJS.ProcessEnv = process.env): string {
  const run = env['GITHUB_RUN_ID'] ? `${env['GITHUB_RUN_ID']}.${env['GITHUB_RUN_ATTEMPT'] ?? '1'}` : 'local'
  return `aep-run:${run}.`
}

export function newRunMarker(env: NodeJS.ProcessEnv = process.env): string {
  return `${runMarkerPrefix(env)}${randomBytes(6).toString('hex')}`
}

/** True when the marker is one this run made: its attempt's prefix, then its random part. */
export function isThisRunsMarker(marker: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const prefix = runMarkerPrefix(env)
  return marker.startsWith(prefix) && /^[0-9a-f]{12}$/.test(marker.slice(prefix.length))
}

/**
 * How a marker found on a connection relates to `ours`, the marker of the run looking at it,
 * decided from the two markers alone. `this-run`: the same marker. `earlier-attempt`: the same
 * workflow run (`GITHUB_RUN_ID`), a lower `GITHUB_RUN_ATTEMPT`: a rerun counts it as its own.
 * `another-run`: anything else, a matrix leg of the same attempt (same run id and attempt,
 * another random part), a later attempt, another run, a run outside GitHub Actions, or a marker
 * this action did not write.
 */
export type MarkerRelation = 'this-run' | 'earlier-attempt' | 'another-run'

export function markerRelation(marker: string, ours: string): MarkerRelation {
  if (marker === ours) return 'this-run'
  const theirs = PARTS.exec(marker)
  const mine = PARTS.exec(ours)
  if (!theirs || !mine || theirs[1] === undefined || mine[1] === undefined) return 'another-run'
  if (theirs[1] !== mine[1]) return 'another-run'
  return Number(theirs[2]) < Number(mine[2]) ? 'earlier-attempt' : 'another-run'
}

/** The run markers a description carries, in the order written. */
export function runMarkersIn(description: string | undefined): string[] {
  return [...(description ?? '').matchAll(MARKERS_IN_TEXT)].map((match) => match[1] ?? '')
}
