/**
 * Runs the action in-process, as `node dist/index.js` would run it but without spawning: the same
 * `INPUT_*` variables (defaults from action.yml) and runner files, and the same `ActionRun` back,
 * so a test can hold an in-process run to what it holds a bundle run to. Fast, and coverage sees
 * src/. Runs may overlap (`it.concurrent`): each sees its own environment and its own stdout.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { run } from '../../src/main.ts'
import { runPost } from '../../src/post/main.ts'
import {
  actionYaml,
  inputVariable,
  parseFileCommand,
  runnerView,
  type ActionRun,
  type RunOptions
} from './run-action.ts'

/** What one in-process run sees as its process: its environment, and where its stdout goes. */
interface Step {
  readonly env: NodeJS.ProcessEnv
  readonly writes: string[]
}

const steps = new AsyncLocalStorage<Step>()

/**
 * `process.env` and `process.stdout`, where `@actions/core` writes, answer for the run whose async
 * context reads them; the test itself still sees the real ones.
 */
function routeProcessToSteps(): void {
  if (routed) return
  routed = true
  const realEnv = process.env
  Object.defineProperty(process, 'env', {
    configurable: true,
    enumerable: true,
    get: () => steps.getStore()?.env ?? realEnv
  })
  const write = process.stdout.write.bind(process.stdout) as (chunk: unknown, ...rest: unknown[]) => boolean
  process.stdout.write = (chunk: unknown, ...rest: unknown[]) => {
    const step = steps.getStore()
    if (!step) return write(chunk, ...rest)
    step.writes.push(String(chunk))
    return true
  }
}
let routed = false

export interface InProcessOptions extends Pick<RunOptions, 'env'> {
  /** Run the post step instead, with what the main step wrote to GITHUB_STATE (or a forged state). */
  readonly postWithState?: string
}

export async function runInProcess(
  inputs: Readonly<Record<string, string>>,
  options: InProcessOptions = {}
): Promise<ActionRun> {
  routeProcessToSteps()
  for (const name of Object.keys(inputs)) {
    if (!(name in actionYaml.inputs)) throw new Error(`test passes an input action.yml does not declare: ${name}`)
  }
  const dir = await mkdtemp(join(tmpdir(), 'in-process-'))
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary')
  }
  await Promise.all(Object.values(files).map((file) => writeFile(file, '')))
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    RUNNER_TEMP: dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'octo-org/data-platform',
    GITHUB_WORKFLOW: 'provision-aep',
    GITHUB_RUN_ID: '1',
    ...files
  }
  for (const [name, spec] of Object.entries(actionYaml.inputs)) {
    if (spec.default !== undefined) env[inputVariable(name)] = String(spec.default)
  }
  for (const [name, value] of Object.entries(inputs)) env[inputVariable(name)] = value
  const post = options.postWithState !== undefined
  if (post) {
    for (const [name, value] of Object.entries(parseFileCommand(options.postWithState ?? '')))
      env[`STATE_${name}`] = value
  }
  Object.assign(env, options.env)

  const step: Step = { env, writes: [] }
  const started = performance.now()
  try {
    await steps.run(step, post ? runPost : run)
  } finally {
    // `setFailed` sets the test process's own exit code; the run's is read from its `::error::`.
    process.exitCode = 0
  }
  const durationMs = performance.now() - started
  const read = (file: string) => readFile(file, 'utf8').catch(() => '')
  const [output, summary, state, envFile] = await Promise.all([
    read(files.GITHUB_OUTPUT),
    read(files.GITHUB_STEP_SUMMARY),
    read(files.GITHUB_STATE),
    read(files.GITHUB_ENV)
  ])
  await rm(dir, { recursive: true, force: true })
  const stdout = step.writes.join('')
  const view = runnerView(stdout)
  return {
    // `setFailed` is the one way the action fails a step, and it always writes one `::error::`.
    exitCode: view.errors.length > 0 ? 1 : 0,
    stdout,
    stderr: '',
    ...view,
    outputs: parseFileCommand(output),
    summary,
    state,
    envFile,
    durationMs,
    spawnedAtMs: performance.timeOrigin + started,
    signals: [],
    sigintToExitMs: undefined,
    ran: true
  }
}
