import * as core from '@actions/core'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as commands from '../../../src/runner/workflow-commands.ts'

// src/runner/workflow-commands.ts writes what @actions/core would, so that a bad input can fail before
// the toolkit (and undici behind it) is loaded. @actions/core is the oracle here.

const AWKWARD_VALUES = [
  'plain-value',
  '',
  '50%',
  '%0A is not a line break',
  'first line\nsecond line',
  'windows\r\nline',
  'lone\rcarriage return',
  '::add-mask::inner',
  'colon: comma, and = sign',
  '  padded  ',
  'ünïcødé ✓ 🔑',
  'tab\tseparated'
]

/** Everything written to stdout while `act` runs, and the exit code it set. */
function captured(act: () => void): { stdout: string; exitCode: typeof process.exitCode } {
  const chunks: string[] = []
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk))
    return true
  })
  // src/runner/workflow-commands.ts writes to file descriptor 1 itself, through this seam.
  const direct = vi.spyOn(commands.runnerStdout, 'write').mockImplementation((text: string) => {
    chunks.push(text)
  })
  const exitCodeBefore = process.exitCode
  try {
    act()
    return { stdout: chunks.join(''), exitCode: process.exitCode }
  } finally {
    write.mockRestore()
    direct.mockRestore()
    process.exitCode = exitCodeBefore
  }
}

describe('the startup workflow commands', () => {
  afterEach(() => vi.unstubAllEnvs())

  it.each(AWKWARD_VALUES)('setSecret(%j) writes what core.setSecret writes', (value) => {
    const ours = captured(() => commands.setSecret(value))
    expect(ours.stdout).toBe(captured(() => core.setSecret(value)).stdout)
    expect(ours.stdout.split('\n')).toHaveLength(2) // one command line, whatever the value holds
  })

  it.each(AWKWARD_VALUES)('setFailed(%j) writes and exits as core.setFailed does', (message) => {
    const ours = captured(() => commands.setFailed(message))
    const toolkit = captured(() => core.setFailed(message))
    expect(ours).toEqual(toolkit)
    expect(ours.exitCode).toBe(1)
  })

  it('getInput reads INPUT_<NAME> and trims it as core.getInput does', () => {
    vi.stubEnv('INPUT_ZOHO-CLIENT-ID', '  1000.ABC  \n')
    vi.stubEnv('INPUT_SANDBOX', 'dev-2')
    vi.stubEnv('INPUT_EMPTY', '')
    vi.stubEnv('INPUT_WITH_SPACE', ' spaced ')
    for (const name of ['zoho-client-id', 'sandbox', 'empty', 'never-set', 'with space', 'Sandbox']) {
      expect(commands.getInput(name), name).toBe(core.getInput(name))
    }
    expect(commands.getInput('zoho-client-id')).toBe('1000.ABC')
    expect(commands.getInput('with space')).toBe('spaced')
    expect(commands.getInput('never-set')).toBe('')
  })

  it.each(AWKWARD_VALUES)('setOutput(name, %j) appends to GITHUB_OUTPUT what core.setOutput appends', (value) => {
    const dir = mkdtempSync(join(tmpdir(), 'output-'))
    try {
      const written = (set: (name: string, value: string) => void) => {
        const file = join(dir, 'output')
        writeFileSync(file, '')
        vi.stubEnv('GITHUB_OUTPUT', file)
        const stdout = captured(() => set('reason', value)).stdout
        // The heredoc delimiter is random in both: compare everything else.
        return { stdout, text: readFileSync(file, 'utf8').replace(/ghadelimiter_[0-9a-f-]{36}/g, 'DELIMITER') }
      }
      const ours = written(commands.setOutput)
      expect(ours).toEqual(written(core.setOutput))
      expect(ours.stdout).toBe('')
      expect(ours.text.startsWith('reason<<DELIMITER')).toBe(true)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it.each(AWKWARD_VALUES)('setOutput(name, %j) without GITHUB_OUTPUT prints what core.setOutput prints', (value) => {
    vi.stubEnv('GITHUB_OUTPUT', '')
    expect(captured(() => commands.setOutput('reason', value)).stdout).toBe(
      captured(() => core.setOutput('reason', value)).stdout
    )
  })

  it('setOutput refuses a GITHUB_OUTPUT file that is not there, as core.setOutput does', () => {
    vi.stubEnv('GITHUB_OUTPUT', join(tmpdir(), 'no-such-dir-for-output', 'output'))
    expect(() => commands.setOutput('reason', 'x')).toThrow(/^Missing file at path: /)
    expect(() => core.setOutput('reason', 'x')).toThrow(/^Missing file at path: /)
  })
})
