/**
 * The local path of the README's "Develop and test": `npm run emulator` answers a busy port with
 * one line naming --port, prints the `.env` lines that point the action at it, and `.env.example`
 * holds those lines and only values that agree with action.yml's defaults.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { actionYaml, inputVariable, ROOT } from '../support/run-action.ts'

const EMULATOR_SCRIPT = join(ROOT, 'scripts', 'emulator.ts')

/** Runs `npm run emulator -- …` as its script, until it exits or prints `until`; then stops it. */
function emulatorScript(
  args: string[],
  until?: RegExp
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [EMULATOR_SCRIPT, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
      if (until?.test(stdout)) child.kill('SIGINT')
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

function busyPort(): Promise<{ port: number; close: () => Promise<void> }> {
  const server = createServer()
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () => new Promise((done) => server.close(() => done()))
      })
    )
  )
}

/** `INPUT_X=value` lines, commented out or not, as [variable, value]. */
function envLines(text: string, commented: boolean): [string, string][] {
  const pattern = commented ? /^# (INPUT_[A-Z-]+)=(.*)$/gm : /^(INPUT_[A-Z-]+)=(.*)$/gm
  return [...text.matchAll(pattern)].map((match) => [match[1] ?? '', match[2] ?? ''])
}

const envExample = readFileSync(join(ROOT, '.env.example'), 'utf8')

describe('npm run emulator', () => {
  it.concurrent('answers a port in use with one line that names --port, no stack trace', async () => {
    const taken = await busyPort()
    try {
      const run = await emulatorScript(['--port', String(taken.port)])
      expect(run.code).toBe(1)
      expect(run.stdout).toBe('')
      const lines = run.stderr.trim().split('\n')
      expect(lines).toHaveLength(1)
      expect(lines[0]).toContain(`Port ${taken.port} is in use`)
      expect(lines[0]).toContain('--port')
      expect(run.stderr).not.toMatch(/^\s+at /m)
    } finally {
      await taken.close()
    }
  })

  it.concurrent('prints the .env lines that point the action at it, the ones .env.example shows for 8787', async () => {
    const run = await emulatorScript(['--port', '0'], /INPUT_ZOHO-REGION=\n/)
    const url = /Emulator listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(run.stdout)?.[1]
    expect(url).toBeDefined()
    const printed = envLines(run.stdout, false)
    expect(printed.length).toBeGreaterThan(8)
    for (const [variable, value] of printed) {
      expect(Object.keys(actionYaml.inputs).map(inputVariable)).toContain(variable)
      if (/URL|ENDPOINT/.test(variable)) expect(value).toBe(url)
    }
    const shown = envLines(envExample, true)
    expect(shown).toEqual(
      printed.map(([variable, value]) => [variable, value.replace(url ?? '', 'http://127.0.0.1:8787')])
    )
  })
})

describe('.env.example', () => {
  const given = envLines(envExample, false)

  it('sets only declared inputs, each default-carrying one to its action.yml default (dry-run apart)', () => {
    expect(given.length).toBeGreaterThan(5)
    for (const [variable, value] of given) {
      const input = Object.keys(actionYaml.inputs).find((name) => inputVariable(name) === variable)
      expect(input, variable).toBeDefined()
      const declared = actionYaml.inputs[input ?? '']?.default
      if (declared !== undefined && input !== 'dry-run')
        expect({ variable, value }).toEqual({ variable, value: String(declared) })
    }
  })

  it('starts as a dry run, and warns that local-action prints the secrets', () => {
    expect(given).toContainEqual(['INPUT_DRY-RUN', 'true'])
    expect(envExample).toMatch(/prints every secret/)
  })
})

describe('npm run try', () => {
  const TRY_SCRIPT = join(ROOT, 'scripts', 'try.ts')
  const tryScript = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [TRY_SCRIPT, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
      let stdout = ''
      let stderr = ''
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
      child.on('error', reject)
      child.on('close', (code) => resolve({ code, stdout, stderr }))
    })

  it.concurrent('runs the bundle with .env.emulator.example’s inputs, twice, and lists the sandboxes', async () => {
    const run = await tryScript(['--env', '.env.emulator.example', '--runs', '2'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    for (const sandbox of ['prod', 'dev', 'stage']) expect(run.stdout).toContain(`  ${sandbox} (active`)
    expect(run.stdout).toContain('output  result = created')
    expect(run.stdout).toContain('output  result = reused')
  })

  it.concurrent('refuses a file that names an undeclared input, naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'try-env-'))
    try {
      const file = join(dir, 'env')
      writeFileSync(file, 'INPUT_MODE=check\nINPUT_DRYRUN=true\n')
      const run = await tryScript(['--env', file])
      expect(run.code).toBe(2)
      expect(run.stderr).toContain('INPUT_DRYRUN')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('.env.emulator.example sets only declared inputs', () => {
    const lines = envLines(readFileSync(join(ROOT, '.env.emulator.example'), 'utf8'), false)
    expect(lines.length).toBeGreaterThan(0)
    for (const [variable] of lines) expect(Object.keys(actionYaml.inputs).map(inputVariable)).toContain(variable)
  })
})
