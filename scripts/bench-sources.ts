// The requests and proofs of each source (zoho-crm, hubspot, generic-rest, other) in ensure
// (create), ensure (reuse), repair (one wrong stored param) and check, each run once through the
// built bundle against a fresh emulator. `npm run bench` prints them and writes them to
// docs/performance.md; the counts are the emulator's log, not timings, so one run each suffices.
import { Emulator } from '../__tests__/emulator/emulator.ts'
import { GENERIC_REST_SPEC_ID, HUBSPOT_SPEC_ID, OTHER_SPEC_ID } from '../__tests__/emulator/sources.ts'
import { inputsFor, NO_ZOHO } from '../__tests__/support/fixtures.ts'
import { runAction } from '../__tests__/support/run-action.ts'
import {
  GENERIC_REST_NAME,
  genericRestInputs,
  HUBSPOT_NAME,
  hubspotInputs,
  OTHER_NAME,
  otherInputs
} from '../__tests__/support/sources.ts'

interface Source {
  readonly source: string
  readonly inputs: (emulator: Emulator) => Record<string, string>
  /** A healthy connection of the source, and the params of one a repair must fix. */
  readonly seed: (emulator: Emulator, wrong: boolean) => void
  /** The inputs of a check: the source and its spec, no secret. */
  readonly check: Record<string, string>
}

/** A connection of an auth-params source, healthy or with one param the inputs do not want. */
function seedOf(name: string, specId: string, specName: string, wrong: Record<string, string>) {
  return (emulator: Emulator, isWrong: boolean) => {
    emulator.seedConnection('dev', {
      name,
      auth: { specName, params: { ...emulator.sources.validParams(specId), ...(isWrong ? wrong : {}) } },
      connectionSpec: { id: specId, version: '1.0' }
    })
  }
}

const SOURCES: Source[] = [
  {
    source: 'zoho-crm',
    inputs: () => ({}),
    seed: (emulator, wrong) =>
      emulator.seedConnection('dev', {
        name: 'Zoho CRM base connection',
        auth: {
          specName: 'Basic Authentication',
          params: { ...emulator.validZohoParams(), ...(wrong ? { endpoint: 'https://www.zohoapis.com' } : {}) }
        }
      }),
    check: NO_ZOHO
  },
  {
    source: 'hubspot',
    inputs: (emulator) => hubspotInputs(emulator),
    seed: seedOf(HUBSPOT_NAME, HUBSPOT_SPEC_ID, 'Basic Authentication', { clientId: 'another-hubspot-app' }),
    check: { ...NO_ZOHO, source: 'hubspot' }
  },
  {
    source: 'generic-rest',
    inputs: (emulator) => genericRestInputs(emulator),
    seed: seedOf(GENERIC_REST_NAME, GENERIC_REST_SPEC_ID, 'oAuth2RefreshCode', {
      host: 'https://old.generic.example'
    }),
    check: { ...NO_ZOHO, source: 'generic-rest' }
  },
  {
    source: 'other',
    inputs: (emulator) => otherInputs(emulator),
    seed: seedOf(OTHER_NAME, OTHER_SPEC_ID, 'OAuth2 Client Credential', {
      environmentUrl: 'https://old.my.salesforce.com'
    }),
    check: {
      ...NO_ZOHO,
      source: 'other',
      'connection-spec-id': OTHER_SPEC_ID,
      'auth-spec-name': 'OAuth2 Client Credential',
      'connection-name': OTHER_NAME
    }
  }
]

const SCENARIOS = [
  { name: 'ensure (create)', seed: undefined, check: false, result: 'created' },
  { name: 'ensure (reuse)', seed: 'healthy', check: false, result: 'reused' },
  { name: 'repair', seed: 'wrong', check: false, result: 'repaired' },
  { name: 'check', seed: 'healthy', check: true, result: 'found' }
] as const

/** The routes of the proofs before writing: Zoho's refresh, HubSpot's, a generic token URL's. */
const PROOF_ROUTES: ReadonlySet<string> = new Set(['zoho.token', 'hubspot.token', 'oauth.token'])

export interface SourceRequestsRow {
  readonly source: string
  readonly scenario: string
  readonly requests: number
  readonly proofs: number
  readonly writes: number
  readonly sequence: string
}

export async function sourceRequests(): Promise<SourceRequestsRow[]> {
  const rows: SourceRequestsRow[] = []
  for (const source of SOURCES) {
    for (const scenario of SCENARIOS) {
      const emulator = await new Emulator().start()
      try {
        if (scenario.seed) source.seed(emulator, scenario.seed === 'wrong')
        const inputs = inputsFor(
          emulator,
          scenario.check ? { ...source.check, mode: 'check' } : source.inputs(emulator)
        )
        const run = await runAction(inputs)
        if (run.outputs['result'] !== scenario.result) {
          throw new Error(`${source.source} ${scenario.name}: ${run.errors.join(' ') || run.outputs['result']}`)
        }
        const log = [...emulator.log]
        rows.push({
          source: source.source,
          scenario: scenario.name,
          requests: log.length,
          proofs: log.filter((request) => PROOF_ROUTES.has(request.route)).length,
          writes: emulator.writes().length,
          sequence: log.map((request) => request.route).join(' ')
        })
      } finally {
        await emulator.stop()
      }
    }
  }
  return rows
}

/** The rows as a Markdown table, and each run's requests in order. */
export function sourceRequestsTable(rows: readonly SourceRequestsRow[]): string[] {
  return [
    '| source | run | requests | proofs | writes to Adobe |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row.source} | ${row.scenario} | ${row.requests} | ${row.proofs} | ${row.writes} |`),
    '',
    ...rows.map((row) => `- ${row.source}, ${row.scenario}: ${row.sequence}`)
  ]
}
