/**
 * What Adobe leaves undocumented (contract), end to end through the bundle: for each shape the
 * emulator can answer in, the action keeps its promises, and never turns an unknown into a write
 * or a spent Zoho token.
 * Through the bundle: the first case of each kind; the other cases run in-process, every assertion kept, in
 * `wiring/undocumented-shapes-keep-every-promise.test.ts`.
 */
import { describe, expect } from 'vitest'
import {
  DEFAULTS,
  GATEWAY_REFUSALS,
  PATCH_REFUSALS,
  WITHDRAWN_SOURCE_REFUSALS,
  type Emulator
} from '../emulator/emulator.ts'
import { emulatorTest, NO_ZOHO } from '../support/fixtures.ts'
import { EU, HIDE_SECRETS, NAME, debugLines, reusedEveryTime } from '../support/undocumented-shapes.ts'

describe.concurrent('a healthy connection, in each form Adobe may show it, is reused: no Zoho call, no write', () => {
  const it = emulatorTest()
  const forms: [string, Record<string, (stored: string) => string | undefined>][] = [
    [
      'URLs with a trailing slash and an upper-case scheme, the client id in lower case',
      {
        endpoint: (v) => `${v}/`,
        accountsUrl: (v) => `${v.replace('http:', 'HTTP:')}//`,
        clientId: (v) => v.toLowerCase()
      }
    ]
  ]

  // The other forms run in-process: wiring/undocumented-shapes-keep-every-promise.test.ts.
  it.for(forms)('%s, twice in a row', async ([_what, form], { ctx }) => {
    ctx.emulator.shapes.paramForms = { ...HIDE_SECRETS, ...form }
    const existing = ctx.emulator.seedConnection('dev', { name: NAME })
    await reusedEveryTime(ctx, 'bundle', existing.id, 2)
  })
})

describe.concurrent('on Zoho hosts, the data centre is what must agree', () => {
  const it = emulatorTest({ zoho: { ...DEFAULTS.zoho, apiDomain: EU } })

  it.for([
    ['another host of the same data centre', 'https://ZOHOAPIS.EU:443/'],
    ['a path after the host', `${EU}/crm/v8`]
  ])('reuses one whose endpoint Adobe shows as %s, twice in a row', async ([_what, shown], { ctx }) => {
    ctx.emulator.shapes.paramForms = { endpoint: () => shown }
    const existing = ctx.emulator.seedConnection('dev', { name: NAME })
    await reusedEveryTime(ctx, 'bundle', existing.id, 2, { 'zoho-endpoint': EU })
  })
})

describe.concurrent('a written param that Adobe shows in another form', () => {
  const it = emulatorTest()

  it('warns once after the repair, and is not repaired again: twice in a row', async ({ ctx }) => {
    // Adobe shows the endpoint with a path it added: still different from what was written.
    ctx.emulator.shapes.paramForms = { endpoint: (v) => `${v}/crm/v8` }
    const existing = ctx.emulator.seedConnection('dev', { name: NAME })
    existing.auth.params['refreshToken'] = 'rotated'
    const repaired = await ctx.run()
    expect(repaired.errors).toEqual([])
    expect(repaired.outputs['result']).toBe('repaired')
    // The tag digests zoho-client-id too: it is masked, as every value derived from a secret.
    const digest = /\[params:([0-9a-f]{12})\]/.exec(existing.description)?.[1]
    expect(digest).toBeDefined()
    expect(repaired.commands.filter((c) => c.name === 'add-mask').map((c) => c.data)).toContain(digest)
    const url = ctx.emulator.url
    expect(repaired.warnings).toEqual([
      `Adobe shows param endpoint as ${url}/crm/v8 after this run wrote ${url}, and the two still compare as different; later runs with the same inputs will not repair it because of this form.`
    ])
    expect(ctx.emulator.requests('connections.get')).toHaveLength(1)
    const writes = ctx.emulator.writes().length
    for (const n of [1, 2]) {
      const again = await ctx.run()
      expect(again.outputs, `run ${n} after the repair`).toMatchObject({ result: 'reused', verified: 'true' })
      expect(again.warnings).toEqual([])
    }
    expect(ctx.emulator.writes()).toHaveLength(writes)
    expect(ctx.emulator.requests('zoho.token')).toHaveLength(1)
  })
})

describe.concurrent('a gateway 401 or 403 is not a verdict about the connection', () => {
  const it = emulatorTest()
  const cases = (['connections.test', 'connections.explore'] as const).flatMap((route) =>
    ([401, 403] as const).map((status) => [route, status] as const)
  )

  it.for(cases)('%s answering %s once: no write, no Zoho call', async ([route, status], { ctx }) => {
    const existing = ctx.emulator.seedConnection('dev', { name: NAME })
    ctx.emulator.inject(route, GATEWAY_REFUSALS[status])
    const run = await ctx.run(route === 'connections.explore' ? { verify: 'explore' } : {})
    expect(ctx.emulator.requests('zoho.token')).toEqual([])
    expect(ctx.emulator.writes()).toEqual([])
    if (status === 401) {
      // One new IMS token, the request once more: the connection is healthy, and reused.
      expect(run.errors).toEqual([])
      expect(run.outputs).toMatchObject({ 'connection-id': existing.id, result: 'reused', verified: 'true' })
      expect(ctx.emulator.requests('ims.token')).toHaveLength(2)
      expect(ctx.emulator.requests(route)).toHaveLength(2)
    } else {
      expect(run.exitCode).toBe(1)
      expect(run.errors).toHaveLength(1)
      expect(run.errors[0]).toContain('HTTP 403 (403027)')
      expect(run.errors[0]).toContain('adobe-org-id')
      expect(run.errors[0]).not.toMatch(/zoho/i)
      expect(run.errors[0]).toContain(existing.id)
      expect(ctx.emulator.requests(route)).toHaveLength(1)
    }
  })
})

describe.concurrent('a PATCH Adobe refuses for the connector', () => {
  const it = emulatorTest()
  const cases = Object.keys(PATCH_REFUSALS).flatMap((form) =>
    (['update', 'repair'] as const).map((onExisting) => [form as keyof typeof PATCH_REFUSALS, onExisting] as const)
  )

  it.for(cases)('refused as %s, in on-existing: %s, says what to do', async ([form, onExisting], { ctx }) => {
    ctx.emulator.shapes.patchRefusal = form
    const existing = ctx.emulator.seedConnection('dev', { name: NAME })
    existing.auth.params['refreshToken'] = 'rotated'
    const etag = existing.etag
    const run = await ctx.run({ 'on-existing': onExisting })
    expect(run.exitCode).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toContain(PATCH_REFUSALS[form].message)
    expect(run.errors[0]).toContain(
      "Adobe does not allow updating this connection's credentials through the API: to replace them, delete the connection (mode: delete) and run ensure again"
    )
    expect(run.errors[0]).toContain(existing.id)
    expect(existing.etag).toBe(etag)
    expect(ctx.emulator.requests('connections.patch')).toHaveLength(1)
  })
})

describe.concurrent('a create refused for a withdrawn source', () => {
  const it = emulatorTest()

  it.for(Object.keys(WITHDRAWN_SOURCE_REFUSALS) as (keyof typeof WITHDRAWN_SOURCE_REFUSALS)[])(
    'refused as %s: Adobe words and the deprecation',
    async (form, { ctx }) => {
      ctx.emulator.shapes.sourceWithdrawn = form
      const run = await ctx.run()
      expect(run.exitCode).toBe(1)
      expect(run.errors).toHaveLength(1)
      expect(run.errors[0]).toContain(WITHDRAWN_SOURCE_REFUSALS[form].message)
      expect(run.errors[0]).toContain('Adobe announced the deprecation of the Zoho CRM source')
      expect(ctx.emulator.connectionsIn('dev')).toEqual([])
      expect(ctx.emulator.requests('connections.create')).toHaveLength(1)
    }
  )
})

describe.concurrent('a sandbox beyond a capped first page', () => {
  const sandboxes = [
    ...Array.from({ length: 6 }, (_, i) => ({ name: `team-${i}`, state: 'active' })),
    { name: 'dev', state: 'active' }
  ]
  const it = emulatorTest({ sandboxes })

  it.for(['limit', 'next', 'total', 'nothing'] as const)(
    'is found when the answer pages by its own size (saying %s)',
    async (says, { ctx }) => {
      ctx.emulator.shapes.sandboxPaging = { cap: 2, says }
      const run = await ctx.run()
      expect(run.errors).toEqual([])
      expect(run.outputs['result']).toBe('created')
      const offsets = ctx.emulator.requests('sandboxes.list').map((r) => new URLSearchParams(r.query).get('offset'))
      expect(offsets.slice(0, 4)).toEqual(['0', '2', '4', '6'])
    }
  )
})

describe.concurrent('next links without the filters, in a sandbox full of other connections', () => {
  const it = emulatorTest({ pageSize: 2 })

  it('keeps the filters on every page, and finds every same-named connection', async ({ ctx }) => {
    ctx.emulator.shapes.nextLinksDropFilters = true
    for (let i = 0; i < 60; i++) ctx.emulator.seedConnection('dev', { name: `Other connection ${i}` })
    const oldest = ctx.emulator.seedConnection('dev', { name: NAME })
    const twins = [1, 2].map(() => ctx.emulator.seedConnection('dev', { name: NAME }))
    const run = await ctx.run({ mode: 'check' })
    expect(run.errors).toEqual([])
    expect(run.outputs).toMatchObject({ 'connection-id': oldest.id, result: 'found' })
    for (const twin of twins) expect(run.warnings.join(' ')).toContain(twin.id)
    const lists = ctx.emulator.requests('connections.list')
    expect(lists).toHaveLength(2)
    for (const list of lists) expect(new URLSearchParams(list.query).getAll('property')).toHaveLength(2)
  })
})

describe.concurrent('names in another Unicode form', () => {
  const it = emulatorTest()
  const nfd = 'Cafe\u0301 CRM'

  it('stored NFC, sent NFD: warns once with both forms, then is reused', async ({ ctx }) => {
    ctx.emulator.shapes.storeNamesAs = 'NFC'
    const created = await ctx.run({ 'connection-name': nfd })
    expect(created.errors).toEqual([])
    expect(created.outputs['result']).toBe('created')
    expect(ctx.emulator.connectionsIn('dev')[0]?.name).toBe('Caf\u00e9 CRM')
    expect(created.warnings).toEqual([
      'Adobe shows the new connection\'s name as "Caf<U+00E9> CRM", not as sent, "Cafe<U+0301> CRM"; later runs still find it: names are matched after Unicode NFC normalisation.'
    ])
    const id = created.outputs['connection-id'] ?? ''
    const refreshes = ctx.emulator.requests('zoho.token').length
    for (const n of [1, 2]) {
      const again = await ctx.run({ 'connection-name': nfd })
      expect(again.outputs, `run ${n}`).toMatchObject({ 'connection-id': id, result: 'reused' })
      expect(again.warnings).toEqual([])
    }
    expect(ctx.emulator.connectionsIn('dev')).toHaveLength(1)
    expect(ctx.emulator.requests('zoho.token')).toHaveLength(refreshes)
  })
})

describe.concurrent('tables listed by a display label and a path', () => {
  const it = emulatorTest()
  const labelled = (emulator: Emulator) => {
    emulator.shapes.tableLabels = { Leads: 'Sales Leads', Contacts: 'People' }
    emulator.seedConnection('dev', { name: NAME })
  }

  it.for([
    ['by path', 'Leads,Contacts'],
    ['by label', 'Sales Leads,People'],
    ['by either', 'Leads,People,Deals']
  ] as const)('verify-tables names them %s', async ([_how, tables], { ctx }) => {
    labelled(ctx.emulator)
    const run = await ctx.run({ mode: 'check', verify: 'explore', 'verify-tables': tables, ...NO_ZOHO })
    expect(run.errors).toEqual([])
    expect(run.outputs['verified']).toBe('true')
    expect(JSON.parse(run.outputs['tables'] ?? '')).toEqual(['Sales Leads', 'People', 'Accounts', 'Deals'])
  })
})

describe.concurrent('a Zoho refresh whose answer is lost after Zoho minted the token', () => {
  const it = emulatorTest()

  it.for([
    ['an HTTP 502', { kind: 'commit-then-fail', status: 502 }],
    ['a dropped connection', { kind: 'commit-then-fail', reset: true }]
  ] as const)('answered with %s: not sent again, and says a token may be spent', async ([_what, fault], { ctx }) => {
    ctx.emulator.inject('zoho.token', fault)
    const run = await ctx.run()
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toContain(
      'one of the 10 access tokens Zoho issues per refresh token per 10 minutes may have been spent'
    )
    expect(ctx.emulator.requests('zoho.token')).toHaveLength(1)
    expect([...ctx.emulator.zohoRefreshTimes.values()].flat()).toHaveLength(1)
    expect(ctx.emulator.writes()).toEqual([])
  })
})

describe.concurrent('with debug logging, the shape of each answer and never a value', () => {
  const it = emulatorTest()

  it('logs keys, types and which auth params are clear, hidden or absent, once per endpoint', async ({ ctx }) => {
    ctx.emulator.shapes.paramForms = { clientId: () => '1000.****', clientSecret: () => '{CLIENT_SECRET}' }
    const existing = ctx.emulator.seedConnection('dev', { name: NAME })
    const run = await ctx.run({ verify: 'explore' }, { env: { RUNNER_DEBUG: '1' } })
    expect(run.outputs['result']).toBe('reused')
    const shapes = debugLines(run).filter((line) => line.startsWith("Shape of Adobe's answer"))
    const list = shapes.find((line) => line.includes('GET /connections HTTP 200'))
    expect(list).toContain(
      'auth: {specName: string, params: {endpoint: clear, accountsUrl: clear, clientId: hidden, clientSecret: hidden, accessToken: absent, refreshToken: absent}}'
    )
    expect(list).toContain('items: array(1) of {id: string, name: string, description: string')
    expect(shapes.map((line) => line.replace(/:.*/, '')).sort()).toEqual([
      "Shape of Adobe's answer to GET /connectionSpecs/{id} HTTP 200",
      "Shape of Adobe's answer to GET /connections HTTP 200",
      "Shape of Adobe's answer to GET /connections/{id}/explore HTTP 200",
      "Shape of Adobe's answer to GET /sandbox-management/ HTTP 200"
    ])
    const values = [
      existing.id,
      NAME,
      ctx.emulator.url.replace('http://', ''),
      'zoho-crm',
      'Leads',
      'techacct',
      '1000.'
    ]
    for (const line of shapes) for (const value of values) expect(line).not.toContain(value)
  })
})
