/**
 * The Flow Service client on a real HttpClient whose dispatcher is undici's MockAgent: no
 * request leaves the process (net connect disabled), every one is kept in the call history, and
 * retry waits are recorded instead of slept.
 */
import { MockAgent, type MockCallHistoryLog, type MockPool } from 'undici'
import { DataflowsClient } from '../../src/adobe/dataflows.ts'
import { FlowServiceClient } from '../../src/adobe/flow-service.ts'
import type { PlatformSession } from '../../src/adobe/platform.ts'
import type { HttpSettings } from '../../src/http.ts'
import { flowError } from '../emulator/emulator.ts'
import { recordingClock, testClient } from './http-client.ts'

export const PLATFORM = 'https://platform.adobe.io'
export const FLOW = '/data/foundation/flowservice'
export const SPEC_ID = '929e4450-0237-4ed2-9404-b7e1e0a00309'
export const SANDBOX = 'dev-2'
export const ORG_ID = 'ABC123DEF456@AdobeOrg'
export const CLIENT_ID = 'adobe-client-id'
/** The bearer token: it must reach Platform, and nothing else. */
export const TOKEN = 'adobe-bearer-QXJKVWZPQ'

/** A Flow Service error body, as the emulator and Adobe's examples spell it (FLOW-NNNN-SSS). */
export function flowErrorBody(status: number, code: string, message: string): string {
  return JSON.stringify(flowError(status, code, message, 'req-flow-1'))
}

export interface PlatformMock {
  readonly agent: MockAgent
  /** The waits retries asked for, in order. */
  readonly slept: number[]
  /** The interceptors of an origin (Platform's by default). */
  pool(origin?: string): MockPool
  /** A client on a fresh session; `platformUrl` and HTTP settings may be changed. */
  client(options?: {
    platformUrl?: string
    http?: Partial<Pick<HttpSettings, 'maxAttempts' | 'timeoutMs'>>
  }): FlowServiceClient
  /** The dataflows client on a fresh session, as `client` makes one. */
  dataflows(options?: {
    platformUrl?: string
    http?: Partial<Pick<HttpSettings, 'maxAttempts' | 'timeoutMs'>>
  }): DataflowsClient
  /** Every request dispatched, matched by an interceptor or not. */
  calls(): MockCallHistoryLog[]
  close(): Promise<void>
}

export function platformMock(): PlatformMock {
  const agent = new MockAgent({ enableCallHistory: true })
  agent.disableNetConnect()
  const slept: number[] = []
  const session = ({
    platformUrl = PLATFORM,
    http = {}
  }: Parameters<PlatformMock['client']>[0] = {}): PlatformSession => ({
    http: testClient(agent, { clock: recordingClock(slept), ...http }),
    platformUrl,
    clientId: CLIENT_ID,
    orgId: ORG_ID,
    sandbox: SANDBOX,
    accessToken: TOKEN
  })
  return {
    agent,
    slept,
    pool: (origin = PLATFORM) => agent.get(origin),
    client: (options) => new FlowServiceClient(session(options)),
    dataflows: (options) => new DataflowsClient(session(options)),
    calls: () => agent.getCallHistory()?.calls() ?? [],
    close: () => agent.close()
  }
}

/** A header of a logged request, whatever form undici kept the headers in. */
export function headerOf(call: MockCallHistoryLog, name: string): string | undefined {
  const headers = call.headers
  if (!headers) return undefined
  const entries: [string, unknown][] = Array.isArray(headers)
    ? (headers as unknown[]).flatMap((value, i, all) => (i % 2 === 0 ? [[String(value), all[i + 1]]] : []))
    : Object.entries(headers)
  const found = entries.find(([key]) => key.toLowerCase() === name.toLowerCase())
  return found === undefined ? undefined : String(found[1])
}

/** Path and query of a logged request, as sent. */
export function pathOf(call: MockCallHistoryLog): string {
  const url = new URL(call.fullUrl)
  return `${url.pathname}${url.search}`
}
