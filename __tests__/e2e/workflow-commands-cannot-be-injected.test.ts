import { describe, expect } from 'vitest'
import { emulatorTest } from '../support/fixtures.ts'

const ours = (line: string) => line.startsWith('::add-mask::') || line.startsWith('::debug::')

describe.concurrent('names and descriptions cannot inject workflow commands', () => {
  const it = emulatorTest()

  it('a connection-name that looks like a command is only ever printed inside a line', async ({ ctx }) => {
    const name = '::add-mask::Zoho CRM'
    const run = await ctx.run({ 'connection-name': name })
    expect(run.exitCode).toBe(0)
    expect(run.lines.filter((line) => line.startsWith(name))).toEqual([])
    expect(run.lines.filter((line) => line.startsWith('::add-mask::Zoho'))).toEqual([])
    expect(run.outputs['connection-id']).toBe(ctx.emulator.connectionsIn('dev')[0]?.id)
    expect(ctx.emulator.connectionsIn('dev')[0]?.name).toBe(name)
  })

  it('a multi-line description with commands is sent to Adobe and never printed', async ({ ctx }) => {
    const description = 'Managed by CI\n::set-output name=connection-id::evil\n::error::injected\n%0A::warning::encoded'
    const run = await ctx.run({ 'connection-description': description })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).not.toContain('evil')
    expect(run.stdout).not.toContain('injected')
    expect(run.lines.filter((line) => !ours(line) && /^::(set-output|error|warning)/.test(line))).toEqual([])
    // Sent as given, followed by the run marker (README, "Consistency").
    expect(ctx.emulator.connectionsIn('dev')[0]?.description).toMatch(
      / \[aep-run:[0-9a-f.]+\] \[params:[0-9a-f]{12}\]$/
    )
    expect(ctx.emulator.connectionsIn('dev')[0]?.description?.startsWith(`${description} [`)).toBe(true)
    expect(run.outputs['connection-id']).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('a name with HTML and pipes stays text in the job summary', async ({ ctx }) => {
    const run = await ctx.run({ 'connection-name': '<img src=x onerror=alert(1)> | a | b' })
    expect(run.exitCode).toBe(0)
    expect(run.summary).not.toContain('<img')
    expect(run.summary).toContain('&#60;img src=x onerror=alert&#40;1&#41;&#62; &#124; a &#124; b')
  })
})
