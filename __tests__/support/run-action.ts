/**
 * Runs the built `dist/index.js` the way the GitHub runner does: a child process with
 * `INPUT_<NAME>` variables (upper-cased, hyphens kept, defaults from action.yml), temporary
 * GITHUB_OUTPUT, GITHUB_STATE, GITHUB_ENV and GITHUB_STEP_SUMMARY files, and RUNNER_TEMP.
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
  /** The `::error::` lines, decoded. */
  readonly errors: readonly string[]
  readonly warnings: readonly string[]
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
}

export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

export async function runAction(
  inputs: Readonly<Record<string, string>>,
  options: RunOptions = {}
): Promise<ActionRun> {
  for (const name of Object.keys(inputs)) {
    if (!(name in actionYaml.inputs)) throw new Error(`test passes an input action.yml does not declare: ${name}`)
  }
  const dir = await mkdtemp(join(tmpdir(), 'action-run-'))
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_PATH: join(dir, 'path'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary')
  }
  await Promise.all(Object.values(files).map((file) => writeFile(file, '')))
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
  if (options.postAfter) {
    for (const [name, value] of Object.entries(parseFileCommand(options.postAfter.state))) env[`STATE_${name}`] = value
  }
  Object.assign(env, options.env)

  const started = performance.now()
  const entry = options.postAfter ? DIST_POST : DIST
  const child = spawn(process.execPath, [entry], { env, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000)
  const exitCode = await new Promise<number | null>((resolveExit) => child.on('close', (code) => resolveExit(code)))
  clearTimeout(timer)
  const durationMs = performance.now() - started

  const read = (file: string | undefined) => (file ? readFile(file, 'utf8').catch(() => '') : Promise.resolve(''))
  const [output, summary, state, envFile] = await Promise.all([
    read(env['GITHUB_OUTPUT']),
    read(env['GITHUB_STEP_SUMMARY']),
    read(env['GITHUB_STATE']),
    read(env['GITHUB_ENV'])
  ])
  await rm(dir, { recursive: true, force: true })
  const lines = stdout.split('\n').filter((line, i, all) => line !== '' || i < all.length - 1)
  const command = (name: string) =>
    lines
      .filter((line) => line.startsWith(`::${name}`))
      .map((line) => decodeCommand(line.slice(line.indexOf('::', 2) + 2)))
  return {
    exitCode,
    stdout,
    stderr,
    lines,
    outputs: parseFileCommand(output),
    summary,
    state,
    envFile,
    durationMs,
    spawnedAtMs: performance.timeOrigin + started,
    errors: command('error'),
    warnings: command('warning')
  }
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
