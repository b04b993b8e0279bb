/**
 * What this action writes into a connection, from the inputs: the create body (also what an
 * update replaces), the description with its run marker, and the params repair compares.
 */
import { randomBytes } from 'node:crypto'
import { runMarkerPrefix } from './create-record.ts'
import type { CreateConnectionRequest } from './store.ts'
import { writtenParamsTag, type ParamExpectation } from './decisions.ts'
import { writesZohoCredentials, type ConnectionInputs, type Inputs, type WritingInputs } from '../inputs/parse.ts'

/**
 * The body of api-notes.md §2.2: name, description, the six auth params, the spec. The
 * description ends with the tag of the params written, for repair to compare with (§5.1).
 */
export function connectionBody(
  inputs: WritingInputs,
  description: string,
  zohoAccessToken: string
): CreateConnectionRequest {
  const { zoho, connection } = inputs
  return {
    name: connection.name,
    description: `${description} ${writtenParamsTag(expectedParams(inputs))}`,
    auth: {
      specName: connection.authSpecName,
      params: {
        endpoint: zoho.target.apiDomain,
        accountsUrl: zoho.target.accountsUrl,
        clientId: zoho.clientId,
        clientSecret: zoho.clientSecret,
        accessToken: zohoAccessToken,
        refreshToken: zoho.refreshToken
      }
    },
    connectionSpec: { id: connection.specId, version: connection.specVersion }
  }
}

/** What repair compares: the params Adobe may show in clear, as the inputs resolve them. */
export function expectedParams(inputs: Inputs): ParamExpectation[] {
  const { target } = inputs.zoho
  if (!target) return []
  return [
    { name: 'endpoint', wanted: target.apiDomain, kind: 'api-url', secret: false },
    { name: 'accountsUrl', wanted: target.accountsUrl, kind: 'accounts-url', secret: false },
    ...(writesZohoCredentials(inputs)
      ? [{ name: 'clientId', wanted: inputs.zoho.clientId, kind: 'client-id', secret: true } as const]
      : [])
  ]
}

/**
 * Marks the connections this run creates (in their description), so that the run can tell its
 * own copies, also one made by an attempt whose answer was lost, from another run's. Unique per
 * run: the jobs of a matrix share the GitHub run id, so a random part is added.
 */
export function newRunMarker(env: NodeJS.ProcessEnv = process.env): string {
  return `${runMarkerPrefix(env)}${randomBytes(6).toString('hex')}`
}

/** The description written: the input's, or one naming the repository and workflow; then the marker. */
export async function descriptionWithMarker(connection: ConnectionInputs, runMarker: string): Promise<string> {
  return `${connection.description ?? (await defaultDescription())} [${runMarker}]`
}

// Only a run that writes needs it, and only then is @actions/github loaded.
async function defaultDescription(): Promise<string> {
  const repository = process.env['GITHUB_REPOSITORY']
  const workflow = process.env['GITHUB_WORKFLOW']
  if (!repository) return 'Managed by the AEP Zoho CRM connection GitHub Action'
  const { context } = await import('@actions/github')
  return `Managed by GitHub Actions: ${context.repo.owner}/${context.repo.repo}${workflow ? `, workflow "${context.workflow}"` : ''}`
}
