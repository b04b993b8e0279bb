/**
 * Zoho answers `invalid_client` both to a wrong client and to a client of another data centre;
 * the hint names the data centre this run used, whichever it is, rather than one fixed example.
 */
import { describe, expect, it } from 'vitest'
import { refreshFailureMessage } from '../../src/zoho/oauth.ts'
import { regionLabel, ZOHO_DATA_CENTRES, ZOHO_REGIONS } from '../../src/zoho/regions.ts'
import { emulatorTest } from '../support/fixtures.ts'

const test = emulatorTest()
const invalidClient = { ok: false, kind: 'invalid_client', detail: 'invalid_client' } as const

describe.concurrent('the invalid_client hint', () => {
  it.each(ZOHO_REGIONS)("names %s, the data centre of the run's accounts server", (region) => {
    const message = refreshFailureMessage(invalidClient, ZOHO_DATA_CENTRES[region].accountsUrl)
    expect(message).toContain(`another data centre than ${regionLabel(region)}, the one this run used`)
    for (const other of ZOHO_REGIONS.filter((r) => r !== region)) expect(message).not.toContain(regionLabel(other))
  })

  it('names the accounts URL when no data centre is known (an emulator, a gateway)', () => {
    const message = refreshFailureMessage(invalidClient, 'http://127.0.0.1:8787')
    expect(message).toContain('another data centre than the one zoho-accounts-url points at')
  })

  test.for(['eu', 'us', 'jp', 'ae'] as const)(
    'end to end, with zoho-region %s and a wrong Zoho secret: names that data centre, writes nothing',
    async (region, { ctx }) => {
      const run = await ctx.run({ 'zoho-region': region, 'zoho-client-secret': 'not-the-zoho-secret' })
      expect(run.exitCode).toBe(1)
      expect(run.errors).toHaveLength(1)
      expect(run.errors[0]).toContain('(invalid_client)')
      expect(run.errors[0]).toContain(`another data centre than ${regionLabel(region)}, the one this run used`)
      expect(run.outputs['reason']).toBe(run.errors[0])
      expect(ctx.emulator.writes()).toEqual([])
    }
  )
})
