/** Repair, verification with verify-tables, and delete, in-process against the memory store. */
import { describe, expect, it } from 'vitest'
import { writtenParamsTag } from '../../src/plan/decisions.ts'
import { ServiceError } from '../../src/errors.ts'
import { executePlan } from '../../src/plan/plan.ts'
import { harness } from '../support/memory-store.ts'
import { zohoAccountsUrlParam, zohoClientIdParam, zohoEndpointParam } from '../../src/sources/zoho-crm.ts'

const NAME = 'Zoho CRM base connection'

describe('repair', () => {
  it('reuses a healthy connection: no Zoho call, no write', async () => {
    const run = harness()
    const existing = run.store.seed({ name: NAME })
    await executePlan(run)
    expect(run.report).toMatchObject({ connectionId: existing.id, result: 'reused', verified: 'true' })
    expect(run.zohoCalls.count).toBe(0)
    expect(run.store.calls.filter((c) => c === 'patch')).toEqual([])
  })

  it('with verify none, judges by the params alone', async () => {
    const run = harness({ verify: 'none' })
    run.store.seed({ name: NAME, secretsWork: false })
    await executePlan(run)
    expect(run.report).toMatchObject({
      result: 'reused',
      verified: 'skipped',
      reason: 'its params match the inputs (verify is none)'
    })
  })

  it.each([
    ['no credentials (its test then fails)', { params: {}, secretsWork: false }, 'its verification (test) failed'],
    [
      'another data centre',
      { params: { endpoint: 'https://www.zohoapis.com', accountsUrl: 'https://accounts.zoho.eu' } },
      'param endpoint is https://www.zohoapis.com, wanted https://www.zohoapis.eu'
    ],
    ['credentials that no longer work', { secretsWork: false }, 'its verification (test) failed']
  ])('repairs a connection with %s, once, and verifies it again', async (_what, fields, reason) => {
    const run = harness()
    const existing = run.store.seed({ name: NAME, ...fields })
    await executePlan(run)
    expect(run.report).toMatchObject({ connectionId: existing.id, result: 'repaired', verified: 'true' })
    expect(run.report.reason).toContain(reason)
    expect(run.zohoCalls.count).toBe(1)
    expect(run.store.calls.filter((c) => c === 'patch')).toHaveLength(1)
  })

  it.each([
    ['an outage', 503],
    ['a rate limit', 429]
  ])('never repairs a connection whose test failed with %s: the run fails, nothing written', async (_what, status) => {
    const run = harness()
    run.store.seed({ name: NAME })
    run.store.testFailure = new ServiceError(`Adobe's Flow Service API is unavailable (HTTP ${status})`, { status })
    await expect(executePlan(run)).rejects.toThrow(`HTTP ${status}`)
    expect(run.zohoCalls.count).toBe(0)
    expect(run.store.calls.filter((c) => c === 'patch')).toEqual([])
  })

  it('dry run: would-repair with the reason, nothing written', async () => {
    const run = harness({ dryRun: true })
    run.store.seed({ name: NAME, secretsWork: false })
    await executePlan(run)
    expect(run.report).toMatchObject({ result: 'would-repair', verified: 'false' })
    expect(run.report.reason).toContain('verification (test) failed')
    expect(run.zohoCalls.count).toBe(0)
    expect(run.store.calls.filter((c) => c === 'patch')).toEqual([])
  })

  it('re-reads a stale etag once and retries', async () => {
    const run = harness()
    const existing = run.store.seed({ name: NAME, secretsWork: false })
    let changed = false
    run.store.testConnection = () => {
      if (!changed) {
        changed = true
        existing.etag = '"someone-else"'
        return Promise.resolve(false)
      }
      return Promise.resolve(true)
    }
    await executePlan(run)
    expect(run.report.result).toBe('repaired')
    expect(run.store.calls.filter((c) => c === 'patch')).toHaveLength(2)
    expect(run.store.calls).toContain('get')
  })

  it('leaves a connection Adobe shows without credentials to its verification: a passing one is reused', async () => {
    const run = harness()
    const existing = run.store.seed({ name: NAME, params: {} })
    await executePlan(run)
    expect(run.report).toMatchObject({ connectionId: existing.id, result: 'reused', verified: 'true' })
    expect(run.zohoCalls.count).toBe(0)
  })

  /** A run against a gateway in front of Zoho (hosts that are not Zoho's), as an emulator or a proxy is. */
  const GATEWAY = { endpoint: 'https://gateway.example/crm', accountsUrl: 'https://sso.gateway.example' }
  const throughGateway = (store?: ReturnType<typeof harness>['store']) =>
    harness(
      {
        source: {
          expectedParams: [zohoEndpointParam(GATEWAY.endpoint), zohoAccountsUrlParam(GATEWAY.accountsUrl)],
          authParams: () => Promise.resolve({ ...GATEWAY, accessToken: 'zoho-token' })
        }
      },
      300_000,
      store
    )

  it('reads a repaired connection back and warns once for a param Adobe shows in another form', async () => {
    // The description of what the action writes ends with the tag of its params.
    const run = throughGateway()
    const existing = run.store.seed({ name: NAME, secretsWork: false, params: { ...GATEWAY } })
    const form = 'https://GATEWAY.example:443/crm/v8/'
    const read = run.store.getConnection.bind(run.store)
    run.store.getConnection = async (id) => {
      const shown = await read(id)
      return shown && { ...shown, params: { ...shown.params, endpoint: form } }
    }
    await executePlan(run)
    expect(run.report.result).toBe('repaired')
    expect(run.store.calls.filter((c) => c === 'get')).toHaveLength(1)
    expect(run.report.warnings).toEqual([
      `Adobe shows param endpoint as ${form} after this run wrote ${GATEWAY.endpoint}, and the two still compare as different; later runs with the same inputs will not repair it because of this form.`
    ])
    // What the repair wrote carries the tag of its params: the next run, shown the same form,
    // neither writes nor calls Zoho, nor warns again.
    expect(existing.description).toContain('[params:')
    const next = throughGateway(run.store)
    run.store.seed({ ...existing, params: { ...existing.params, endpoint: form } })
    await executePlan(next)
    expect(next.report).toMatchObject({ result: 'reused', verified: 'true' })
    expect(next.zohoCalls.count).toBe(0)
    expect(next.report.warnings).toEqual([])
  })

  it('after a repair, a host Adobe shows that is not the one written is no form: later runs repair it again', async () => {
    const run = harness()
    run.store.seed({ name: NAME, secretsWork: false })
    const read = run.store.getConnection.bind(run.store)
    run.store.getConnection = async (id) => {
      const shown = await read(id)
      return shown && { ...shown, params: { ...shown.params, endpoint: 'https://crm.zoho.eu' } }
    }
    await executePlan(run)
    expect(run.report.warnings).toEqual([
      "Adobe shows param endpoint as https://crm.zoho.eu after this run wrote https://www.zohoapis.eu, and the two still compare as different; that is a host outside Zoho's data centres, so later runs will repair it again."
    ])
  })

  it.each([
    ['a client id of another Zoho client', { clientId: '1000.ANOTHERCLIENT9' }, 'param clientId differs'],
    ['an endpoint moved to a host outside Zoho', { endpoint: 'https://crm.example.net' }, 'param endpoint is'],
    ['an endpoint on another data centre', { endpoint: 'https://www.zohoapis.com' }, 'param endpoint is']
  ])(
    'repairs a tagged connection whose params hold %s since: the tag excuses only forms',
    async (_what, changed, reason) => {
      const source = {
        expectedParams: [
          zohoEndpointParam('https://www.zohoapis.eu'),
          zohoAccountsUrlParam('https://accounts.zoho.eu'),
          zohoClientIdParam('1000.ZOHOCLIENTID0001')
        ]
      }
      const tag = writtenParamsTag(source.expectedParams)
      const run = harness({ source })
      const params = {
        endpoint: 'https://www.zohoapis.eu',
        accountsUrl: 'https://accounts.zoho.eu',
        clientId: '1000.ZOHOCLIENTID0001'
      }
      run.store.seed({ name: NAME, description: `made by the action ${tag}`, params: { ...params, ...changed } })
      await executePlan(run)
      expect(run.report.result).toBe('repaired')
      expect(run.report.reason).toContain(reason)
      expect(run.store.calls.filter((c) => c === 'patch')).toHaveLength(1)
    }
  )

  it('still repairs a tagged connection whose endpoint was moved to another data centre since', async () => {
    const base = harness()
    const tag = writtenParamsTag(base.services.source.expectedParams)
    const run = harness()
    // Written by this action with these very inputs, then changed by hand in Adobe's UI.
    run.store.seed({
      name: NAME,
      description: `made by the action ${tag}`,
      params: { endpoint: 'https://www.zohoapis.com' }
    })
    await executePlan(run)
    expect(run.report).toMatchObject({
      result: 'repaired',
      reason: 'param endpoint is https://www.zohoapis.com, wanted https://www.zohoapis.eu'
    })
    expect(run.zohoCalls.count).toBe(1)
  })

  it.each([
    ['the gateway refuses the token', 401, '401013'],
    ['the gateway refuses the credential', 403, '403027'],
    ['Flow Service misses a permission', 403, '2118-403'],
    ['the sandbox header is refused', 400, '2105-400'],
    ['a 400 without a Flow Service code', 400, undefined]
  ])('never repairs when %s on its test: the run fails, nothing written', async (_what, status, code) => {
    const run = harness()
    run.store.seed({ name: NAME })
    run.store.testFailure = new ServiceError(
      `Adobe's Flow Service API refused to test the connection: HTTP ${status}`,
      {
        status,
        code
      }
    )
    await expect(executePlan(run)).rejects.toThrow(`HTTP ${status}`)
    expect(run.zohoCalls.count).toBe(0)
    expect(run.store.calls.filter((c) => c === 'patch')).toEqual([])
  })

  it.each([
    [400, '1308-400'],
    [403, '1358-403'],
    [401, '1358-401']
  ])(
    'repairs when Flow Service refuses to reach the source with its credentials (HTTP %i, FLOW %s)',
    async (status, code) => {
      const run = harness()
      run.store.seed({ name: NAME })
      run.store.testFailure = new ServiceError('Unable to connect to Zoho CRM: invalid credentials', { status, code })
      const test = run.store.testConnection.bind(run.store)
      run.store.testConnection = (id) => {
        const outcome = test(id)
        run.store.testFailure = undefined
        return outcome
      }
      await executePlan(run)
      expect(run.report).toMatchObject({ result: 'repaired', verified: 'true' })
      expect(run.report.reason).toContain('Unable to connect to Zoho CRM')
      expect(run.zohoCalls.count).toBe(1)
    }
  )
})

describe('verification with verify-tables', () => {
  it('passes with every named table, and records the tables', async () => {
    const run = harness({ verify: 'explore', verifyTables: ['Contacts'] })
    run.store.seed({ name: NAME })
    await executePlan(run)
    expect(run.report).toMatchObject({ verified: 'true', tables: ['Leads', 'Contacts'] })
    expect(run.report.verifiedBy).toBe('explore (2 tables listed, including Contacts)')
  })

  it('fails naming what is missing and what is there', async () => {
    const run = harness({ mode: 'check', verify: 'explore', verifyTables: ['Deals', 'leads'] })
    run.store.seed({ name: NAME })
    await expect(executePlan(run)).rejects.toThrow(
      'the root listing lacks Deals, leads named in verify-tables (names are case-sensitive: leads (listed as Leads)); it lists Leads, Contacts'
    )
    expect(run.report.verified).toBe('false')
  })
})

describe('delete', () => {
  it('records every id deleted, and names all that could not be', async () => {
    const run = harness({ mode: 'delete' })
    const a = run.store.seed({ name: NAME })
    const b = run.store.seed({ name: NAME })
    const c = run.store.seed({ name: NAME })
    run.store.failDeletes.add(b.id).add(c.id)
    await expect(executePlan(run)).rejects.toThrow(
      `Could not delete connection ${b.id} in sandbox "dev" (also not deleted: ${c.id})`
    )
    expect(run.report.deletedIds).toEqual([a.id])
  })
})
