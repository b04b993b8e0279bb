/**
 * Adobe's Generic REST API source with OAuth 2 refresh code (api-notes.md §7.5): `host` and
 * `accessToken`, and the optional clientId, clientSecret, refreshToken, accessTokenUrl and the
 * rest, from `auth-params`. When those four are given, one refresh at accessTokenUrl (or
 * `source-token-url`) proves them; otherwise nothing can be proven before writing.
 */
import type { Inputs } from '../inputs/parse.ts'
import { refusalDetail, type Refusal } from '../oauth/refresh.ts'
import { authParamsSource, type SourcePreset } from './auth-params-source.ts'
import type { SourceContext, SourceForRun } from './source-for-run.ts'

export const GENERIC_REST_LABEL = 'Generic REST API'

/** A refusal of an OAuth 2 token endpoint (RFC 6749 §5.2), in words that name the param to fix. */
export function explainTokenUrlRefusal(refusal: Refusal, url: string): string {
  const fix =
    refusal.error === 'invalid_grant'
      ? 'the refreshToken in auth-params is wrong, expired or was revoked: update the secret it comes from'
      : refusal.error === 'invalid_client' || refusal.error === 'unauthorized_client'
        ? 'clientId or clientSecret in auth-params is wrong, or not allowed to refresh tokens'
        : 'check clientId, clientSecret, refreshToken and accessTokenUrl in auth-params'
  return `The token endpoint refused the refresh of the access token at ${url} (${refusalDetail(refusal)}): ${fix}. Nothing was written to Adobe.`
}

export const GENERIC_REST: SourcePreset = {
  label: GENERIC_REST_LABEL,
  params: ['host', 'accessToken', 'clientId', 'clientSecret', 'refreshToken', 'accessTokenUrl', 'authorizationTestUrl'],
  proof: {
    service: 'The token endpoint',
    tokenUrl: (params, inputs) =>
      inputs.source.tokenUrl
        ? { url: inputs.source.tokenUrl, input: 'source-token-url' }
        : {
            url: typeof params['accessTokenUrl'] === 'string' ? params['accessTokenUrl'] : '',
            input: 'auth-params (accessTokenUrl)'
          },
    explain: explainTokenUrlRefusal
  },
  unproven: () =>
    'Nothing could be proven before writing the Generic REST API credentials: a refresh at accessTokenUrl needs clientId, clientSecret, refreshToken and accessTokenUrl in auth-params; Adobe verifies the connection after the write (verify).',
  advice: {
    afterCreate:
      'check host and accessToken in auth-params (and authorizationTestUrl, when given), then rerun (on-existing: repair replaces them)',
    afterWrite: 'its credentials were just replaced, so check host, accessToken and the OAuth params in auth-params',
    missingTables: 'give the credentials in auth-params access to those resources, or correct verify-tables',
    withdrawn:
      "check that your organization's sources catalogue offers the Generic REST API source (it is in beta), and connection-spec-id."
  }
}

export function genericRestSource(inputs: Inputs, context: SourceContext): SourceForRun {
  return authParamsSource(inputs, context, GENERIC_REST)
}
