// `npm run bench`: how fast the built action is, as medians of repeated runs in one invocation.
//   - cold start: `node dist/index.js` exiting on a bad input, against `node -e 0` (same binary);
//   - the bundle's size, and the peak RSS of a full run;
//   - wall time of each mode against the emulator at 0, 50 and 100 ms added latency, next to the
//     lower bound (dependent round trips × latency + cold start);
//   - requests per mode, how many waited on each other, how many ran at once, and repeats;
//   - what each `dataflows` setting adds to check and ensure, against `dataflows: skip` on the
//     same connection with the same dataflows;
//   - when a full run sends its first request, to set beside the cold start: the difference is
//     what only a run that talks to a server loads (undici, @actions/core, the clients).
//   - per source, the requests, proofs and writes of ensure, reuse, repair and check (bench-sources.ts).
// Prints a table, writes the same figures to bench-results/bench.json, and writes docs/performance.md
// (committed: the figures of the last run, with its date and machine).
//   node scripts/bench.ts [--runs 7] [--out bench-results/bench.json] [--page docs/performance.md]
import { spawn } from 'node:child_process'
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { dirname, join } from 'node:path'
import { parseArgs } from 'node:util'
import { Emulator, type LoggedRequest } from '../__tests__/emulator/emulator.ts'
import { inputsFor, NO_ZOHO } from '../__tests__/support/fixtures.ts'
import { DIST, inputVariable, ROOT, runAction } from '../__tests__/support/run-action.ts'
import { sourceRequests, sourceRequestsTable } from './bench-sources.ts'

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    out: { type: 'string', default: 'bench-results/bench.json' },
    page: { type: 'string', default: 'docs/performance.md' }
  }
})
const RUNS = Number(values.runs)
const RSS_PROBE = join(ROOT, 'scripts', 'rss-probe.cjs')
const LATENCIES = [0, 50, 100]

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}
const round = (x: number, digits = 0) => Number(x.toFixed(digits))

/** Runs a command and resolves with its wall time in ms (and peak RSS in KiB when probed). */
function timed(args: string[], env: NodeJS.ProcessEnv): Promise<{ ms: number; exitCode: number | null }> {
  return new Promise((resolve) => {
    const started = performance.now()
    const child = spawn(process.execPath, args, { env, stdio: 'ignore' })
    child.on('close', (exitCode) => resolve({ ms: performance.now() - started, exitCode }))
  })
}

async function coldStart() {
  const bad = { PATH: process.env['PATH'] ?? '', [inputVariable('sandbox')]: '' }
  const baseline: number[] = []
  const action: number[] = []
  for (let i = 0; i < Math.max(RUNS * 2, 11); i++) {
    // Interleaved, so that any drift of the machine touches both alike.
    baseline.push((await timed(['-e', '0'], { PATH: bad.PATH })).ms)
    const run = await timed([DIST], bad)
    if (run.exitCode !== 1) throw new Error(`expected the bad-input run to exit 1, got ${run.exitCode}`)
    action.push(run.ms)
  }
  return {
    nodeMs: round(median(baseline), 1),
    actionMs: round(median(action), 1),
    ratio: round(median(action) / median(baseline), 2)
  }
}

function bundleBytes() {
  const dist = join(ROOT, 'dist')
  // The main entry; the post step's bundle (dist/post/) is counted in total only.
  const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dist, f)).isFile())
  const js = files.filter((f) => !f.includes('/') && (f.endsWith('.js') || f.endsWith('.cjs')))
  return {
    javascript: js.reduce((sum, f) => sum + statSync(join(dist, f)).size, 0),
    total: files.reduce((sum, f) => sum + statSync(join(dist, f)).size, 0)
  }
}

/** Longest chain of requests each of which started only after the previous one ended. */
function criticalPath(log: readonly LoggedRequest[]): number {
  const sorted = [...log].sort((a, b) => a.startedAt - b.startedAt)
  const depth: number[] = []
  sorted.forEach((request, i) => {
    let best = 0
    for (let j = 0; j < i; j++) if (sorted[j]!.endedAt <= request.startedAt) best = Math.max(best, depth[j]!)
    depth.push(best + 1)
  })
  return Math.max(0, ...depth)
}

function maxConcurrent(log: readonly LoggedRequest[]): number {
  return Math.max(0, ...log.map((r) => log.filter((o) => o.startedAt <= r.startedAt && o.endedAt > r.startedAt).length))
}

function repeats(log: readonly LoggedRequest[]): number {
  const seen = new Set<string>()
  let repeated = 0
  for (const r of log) {
    const key = `${r.method} ${r.path}${r.query}`
    if (seen.has(key)) repeated++
    seen.add(key)
  }
  return repeated
}

interface ModeCase {
  readonly name: string
  readonly inputs: Record<string, string>
  readonly seed: boolean
  readonly expectedResult: string
  /** Adobe's listing trailing creates by this much: what settling costs a creating run. */
  readonly listLagMs?: number
  /** Dataflows on the seeded connection, each with a successful run (each on its own source connection). */
  readonly dataflows?: number
  /** The row this one is measured against: `dataflows: skip` on the same connection. */
  readonly against?: string
}

/** check and ensure (reuse) with each `dataflows` setting, on a connection with two dataflows that ran. */
const DATAFLOW_CASES: ModeCase[] = (
  [
    ['check', { ...NO_ZOHO, mode: 'check' }, 'found'],
    ['ensure (reuse)', {}, 'reused']
  ] as const
).flatMap(([name, inputs, expectedResult]) =>
  (['skip', 'list', 'healthy'] as const).map((setting) => ({
    name: `${name}, dataflows: ${setting}, 2 dataflows`,
    inputs: { ...inputs, dataflows: setting },
    seed: true,
    expectedResult,
    dataflows: 2,
    ...(setting === 'skip' ? {} : { against: `${name}, dataflows: skip, 2 dataflows` })
  }))
)

const MODES: ModeCase[] = [
  { name: 'ensure (create)', inputs: {}, seed: false, expectedResult: 'created' },
  { name: 'ensure (create), list 1 s behind', inputs: {}, seed: false, expectedResult: 'created', listLagMs: 1000 },
  { name: 'ensure (reuse)', inputs: {}, seed: true, expectedResult: 'reused' },
  { name: 'create', inputs: { mode: 'create' }, seed: false, expectedResult: 'created' },
  { name: 'check', inputs: { ...NO_ZOHO, mode: 'check' }, seed: true, expectedResult: 'found' },
  { name: 'delete', inputs: { ...NO_ZOHO, mode: 'delete' }, seed: true, expectedResult: 'deleted' },
  ...DATAFLOW_CASES,
  {
    name: 'check, dataflows: list, no dataflow',
    inputs: { ...NO_ZOHO, mode: 'check', dataflows: 'list' },
    seed: true,
    expectedResult: 'found',
    against: 'check'
  }
]

async function modeTimings(cold: number) {
  const rows = []
  for (const latency of LATENCIES) {
    for (const mode of MODES) {
      const walls: number[] = []
      let sample: LoggedRequest[] = []
      let peakRssKiB = 0
      const firstRequests: number[] = []
      for (let i = 0; i < RUNS; i++) {
        const emulator = await new Emulator({ latencyMs: latency, listLagMs: mode.listLagMs ?? 0 }).start()
        try {
          if (mode.seed) {
            const seeded = emulator.seedConnection('dev', { name: 'Zoho CRM base connection' })
            for (let n = 0; n < (mode.dataflows ?? 0); n++) {
              emulator.pipeline.seedDataflow('dev', seeded.id, { name: `Dataflow ${n + 1}`, runs: ['success'] })
            }
          }
          const run = await runAction(inputsFor(emulator, mode.inputs), {
            env: { NODE_OPTIONS: `--require ${RSS_PROBE}` }
          })
          if (run.outputs['result'] !== mode.expectedResult)
            throw new Error(`${mode.name}: ${run.errors.join(' ') || run.outputs['result']}`)
          walls.push(run.durationMs)
          firstRequests.push(Math.min(...emulator.log.map((r) => r.startedAt)) - run.spawnedAtMs)
          sample = [...emulator.log]
          peakRssKiB = Math.max(peakRssKiB, rssOf(run.stderr))
        } finally {
          await emulator.stop()
        }
      }
      const dependent = criticalPath(sample)
      // With a lagging listing, the least a run can take is the round trips it needs when the
      // listing is current, plus the lag itself: the extra lookups while it waits are the cost.
      const current: { dependentRoundTrips: number } | undefined = rows.find(
        (row) => row.latencyMs === latency && row.mode === 'ensure (create)'
      )
      const lowerBound: number =
        mode.listLagMs && current
          ? current.dependentRoundTrips * latency + cold + mode.listLagMs
          : dependent * latency + cold
      rows.push({
        mode: mode.name,
        latencyMs: latency,
        wallMs: round(median(walls)),
        lowerBoundMs: round(lowerBound),
        ratio: round(median(walls) / lowerBound, 2),
        firstRequestMs: round(median(firstRequests)),
        // The same wall time against the startup a full run really has: what it loads before its
        // first request, which a bad input never loads.
        ratioFromFirstRequest: round(median(walls) / (dependent * latency + median(firstRequests)), 2),
        requests: sample.length,
        dependentRoundTrips: dependent,
        maxConcurrent: maxConcurrent(sample),
        repeatedRequests: repeats(sample),
        sequence: sample.map((r) => r.route).join(' '),
        peakRssMiB: round(peakRssKiB / 1024, 1)
      })
    }
  }
  return rows
}

/** The probe (scripts/rss-probe.cjs) prints the child's peak RSS to stderr on exit. */
function rssOf(stderr: string): number {
  const match = /bench-peak-rss-kib=(\d+)/.exec(stderr)
  return match ? Number(match[1]) : 0
}

const cold = await coldStart()
const bundle = bundleBytes()
const modes = await modeTimings(cold.actionMs)
const sources = await sourceRequests()
const results = { node: process.version, runs: RUNS, coldStart: cold, bundleBytes: bundle, modes, sources }

const header =
  '| mode | latency | wall (ms) | lower bound (ms) | ratio | first request at (ms) | ratio from first request | requests | dependent round trips | max at once | repeats |'
const rows = modes.map(
  (m) =>
    `| ${m.mode} | ${m.latencyMs} ms | ${m.wallMs} | ${m.lowerBoundMs} | ${m.ratio} | ${m.firstRequestMs} | ${m.ratioFromFirstRequest} | ${m.requests} | ${m.dependentRoundTrips} | ${m.maxConcurrent} | ${m.repeatedRequests} |`
)
const summary = [
  `Node ${process.version}, medians of ${RUNS} runs (cold start: ${Math.max(RUNS * 2, 11)})`,
  `cold start: action ${cold.actionMs} ms, node -e 0 ${cold.nodeMs} ms, ratio ${cold.ratio}`,
  `bundle: ${bundle.javascript} bytes of JavaScript (${bundle.total} bytes in dist/ with maps and licenses)`,
  `peak RSS of a full run: ${Math.max(...modes.map((m) => m.peakRssMiB))} MiB`
]
const sequences = modes.filter((row) => row.latencyMs === 0).map((m) => `${m.mode}: ${m.sequence}`)
const perSource = sourceRequestsTable(sources)
/** What a `dataflows` setting adds to its mode, against the same run with `dataflows: skip`. */
const added = MODES.filter((mode) => mode.against).flatMap((mode) =>
  LATENCIES.map((latency) => {
    const row = modes.find((m) => m.mode === mode.name && m.latencyMs === latency)
    const base = modes.find((m) => m.mode === mode.against && m.latencyMs === latency)
    if (!row || !base) throw new Error(`no row to measure ${mode.name} against`)
    return `| ${mode.name} | ${mode.against} | ${latency} ms | +${row.requests - base.requests} | +${row.dependentRoundTrips - base.dependentRoundTrips} | ${row.wallMs - base.wallMs >= 0 ? '+' : ''}${row.wallMs - base.wallMs} |`
  })
)
const addedHeader = '| run | against | latency | requests | dependent round trips | wall (ms) |'
console.log(
  [
    ...summary,
    '',
    header,
    header.replace(/[^|]+/g, ' --- '),
    ...rows,
    '',
    addedHeader,
    addedHeader.replace(/[^|]+/g, ' --- '),
    ...added,
    '',
    ...sequences,
    '',
    ...perSource
  ].join('\n')
)
mkdirSync(dirname(join(ROOT, values.out)), { recursive: true })
writeFileSync(join(ROOT, values.out), `${JSON.stringify({ ...results, dataflowsAdd: added }, null, 2)}\n`)
writeFileSync(
  join(ROOT, values.page),
  [
    '# Performance figures',
    '',
    `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}, on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}).`,
    'Each mode runs against the loopback emulator with 0, 50 and 100 ms added to every request; the',
    'lower bound is the dependent round trips × latency + the cold start; "first request at" is when',
    'the run sent its first request. Machines here are shared and noisy: compare runs made together.',
    '',
    ...summary.map((line) => `- ${line}`),
    '',
    header,
    header.replace(/[^|]+/g, ' --- '),
    ...rows,
    '',
    'What `dataflows: list` and `healthy` add to a run, against the same run with `dataflows: skip` (the',
    "connection's two dataflows each on its own source connection, each with a last run on its listing):",
    '',
    addedHeader,
    addedHeader.replace(/[^|]+/g, ' --- '),
    ...added,
    '',
    'The requests of each mode, in order, at 0 ms:',
    '',
    ...sequences.map((line) => `- ${line}`),
    '',
    'Per source, one run each at 0 ms: the requests, the proofs before writing (a refresh at Zoho,',
    "HubSpot or a token URL) and the writes to Adobe, then each run's requests in order:",
    '',
    ...perSource,
    ''
  ].join('\n')
)
console.log(`\nwritten to ${values.out} and ${values.page}`)
