import * as z from 'zod/mini'
import { ServiceError, oneLine } from '../errors.ts'
import { parseJsonBody, parseJsonLeniently, type HttpClient } from '../http.ts'

export interface ImsCredentials {
  readonly imsUrl: string
  readonly clientId: string
  readonly clientSecret: string
  readonly scopes: readonly string[]
}

const tokenResponse = z.object({ access_token: z.string().check(z.minLength(1)), expires_in: z.optional(z.number()) })
const errorResponse = z.object({ error: z.optional(z.string()), error_description: z.optional(z.string()) })

/**
 * OAuth Server-to-Server exchange (api-notes.md §1.1). Credentials travel in the form body, never in
 * the URL. `mask` receives the token before this function returns it.
 */
export async function mintImsToken(
  http: HttpClient,
  credentials: ImsCredentials,
  mask: (secret: string) => void
): Promise<string> {
  const response = await http.postForm(
    'exchange the client credentials for an access token',
    `${credentials.imsUrl}/ims/token/v3`,
    {
      grant_type: 'client_credentials',
      client_id: credentials.clientId,
      client_secret: credentials.clientSecret,
      scope: credentials.scopes.join(',')
    },
    { service: 'Adobe IMS', input: 'adobe-ims-url' }
  )
  if (response.status === 200) {
    const parsed = tokenResponse.safeParse(parseJsonBody(response, 'Adobe IMS'))
    if (parsed.success) {
      mask(parsed.data.access_token)
      return parsed.data.access_token
    }
    throw new ServiceError('Adobe IMS answered HTTP 200 without an access_token')
  }
  throw imsError(response.status, response.body, response.headers['x-debug-id'])
}

export function imsError(status: number, body: string, debugId: string | undefined): ServiceError {
  // A non-JSON answer (a proxy page) parses to nothing: the status has to speak.
  const parsed = errorResponse.safeParse(parseJsonLeniently(body) ?? {})
  const error = parsed.success ? parsed.data.error : undefined
  const description = parsed.success ? parsed.data.error_description : undefined
  // Bounded: an IMS (or a proxy posing as one) may answer anything.
  const said = [error, description].filter(Boolean).join(': ').slice(0, 1000)
  const described = (description ?? '').toLowerCase()
  let hint: string
  if (error === 'invalid_client' && described.includes('client_secret')) {
    hint =
      'adobe-client-secret is wrong or was rotated: copy the current client secret of this credential from the Adobe Developer Console'
  } else if (error === 'invalid_client') {
    hint =
      'adobe-client-id is not an OAuth Server-to-Server credential of this IMS: check adobe-client-id (and adobe-ims-url)'
  } else if (error === 'invalid_scope') {
    hint =
      "adobe-scopes asks for a scope the credential does not have: use the scopes listed on the credential's Developer Console page"
  } else if (status >= 500 || status === 429) {
    const debug = debugId ? ` (IMS debug id ${debugId})` : ''
    const what = status === 429 ? 'is rate limiting this credential' : 'is unavailable'
    return new ServiceError(
      oneLine(
        `Adobe IMS ${what} (HTTP ${status}${said ? `: ${said}` : ''}). This is on Adobe's side: retry later${debug}`
      ),
      { status, code: error }
    )
  } else {
    hint = 'check adobe-client-id, adobe-client-secret and adobe-scopes'
  }
  const debug = debugId ? ` (IMS debug id ${debugId})` : ''
  return new ServiceError(
    oneLine(
      `Adobe IMS refused the token request: HTTP ${status}${said ? ` ${said}` : ''}. Likely cause: ${hint}${debug}`
    ),
    { status, code: error }
  )
}
