/**
 * The bad inputs `e2e/inputs-rejected-before-any-request.test.ts` tries, each rejected before any
 * request; docs/reliability.md counts them.
 */

/** [what is wrong, the input the error must name, inputs that differ from a valid ensure run] */
export type BadInput = [string, string, Record<string, string>]

const LOCAL = 'http://127.0.0.1:9'
/** A valid HubSpot ensure, for the bad inputs of other sources. */
const HUBSPOT = {
  source: 'hubspot',
  'zoho-endpoint': '',
  'zoho-accounts-url': '',
  'zoho-client-id': '',
  'zoho-client-secret': '',
  'zoho-refresh-token': '',
  'auth-params': '{"clientId": "hub-client", "clientSecret": "hub-s3cr#t", "refreshToken": "hub-r3fr: x"}'
}
export const BAD_INPUTS: BadInput[] = [
  ['sandbox missing', 'sandbox', { sandbox: '' }],
  ['sandbox only whitespace', 'sandbox', { sandbox: '   ' }],
  ['sandbox upper-case', 'sandbox', { sandbox: 'Prod' }],
  ['sandbox with underscore', 'sandbox', { sandbox: 'dev_1' }],
  ['sandbox with unicode', 'sandbox', { sandbox: 'dév' }],
  ['sandbox starting with -', 'sandbox', { sandbox: '-dev' }],
  ['sandbox huge', 'sandbox', { sandbox: 'a'.repeat(300) }],
  ['sandbox injecting a workflow command', 'sandbox', { sandbox: '::set-output name=connection-id::evil' }],
  ['mode unknown', 'mode', { mode: 'upsert' }],
  ['mode upper-case', 'mode', { mode: 'ENSURE' }],
  ['adobe-client-id missing', 'adobe-client-id', { 'adobe-client-id': '' }],
  ['adobe-client-id with a space', 'adobe-client-id', { 'adobe-client-id': 'has space' }],
  ['adobe-client-id in unicode', 'adobe-client-id', { 'adobe-client-id': 'ключ' }],
  ['neither client secret nor token', 'adobe-client-secret', { 'adobe-client-secret': '' }],
  [
    'adobe-access-token with spaces',
    'adobe-access-token',
    { 'adobe-client-secret': '', 'adobe-access-token': 'tok en with spaces' }
  ],
  ['adobe-client-secret huge', 'adobe-client-secret', { 'adobe-client-secret': 'S'.repeat(10_000) }],
  ['adobe-client-secret with a newline', 'adobe-client-secret', { 'adobe-client-secret': 'first-line\nsecond-line' }],
  ['adobe-org-id missing', 'adobe-org-id', { 'adobe-org-id': '' }],
  ['adobe-org-id without @AdobeOrg', 'adobe-org-id', { 'adobe-org-id': '0A1B2C3D4E5F60718293A4B5' }],
  ['adobe-org-id with lower-case suffix', 'adobe-org-id', { 'adobe-org-id': '0A1B2C3D@adobeorg' }],
  ['adobe-org-id with a space', 'adobe-org-id', { 'adobe-org-id': '0A1B 2C3D@AdobeOrg' }],
  ['adobe-ims-url not a URL', 'adobe-ims-url', { 'adobe-ims-url': 'not a url' }],
  ['adobe-ims-url plain http on a public host', 'adobe-ims-url', { 'adobe-ims-url': 'http://ims-na1.adobelogin.com' }],
  ['adobe-platform-url ftp', 'adobe-platform-url', { 'adobe-platform-url': 'ftp://platform.adobe.io' }],
  [
    'adobe-platform-url with credentials',
    'adobe-platform-url',
    { 'adobe-platform-url': 'https://user:pw@platform.adobe.io' }
  ],
  ['adobe-platform-url with a query', 'adobe-platform-url', { 'adobe-platform-url': 'https://platform.adobe.io/?x=1' }],
  ['adobe-platform-url http on a private address', 'adobe-platform-url', { 'adobe-platform-url': 'http://10.0.0.1' }],
  ['adobe-scopes broken JSON', 'adobe-scopes', { 'adobe-scopes': '["openid", ' }],
  ['adobe-scopes JSON with a number', 'adobe-scopes', { 'adobe-scopes': '["openid", 3]' }],
  ['adobe-scopes with a space inside one', 'adobe-scopes', { 'adobe-scopes': 'openid,read organizations' }],
  ['adobe-scopes only commas', 'adobe-scopes', { 'adobe-scopes': ',,' }],
  ['zoho-region unknown', 'zoho-region', { 'zoho-region': 'mars' }],
  ['zoho-region upper-case', 'zoho-region', { 'zoho-region': 'EU' }],
  ['no zoho-endpoint nor zoho-region in ensure', 'zoho-endpoint', { 'zoho-endpoint': '', 'zoho-accounts-url': '' }],
  [
    'zoho-endpoint in the EU but zoho-region us',
    'zoho-endpoint',
    { 'zoho-endpoint': 'https://www.zohoapis.eu', 'zoho-region': 'us', 'zoho-accounts-url': '' }
  ],
  [
    'US endpoint with EU accounts server',
    'zoho-accounts-url',
    { 'zoho-endpoint': 'https://www.zohoapis.com', 'zoho-accounts-url': 'https://accounts.zoho.eu' }
  ],
  [
    'zoho-region in with US accounts server',
    'zoho-accounts-url',
    { 'zoho-endpoint': '', 'zoho-region': 'in', 'zoho-accounts-url': 'https://accounts.zoho.com' }
  ],
  ['zoho-endpoint plain http on a public host', 'zoho-endpoint', { 'zoho-endpoint': 'http://www.zohoapis.com' }],
  [
    'zoho-endpoint not a Zoho host and no accounts URL',
    'zoho-accounts-url',
    { 'zoho-endpoint': LOCAL, 'zoho-accounts-url': '' }
  ],
  ['zoho-client-id missing in ensure', 'zoho-client-id', { 'zoho-client-id': '' }],
  ['zoho-client-secret missing in create', 'zoho-client-secret', { mode: 'create', 'zoho-client-secret': '' }],
  ['zoho-refresh-token missing', 'zoho-refresh-token', { 'zoho-refresh-token': '' }],
  ['zoho-check none without an access token', 'zoho-access-token', { 'zoho-check': 'none' }],
  ['zoho-check unknown', 'zoho-check', { 'zoho-check': 'always' }],
  ['zoho-client-secret with a newline', 'zoho-client-secret', { 'zoho-client-secret': 'zoho-line-one\nzoho-line-two' }],
  ['zoho-refresh-token with a control character', 'zoho-refresh-token', { 'zoho-refresh-token': 'refresh\u0007token' }],
  ['on-existing unknown', 'on-existing', { 'on-existing': 'replace' }],
  ['verify unknown', 'verify', { verify: 'ping' }],
  ['dataflows unknown', 'dataflows', { dataflows: 'all' }],
  ['dataflows upper-case', 'dataflows', { dataflows: 'Healthy' }],
  ['dry-run not a boolean', 'dry-run', { 'dry-run': 'yes' }],
  ['request-timeout zero', 'request-timeout', { 'request-timeout': '0' }],
  ['request-timeout not a number', 'request-timeout', { 'request-timeout': 'abc' }],
  ['request-timeout above 600', 'request-timeout', { 'request-timeout': '601' }],
  ['request-timeout negative', 'request-timeout', { 'request-timeout': '-5' }],
  ['max-attempts zero', 'max-attempts', { 'max-attempts': '0' }],
  ['max-attempts fractional', 'max-attempts', { 'max-attempts': '2.5' }],
  ['max-attempts above 10', 'max-attempts', { 'max-attempts': '11' }],
  ['max-attempts in hex', 'max-attempts', { 'max-attempts': '0x3' }],
  ['connection-id with a path', 'connection-id', { mode: 'check', 'connection-id': '../../connectionSpecs' }],
  ['connection-id given to ensure', 'connection-id', { 'connection-id': '2484f2df-c057-4ab5-84f2-dfc0577ab592' }],
  ['connection-spec-id with a slash', 'connection-spec-id', { 'connection-spec-id': 'abc/def' }],
  ['connection-spec-version not numeric', 'connection-spec-version', { 'connection-spec-version': 'v1' }],
  ['connection-name huge', 'connection-name', { 'connection-name': 'n'.repeat(300) }],
  ['connection-name injecting ::error::', 'connection-name', { 'connection-name': 'ok\n::error::injected' }],
  ['connection-description with a bell', 'connection-description', { 'connection-description': 'ring \u0007' }],
  ['auth-spec-name with a newline', 'auth-spec-name', { 'auth-spec-name': 'Basic\nAuthentication' }],
  ['zoho-accounts-url not a URL', 'zoho-accounts-url', { 'zoho-accounts-url': 'accounts.zoho.com' }],
  ['source unknown', 'source', { source: 'salesforce' }],
  ['source-check unknown', 'source-check', { 'source-check': 'always' }],
  ['source-check token beside zoho-check none', 'source-check', { 'source-check': 'token', 'zoho-check': 'none' }],
  [
    'source-token-url for Zoho CRM',
    'source-token-url',
    { 'source-token-url': 'https://api.hubapi.com/oauth/v3/token' }
  ],
  ['auth-params beside the zoho-* inputs', 'auth-params', { 'auth-params': 'clientId: hub-client-id' }],
  ['auth-params not a mapping', 'auth-params', { ...HUBSPOT, 'auth-params': '- a list' }],
  ['auth-params broken JSON', 'auth-params', { ...HUBSPOT, 'auth-params': '{"clientSecret": "s3cr#t: "x"' }],
  ['auth-params missing in ensure', 'auth-params', { ...HUBSPOT, 'auth-params': '' }],
  ['zoho-client-id beside source hubspot', 'zoho-client-id', { ...HUBSPOT, 'zoho-client-id': '1000.ZOHOCLIENTID0001' }],
  ['connection-spec-id missing for source other', 'connection-spec-id', { ...HUBSPOT, source: 'other' }]
]
