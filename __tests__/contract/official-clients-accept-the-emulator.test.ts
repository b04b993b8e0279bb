/**
 * The emulator every test relies on is judged by the services' own clients: Adobe's IMS client
 * (`@adobe/aio-lib-ims`, as the Adobe I/O CLI uses it) and Zoho's CRM SDK (`@zohocrm/nodejs-sdk-8.0`)
 * get a token from it as they would from the real services, with their own request shapes
 * (multipart bodies, IMS v2 with org_id, a JWT-shaped token they decode), and read its refusals.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect } from 'vitest'
import { emulatorTest } from '../support/fixtures.ts'

const it = emulatorTest()

interface ImsTokenResult {
  readonly access_token: { readonly token: string; readonly expiry: number }
}
interface ImsClient {
  endpoint: string
  getAccessTokenByClientCredentials(id: string, secret: string, org: string, scopes: string[]): Promise<ImsTokenResult>
}

async function imsClient(url: string): Promise<ImsClient> {
  const { Ims } = (await import('@adobe/aio-lib-ims')) as unknown as { Ims: new (env: string) => ImsClient }
  const ims = new Ims('prod')
  ims.endpoint = url
  return ims
}

describe("Adobe's IMS client", () => {
  it('gets a token by client credentials (IMS v2, multipart, org_id) and reads when it expires', async ({ ctx }) => {
    const { clientId, clientSecret, orgId } = ctx.emulator.options
    const ims = await imsClient(ctx.emulator.url)
    const before = Date.now()
    const result = await ims.getAccessTokenByClientCredentials(clientId, clientSecret, orgId, ['openid', 'AdobeID'])
    expect(ctx.emulator.issuedImsTokens.has(result.access_token.token)).toBe(true)
    expect(result.access_token.expiry).toBeGreaterThan(before + 23 * 3600_000)
    const [request] = ctx.emulator.requests('ims.token')
    expect(request?.path).toBe('/ims/token/v2')
    expect(request?.headers['content-type']).toMatch(/^multipart\/form-data/)
  })

  it('is refused a wrong client secret, as IMS refuses it', async ({ ctx }) => {
    const { clientId, orgId } = ctx.emulator.options
    const ims = await imsClient(ctx.emulator.url)
    await expect(ims.getAccessTokenByClientCredentials(clientId, 'not-the-secret', orgId, ['openid'])).rejects.toThrow(
      /400/
    )
    expect(ctx.emulator.issuedImsTokens.size).toBe(0)
  })
})

/** The part of Zoho's SDK the test uses, as its README shows it. */
interface ZohoSdk {
  DataCenter: { setEnvironment(apiUrl: string, accountsUrl: string, fileUploadUrl: string): unknown }
  OAuthBuilder: new () => OAuthBuilder
  InitializeBuilder: new () => Promise<InitializeBuilder>
  FileStore: new (path: string) => unknown
  LogBuilder: new () => { level(level: unknown): { build(): unknown } }
  Levels: { OFF: unknown }
}
interface OAuthBuilder {
  clientId(value: string): OAuthBuilder
  clientSecret(value: string): OAuthBuilder
  refreshToken(value: string): OAuthBuilder
  build(): { getToken(): Promise<string> }
}
interface InitializeBuilder {
  environment(value: unknown): InitializeBuilder
  token(value: unknown): InitializeBuilder
  store(value: unknown): InitializeBuilder
  resourcePath(value: string): InitializeBuilder
  logger(value: unknown): InitializeBuilder
  initialize(): Promise<void>
}

/**
 * Zoho's SDK calls `util.isArray`, which Node deprecates (DEP0044); its one warning is the SDK's,
 * not the project's, so it is dropped while the SDK runs and `npm test` prints no warning.
 */
async function withoutSdkDeprecation<T>(run: () => Promise<T>): Promise<T> {
  const warnings = process.listeners('warning')
  const onlyOthers = (warning: Error & { code?: string }): void => {
    if (warning.code !== 'DEP0044') for (const listener of warnings) listener(warning)
  }
  process.removeAllListeners('warning').on('warning', onlyOthers)
  try {
    return await run()
  } finally {
    process.removeListener('warning', onlyOthers)
    for (const listener of warnings) process.on('warning', listener)
  }
}

describe("Zoho's CRM SDK", () => {
  /** Initialises the SDK on the emulator as its data centre, then asks its token for an access token. */
  async function zohoToken(url: string, secrets: { clientId: string; clientSecret: string; refreshToken: string }) {
    const sdk = (await import('@zohocrm/nodejs-sdk-8.0')) as unknown as ZohoSdk
    const dir = mkdtempSync(join(tmpdir(), 'zoho-sdk-'))
    try {
      return await withoutSdkDeprecation(async () => {
        const environment = sdk.DataCenter.setEnvironment(url, `${url}/oauth/v2/token`, url)
        const token = new sdk.OAuthBuilder()
          .clientId(secrets.clientId)
          .clientSecret(secrets.clientSecret)
          .refreshToken(secrets.refreshToken)
          .build()
        await (
          await new sdk.InitializeBuilder()
        )
          .environment(environment)
          .token(token)
          .store(new sdk.FileStore(join(dir, 'tokens.txt')))
          .resourcePath(dir)
          .logger(new sdk.LogBuilder().level(sdk.Levels.OFF).build())
          .initialize()
        return await token.getToken()
      })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }

  it('refreshes an access token with its multipart body', async ({ ctx }) => {
    const accessToken = await zohoToken(ctx.emulator.url, ctx.emulator.zoho)
    expect(ctx.emulator.issuedZohoTokens.has(accessToken)).toBe(true)
    expect(ctx.emulator.requests('zoho.token')[0]?.headers['content-type']).toMatch(/^multipart\/form-data/)
  })

  it('is refused a revoked refresh token, as Zoho refuses it', async ({ ctx }) => {
    await expect(zohoToken(ctx.emulator.url, { ...ctx.emulator.zoho, refreshToken: '1000.revoked' })).rejects.toThrow()
    expect(ctx.emulator.issuedZohoTokens.size).toBe(0)
  })
})
