import type { Dispatcher } from 'undici'
import { FlowServiceClient } from './adobe/flow-service.ts'
import { mintImsToken } from './adobe/ims.ts'
import type { PlatformSession } from './adobe/platform.ts'
import { listAvailableSandboxes } from './adobe/sandboxes.ts'
import { ActionError, describeFailure } from './errors.ts'
import { createDispatcher, HttpClient } from './http.ts'
import { writesZohoCredentials, type Inputs } from './inputs.ts'
import { connectionBody, describedBy, expectedParams, newRunMarker } from './connection-request.ts'
import { writtenParamsDigest } from './decisions.ts'
import { executePlan } from './plan.ts'
import { createdForCleanup, stepOutputs } from './outputs.ts'
import { newReport, withWhatExists, type Report } from './report.ts'
import { RunnerOutput } from './runner-output.ts'
import { systemRuntime, type Runtime } from './runtime.ts'
import type { SecretRegistry } from './secrets.ts'
import { appendSummary, renderSummary } from './summary.ts'
import { USER_AGENT } from './version.ts'
import { CREATED_STATE } from './vocabulary.ts'
import { accessTokenToStore } from './zoho/oauth.ts'
import { describeAccountsServer } from './zoho/regions.ts'

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
  const zoho = { called: false }
  let dispatcher: Dispatcher | undefined
  let failure: string | undefined
  try {
    dispatcher = createDispatcher()
    await provision(inputs, dispatcher, secrets, report, out, startedAt + inputs.timeoutMs, zoho)
  } catch (error) {
    failure = out.line(withWhatExists(describeFailure(error), report))
  } finally {
    await dispatcher?.close().catch(() => undefined)
  }
  try {
    writeOutputs(inputs, report, secrets, out, failure)
  } catch (error) {
    // A runner that gives no writable GITHUB_OUTPUT: the step cannot hand anything on.
    failure ??= out.line(`Could not write the step outputs: ${describeFailure(error)}`)
  }
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
          // Only where Zoho was asked: a run that reused, checked or deleted never involved it.
          zohoDataCentre:
            zoho.called && inputs.zoho.target ? describeAccountsServer(inputs.zoho.target.accountsUrl) : undefined
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
  deadlineAt: number,
  zoho: { called: boolean }
) {
  const mask = (value: string) => secrets.register(value)
  const runtime = systemRuntime(out, deadlineAt)
  const http = newHttpClient(inputs, dispatcher, runtime)
  const writing = writesZohoCredentials(inputs) ? inputs : undefined
  const zohoAccessToken = once(async () => {
    if (!writing) throw new ActionError(`${inputs.mode} mode never writes Zoho credentials`)
    const { target, clientId, clientSecret, refreshToken, token } = writing.zoho
    zoho.called = token.check === 'token'
    return accessTokenToStore(
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
      (message) => out.info(message)
    )
  })

  // create always writes Zoho credentials, so its one refresh runs alongside the IMS exchange.
  const writesNow = inputs.mode === 'create' && !inputs.dryRun
  const [accessToken] = await out.group(
    writesNow ? 'Sign in to Adobe IMS and Zoho' : 'Sign in to Adobe IMS',
    async () => {
      const tokens = await Promise.all([imsAccessToken(inputs, http, mask), writesNow ? zohoAccessToken() : undefined])
      out.info(
        'accessToken' in inputs.adobe.auth
          ? 'Using the given adobe-access-token'
          : 'Adobe IMS issued an access token (masked)'
      )
      return tokens
    }
  )
  if ('missing' in inputs.zoho) {
    const missing = inputs.zoho.missing
    const message =
      `This dry run calls no Zoho, so it needs no ${missing.join(', ')}; a real ${inputs.mode} run needs ` +
      `${missing.length === 1 ? 'it' : 'them'} (it stores the Zoho credentials in the connection) and stops without.`
    out.warning(message)
    report.warnings.push(message)
  }
  const session = platformSession(
    inputs,
    http,
    accessToken,
    'clientSecret' in inputs.adobe.auth ? () => imsAccessToken(inputs, http, mask) : undefined
  )
  const runMarker = newRunMarker()
  const wanted = expectedParams(inputs)
  const description = once(() => describedBy(inputs.connection, runMarker))
  await executePlan({
    settings: {
      mode: inputs.mode,
      sandbox: inputs.sandbox,
      orgId: inputs.adobe.orgId,
      dryRun: inputs.dryRun,
      onExisting: inputs.onExisting,
      verify: inputs.verify,
      verifyTables: inputs.verifyTables,
      name: inputs.connection.name,
      connectionId: inputs.connectionId,
      specId: inputs.connection.specId,
      authSpecName: inputs.connection.authSpecName,
      maxAttempts: inputs.maxAttempts,
      settleTimeoutMs: inputs.settleTimeoutMs,
      runMarker,
      expectedParams: wanted,
      connectionBody: async (zohoToken) => {
        if (!writing) throw new ActionError(`${inputs.mode} mode never writes a connection`)
        // The body's params tag digests zoho-client-id: masked like every value derived from a secret.
        mask(writtenParamsDigest(wanted))
        return connectionBody(writing, await description(), zohoToken)
      }
    },
    services: {
      store: new FlowServiceClient(session),
      listSandboxes: () => listAvailableSandboxes(session),
      zohoAccessToken,
      runtime
    },
    report
  })
}

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

function writeOutputs(
  inputs: Inputs,
  report: Report,
  secrets: SecretRegistry,
  out: RunnerOutput,
  failure: string | undefined
): void {
  for (const [name, value] of Object.entries(stepOutputs(inputs, report, failure))) {
    // Never masked by this action; but a value containing someone's secret cannot cross jobs.
    if (value && secrets.appearsIn(value)) {
      out.warning(`Output ${name} contained the value of a secret input; it is set with that value redacted.`)
    }
    out.setOutput(name, value)
  }
  if (inputs.cleanup === 'created') out.saveState(CREATED_STATE, createdForCleanup(report))
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined
  return () => (promise ??= make())
}
