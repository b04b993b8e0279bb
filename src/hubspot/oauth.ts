/**
 * HubSpot's OAuth token endpoint (api-notes.md §7.2): where the proof refresh goes, and what its
 * refusals mean. HubSpot retires its v1 endpoints on 2027-02-16; v3 is the default here.
 */
import { refusalDetail, type Refusal } from '../oauth/refresh.ts'

export const HUBSPOT_TOKEN_URL = 'https://api.hubapi.com/oauth/v3/token'

/** A refusal of HubSpot's, in words that say which param of auth-params to fix (§7.3). */
export function explainHubSpotRefusal(refusal: Refusal, tokenUrl: string): string {
  const prefix = `HubSpot refused the refresh of the access token at ${tokenUrl} (${refusalDetail(refusal)})`
  const said = `${refusal.error ?? ''} ${refusal.code ?? ''} ${refusal.description ?? ''} ${refusal.message ?? ''}`
  const fix = /not issued to this client/i.test(said)
    ? 'the refreshToken in auth-params was issued to another HubSpot app than clientId: give the clientId and clientSecret of the app that issued it, or a refresh token of this app'
    : /BAD_REFRESH_TOKEN|invalid_grant|refresh token/i.test(said)
      ? 'the refreshToken in auth-params is wrong or was revoked (uninstalling the app from the HubSpot account revokes its tokens): authorise the app again and update the secret it comes from'
      : /BAD_CLIENT_ID|BAD_CLIENT_SECRET|invalid_client|client/i.test(said)
        ? 'clientId or clientSecret in auth-params is wrong: copy both from the Auth tab of the HubSpot app'
        : 'check clientId, clientSecret and refreshToken in auth-params, and source-token-url'
  return `${prefix}: ${fix}. Nothing was written to Adobe.`
}
