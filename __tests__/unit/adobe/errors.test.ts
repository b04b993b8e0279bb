import { describe, expect, it } from 'vitest'
import { adobeError, readAdobeErrorBody } from '../../../src/adobe/errors.ts'
import { imsError } from '../../../src/adobe/ims.ts'

const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
  status,
  headers,
  body: typeof body === 'string' ? body : JSON.stringify(body),
  attempts: 1
})
const ctx = { operation: 'list connections', sandbox: 'dev', orgId: 'ORG@AdobeOrg' }

describe("Adobe's error bodies become one line with the cause and the request id", () => {
  it('reads Flow Service errors', () => {
    const body = {
      type: 'https://ns.adobe.com/aep/errors/FLOW-2101-404',
      title: 'Sandbox not found',
      status: 404,
      report: { 'request-id': 'req-42' },
      errorMessage: 'Sandbox not found'
    }
    expect(readAdobeErrorBody(answer(404, body))).toEqual({
      code: '2101-404',
      message: 'Sandbox not found',
      requestId: 'req-42'
    })
    const error = adobeError(answer(404, body), ctx)
    expect(error.message).toBe(
      `Adobe's Flow Service API refused to list connections: HTTP 404 (2101-404): Sandbox not found. Likely cause: sandbox "dev" was not found in org ORG@AdobeOrg: check the sandbox input (the sandbox name, not its title) (Adobe request id req-42)`
    )
  })

  it('reads gateway errors and the request id header', () => {
    const error = adobeError(
      answer(401, { error_code: '401013', message: 'Oauth token is not valid' }, { 'x-request-id': 'gw-1' }),
      ctx
    )
    expect(error.message).toContain('HTTP 401 (401013): Oauth token is not valid')
    expect(error.message).toContain('not valid or has expired')
    expect(error.message).toContain('(Adobe request id gw-1)')
  })

  it.each([
    ['403025', 'not entitled to org ORG@AdobeOrg'],
    ['403027', 'adobe-org-id ORG@AdobeOrg is wrong'],
    ['403003', 'adobe-client-id must be the client id']
  ])('explains gateway code %s', (code, hint) => {
    expect(adobeError(answer(403, { error_code: code, message: 'x' }), ctx).message).toContain(hint)
  })

  it.each([
    ['a 401013', { error_code: '401013', message: 'Oauth token is not valid' }],
    ['a 401 without a code', {}]
  ])('advises by what the run tried: %s after a token the run minted itself', (_what, body) => {
    const minted = adobeError(answer(401, body), { ...ctx, tokenMintedByRun: true }).message
    expect(minted).toContain('the credential may no longer be allowed to use the API')
    expect(minted).toContain('product profile of org ORG@AdobeOrg')
    expect(minted).not.toContain('adobe-client-secret')
    expect(minted).not.toContain('adobe-access-token')
    const given = adobeError(answer(401, body), { ...ctx, tokenMintedByRun: false }).message
    expect(given).not.toContain('no longer be allowed')
  })

  it('a given token that is refused still asks for a fresh token or the client secret', () => {
    const given = adobeError(answer(401, { error_code: '401013', message: 'x' }), ctx).message
    expect(given).toContain('pass a fresh adobe-access-token, or pass adobe-client-secret')
  })

  it("a gateway 403011 Scope mismatch names the credential's APIs and adobe-scopes, not the sandbox's permissions", () => {
    const error = adobeError(answer(403, { error_code: '403011', message: 'Scope mismatch' }), ctx).message
    expect(error).toContain('HTTP 403 (403011): Scope mismatch')
    expect(error).toContain('adobe-scopes')
    expect(error).toContain('Experience Platform API')
    expect(error).not.toContain('product profile')
    expect(error).not.toContain('sandbox "dev"')
  })

  it('explains a missing permission and a connection used by dataflows', () => {
    const permission = {
      type: 'https://ns.adobe.com/aep/errors/FLOW-2118-403',
      title: 'The permission write is missing'
    }
    expect(adobeError(answer(403, permission), ctx).message).toContain('Manage Sources')
    const inUse = {
      type: 'https://ns.adobe.com/aep/errors/FLOW-1418-400',
      title: 'Please ensure that corresponding flows are deleted'
    }
    expect(adobeError(answer(400, inUse), ctx).message).toContain('still used by dataflows')
  })

  it('speaks through the status alone when the body is a proxy page', () => {
    expect(adobeError(answer(502, '<html>Bad Gateway</html>'), ctx).message).toBe(
      "Adobe's Flow Service API is unavailable (HTTP 502) while trying to list connections. This is on Adobe's side: retry later"
    )
  })

  it('explains IMS refusals', () => {
    expect(
      imsError(400, '{"error":"invalid_client","error_description":"invalid client_secret parameter"}', 'dbg-1').message
    ).toBe(
      'Adobe IMS refused the token request: HTTP 400 invalid_client: invalid client_secret parameter. Likely cause: adobe-client-secret is wrong or was rotated: copy the current client secret of this credential from the Adobe Developer Console (IMS debug id dbg-1)'
    )
    expect(
      imsError(400, '{"error":"invalid_client","error_description":"invalid client_id parameter"}', undefined).message
    ).toContain('adobe-client-id is not an OAuth Server-to-Server credential')
    expect(imsError(400, '{"error":"invalid_scope"}', undefined).message).toContain('adobe-scopes asks for a scope')
  })

  it('words an outage and rate limiting as such, not as a refusal', () => {
    expect(imsError(503, '<html>down</html>', 'dbg-2').message).toBe(
      "Adobe IMS is unavailable (HTTP 503). This is on Adobe's side: retry later (IMS debug id dbg-2)"
    )
    expect(imsError(429, '{}', undefined).message).toContain('Adobe IMS is rate limiting this credential (HTTP 429)')
    const sandboxes = adobeError(answer(503, '{}'), { ...ctx, api: "Adobe's Sandbox API", operation: 'list sandboxes' })
    expect(sandboxes.message).toBe(
      "Adobe's Sandbox API is unavailable (HTTP 503) while trying to list sandboxes. This is on Adobe's side: retry later"
    )
    expect(adobeError(answer(429, '{}'), ctx).message).toContain(
      "Adobe's Flow Service API is rate limiting this credential (HTTP 429) while trying to list connections"
    )
    expect(
      adobeError(answer(401, '{}'), { ...ctx, api: "Adobe's Sandbox API", operation: 'list sandboxes' }).message
    ).toBe(
      "Adobe's Sandbox API refused to list sandboxes: HTTP 401. Likely cause: the Adobe access token was refused: it is invalid or expired"
    )
  })

  it('keeps no more than 1000 characters of what Adobe says', () => {
    const huge = adobeError(answer(400, { title: 'x'.repeat(100_000) }), ctx)
    expect(huge.message.length).toBeLessThan(1200)
  })
})
