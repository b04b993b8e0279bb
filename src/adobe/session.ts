/**
 * Signing in to Adobe from the inputs, for either step: the run's HTTP client, the IMS access
 * token and the Platform session the clients share. The post step signs in with these too, and
 * needs nothing else from the main step.
 */
import type { Dispatcher } from 'undici'
import { HttpClient } from '../http.ts'
import type { Inputs } from '../inputs/parse.ts'
import type { Runtime } from '../runtime.ts'
import { USER_AGENT } from '../version.ts'
import { mintImsToken } from './ims.ts'
import type { PlatformSession } from './platform.ts'

/** The run's one HTTP client, with the inputs' timeouts and attempts, and the run's runtime. */
export function newHttpClient(inputs: Inputs, dispatcher: Dispatcher, runtime: Runtime): HttpClient {
  return new HttpClient({
    dispatcher,
    userAgent: USER_AGENT,
    timeoutMs: inputs.requestTimeoutMs,
    maxAttempts: inputs.maxAttempts,
    runtime
  })
}

/** The given adobe-access-token, or one minted at IMS (masked before it is returned). */
export function imsAccessToken(inputs: Inputs, http: HttpClient, mask: (value: string) => void): Promise<string> {
  const { adobe } = inputs
  if ('accessToken' in adobe.auth) return Promise.resolve(adobe.auth.accessToken)
  return mintImsToken(
    http,
    { imsUrl: adobe.imsUrl, clientId: adobe.clientId, clientSecret: adobe.auth.clientSecret, scopes: adobe.scopes },
    mask
  )
}

export function platformSession(
  inputs: Inputs,
  http: HttpClient,
  accessToken: string,
  renewAccessToken?: () => Promise<string>
): PlatformSession {
  return {
    http,
    platformUrl: inputs.adobe.platformUrl,
    clientId: inputs.adobe.clientId,
    orgId: inputs.adobe.orgId,
    sandbox: inputs.sandbox,
    accessToken,
    renewAccessToken
  }
}
