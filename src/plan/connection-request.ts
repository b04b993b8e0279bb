/**
 * What this action writes into a connection: the create body (also what an update replaces), with
 * the description that carries the run marker and the tag of the params written.
 */
import { runMarkersIn } from '../run-marker.ts'
import { writtenParamsTag } from './decisions.ts'
import type { PlanSettings } from './run-context.ts'
import type { ParamExpectation } from './source.ts'
import type { CreateConnectionRequest } from './store.ts'

/**
 * The body of api-notes.md §2.2: name, description, the source's auth params, the spec. The
 * description ends with the run marker and the tag of the params written, for repair to compare
 * with (§5.1).
 */
export function connectionBody(
  settings: Pick<PlanSettings, 'connection' | 'description' | 'runMarker'>,
  expected: readonly ParamExpectation[],
  params: Readonly<Record<string, unknown>>
): CreateConnectionRequest {
  const { connection } = settings
  return {
    name: connection.name,
    description: `${settings.description} [${settings.runMarker}] ${writtenParamsTag(expected)}`,
    auth: { specName: connection.authSpecName, params },
    connectionSpec: { id: connection.specId, version: connection.specVersion }
  }
}

/**
 * The description an update or a repair writes: the inputs' text and the tag of the params
 * written, with every run marker the connection's description already carries, kept as they were
 * (contract: Shared connections). It adds no marker of its own: a marker says who created a
 * connection, and the post step of the run that created it recognises it by that marker.
 */
export function updatedDescription(
  settings: Pick<PlanSettings, 'description'>,
  expected: readonly ParamExpectation[],
  current: string | undefined
): string {
  const markers = runMarkersIn(current).map((marker) => ` [${marker}]`)
  return `${settings.description}${markers.join('')} ${writtenParamsTag(expected)}`
}
