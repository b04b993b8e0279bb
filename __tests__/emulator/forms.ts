/**
 * The form fields of a request body, as the real token endpoints read them: URL-encoded
 * (`application/x-www-form-urlencoded`, what the action sends) or multipart (`multipart/form-data`,
 * what Adobe's `@adobe/aio-lib-ims` and Zoho's own SDK send). Undefined for any other body.
 */
export function formFields(contentType: string | undefined, body: string): URLSearchParams | undefined {
  const type = (contentType ?? '').toLowerCase()
  if (type.startsWith('application/x-www-form-urlencoded')) return new URLSearchParams(body)
  if (!type.startsWith('multipart/form-data')) return undefined
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '')
  const delimiter = boundary?.[1] ?? boundary?.[2]
  if (!delimiter) return undefined
  const fields = new URLSearchParams()
  for (const part of body.split(`--${delimiter}`).slice(1)) {
    if (part.startsWith('--')) break
    const headerEnd = part.indexOf('\r\n\r\n')
    if (headerEnd < 0) continue
    const name = /name="([^"]*)"/i.exec(part.slice(0, headerEnd))?.[1]
    if (name !== undefined) fields.append(name, part.slice(headerEnd + 4).replace(/\r\n$/, ''))
  }
  return fields
}

/**
 * An access token shaped as IMS issues them: a JWT whose payload carries `created_at` and
 * `expires_in` in milliseconds, which Adobe's own client reads to know when it expires. The
 * signature is `signature`, random text from the caller.
 */
export function imsShapedToken(
  claims: { clientId: string; scope: string; orgId?: string | undefined },
  signature: string
): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const header = { alg: 'RS256', x5u: 'ims_na1-key-at-1.cer', kid: 'ims_na1-key-at-1', itt: 'at' }
  const payload = {
    type: 'access_token',
    client_id: claims.clientId,
    as: 'ims-na1',
    scope: claims.scope,
    created_at: String(Date.now()),
    expires_in: '86400000',
    ...(claims.orgId ? { org: claims.orgId } : {})
  }
  return `${part(header)}.${part(payload)}.${signature}`
}
