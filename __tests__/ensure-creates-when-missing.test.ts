import { describe, expect, it } from 'vitest'
import { useEmulator } from './support/fixtures.ts'

describe('ensure creates the connection when none has its name', () => {
  const ctx = useEmulator()

  it('creates exactly one connection, verifies it and outputs its id', async () => {
    const run = await ctx.run()
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    const [connection] = ctx.emulator.connectionsIn('dev')
    expect(ctx.emulator.connectionsIn('dev')).toHaveLength(1)
    expect(run.outputs).toMatchObject({
      'connection-id': connection?.id,
      etag: connection?.etag,
      state: 'enabled',
      result: 'created',
      created: 'true',
      verified: 'true',
      sandbox: 'dev',
      'zoho-api-domain': ctx.emulator.url,
      'zoho-accounts-url': ctx.emulator.url
    })
  })
})
