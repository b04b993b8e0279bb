/**
 * What the main step saves to `GITHUB_STATE` about its create, and the post step reads back: the
 * run marker written into every connection this run creates, the name and sandbox they are known
 * by, the ids known so far, and whether the create was settled (the run knows every connection it
 * made, and removed those it does not keep). Saved whole at each change; the runner keeps the
 * last value saved under a name. The post step reads it before it signs in.
 */
import { isThisRunsMarker, RUN_MARKER, runMarkerPrefix } from '../run-marker.ts'
import { RESOURCE_ID } from '../vocabulary.ts'

/** The `GITHUB_STATE` entry, read back in the post step as `STATE_connection-create`. */
export const CREATE_STATE = 'connection-create'

export interface CreateRecord {
  readonly marker: string
  readonly name: string
  readonly sandbox: string
  readonly specId: string
  /** Connections this run created that exist, as far as it knows. */
  readonly ids: readonly string[]
  /** False while a create may have made a connection the run does not know of, or has not removed. */
  readonly settled: boolean
  /**
   * When each connection of `ids` came to be, as far as the run saw it: `createdAt` as Adobe
   * shows it, `answeredAt` when Adobe answered the create (the runner's clock). The post step
   * recognises its own connection by the id and this time even when its description no longer
   * carries the marker (edited by hand since).
   */
  readonly times?: Readonly<Record<string, CreationTime>> | undefined
}

export interface CreationTime {
  readonly createdAt?: number | undefined
  readonly answeredAt?: number | undefined
}

/**
 * Why the record is not this run's, or undefined when it is: the marker of this run's attempt,
 * and the sandbox, name and spec the post step's own inputs give. A record that names anything
 * else (a value set for the post step from outside, such as a `STATE_` variable written to
 * `GITHUB_ENV` by an earlier step) is acted on in no way.
 */
export function notThisRuns(
  record: CreateRecord,
  expected: { readonly sandbox: string; readonly name: string | undefined; readonly specId: string },
  env: NodeJS.ProcessEnv = process.env
): string | undefined {
  if (!isThisRunsMarker(record.marker, env)) {
    return `names the run marker ${record.marker}, which is not this run's (${runMarkerPrefix(env)}…)`
  }
  if (record.sandbox !== expected.sandbox) {
    return `names sandbox "${record.sandbox}", not the sandbox input "${expected.sandbox}"`
  }
  if (record.name !== expected.name || record.specId !== expected.specId) {
    return `names the connection "${record.name}" (spec ${record.specId}), not the one the inputs name`
  }
  return undefined
}

/**
 * The record in a state value, or `invalid` when the value is not one this action wrote (the
 * state file is the runner's, but a step before could have written to it): nothing is then acted
 * on. Undefined when nothing was saved.
 */
export function readCreateRecord(value: string): CreateRecord | 'invalid' | undefined {
  if (value === '') return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(value)
  } catch {
    return 'invalid'
  }
  if (typeof parsed !== 'object' || parsed === null) return 'invalid'
  const { marker, name, sandbox, specId, ids, settled, times } = parsed as Record<string, unknown>
  const valid =
    typeof marker === 'string' &&
    RUN_MARKER.test(marker) &&
    typeof name === 'string' &&
    name !== '' &&
    typeof sandbox === 'string' &&
    /^[a-z0-9-]+$/.test(sandbox) &&
    typeof specId === 'string' &&
    RESOURCE_ID.test(specId) &&
    Array.isArray(ids) &&
    ids.every((id) => typeof id === 'string' && RESOURCE_ID.test(id)) &&
    typeof settled === 'boolean' &&
    (times === undefined || validTimes(times))
  if (!valid) return 'invalid'
  const record = { marker, name, sandbox, specId, ids: ids as string[], settled }
  return times === undefined ? record : { ...record, times: times as Record<string, CreationTime> }
}

const isTime = (value: unknown) => value === undefined || (typeof value === 'number' && Number.isFinite(value))

function validTimes(times: unknown): boolean {
  if (typeof times !== 'object' || times === null || Array.isArray(times)) return false
  return Object.entries(times).every(([id, time]) => {
    if (!RESOURCE_ID.test(id) || typeof time !== 'object' || time === null) return false
    const { createdAt, answeredAt } = time as Record<string, unknown>
    return isTime(createdAt) && isTime(answeredAt)
  })
}

export function writeCreateRecord(record: CreateRecord): string {
  return JSON.stringify(record)
}
