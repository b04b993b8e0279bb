/** verify: explore with verify-tables: a deployment gate on the Zoho modules its dataflows read. */
import { describe, expect } from 'vitest'
import { NO_ZOHO, emulatorTest } from '../support/fixtures.ts'
import { readSummary } from '../support/summary.ts'

const GATE = { ...NO_ZOHO, mode: 'check', verify: 'explore' }

describe.concurrent('verify-tables: the root listing must contain the named tables', () => {
  const it = emulatorTest({ tables: ['Leads', 'Contacts', 'Accounts', 'Deals'] })

  it('passes when every named table is listed, and outputs the tables', async ({ ctx }) => {
    ctx.emulator.seedConnection('dev', { name: 'Zoho CRM base connection' })
    const run = await ctx.run({ ...GATE, 'verify-tables': 'Contacts, Leads' })
    expect(run.exitCode).toBe(0)
    expect(run.outputs['verified']).toBe('true')
    expect(JSON.parse(run.outputs['tables'] ?? '')).toEqual(['Leads', 'Contacts', 'Accounts', 'Deals'])
    expect(readSummary(run.summary).rows['Verification']).toBe(
      'passed: explore (4 tables listed, including Contacts, Leads)'
    )
    expect(ctx.emulator.writes()).toEqual([])
  })

  it('fails naming the missing tables and what is there', async ({ ctx }) => {
    ctx.emulator.seedConnection('dev', { name: 'Zoho CRM base connection' })
    const run = await ctx.run({ ...GATE, 'verify-tables': 'Contacts,Quotes,Invoices' })
    expect(run.exitCode).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toContain('the root listing lacks Quotes, Invoices named in verify-tables')
    expect(run.errors[0]).toContain('it lists Leads, Contacts, Accounts, Deals')
    expect(run.errors[0]).toContain('access to those modules')
    expect(run.outputs['verified']).toBe('false')
    expect(JSON.parse(run.outputs['tables'] ?? '')).toHaveLength(4)
  })

  it('matches case exactly, and points out the near miss', async ({ ctx }) => {
    ctx.emulator.seedConnection('dev', { name: 'Zoho CRM base connection' })
    const run = await ctx.run({ ...GATE, 'verify-tables': 'contacts' })
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toContain('names are case-sensitive: contacts (listed as Contacts)')
  })

  it('is refused without verify: explore, before any request', async ({ ctx }) => {
    const run = await ctx.run({ ...GATE, verify: 'test', 'verify-tables': 'Contacts' })
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toContain('verify-tables is only checked with verify: explore')
    expect(ctx.emulator.log).toEqual([])
  })

  it('leaves the tables output empty without verify: explore', async ({ ctx }) => {
    ctx.emulator.seedConnection('dev', { name: 'Zoho CRM base connection' })
    const run = await ctx.run({ ...GATE, verify: 'test' })
    expect(run.exitCode).toBe(0)
    expect(run.outputs['tables']).toBe('')
  })
})
