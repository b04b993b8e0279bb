/**
 * Inputs for runs of the sources beyond Zoho CRM against the emulator: no Zoho input, the source,
 * and auth-params as JSON (its secrets are full of quotes, colons and `#`, which YAML would break).
 */
import type { Emulator } from '../emulator/emulator.ts'
import { GENERIC_TOKEN_PATH, OTHER_SPEC_ID } from '../emulator/sources.ts'
import { NO_ZOHO } from './fixtures.ts'

export const HUBSPOT_NAME = 'HubSpot base connection'
export const GENERIC_REST_NAME = 'Generic REST API base connection'
export const OTHER_NAME = 'Salesforce base connection'

/** auth-params as the JSON form a workflow gets from `${{ toJSON(…) }}`. */
export function authParams(params: Readonly<Record<string, unknown>>): string {
  return JSON.stringify(params)
}

/** A HubSpot run: the emulator's app, its token endpoint as source-token-url. */
export function hubspotInputs(
  emulator: Emulator,
  params: Readonly<Record<string, unknown>> = {},
  overrides: Readonly<Record<string, string>> = {}
): Record<string, string> {
  const { clientId, clientSecret, refreshToken } = emulator.sources.hubspot
  return {
    ...NO_ZOHO,
    source: 'hubspot',
    'source-token-url': `${emulator.url}/oauth/v3/token`,
    'auth-params': authParams({ clientId, clientSecret, refreshToken, ...params }),
    ...overrides
  }
}

/** A Generic REST API run whose four OAuth params point the proof at the emulator's token URL. */
export function genericRestInputs(
  emulator: Emulator,
  params: Readonly<Record<string, unknown>> = {},
  overrides: Readonly<Record<string, string>> = {}
): Record<string, string> {
  const { clientId, clientSecret, refreshToken, host } = emulator.sources.generic
  return {
    ...NO_ZOHO,
    source: 'generic-rest',
    'auth-params': authParams({
      host,
      clientId,
      clientSecret,
      refreshToken,
      accessTokenUrl: `${emulator.url}${GENERIC_TOKEN_PATH}`,
      ...params
    }),
    ...overrides
  }
}

/** A run of another source, Salesforce's spec named by its id and auth spec. */
export function otherInputs(
  emulator: Emulator,
  params: Readonly<Record<string, unknown>> = {},
  overrides: Readonly<Record<string, string>> = {}
): Record<string, string> {
  const { clientId, clientSecret } = emulator.sources.other
  return {
    ...NO_ZOHO,
    source: 'other',
    'connection-spec-id': OTHER_SPEC_ID,
    'auth-spec-name': 'OAuth2 Client Credential',
    'connection-name': OTHER_NAME,
    'auth-params': authParams({
      environmentUrl: 'https://acme.my.salesforce.com',
      clientId,
      clientSecret,
      apiVersion: '60.0',
      ...params
    }),
    ...overrides
  }
}
