/**
 * What the action writes for the runner holds on Windows too, where lines end in CRLF (os.EOL is
 * "\r\n"): the outputs file reads back to the exact values, every command stays one line, the
 * summary stays one HTML block, and a secret pasted with Windows line endings is masked line by
 * line. (`os` is replaced here by one whose EOL is Windows'.)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { unsupportedNode } from '../../../src/main.ts'
import { newReport } from '../../../src/report/report.ts'
import { SecretRegistry } from '../../../src/runner/secrets.ts'
import { renderSummary } from '../../../src/report/summary.ts'
import * as commands from '../../../src/runner/workflow-commands.ts'
import { parseFileCommand, runnerCommands } from '../../support/run-action.ts'
import { liveContentIn } from '../../support/summary.ts'

vi.mock('node:os', async (original) => ({ ...(await original<typeof import('node:os')>()), EOL: '\r\n' }))

function printed(act: () => void): string {
  const chunks: string[] = []
  const write = vi.spyOn(commands.runnerStdout, 'write').mockImplementation((text: string) => void chunks.push(text))
  try {
    act()
    return chunks.join('')
  } finally {
    write.mockRestore()
  }
}

describe('with Windows line endings', () => {
  afterEach(() => vi.unstubAllEnvs())

  it('writes outputs that read back to exactly the values set', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crlf-output-'))
    try {
      const file = join(dir, 'output')
      writeFileSync(file, '')
      vi.stubEnv('GITHUB_OUTPUT', file)
      const values = { reason: 'Invalid input: sandbox is required', sandbox: 'dev', created: 'false' }
      for (const [name, value] of Object.entries(values)) commands.setOutput(name, value)
      const text = readFileSync(file, 'utf8')
      expect(text).toContain('\r\n')
      expect(parseFileCommand(text)).toEqual(values)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('keeps every workflow command on one line the runner reads as a command', () => {
    const out = printed(() => {
      commands.setSecret('a-secret-value')
      commands.setFailed('first line\r\nsecond line')
    })
    const lines = out.split('\r\n').filter(Boolean)
    expect(lines).toEqual(['::add-mask::a-secret-value', '::error::first line%0D%0Asecond line'])
    expect(runnerCommands(lines).map((command) => command.name)).toEqual(['add-mask', 'error'])
  })

  it('writes the summary as one HTML block, with no blank line that would let Markdown in', () => {
    const html = renderSummary(
      {
        mode: 'ensure',
        sandbox: 'dev',
        name: 'Zoho CRM',
        dryRun: false,
        report: { ...newReport(), notes: ['one note'], warnings: ['one warning'] },
        elapsedMs: 10,
        failure: undefined
      },
      (text) => text
    )
    expect(html).toContain('\r\n')
    expect(liveContentIn(html)).toEqual([])
  })

  it('masks each line of a secret pasted with CRLF, without the carriage return', () => {
    const masked: string[] = []
    new SecretRegistry((value) => masked.push(value)).register('first-line-of-it\r\nsecond-line-of-it')
    expect(masked).toContain('first-line-of-it')
    expect(masked).toContain('second-line-of-it')
    expect(masked.some((value) => value.endsWith('\r'))).toBe(false)
  })
})

describe('the Node that starts the action', () => {
  it.each(['20.20.2', '22.12.0', '23.11.1'])(
    'refuses Node %s in one line that names Node 24 and the runner version',
    (version) => {
      const message = unsupportedNode(version)
      expect(message).toContain(`Node ${version} started it`)
      expect(message).toContain('Node 24')
      expect(message).toContain('2.327.1')
    }
  )

  it.each(['24.0.0', '24.21.0', '26.1.0'])('accepts Node %s', (version) => {
    expect(unsupportedNode(version)).toBeUndefined()
  })
})
