/**
 * The run marker: written into the description of every connection a run creates, so that the
 * run (and its post step) can tell its own copies, also one made by an attempt whose answer was
 * lost, from another run's. Unique per run: the jobs of a matrix share the GitHub run id, so a
 * random part is added.
 */
import { randomBytes } from 'node:crypto'

/** A marker as this action writes it. */
export const RUN_MARKER = /^aep-zoho-run:[A-Za-z0-9.-]{1,120}$/

/** What every run marker of this workflow run's attempt starts with; a random part follows. */
export function runMarkerPrefix(env: NodeJS.ProcessEnv = process.env): string {
  const run = env['GITHUB_RUN_ID'] ? `${env['GITHUB_RUN_ID']}.${env['GITHUB_RUN_ATTEMPT'] ?? '1'}` : 'local'
  return `aep-zoho-run:${run}.`
}

export function newRunMarker(env: NodeJS.ProcessEnv = process.env): string {
  return `${runMarkerPrefix(env)}${randomBytes(6).toString('hex')}`
}

/** True when the marker is one this run made: its attempt's prefix, then its random part. */
export function isThisRunsMarker(marker: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const prefix = runMarkerPrefix(env)
  return marker.startsWith(prefix) && /^[0-9a-f]{12}$/.test(marker.slice(prefix.length))
}
