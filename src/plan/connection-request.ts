/**
 * What this action writes into a connection: the create body (also what an update replaces), with
 * the description that carries the run marker and the tag of the params written.
 */
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
