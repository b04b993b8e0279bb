import type { Dispatcher } from 'undici'
import { FlowServiceClient, type CreateConnectionRequest } from './adobe/flow-service.ts'
import { mintImsToken } from './adobe/ims.ts'
import type { PlatformSession } from './adobe/platform.ts'
import { listAvailableSandboxes } from './adobe/sandboxes.ts'
import { ActionError, describeFailure } from './errors.ts'
import { createDispatcher, HttpClient, systemClock } from './http.ts'
import type { Inputs } from './inputs.ts'
import { executePlan, newReport, type Report } from './plan.ts'
import { RunnerOutput } from './runner-output.ts'
import type { SecretRegistry } from './secrets.ts'
import { appendSummary, renderSummary } from './summary.ts'
import { USER_AGENT } from './version.ts'
import { refreshZohoAccessToken } from './zoho/oauth.ts'
import { describe as describeRegion, regionOfAccountsHost } from './zoho/regions.ts'

/** What the run saw that its summary shows besides the report. */
interface Observed {
  readonly warnings: string[]
  tables?: number
}

/**
 * Everything a run with valid inputs does: sign in, execute the plan, then write the outputs and
 * the job summary, both even when the plan failed. Returns the failure, already redacted.
 */
export async function provisionAndReport(
  inputs: Inputs,
  secrets: SecretRegistry,
  startedAt: number
): Promise<string | undefined> {
  const report = newReport()
  const out = new RunnerOutput(secrets)
  const observed: Observed = { warnings: [] }
  let dispatcher: Dispatcher | undefined
  let failure: string | undefined
  try {
    dispatcher = createDispatcher()
    await provision(inputs, dispatcher, secrets, report, out, observed)
  } catch (error) {
    failure = out.line(describeFailure(error))
  } finally {
    await dispatcher?.close().catch(() => undefined)
  }
  try {
    writeOutputs(inputs, report, secrets, out)
  } catch (error) {
    // A runner that gives no writable GITHUB_OUTPUT: the step cannot hand anything on.
    failure ??= out.line(`Could not write the step outputs: ${describeFailure(error)}`)
  }
  const region = inputs.zoho.target && regionOfAccountsHost(new URL(inputs.zoho.target.accountsUrl).hostname)
  try {
    appendSummary(
      renderSummary(
        {
          mode: inputs.mode,
          sandbox: inputs.sandbox,
          name: inputs.connection.name,
          dryRun: inputs.dryRun,
          report,
          elapsedMs: Date.now() - startedAt,
          failure,
          verify: inputs.verify,
          tables: observed.tables,
          zohoDataCentre:
            inputs.zoho.target &&
            (region ? `${describeRegion(region)}, ${inputs.zoho.target.accountsUrl}` : inputs.zoho.target.accountsUrl),
          warnings: observed.warnings
        },
        (text) => secrets.redact(text)
      )
    )
  } catch (error) {
    out.warning(`Could not write the job summary: ${describeFailure(error)}`)
  }
  return failure
}

async function provision(
  inputs: Inputs,
  dispatcher: Dispatcher,
  secrets: SecretRegistry,
  report: Report,
  out: RunnerOutput,
  observed: Observed
) {
  const mask = (value: string) => secrets.register(value)
  const http = new HttpClient({
    dispatcher,
    userAgent: USER_AGENT,
    timeoutMs: inputs.requestTimeoutMs,
    maxAttempts: inputs.maxAttempts,
    clock: systemClock,
    random: Math.random,
    log: { debug: (message) => out.debug(message), info: (message) => out.info(message) }
  })
  const zohoAccessToken = once(() => zohoTokenFor(inputs, http, mask, out))

  const { adobe } = inputs
  const imsToken = adobe.accessToken
    ? Promise.resolve(adobe.accessToken)
    : mintImsToken(
        http,
        {
          imsUrl: adobe.imsUrl,
          clientId: adobe.clientId,
          clientSecret: adobe.clientSecret ?? '',
          scopes: adobe.scopes
        },
        mask
      )
  // create always writes Zoho credentials, so its one refresh runs alongside the IMS exchange.
  const writesNow = inputs.mode === 'create' && !inputs.dryRun
  const [accessToken] = await out.group(
    writesNow ? 'Sign in to Adobe IMS and Zoho' : 'Sign in to Adobe IMS',
    async () => {
      const tokens = await Promise.all([imsToken, writesNow ? zohoAccessToken() : undefined])
      out.info(adobe.accessToken ? 'Using the given adobe-access-token' : 'Adobe IMS issued an access token (masked)')
      return tokens
    }
  )

  const session: PlatformSession = {
    http,
    platformUrl: adobe.platformUrl,
    clientId: adobe.clientId,
    orgId: adobe.orgId,
    sandbox: inputs.sandbox,
    accessToken
  }
  // Only a run that writes needs the description, and only then is @actions/github loaded.
  const description = once(async () => inputs.connection.description ?? (await defaultDescription()))
  await executePlan(
    {
      mode: inputs.mode,
      sandbox: inputs.sandbox,
      orgId: adobe.orgId,
      dryRun: inputs.dryRun,
      onExisting: inputs.onExisting,
      verify: inputs.verify,
      name: inputs.connection.name,
      connectionId: inputs.connection.id,
      specId: inputs.connection.specId,
      authSpecName: inputs.connection.authSpecName,
      maxAttempts: inputs.maxAttempts,
      connectionBody: async (zohoToken) => connectionBody(inputs, await description(), zohoToken)
    },
    {
      store: observeTables(new FlowServiceClient(session), observed),
      listSandboxes: () => listAvailableSandboxes(session),
      zohoAccessToken,
      clock: systemClock,
      random: Math.random,
      log: {
        info: (message) => out.info(message),
        warning: (message) => {
          observed.warnings.push(message)
          out.warning(message)
        }
      },
      phase: (title, work) => out.group(title, work)
    },
    report
  )
}

/** `zoho-check: token` refreshes once (proving client, secret, refresh token and data centre). */
async function zohoTokenFor(
  inputs: Inputs,
  http: HttpClient,
  mask: (value: string) => void,
  out: RunnerOutput
): Promise<string> {
  const { zoho } = inputs
  if (!zoho.target || !zoho.clientId || !zoho.clientSecret || !zoho.refreshToken) {
    throw new ActionError('Zoho credentials are missing for a run that writes them')
  }
  if (zoho.check === 'none') return zoho.accessToken ?? ''
  const minted = await refreshZohoAccessToken(
    http,
    {
      accountsUrl: zoho.target.accountsUrl,
      endpoint: zoho.target.apiDomain,
      clientId: zoho.clientId,
      clientSecret: zoho.clientSecret,
      refreshToken: zoho.refreshToken
    },
    mask
  )
  out.info(
    `Zoho issued an access token (masked) at ${zoho.target.accountsUrl}: client, secret, refresh token and data centre are valid`
  )
  return zoho.accessToken ?? minted
}

/** The body of apis.md §2.3: name, description, the six auth params, the spec. */
export function connectionBody(inputs: Inputs, description: string, zohoAccessToken: string): CreateConnectionRequest {
  const { zoho, connection } = inputs
  return {
    name: connection.name,
    description,
    auth: {
      specName: connection.authSpecName,
      params: {
        endpoint: zoho.target?.apiDomain ?? '',
        accountsUrl: zoho.target?.accountsUrl ?? '',
        clientId: zoho.clientId ?? '',
        clientSecret: zoho.clientSecret ?? '',
        accessToken: zohoAccessToken,
        refreshToken: zoho.refreshToken ?? ''
      }
    },
    connectionSpec: { id: connection.specId, version: connection.specVersion }
  }
}

async function defaultDescription(): Promise<string> {
  const repository = process.env['GITHUB_REPOSITORY']
  const workflow = process.env['GITHUB_WORKFLOW']
  if (!repository) return 'Managed by the AEP Zoho CRM connection GitHub Action'
  const { context } = await import('@actions/github')
  return `Managed by GitHub Actions: ${context.repo.owner}/${context.repo.repo}${workflow ? `, workflow "${context.workflow}"` : ''}`
}

function writeOutputs(inputs: Inputs, report: Report, secrets: SecretRegistry, out: RunnerOutput): void {
  const outputs: Record<string, string> = {
    'connection-id': report.connectionId ?? '',
    etag: report.etag ?? '',
    state: report.state ?? '',
    result: report.result ?? '',
    created: String(report.created),
    verified: report.verified,
    sandbox: inputs.sandbox,
    'zoho-api-domain': inputs.zoho.target?.apiDomain ?? '',
    'zoho-accounts-url': inputs.zoho.target?.accountsUrl ?? ''
  }
  for (const [name, value] of Object.entries(outputs)) {
    // Never masked by this action; but a value containing someone's secret cannot cross jobs.
    if (value && secrets.appearsIn(value)) {
      out.warning(`Output ${name} contained the value of a secret input; it is set with that value redacted.`)
    }
    out.setOutput(name, value)
  }
}

/** Counts the tables `explore` lists, for the summary's verification line. */
function observeTables(store: FlowServiceClient, observed: Observed): FlowServiceClient {
  const exploreRoot = store.exploreRoot.bind(store)
  store.exploreRoot = async (id) => (observed.tables = await exploreRoot(id))
  return store
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined
  return () => (promise ??= make())
}
