/**
 * The HubSpot source (api-notes.md §7.1–§7.3): `Basic Authentication` with clientId,
 * clientSecret, accessToken and refreshToken from `auth-params`; its proof is one form-encoded
 * refresh at HubSpot's OAuth v3 token endpoint (`source-token-url`), whose access token is
 * written as `accessToken`.
 */
import { explainHubSpotRefusal, HUBSPOT_TOKEN_URL } from '../hubspot/oauth.ts'
import type { Inputs } from '../inputs/parse.ts'
import { authParamsSource, type SourcePreset } from './auth-params-source.ts'
import type { SourceContext, SourceForRun } from './source-for-run.ts'

export const HUBSPOT_LABEL = 'HubSpot'

export const HUBSPOT: SourcePreset = {
  label: HUBSPOT_LABEL,
  params: ['clientId', 'clientSecret', 'accessToken', 'refreshToken'],
  proof: {
    service: "HubSpot's token endpoint",
    tokenUrl: (_params, inputs) => ({ url: inputs.source.tokenUrl ?? HUBSPOT_TOKEN_URL, input: 'source-token-url' }),
    explain: explainHubSpotRefusal
  },
  unproven: () => 'Nothing proves the HubSpot credentials before they are written.',
  advice: {
    afterCreate:
      'check clientId, clientSecret and refreshToken in auth-params (they must belong to one HubSpot app), then rerun (on-existing: repair replaces them)',
    afterWrite:
      'its credentials were just replaced, so check clientId, clientSecret and refreshToken in auth-params, and the scopes the HubSpot app was authorised for',
    missingTables:
      'authorise the HubSpot app for the scopes those objects need, or correct verify-tables (HubSpot tables are named like Hubspot.Contacts)',
    withdrawn:
      "check that your organization's sources catalogue offers HubSpot, and connection-spec-id (HubSpot's is cc6a4487-9e91-433e-a3a3-9cf6626c1806)."
  }
}

export function hubspotSource(inputs: Inputs, context: SourceContext): SourceForRun {
  return authParamsSource(inputs, context, HUBSPOT)
}
