/**
 * On Windows, where lines end in CRLF (os.EOL is "\r\n"), the summary stays one HTML block and a
 * secret pasted with Windows line endings is masked line by line. (`os` is replaced here by one
 * whose EOL is Windows'; the runner files and commands through the bundle:
 * `e2e/runner-files-hold-with-windows-line-endings.test.ts`.)
 */
import { describe, expect, it, vi } from 'vitest'
import { newReport } from '../../../src/report/report.ts'
import { renderSummary } from '../../../src/report/summary.ts'
import { SecretRegistry } from '../../../src/runner/secrets.ts'
import { liveContentIn } from '../../support/summary.ts'

vi.mock('node:os', async (original) => ({ ...(await original<typeof import('node:os')>()), EOL: '\r\n' }))

describe('with Windows line endings', () => {
  it('writes the summary as one HTML block, with no blank line that would let Markdown in', () => {
    const html = renderSummary(
      {
        source: 'Zoho CRM',
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
