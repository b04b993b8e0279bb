/**
 * Zoho's data centres (api-notes.md §4.1). A Zoho account lives in exactly one of them; its accounts
 * server and API domain must both belong to it, or Zoho answers `invalid_client`.
 */

export const ZOHO_REGIONS = ['us', 'eu', 'in', 'au', 'cn', 'jp', 'ca', 'sa', 'uk', 'ae'] as const
export type ZohoRegion = (typeof ZOHO_REGIONS)[number]

export interface ZohoDataCentre {
  readonly region: ZohoRegion
  readonly label: string
  /** The accounts server Zoho documents for the region. */
  readonly accountsUrl: string
  /** The CRM API domain (the connection's `endpoint`). */
  readonly apiDomain: string
  /** Host names, besides the documented ones, that Zoho also serves for this region. */
  readonly accountsHosts: readonly string[]
  readonly apiHosts: readonly string[]
}

function dataCentre(
  region: ZohoRegion,
  label: string,
  apiSuffix: string,
  accountsHosts: readonly [string, ...string[]]
): ZohoDataCentre {
  return {
    region,
    label,
    accountsUrl: `https://${accountsHosts[0]}`,
    apiDomain: `https://www.${apiSuffix}`,
    accountsHosts,
    // Production, sandbox and developer-edition API hosts of one data centre.
    apiHosts: [`www.${apiSuffix}`, `sandbox.${apiSuffix}`, `developer.${apiSuffix}`, apiSuffix]
  }
}

export const ZOHO_DATA_CENTRES: Readonly<Record<ZohoRegion, ZohoDataCentre>> = {
  us: dataCentre('us', 'United States', 'zohoapis.com', ['accounts.zoho.com']),
  eu: dataCentre('eu', 'Europe', 'zohoapis.eu', ['accounts.zoho.eu']),
  in: dataCentre('in', 'India', 'zohoapis.in', ['accounts.zoho.in']),
  au: dataCentre('au', 'Australia', 'zohoapis.com.au', ['accounts.zoho.com.au', 'accounts.zoho.au']),
  cn: dataCentre('cn', 'China', 'zohoapis.com.cn', ['accounts.zoho.com.cn']),
  jp: dataCentre('jp', 'Japan', 'zohoapis.jp', ['accounts.zoho.jp', 'accounts.zohocloud.jp']),
  ca: dataCentre('ca', 'Canada', 'zohoapis.ca', ['accounts.zohocloud.ca']),
  sa: dataCentre('sa', 'Saudi Arabia', 'zohoapis.sa', ['accounts.zoho.sa']),
  uk: dataCentre('uk', 'United Kingdom', 'zohoapis.uk', ['accounts.zoho.uk']),
  ae: dataCentre('ae', 'United Arab Emirates', 'zohoapis.ae', ['accounts.zoho.ae'])
}

/** The data centre a Zoho API host belongs to, or undefined for any other host (an emulator, a gateway). */
export function regionOfApiHost(host: string): ZohoRegion | undefined {
  const name = host.toLowerCase()
  return ZOHO_REGIONS.find((region) => ZOHO_DATA_CENTRES[region].apiHosts.includes(name))
}

export function regionOfAccountsHost(host: string): ZohoRegion | undefined {
  const name = host.toLowerCase()
  return ZOHO_REGIONS.find((region) => ZOHO_DATA_CENTRES[region].accountsHosts.includes(name))
}

export interface ZohoTarget {
  /** Known when any of the three inputs names a Zoho data centre. */
  readonly region: ZohoRegion | undefined
  readonly apiDomain: string
  readonly accountsUrl: string
}

export interface ZohoTargetInputs {
  readonly endpoint: string | undefined
  readonly region: ZohoRegion | undefined
  readonly accountsUrl: string | undefined
}

/**
 * Resolves `zoho-endpoint`, `zoho-region` and `zoho-accounts-url` to one consistent pair.
 * Explicit URLs win over derived ones; URLs on hosts that are not Zoho's (an emulator, a
 * gateway) cannot contradict a region. Returns the problems found, naming the inputs.
 */
export function resolveZohoTarget(
  inputs: ZohoTargetInputs
): { ok: true; target: ZohoTarget } | { ok: false; problems: string[] } {
  const endpointRegion = inputs.endpoint ? regionOfApiHost(new URL(inputs.endpoint).hostname) : undefined
  const accountsRegion = inputs.accountsUrl ? regionOfAccountsHost(new URL(inputs.accountsUrl).hostname) : undefined
  const problems: string[] = []

  if (!inputs.endpoint && !inputs.region) {
    problems.push(
      'zoho-endpoint is required unless zoho-region is given: set zoho-region (one of ' +
        `${ZOHO_REGIONS.join(', ')}) or zoho-endpoint (e.g. https://www.zohoapis.eu)`
    )
  }
  if (inputs.region && endpointRegion && endpointRegion !== inputs.region) {
    problems.push(
      `zoho-endpoint is in Zoho's ${regionLabel(endpointRegion)} data centre but zoho-region is ` +
        `${inputs.region}: use ${ZOHO_DATA_CENTRES[inputs.region].apiDomain} or set zoho-region: ${endpointRegion}`
    )
  }
  if (inputs.region && accountsRegion && accountsRegion !== inputs.region) {
    problems.push(
      `zoho-accounts-url is in Zoho's ${regionLabel(accountsRegion)} data centre but zoho-region is ` +
        `${inputs.region}: use ${ZOHO_DATA_CENTRES[inputs.region].accountsUrl} or leave zoho-accounts-url empty`
    )
  }
  if (!inputs.region && endpointRegion && accountsRegion && endpointRegion !== accountsRegion) {
    problems.push(
      `zoho-accounts-url is in Zoho's ${regionLabel(accountsRegion)} data centre but zoho-endpoint is ` +
        `in ${regionLabel(endpointRegion)}: an account lives in one data centre, use ` +
        `${ZOHO_DATA_CENTRES[endpointRegion].accountsUrl} or leave zoho-accounts-url empty`
    )
  }

  const region = inputs.region ?? endpointRegion ?? accountsRegion
  const apiDomain = inputs.endpoint ?? (region ? ZOHO_DATA_CENTRES[region].apiDomain : undefined)
  const accountsUrl = inputs.accountsUrl ?? (region ? ZOHO_DATA_CENTRES[region].accountsUrl : undefined)
  if (inputs.endpoint && !accountsUrl) {
    problems.push(
      'zoho-accounts-url is required when zoho-endpoint is not a Zoho API domain (the data ' +
        'centre cannot be derived from it): set zoho-accounts-url or zoho-region'
    )
  }
  if (problems.length > 0 || !apiDomain || !accountsUrl) return { ok: false, problems }
  return { ok: true, target: { region, apiDomain, accountsUrl } }
}

/** True when Zoho's `api_domain` answer belongs to the same data centre as the endpoint in use. */
export function sameDataCentre(endpoint: string, apiDomain: string): boolean {
  const a = new URL(endpoint)
  const b = new URL(apiDomain)
  const regionA = regionOfApiHost(a.hostname)
  const regionB = regionOfApiHost(b.hostname)
  if (regionA && regionB) return regionA === regionB
  return a.origin === b.origin
}

export function regionLabel(region: ZohoRegion): string {
  return `${ZOHO_DATA_CENTRES[region].label} (${region})`
}

/** The data centre of an accounts server as users know it: "Europe (eu), https://accounts.zoho.eu". */
export function describeAccountsServer(accountsUrl: string): string {
  const region = regionOfAccountsHost(new URL(accountsUrl).hostname)
  return region ? `${regionLabel(region)}, ${accountsUrl}` : accountsUrl
}
