/**
 * On a Windows runner os.EOL is "\r\n". Through the bundle, with Node's EOL made Windows' for the
 * whole process (the toolkit included): the outputs file reads back to the exact values, every
 * workflow command stays one line the runner reads as a command, and the post step reads back
 * the state the main step wrote and deletes what it created.
 */
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect } from 'vitest'
import { emulatorTest } from '../support/fixtures.ts'
import { ROOT, runnerCommands } from '../support/run-action.ts'

const it = emulatorTest()
const preload = pathToFileURL(join(ROOT, '__tests__', 'support', 'windows-line-endings.mjs')).href
const env = { NODE_OPTIONS: `--import ${preload}` }

describe('with Windows line endings', () => {
  it('writes outputs, commands and state the runner reads back exactly', async ({ ctx }) => {
    const main = await ctx.run({ cleanup: 'created' }, { env })
    expect(main.exitCode).toBe(0)
    expect(main.stdout).toContain('\r\n')
    expect(main.stdout.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    const [created] = ctx.emulator.connectionsIn('dev')
    expect(main.outputs).toMatchObject({ 'connection-id': created?.id, result: 'created', created: 'true' })
    expect(main.outputs['connection-id']).not.toMatch(/\r/)
    // The runner reads a line up to CRLF: each one is a whole command, or plain text.
    const lines = main.stdout.split('\r\n')
    const names = runnerCommands(lines).map((command) => command.name)
    expect(names).toContain('add-mask')
    expect(names).toContain('group')
    expect(runnerCommands(lines).every((command) => !/[\r\n]/.test(command.data))).toBe(true)

    const post = await ctx.run({ cleanup: 'created' }, { env, postAfter: main })
    expect(post.exitCode).toBe(0)
    expect(post.warnings).toEqual([])
    expect(ctx.emulator.connectionsIn('dev')).toEqual([])
  })
})
