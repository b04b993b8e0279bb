import { describe, expect, it } from 'vitest'
import { judgeRefreshAnswer, refreshFailureMessage } from '../../../src/zoho/oauth.ts'

describe('Zoho refresh answers are judged by their body', () => {
  it('succeeds only with an access_token', () => {
    expect(
      judgeRefreshAnswer(200, '{"access_token":"t","api_domain":"https://www.zohoapis.eu","expires_in":3600}')
    ).toEqual({
      ok: true,
      accessToken: 't',
      apiDomain: 'https://www.zohoapis.eu'
    })
    expect(judgeRefreshAnswer(200, '{"expires_in":3600}')).toMatchObject({ ok: false, kind: 'refused' })
  })

  it.each([
    ['invalid_client', '{"error":"invalid_client"}'],
    ['invalid_code', '{"error":"invalid_code"}'],
    [
      'throttled',
      '{"error_description":"You have made too many requests continuously. Please try again after some time.","error":"Access Denied","status":"failure"}'
    ],
    ['throttled', 'Access Denied'],
    ['not_json', '<html>Bad gateway</html>'],
    ['refused', '{"error":"invalid_redirect_uri"}']
  ])('a 200 answer can still be %s', (kind, body) => {
    expect(judgeRefreshAnswer(200, body)).toMatchObject({ ok: false, kind })
  })

  it.each([
    [200, '{"error_description":"您连续发出了太多请求。请稍后再试。","error":"拒绝访问","status":"failure"}'],
    [400, '{"error_description":"您连续发出了太多请求。请稍后再试。","error":"拒绝访问","status":"failure"}'],
    [400, '{"error":"Zugriff verweigert","status":"failure"}'],
    [400, '{"error":"Accès refusé","status":"failure"}'],
    [200, '{"status":"failure"}'],
    [
      400,
      '{"error_description":"You have made too many requests continuously.","error":"Access Denied","status":"failure"}'
    ]
  ])(
    'the throttle at HTTP %i is told by status: failure and the missing token, in any language: %s',
    (status, body) => {
      expect(judgeRefreshAnswer(status, body)).toMatchObject({ ok: false, kind: 'throttled' })
    }
  )

  it.each([
    ['a token beside status: failure is no throttle', '{"access_token":"t","status":"failure"}', true],
    [
      'invalid_client with status: failure is still invalid_client',
      '{"error":"invalid_client","status":"failure"}',
      false
    ],
    ['status: success without a token is a refusal, not the throttle', '{"status":"success"}', false]
  ])('%s', (_what, body, ok) => {
    const verdict = judgeRefreshAnswer(400, body)
    expect(verdict.ok).toBe(ok)
    if (!verdict.ok) expect(verdict.kind).not.toBe('throttled')
  })

  it('gives each failure its own message that names the fix', () => {
    const message = (kind: 'invalid_client' | 'invalid_code' | 'throttled') =>
      refreshFailureMessage({ ok: false, kind, detail: kind }, 'https://accounts.zoho.eu')
    expect(message('invalid_client')).toContain("Zoho's Europe (eu) data centre")
    expect(message('invalid_client')).toContain('zoho-client-id or zoho-client-secret is wrong')
    expect(message('invalid_code')).toContain('zoho-refresh-token is wrong or was revoked')
    expect(message('throttled')).toContain('10 access tokens per refresh token per 10 minutes')
    expect(message('throttled')).toContain('matrix jobs')
    for (const kind of ['invalid_client', 'invalid_code', 'throttled'] as const) {
      expect(message(kind)).toContain('Nothing was written to Adobe')
    }
  })
})
