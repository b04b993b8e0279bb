/**
 * Runs the built `dist/index.js` the way the GitHub runner does: a child process with
 * `INPUT_<NAME>` variables (upper-cased, hyphens kept, defaults from action.yml), temporary
 * GITHUB_OUTPUT, GITHUB_STATE, GITHUB_ENV and GITHUB_STEP_SUMMARY files, and RUNNER_TEMP.
 * Its stdout is read as the runner reads it (`commands`): a line is a command when it starts with
 * `::` after leading white space, and after `::stop-commands::TOKEN` no command is processed
 * until a line `::TOKEN::`, so an `::add-mask::` in between masks nothing and is shown as text.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parse } from 'yaml'

export const ROOT = resolve(import.meta.dirname, '..', '..')
export const DIST = join(ROOT, 'dist', 'index.js')
/** The post step's entry (`runs.post` in action.yml). */
export const DIST_POST = join(ROOT, 'dist', 'post', 'index.js')

interface ActionYaml {
  inputs: Record<string, { default?: string | number | boolean; required?: boolean; description: string }>
  outputs: Record<string, { description: string }>
  runs: { main: string; post?: string; 'post-if'?: string }
}

export const actionYaml = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYaml

export interface ActionRun {
  readonly exitCode: number | null
  readonly stdout: string
  readonly stderr: string
  /** Every line of stdout, in order. */
  readonly lines: readonly string[]
  readonly outputs: Readonly<Record<string, string>>
  readonly summary: string
  readonly state: string
  readonly envFile: string
  readonly durationMs: number
  /** When the process was spawned, in ms since the epoch, as the emulator's log times requests. */
  readonly spawnedAtMs: number
  /** The workflow commands the runner would process, in order (not those `::stop-commands::` swallowed). */
  readonly commands: readonly RunnerCommand[]
  /** The `::error::` lines the runner would process, decoded. */
  readonly errors: readonly string[]
  readonly warnings: readonly string[]
  /** The signals sent to cancel it, in order (`interrupt`). */
  readonly signals: readonly NodeJS.Signals[]
  /** From the first signal (SIGINT unless another was asked for) to the process's exit, when it was interrupted. */
  readonly sigintToExitMs: number | undefined
  /** False when the post step's `post-if` did not hold for the job status: nothing was run. */
  readonly ran: boolean
}

export interface RunnerCommand {
  readonly name: string
  /** The data after the second `::`, decoded. */
  readonly data: string
  /** Index into `lines`. */
  readonly line: number
}

export interface RunOptions {
  /** Extra environment (proxies, RUNNER_DEBUG, NODE_EXTRA_CA_CERTS). */
  readonly env?: Readonly<Record<string, string>>
  readonly timeoutMs?: number
  /** Leave out defaults from action.yml, as a local run without the runner would. */
  readonly noDefaults?: boolean
  /**
   * Run the post step instead, as the runner does at the end of the job: the same inputs, and
   * what the main step wrote to GITHUB_STATE passed as `STATE_<name>` variables.
   */
  readonly postAfter?: ActionRun
  /** The job's status when the post step runs, which its `post-if` (action.yml) is judged by. */
  readonly jobStatus?: JobStatus
  /**
   * Cancel the step as the runner does: SIGINT once `at` resolves, SIGTERM `sigtermAfterMs`
   * later (7.5 s, the runner's gap) if it is still alive, then SIGKILL 2.5 s after that.
   */
  readonly interrupt?: {
    readonly at: Promise<unknown>
    readonly sigtermAfterMs?: number
    /** The first signal, SIGINT unless given: a runner shutting down sends SIGTERM at once. */
    readonly first?: NodeJS.Signals
  }
  /** Paths for the runner files instead of fresh ones (a missing folder, /dev/full); never read back. */
  readonly files?: Partial<Record<RunnerFile, string>>
  /** Another copy of the main entry to run (the bundle moved on its own). */
  readonly entry?: string
}

export type JobStatus = 'success' | 'failure' | 'cancelled'
export type RunnerFile = 'GITHUB_OUTPUT' | 'GITHUB_STATE' | 'GITHUB_STEP_SUMMARY'

/** The status functions `post-if` may use; anything else is a test to extend. */
export function postIfHolds(expression: string | undefined, status: JobStatus): boolean {
  const value: Record<string, boolean> = {
    'always()': true,
    'success()': status === 'success',
    'failure()': status === 'failure',
    'cancelled()': status === 'cancelled',
    '!cancelled()': status !== 'cancelled'
  }
  const held = value[(expression ?? 'success()').trim()]
  if (held === undefined) throw new Error(`run-action cannot judge post-if: ${expression}`)
  return held
}

export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/** A step's environment as the runner sets it up: its inputs, runner files and state. */
export interface StepEnvironment {
  readonly dir: string
  readonly env: Record<string, string>
  /** Reads back what the step wrote: outputs, summary, state, env file (given paths are not read). */
  readonly readBack: () => Promise<Pick<ActionRun, 'outputs' | 'summary' | 'state' | 'envFile'>>
}

/**
 * The runner's environment for one step, shared by the bundle runs and the in-process ones:
 * `INPUT_*` variables (action.yml's defaults unless `noDefaults`), fresh GITHUB_OUTPUT,
 * GITHUB_STATE, GITHUB_ENV, GITHUB_PATH and GITHUB_STEP_SUMMARY files (or the `files` given),
 * RUNNER_TEMP, and the main step's state as `STATE_*` for a post step.
 */
export async function stepEnvironment(
  inputs: Readonly<Record<string, string>>,
  options: Pick<RunOptions, 'env' | 'noDefaults' | 'files'> & { readonly state?: string | undefined } = {}
): Promise<StepEnvironment> {
  for (const name of Object.keys(inputs)) {
    if (!(name in actionYaml.inputs)) throw new Error(`test passes an input action.yml does not declare: ${name}`)
  }
  const dir = await mkdtemp(join(tmpdir(), 'action-run-'))
  const fresh = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_PATH: join(dir, 'path'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary')
  }
  await Promise.all(Object.values(fresh).map((file) => writeFile(file, '')))
  const files = { ...fresh, ...options.files }
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    HOME: process.env['HOME'] ?? dir,
    RUNNER_TEMP: dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'octo-org/data-platform',
    GITHUB_WORKFLOW: 'provision-aep',
    GITHUB_RUN_ID: '1',
    ...files
  }
  if (!options.noDefaults) {
    for (const [name, spec] of Object.entries(actionYaml.inputs)) {
      if (spec.default !== undefined) env[inputVariable(name)] = String(spec.default)
    }
  }
  for (const [name, value] of Object.entries(inputs)) env[inputVariable(name)] = value
  if (options.state !== undefined) {
    for (const [name, value] of Object.entries(parseFileCommand(options.state))) env[`STATE_${name}`] = value
  }
  Object.assign(env, options.env)
  const given = new Set(Object.values(options.files ?? {}))
  const read = (file: string | undefined) =>
    file && !given.has(file) ? readFile(file, 'utf8').catch(() => '') : Promise.resolve('')
  const readBack = async () => {
    const [output, summary, state, envFile] = await Promise.all([
      read(env['GITHUB_OUTPUT']),
      read(env['GITHUB_STEP_SUMMARY']),
      read(env['GITHUB_STATE']),
      read(env['GITHUB_ENV'])
    ])
    await rm(dir, { recursive: true, force: true })
    return { outputs: parseFileCommand(output), summary, state, envFile }
  }
  return { dir, env, readBack }
}

export async function runAction(
  inputs: Readonly<Record<string, string>>,
  options: RunOptions = {}
): Promise<ActionRun> {
  if (options.postAfter && !postIfHolds(actionYaml.runs['post-if'], options.jobStatus ?? 'success')) {
    return notRun()
  }
  const { dir, env, readBack } = await stepEnvironment(inputs, { ...options, state: options.postAfter?.state })

  const started = performance.now()
  const entry = options.postAfter ? DIST_POST : (options.entry ?? DIST)
  const child = spawn(process.execPath, [entry], { env, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000)
  const exited = new Promise<number | null>((resolveExit) => child.on('close', (code) => resolveExit(code)))
  const signals: NodeJS.Signals[] = []
  let sigintAt: number | undefined
  const cancelling = options.interrupt ? cancelAsTheRunnerDoes(options.interrupt) : undefined
  const exitCode = await exited
  const exitedAt = performance.now()
  clearTimeout(timer)
  await cancelling
  const durationMs = performance.now() - started

  /** SIGINT, SIGTERM 7.5 s later, SIGKILL 2.5 s after that, each only while the step is alive. */
  async function cancelAsTheRunnerDoes(interrupt: NonNullable<RunOptions['interrupt']>): Promise<void> {
    const alive = () => child.exitCode === null && child.signalCode === null
    const gone = exited.then(() => true)
    const within = (ms: number) =>
      Promise.race([gone, new Promise<false>((resolveWait) => setTimeout(() => resolveWait(false), ms).unref())])
    if ((await Promise.race([gone, interrupt.at.then(() => false)])) || !alive()) return
    sigintAt = performance.now()
    const first = interrupt.first ?? 'SIGINT'
    signals.push(first)
    child.kill(first)
    if ((await within(interrupt.sigtermAfterMs ?? 7_500)) || !alive()) return
    signals.push('SIGTERM')
    child.kill('SIGTERM')
    if ((await within(2_500)) || !alive()) return
    signals.push('SIGKILL')
    child.kill('SIGKILL')
  }

  const written = await readBack()
  return {
    exitCode,
    stdout,
    stderr,
    ...runnerView(stdout),
    ...written,
    durationMs,
    spawnedAtMs: performance.timeOrigin + started,
    signals,
    sigintToExitMs: sigintAt === undefined ? undefined : exitedAt - sigintAt,
    ran: true
  }
}

/** A post step whose `post-if` did not hold: the runner never starts it. */
function notRun(): ActionRun {
  return {
    exitCode: null,
    stdout: '',
    stderr: '',
    lines: [],
    outputs: {},
    summary: '',
    state: '',
    envFile: '',
    durationMs: 0,
    spawnedAtMs: performance.timeOrigin + performance.now(),
    commands: [],
    errors: [],
    warnings: [],
    signals: [],
    sigintToExitMs: undefined,
    ran: false
  }
}

/** What the runner makes of a step's stdout: its lines, the commands it processes, errors and warnings. */
export function runnerView(stdout: string): Pick<ActionRun, 'lines' | 'commands' | 'errors' | 'warnings'> {
  const lines = stdout.split('\n').filter((line, i, all) => line !== '' || i < all.length - 1)
  const commands = runnerCommands(lines)
  const command = (name: string) => commands.filter((c) => c.name === name).map((c) => c.data)
  return { lines, commands, errors: command('error'), warnings: command('warning') }
}

/** The commands the runner processes from these lines, modelling `::stop-commands::`. */
export function runnerCommands(lines: readonly string[]): RunnerCommand[] {
  const commands: RunnerCommand[] = []
  let stopToken: string | undefined
  lines.forEach((raw, line) => {
    const text = raw.trimStart()
    if (stopToken !== undefined) {
      if (text.trimEnd() === `::${stopToken}::`) stopToken = undefined
      return
    }
    if (!text.startsWith('::')) return
    const end = text.indexOf('::', 2)
    if (end < 0) return
    const name = text.slice(2, end).split(' ')[0] ?? ''
    const data = decodeCommand(text.slice(end + 2))
    commands.push({ name, data, line })
    if (name === 'stop-commands' && data !== '') stopToken = data
  })
  return commands
}

/** Parses `name=value` and the heredoc form `name<<DELIMITER` … `DELIMITER`. */
export function parseFileCommand(text: string): Record<string, string> {
  const result: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name = '', delimiter] = heredoc
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '')
      if (i >= lines.length) throw new Error(`unterminated heredoc for ${name}`)
      result[name] = value.join('\n')
    } else if (line.includes('=')) {
      const at = line.indexOf('=')
      result[line.slice(0, at)] = line.slice(at + 1)
    }
  }
  return result
}

function decodeCommand(data: string): string {
  return data.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}
