/**
 * The sources beyond Zoho CRM in the emulator (docs/api-notes.md §7): the connection specs of
 * HubSpot, the Generic REST API source and one other source, each with its auth spec's JSON
 * Schema; HubSpot's OAuth token endpoint and a generic OAuth 2 token URL; which stored params make
 * a connection's test pass. Switches, off by default: refresh tokens that rotate, and refusals.
 *
 * Test code, no dependency beyond Node. Nothing here imports emulator.ts, which hooks this in.
 */
import { randomBytes, randomUUID } from 'node:crypto'

export const HUBSPOT_SPEC_ID = 'cc6a4487-9e91-433e-a3a3-9cf6626c1806'
export const GENERIC_REST_SPEC_ID = '4e98f16f-87d6-4ef0-bdc6-7a2b0fe76e62'
/** Salesforce's spec, as "another source" (api-notes.md §7.6). */
export const OTHER_SPEC_ID = 'cfc0fee1-7dc0-40ef-b73e-d8b134c436f5'

/** HubSpot's token paths: v1 (retired 2027-02-16), v3 (the default) and the date-versioned one. */
export const HUBSPOT_TOKEN_PATHS = ['/oauth/v1/token', '/oauth/v3/token', '/oauth/2026-03/token']
/** Where the emulator's Generic REST API serves its OAuth 2 token endpoint. */
export const GENERIC_TOKEN_PATH = '/generic/oauth/token'

const password = { type: 'string', format: 'password' } as const
const text = { type: 'string' } as const
const DRAFT_07 = 'http://json-schema.org/draft-07/schema#'

/**
 * HubSpot's auth spec is not public (api-notes.md §7.1): the four params of Adobe's tutorial,
 * all required, the secrets marked as every published spec marks them.
 */
export const SOURCE_SPECS = [
  {
    id: HUBSPOT_SPEC_ID,
    name: 'hubspot',
    version: '1.0',
    authSpec: [
      {
        name: 'Basic Authentication',
        type: 'BasicAuthentication',
        spec: {
          $schema: DRAFT_07,
          type: 'object',
          properties: { clientId: text, clientSecret: password, accessToken: password, refreshToken: password },
          required: ['clientId', 'clientSecret', 'accessToken', 'refreshToken']
        }
      }
    ]
  },
  {
    id: GENERIC_REST_SPEC_ID,
    name: 'generic-rest-api',
    version: '1.0',
    authSpec: [
      {
        name: 'oAuth2RefreshCode',
        type: 'OAuth2RefreshCode',
        spec: {
          $schema: DRAFT_07,
          type: 'object',
          properties: {
            host: text,
            authorizationTestUrl: text,
            clientId: text,
            clientSecret: password,
            accessToken: password,
            refreshToken: password,
            expirationDate: { type: 'string', format: 'date', uiAttributes: { hidden: true } },
            accessTokenUrl: text,
            requestParameterOverride: {
              type: 'object',
              properties: {
                accessTokenField: {},
                refreshTokenField: {},
                expireInField: {},
                authenticationMethod: { enum: ['GET', 'POST'] },
                clientId: {},
                clientSecret: {}
              }
            }
          },
          required: ['host', 'accessToken']
        }
      },
      {
        name: 'Basic Authentication',
        type: 'BasicAuthentication',
        spec: {
          $schema: DRAFT_07,
          type: 'object',
          properties: { host: text, username: text, password },
          required: ['host', 'username', 'password']
        }
      }
    ]
  },
  {
    id: OTHER_SPEC_ID,
    name: 'salesforce',
    version: '1.0',
    authSpec: [
      {
        name: 'OAuth2 Client Credential',
        type: 'OAuth2ClientCredential',
        spec: {
          $schema: DRAFT_07,
          type: 'object',
          properties: { environmentUrl: text, clientId: text, clientSecret: password, apiVersion: text },
          required: ['environmentUrl', 'clientId', 'clientSecret', 'apiVersion']
        }
      }
    ]
  }
]

/** Secrets full of quotes, colons and `#`: YAML breaks them unquoted, so tests pass them as JSON. */
export const SOURCE_SECRETS = {
  hubspot: {
    clientId: 'hub:cl1ent "1d" #1',
    clientSecret: `hub"sp0t: s3cr#t-2 'q1' \\ b4ck`,
    refreshToken: `na1-r3fr#sh: "t0k" #3 'x9' {y}`
  },
  generic: {
    clientId: 'gen:cl1ent #4',
    clientSecret: `gen "s3cr": #5 'z7'`,
    refreshToken: `gen-r3fr: #6 "w8"`,
    accessToken: `gen-4cc: "g1v" #7`
  },
  other: {
    clientId: 'sf:cl1ent "1d" #8',
    clientSecret: `sf "s3cr": #9 'v5'`
  }
} as const

/** How a token endpoint refuses every refresh while the switch is on (api-notes.md §7.3). */
export type RefreshRefusal = 'bad-refresh-token' | 'other-app' | 'bad-client' | 'server-error'

/** Letters no id, etag, marker or digest uses, as the emulator's other tokens. */
function opaqueToken(length: number): string {
  const letters = 'ghijklmnopqrstuvwxyzGHIJKLMNOPQRSTUVWXYZ'
  return [...randomBytes(length)].map((byte) => letters[byte % letters.length]).join('')
}

type Send = (status: number, payload: unknown) => void

interface StoredParams {
  readonly connectionSpec: { readonly id: string }
  readonly auth: { readonly params: Readonly<Record<string, unknown>> }
}

export class SourceEmulation {
  /** HubSpot's app and its current refresh token (changed by a rotation). */
  readonly hubspot: { clientId: string; clientSecret: string; refreshToken: string } = { ...SOURCE_SECRETS.hubspot }
  readonly generic: { clientId: string; clientSecret: string; refreshToken: string; host: string } = {
    ...SOURCE_SECRETS.generic,
    host: 'https://api.generic.example'
  }
  readonly other: { clientId: string; clientSecret: string } = { ...SOURCE_SECRETS.other }
  /** Off by default: each refresh answers with a new refresh token, and the old one stops working. */
  rotates = false
  /** Off by default: every refresh is refused this way. */
  refusal: RefreshRefusal | undefined
  /** Every access and refresh token minted, for the leak scanner. */
  readonly issued = new Set<string>()

  /** The route of a request to one of these token endpoints, or undefined. */
  static routeOf(method: string, path: string): 'hubspot.token' | 'oauth.token' | undefined {
    if (method !== 'POST') return undefined
    if (HUBSPOT_TOKEN_PATHS.includes(path)) return 'hubspot.token'
    if (path === GENERIC_TOKEN_PATH) return 'oauth.token'
    return undefined
  }

  /** The params a create must carry: the schema's required ones; undefined for a spec without schema. */
  static requiredParams(
    spec: { authSpec?: { name: string; spec?: unknown }[] },
    specName: string
  ): string[] | undefined {
    const schema = spec.authSpec?.find((auth) => auth.name === specName)?.spec as { required?: string[] } | undefined
    return schema?.required
  }

  /** One refresh (RFC 6749 §6): form-encoded, never a secret in the query. */
  token(route: 'hubspot.token' | 'oauth.token', body: string, url: URL, contentType: string, send: Send): void {
    const hubspot = route === 'hubspot.token'
    const refuse = (status: number, error: string, message: string, legacy?: string) =>
      send(
        status,
        hubspot
          ? {
              status: legacy ?? 'error',
              message,
              correlationId: randomUUID(),
              category: 'BAD_REQUEST',
              error,
              error_description: message
            }
          : { error, error_description: message }
      )
    if (url.search.length > 1)
      return refuse(
        400,
        'invalid_request',
        'Ensure all parameters are provided as form-encoded body fields, not as query parameters.'
      )
    if (!/^application\/x-www-form-urlencoded/.test(contentType)) {
      return refuse(400, 'invalid_request', 'unsupported content type')
    }
    const form = new URLSearchParams(body)
    if (form.get('grant_type') !== 'refresh_token')
      return refuse(400, 'unsupported_grant_type', 'unsupported grant type', 'BAD_GRANT_TYPE')
    if (this.refusal === 'server-error') return send(502, { message: 'Bad Gateway' })
    const app = hubspot ? this.hubspot : this.generic
    if (
      this.refusal === 'bad-client' ||
      form.get('client_id') !== app.clientId ||
      form.get('client_secret') !== app.clientSecret
    ) {
      return refuse(hubspot ? 400 : 401, 'invalid_client', 'missing or unknown client id', 'BAD_CLIENT_ID')
    }
    if (this.refusal === 'other-app') {
      return refuse(400, 'invalid_grant', 'refresh token was not issued to this client', 'BAD_REFRESH_TOKEN')
    }
    if (this.refusal === 'bad-refresh-token' || form.get('refresh_token') !== app.refreshToken) {
      return refuse(400, 'invalid_grant', 'missing or invalid refresh token', 'BAD_REFRESH_TOKEN')
    }
    const accessToken = `${hubspot ? 'CN' : 'GA'}${opaqueToken(40)}`
    this.issued.add(accessToken)
    if (this.rotates) {
      app.refreshToken = `rotated-${opaqueToken(24)}`
      this.issued.add(app.refreshToken)
    }
    send(
      200,
      hubspot
        ? {
            token_type: 'bearer',
            refresh_token: app.refreshToken,
            access_token: accessToken,
            expires_in: 1800,
            hub_id: 123,
            scopes: ['crm.objects.contacts.read'],
            user_id: 123,
            token_use: 'access_token'
          }
        : {
            access_token: accessToken,
            token_type: 'Bearer',
            expires_in: 3600,
            ...(this.rotates ? { refresh_token: app.refreshToken } : {})
          }
    )
  }

  /** Whether a stored connection of one of these sources can reach the source; undefined for another spec. */
  credentialsWork(connection: StoredParams): boolean | undefined {
    const p = connection.auth.params
    switch (connection.connectionSpec.id) {
      case HUBSPOT_SPEC_ID:
        return (
          p['clientId'] === this.hubspot.clientId &&
          p['clientSecret'] === this.hubspot.clientSecret &&
          p['refreshToken'] === this.hubspot.refreshToken &&
          typeof p['accessToken'] === 'string'
        )
      case GENERIC_REST_SPEC_ID:
        return (
          p['host'] === this.generic.host &&
          typeof p['accessToken'] === 'string' &&
          (p['refreshToken'] === undefined || p['refreshToken'] === this.generic.refreshToken)
        )
      case OTHER_SPEC_ID:
        return p['clientId'] === this.other.clientId && p['clientSecret'] === this.other.clientSecret
      default:
        return undefined
    }
  }

  /** The root tables explore lists for a connection of one of these sources; undefined for another spec. */
  tablesOf(specId: string): string[] | undefined {
    if (specId === HUBSPOT_SPEC_ID) return ['Hubspot.Contacts', 'Hubspot.Companies', 'Hubspot.Deals']
    if (specId === GENERIC_REST_SPEC_ID) return ['items']
    if (specId === OTHER_SPEC_ID) return ['Account', 'Contact']
    return undefined
  }

  /** The params of a working connection of a source, as a seed. */
  validParams(specId: string, accessToken = 'seeded-access-token'): Record<string, string> {
    if (specId === HUBSPOT_SPEC_ID) return { ...this.hubspot, accessToken }
    if (specId === GENERIC_REST_SPEC_ID) return { host: this.generic.host, accessToken }
    return { environmentUrl: 'https://acme.my.salesforce.com', ...this.other, apiVersion: '60.0' }
  }
}
