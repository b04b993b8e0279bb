import { describe, expect, it } from 'vitest'
import {
  describeAccountsServer,
  resolveZohoTarget,
  sameDataCentre,
  ZOHO_DATA_CENTRES,
  ZOHO_REGIONS
} from '../../../src/zoho/regions.ts'

const EXPECTED = {
  us: ['https://www.zohoapis.com', 'https://accounts.zoho.com'],
  eu: ['https://www.zohoapis.eu', 'https://accounts.zoho.eu'],
  in: ['https://www.zohoapis.in', 'https://accounts.zoho.in'],
  au: ['https://www.zohoapis.com.au', 'https://accounts.zoho.com.au'],
  cn: ['https://www.zohoapis.com.cn', 'https://accounts.zoho.com.cn'],
  jp: ['https://www.zohoapis.jp', 'https://accounts.zoho.jp'],
  ca: ['https://www.zohoapis.ca', 'https://accounts.zohocloud.ca'],
  sa: ['https://www.zohoapis.sa', 'https://accounts.zoho.sa'],
  uk: ['https://www.zohoapis.uk', 'https://accounts.zoho.uk'],
  ae: ['https://www.zohoapis.ae', 'https://accounts.zoho.ae']
} as const

describe('Zoho data centres', () => {
  it.each(ZOHO_REGIONS)('%s resolves from the region, and back from its endpoint', (region) => {
    const [apiDomain, accountsUrl] = EXPECTED[region]
    expect(resolveZohoTarget({ region, endpoint: undefined, accountsUrl: undefined })).toEqual({
      ok: true,
      target: { region, apiDomain, accountsUrl }
    })
    expect(resolveZohoTarget({ region: undefined, endpoint: apiDomain, accountsUrl: undefined })).toEqual({
      ok: true,
      target: { region, apiDomain, accountsUrl }
    })
  })

  it("accepts a data centre's sandbox and developer hosts and alternative accounts hosts", () => {
    const sandbox = resolveZohoTarget({
      region: 'au',
      endpoint: 'https://sandbox.zohoapis.com.au',
      accountsUrl: 'https://accounts.zoho.au'
    })
    expect(sandbox).toEqual({
      ok: true,
      target: { region: 'au', apiDomain: 'https://sandbox.zohoapis.com.au', accountsUrl: 'https://accounts.zoho.au' }
    })
    expect(
      resolveZohoTarget({ region: undefined, endpoint: 'https://developer.zohoapis.jp', accountsUrl: undefined })
    ).toMatchObject({
      ok: true,
      target: { region: 'jp', accountsUrl: 'https://accounts.zoho.jp' }
    })
  })

  it('rejects contradictions, naming both inputs', () => {
    const result = resolveZohoTarget({
      region: 'us',
      endpoint: 'https://www.zohoapis.eu',
      accountsUrl: 'https://accounts.zoho.in'
    })
    expect(result.ok).toBe(false)
    const text = result.ok ? '' : result.problems.join('\n')
    expect(text).toContain("zoho-endpoint is in Zoho's Europe (eu) data centre but zoho-region is us")
    expect(text).toContain("zoho-accounts-url is in Zoho's India (in) data centre but zoho-region is us")
  })

  it('lets explicit non-Zoho URLs (a gateway, an emulator) win over a region', () => {
    expect(
      resolveZohoTarget({ region: 'eu', endpoint: 'https://zoho-gateway.example.com', accountsUrl: undefined })
    ).toEqual({
      ok: true,
      target: { region: 'eu', apiDomain: 'https://zoho-gateway.example.com', accountsUrl: 'https://accounts.zoho.eu' }
    })
  })

  it('compares api_domain answers by data centre, or by origin for other hosts', () => {
    expect(sameDataCentre('https://sandbox.zohoapis.eu', 'https://www.zohoapis.eu')).toBe(true)
    expect(sameDataCentre('https://www.zohoapis.com', 'https://www.zohoapis.eu')).toBe(false)
    expect(sameDataCentre('http://127.0.0.1:1', 'http://127.0.0.1:1')).toBe(true)
    expect(sameDataCentre('http://127.0.0.1:1', 'https://www.zohoapis.com')).toBe(false)
  })

  it('has an entry for every region', () => {
    expect(Object.keys(ZOHO_DATA_CENTRES).sort()).toEqual([...ZOHO_REGIONS].sort())
  })
})

describe('describeAccountsServer', () => {
  it('names the data centre of a Zoho accounts server, and shows any other server as it is', () => {
    expect(describeAccountsServer('https://accounts.zoho.eu')).toBe('Europe (eu), https://accounts.zoho.eu')
    expect(describeAccountsServer('http://127.0.0.1:8787/zoho')).toBe('http://127.0.0.1:8787/zoho')
  })
})
