/**
 * The action reads the repository and workflow it names in a connection's description from
 * GITHUB_REPOSITORY and GITHUB_WORKFLOW, never from the event file (GITHUB_EVENT_PATH): a file
 * that is missing or unreadable changes nothing, prints nothing past the runner's protocol and
 * never crashes the bundle as it loads.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { describe, expect, onTestFinished } from 'vitest'
import { emulatorTest } from '../support/fixtures.ts'

const DESCRIPTION =
  /^Managed by GitHub Actions: octo-org\/data-platform, workflow "provision-aep" \[aep-run:1\.1\.[0-9a-f]{12}\] \[params:[0-9a-f]{12}\]$/

describe.concurrent('the event file', () => {
  const it = emulatorTest()

  /** An event file that is missing (in a missing folder), or one that is not JSON; removed after the test. */
  async function eventFile(kind: 'missing' | 'not JSON'): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'event-'))
    onTestFinished(() => rm(dir, { recursive: true, force: true }))
    if (kind === 'missing') return join(dir, 'no-such-folder', 'event.json')
    const path = join(dir, 'event.json')
    await writeFile(path, '{ not json')
    return path
  }

  it.for(['missing', 'not JSON'] as const)(
    '%s: the run creates as usual and prints nothing about it',
    async (kind, { ctx }) => {
      const path = await eventFile(kind)
      const run = await ctx.run({}, { env: { GITHUB_EVENT_PATH: path } })
      expect(run.stderr).toBe('')
      expect(run.exitCode).toBe(0)
      expect(run.outputs['result']).toBe('created')
      expect(run.lines[0]).toMatch(/^::add-mask::/)
      expect(run.stdout).not.toContain('GITHUB_EVENT_PATH')
      const [create] = ctx.emulator.requests('connections.create')
      expect((JSON.parse(create?.body ?? '{}') as { description?: string }).description).toMatch(DESCRIPTION)
    }
  )

  it('not JSON, with bad inputs: the one-line failure, no stack trace', async ({ ctx }) => {
    const path = await eventFile('not JSON')
    const run = await ctx.run({ sandbox: '' }, { env: { GITHUB_EVENT_PATH: path } })
    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(1)
    expect(run.errors).toEqual([expect.stringContaining('sandbox is required')])
  })
})
