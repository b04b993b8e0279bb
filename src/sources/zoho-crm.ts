/**
 * The Zoho CRM source: its connection params from the `zoho-*` inputs (api-notes.md §2.2), the one
 * refresh at Zoho that proves them before they are written (§4.2, §5.8), how its stored params
 * compare (Zoho hosts by data centre, client ids by Zoho's form), and the words the plan's
 * messages need for it.
 */
import type { HttpClient } from '../http.ts'
import type { Inputs, WritingInputs } from '../inputs/parse.ts'
import type { ParamExpectation } from '../plan/source.ts'
import type { SourceForRun } from './source-for-run.ts'
import { accessTokenToStore } from '../zoho/oauth.ts'
import { describeAccountsServer, regionOfAccountsHost, regionOfApiHost, type ZohoRegion } from '../zoho/regions.ts'
import { canonicalUrl, readHttpUrl } from '../param-forms.ts'
import { compareUrls, notAFormOfUrl, shownNothing } from './param-rules.ts'

export const ZOHO_CRM_LABEL = 'Zoho CRM'

/** The params of a Zoho CRM base connection, in the order Adobe documents them (§2.2). */
export const ZOHO_AUTH_PARAMS = ['endpoint', 'accountsUrl', 'clientId', 'clientSecret', 'accessToken', 'refreshToken']

/** The form Zoho gives its client ids (`1000.` and upper-case letters and digits). */
const ZOHO_CLIENT_ID = /^\d+\.[A-Za-z0-9]+$/

type RegionOf = (host: string) => ZohoRegion | undefined

/**
 * A URL param on a Zoho host (or a gateway or emulator in its place): a Zoho host is compared by
 * the data centre it belongs to, any other host canonically.
 */
function zohoUrlParam(name: string, wanted: string, regionOf: RegionOf): ParamExpectation {
  return {
    name,
    wanted,
    secret: false,
    compare: (shown) =>
      compareUrls(shown, wanted, (stored, want) => {
        const storedRegion = regionOf(stored.hostname)
        const wantedRegion = regionOf(want.hostname)
        if (storedRegion || wantedRegion) return storedRegion === wantedRegion
        return canonicalUrl(stored) === canonicalUrl(want)
      }),
    notAFormOfWanted: (shown) => {
      // Zoho hosts are one value per data centre; any other host is compared as any URL is.
      const storedRegion = regionOfUrl(shown, regionOf)
      const wantedRegion = regionOfUrl(wanted, regionOf)
      if (!storedRegion && !wantedRegion) return notAFormOfUrl(shown, wanted)
      if (storedRegion === wantedRegion) return undefined
      if (!storedRegion) return "a host outside Zoho's data centres"
      if (!wantedRegion) return 'a Zoho host, not the host written'
      return 'another Zoho data centre'
    }
  }
}

function regionOfUrl(text: string, regionOf: RegionOf): ZohoRegion | undefined {
  const url = readHttpUrl(text)
  return url && regionOf(url.hostname)
}

/** The `endpoint` param: the Zoho CRM API domain. */
export function zohoEndpointParam(wanted: string): ParamExpectation {
  return zohoUrlParam('endpoint', wanted, regionOfApiHost)
}

/** The `accountsUrl` param: the Zoho accounts server. */
export function zohoAccountsUrlParam(wanted: string): ParamExpectation {
  return zohoUrlParam('accountsUrl', wanted, regionOfAccountsHost)
}

/** The `clientId` param, from a secret input: compared only in the form Zoho gives client ids. */
export function zohoClientIdParam(wanted: string): ParamExpectation {
  return {
    name: 'clientId',
    wanted,
    secret: true,
    compare: (shown) => {
      if (shownNothing(shown)) return 'unknown'
      const value = shown.trim()
      if (!ZOHO_CLIENT_ID.test(value)) return 'unknown'
      return value.toLowerCase() === wanted.trim().toLowerCase() ? 'same' : 'different'
    },
    // Compared only in Zoho's own form, case aside: a value that still differs is another client.
    notAFormOfWanted: () => 'another client id'
  }
}

/** What repair compares: the params Adobe may show in clear, as the inputs resolve them. */
export function zohoExpectedParams(inputs: Inputs): ParamExpectation[] {
  const { target } = inputs.zoho
  if (!target) return []
  return [
    zohoEndpointParam(target.apiDomain),
    zohoAccountsUrlParam(target.accountsUrl),
    ...('clientId' in inputs.zoho ? [zohoClientIdParam(inputs.zoho.clientId)] : [])
  ]
}

/** The six auth params of a Zoho CRM base connection (§2.2), with the access token to store. */
export function zohoAuthParams(inputs: WritingInputs, accessToken: string): Record<string, string> {
  const { zoho } = inputs
  return {
    endpoint: zoho.target.apiDomain,
    accountsUrl: zoho.target.accountsUrl,
    clientId: zoho.clientId,
    clientSecret: zoho.clientSecret,
    accessToken,
    refreshToken: zoho.refreshToken
  }
}

export const ZOHO_CRM_ADVICE = {
  afterCreate: 'check the Zoho credentials and data centre, then rerun (on-existing: repair replaces them)',
  afterWrite:
    'its credentials were just replaced, so check zoho-client-id, zoho-client-secret, zoho-refresh-token and the Zoho data centre',
  missingTables:
    'give the Zoho user whose refresh token the connection holds access to those modules, or correct verify-tables',
  withdrawn:
    'Adobe announced the deprecation of the Zoho CRM source for the end of June 2025, so it may have been withdrawn; ' +
    'if you meant another source, check connection-spec-id.'
} as const

/** A dry run without the Zoho secrets: what a real run needs that this one lacks. */
function zohoDryRunWarning(inputs: Inputs): string | undefined {
  if (!('missing' in inputs.zoho)) return undefined
  const missing = inputs.zoho.missing
  return (
    `This dry run calls no Zoho, so it needs no ${missing.join(', ')}; a real ${inputs.mode} run needs ` +
    `${missing.length === 1 ? 'it' : 'them'} (it stores the Zoho credentials in the connection) and stops without.`
  )
}

/**
 * The Zoho CRM source of one run. Its proof (one refresh at Zoho, with `zoho-check: token`) runs
 * at most once, on the first call of `authParams`; a run that never writes never calls it.
 */
export function zohoCrmSource(
  inputs: Inputs,
  http: HttpClient,
  mask: (value: string) => void,
  log: (message: string) => void
): SourceForRun {
  let asked = false
  let params: Promise<Record<string, string>> | undefined
  const authParams = (): Promise<Record<string, string>> => {
    if (!('clientId' in inputs.zoho) || !('token' in inputs.zoho)) {
      return Promise.reject(new Error(`${inputs.mode} mode never writes Zoho credentials`))
    }
    const writing = inputs as WritingInputs
    return (params ??= (async () => {
      const { target, clientId, clientSecret, refreshToken, token } = writing.zoho
      asked = token.check === 'token'
      const accessToken = await accessTokenToStore(
        http,
        {
          accountsUrl: target.accountsUrl,
          endpoint: target.apiDomain,
          clientId,
          clientSecret,
          refreshToken,
          region: target.region
        },
        token,
        mask,
        log
      )
      return zohoAuthParams(writing, accessToken)
    })())
  }
  return {
    label: ZOHO_CRM_LABEL,
    expectedParams: zohoExpectedParams(inputs),
    authParams,
    advice: ZOHO_CRM_ADVICE,
    paramNames: ZOHO_AUTH_PARAMS,
    provesBeforeSpec: true,
    dryRunWarning: () => zohoDryRunWarning(inputs),
    managedBy: 'Managed by the AEP Zoho CRM connection GitHub Action',
    summaryRows: () => {
      const { target } = inputs.zoho
      // Only where Zoho was asked: a run that reused, checked or deleted never involved it.
      return asked && target ? [['Zoho data centre', describeAccountsServer(target.accountsUrl)]] : []
    }
  }
}
