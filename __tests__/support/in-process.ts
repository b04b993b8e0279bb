/**
 * Runs the action in-process, as `node dist/index.js` would run it but without spawning: the same
 * `INPUT_*` variables (defaults from action.yml) and runner files, and the same `ActionRun` back,
 * so a test can hold an in-process run to what it holds a bundle run to. Fast, and coverage sees
 * src/. Runs may overlap (`it.concurrent`): each sees its own environment and its own stdout.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { run } from '../../src/main.ts'
import { runPost } from '../../src/post/main.ts'
import { runnerView, stepEnvironment, type ActionRun, type RunOptions } from './run-action.ts'

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
  const post = options.postWithState !== undefined
  const { env, readBack } = await stepEnvironment(inputs, { ...options, state: options.postWithState })
  const step: Step = { env, writes: [] }
  const started = performance.now()
  try {
    await steps.run(step, post ? runPost : run)
  } finally {
    // `setFailed` sets the test process's own exit code; the run's is read from its `::error::`.
    process.exitCode = 0
  }
  const durationMs = performance.now() - started
  const written = await readBack()
  const stdout = step.writes.join('')
  const view = runnerView(stdout)
  return {
    // `setFailed` is the one way the action fails a step, and it always writes one `::error::`.
    exitCode: view.errors.length > 0 ? 1 : 0,
    stdout,
    stderr: '',
    ...view,
    ...written,
    durationMs,
    spawnedAtMs: performance.timeOrigin + started,
    signals: [],
    sigintToExitMs: undefined,
    ran: true
  }
}
