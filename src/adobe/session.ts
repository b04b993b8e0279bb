/**
 * Signing in to Adobe, for either step: the run's HTTP client, the IMS access token and the
 * Platform session the clients share. The post step signs in with these too, and needs nothing
 * else from the main step.
 */
import type { Dispatcher } from 'undici'
import { HttpClient } from '../http.ts'
import type { Runtime } from '../runtime.ts'
import { USER_AGENT } from '../version.ts'
import { mintImsToken } from './ims.ts'
import type { PlatformSession } from './platform.ts'

/** How a run signs in to Adobe: a given access token skips the client-secret exchange. */
export type AdobeAuth = { readonly clientSecret: string } | { readonly accessToken: string }

/** The Adobe credential and where its services are, as the `adobe-*` inputs give them. */
export interface AdobeCredential {
  readonly clientId: string
  readonly orgId: string
  readonly auth: AdobeAuth
  readonly scopes: readonly string[]
  readonly imsUrl: string
  readonly platformUrl: string
}

/** The run's one HTTP client, with the inputs' timeouts and attempts, and the run's runtime. */
export function newHttpClient(
  limits: { readonly requestTimeoutMs: number; readonly maxAttempts: number },
  dispatcher: Dispatcher,
  runtime: Runtime
): HttpClient {
  return new HttpClient({
    dispatcher,
    userAgent: USER_AGENT,
    timeoutMs: limits.requestTimeoutMs,
    maxAttempts: limits.maxAttempts,
    runtime
  })
}

/** The given adobe-access-token, or one minted at IMS (masked before it is returned). */
export function imsAccessToken(
  adobe: AdobeCredential,
  http: HttpClient,
  mask: (value: string) => void
): Promise<string> {
  if ('accessToken' in adobe.auth) return Promise.resolve(adobe.auth.accessToken)
  return mintImsToken(
    http,
    { imsUrl: adobe.imsUrl, clientId: adobe.clientId, clientSecret: adobe.auth.clientSecret, scopes: adobe.scopes },
    mask
  )
}

export function platformSession(
  adobe: AdobeCredential,
  sandbox: string,
  http: HttpClient,
  accessToken: string,
  renewAccessToken?: () => Promise<string>,
  tokenMintedByRun = renewAccessToken !== undefined
): PlatformSession {
  return {
    http,
    platformUrl: adobe.platformUrl,
    clientId: adobe.clientId,
    orgId: adobe.orgId,
    sandbox,
    accessToken,
    renewAccessToken,
    tokenMintedByRun
  }
}
