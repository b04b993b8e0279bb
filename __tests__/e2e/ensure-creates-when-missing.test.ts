import { describe, expect } from 'vitest'
import { DEFAULTS, ZOHO_SPEC_ID } from '../emulator/emulator.ts'
import { emulatorTest } from '../support/fixtures.ts'

describe.concurrent('ensure creates the connection when none has its name', () => {
  const it = emulatorTest()

  it('creates exactly one connection, verifies it and outputs its id', async ({ ctx }) => {
    const run = await ctx.run()
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    const [connection] = ctx.emulator.connectionsIn('dev')
    expect(ctx.emulator.connectionsIn('dev')).toHaveLength(1)
    expect(run.outputs).toEqual({
      'connection-id': connection?.id,
      etag: connection?.etag,
      state: 'enabled',
      result: 'created',
      created: 'true',
      verified: 'true',
      tables: '',
      dataflows: '',
      'deleted-ids': '',
      reason: 'no connection named "Zoho CRM base connection" existed',
      sandbox: 'dev',
      'zoho-api-domain': ctx.emulator.url,
      'zoho-accounts-url': ctx.emulator.url
    })
  })

  it('sends exactly the body of the seed tutorial, with the minted Zoho token', async ({ ctx }) => {
    await ctx.run()
    const [create] = ctx.emulator.requests('connections.create')
    const [zohoToken] = ctx.emulator.issuedZohoTokens
    const body = JSON.parse(create?.body ?? '') as Record<string, unknown>
    // The run marker lets a run recognise its own creations (README, "Consistency").
    expect(body['description']).toMatch(
      /^Managed by GitHub Actions: octo-org\/data-platform, workflow "provision-aep" \[aep-run:1\.1\.[0-9a-f]{12}\] \[params:[0-9a-f]{12}\]$/
    )
    expect({ ...body, description: 'checked above' }).toEqual({
      name: 'Zoho CRM base connection',
      description: 'checked above',
      auth: {
        specName: 'Basic Authentication',
        params: {
          endpoint: ctx.emulator.url,
          accountsUrl: ctx.emulator.url,
          clientId: DEFAULTS.zoho.clientId,
          clientSecret: DEFAULTS.zoho.clientSecret,
          accessToken: zohoToken,
          refreshToken: DEFAULTS.zoho.refreshToken
        }
      },
      connectionSpec: { id: ZOHO_SPEC_ID, version: '1.0' }
    })
  })

  it('sends the headers Adobe requires on every Platform call', async ({ ctx }) => {
    await ctx.run()
    const [imsToken] = ctx.emulator.issuedImsTokens
    const platform = ctx.emulator.log.filter((entry) => entry.path.startsWith('/data/'))
    expect(platform.length).toBeGreaterThanOrEqual(6)
    for (const entry of platform) {
      expect(entry.headers).toMatchObject({
        authorization: `Bearer ${imsToken}`,
        'x-api-key': DEFAULTS.clientId,
        'x-gw-ims-org-id': DEFAULTS.orgId,
        accept: 'application/json',
        'user-agent': 'aep-zoho-crm-connection-action/1.0.0'
      })
      if (entry.path.includes('/flowservice/')) expect(entry.headers['x-sandbox-name']).toBe('dev')
    }
    const [create] = ctx.emulator.requests('connections.create')
    expect(create?.headers['content-type']).toBe('application/json')
  })

  it('exchanges the client secret at IMS in the form body, never the URL', async ({ ctx }) => {
    await ctx.run()
    const [ims] = ctx.emulator.requests('ims.token')
    expect(ims?.query).toBe('')
    expect(ims?.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(Object.fromEntries(new URLSearchParams(ims?.body))).toEqual({
      grant_type: 'client_credentials',
      client_id: DEFAULTS.clientId,
      client_secret: DEFAULTS.clientSecret,
      scope: 'openid,session,AdobeID,read_organizations,additional_info.projectedProductContext'
    })
  })

  it('uses the given description, and a given Zoho access token instead of the minted one', async ({ ctx }) => {
    await ctx.run({
      'connection-description': 'Owned by the data team',
      'zoho-access-token': 'given-access-token-1234'
    })
    const body = JSON.parse(ctx.emulator.requests('connections.create')[0]?.body ?? '') as {
      description: string
      auth: { params: { accessToken: string } }
    }
    expect(body.description).toMatch(/^Owned by the data team \[aep-run:[0-9.a-f]+\] \[params:[0-9a-f]{12}\]$/)
    expect(body.auth.params.accessToken).toBe('given-access-token-1234')
    expect(ctx.emulator.requests('zoho.token')).toHaveLength(1)
  })

  it('writes a job summary with mode, sandbox, name, id, result, verification and time', async ({ ctx }) => {
    const run = await ctx.run()
    const id = run.outputs['connection-id'] ?? ''
    for (const cell of [
      '<th>Mode</th><td>ensure</td>',
      '<th>Sandbox</th><td>dev</td>',
      '<th>Name</th><td>Zoho CRM base connection</td>'
    ]) {
      expect(run.summary).toContain(cell)
    }
    expect(run.summary).toContain(`<th>Connection id</th><td>${id}</td>`)
    expect(run.summary).toContain('<th>Result</th><td>created</td>')
    expect(run.summary).toContain('<th>Verification</th><td>passed&#58; test</td>')
    expect(run.summary).toMatch(/<th>Time<\/th><td>\d+\.\d s<\/td>/)
  })
})

describe.concurrent('the log of a run', () => {
  const it = emulatorTest()

  it('groups each phase, and its debug lines name each request and its Adobe request id', async ({ ctx }) => {
    const run = await ctx.run({}, { env: { RUNNER_DEBUG: '1' } })
    const groups = run.lines
      .filter((line) => line.startsWith('::group::'))
      .map((line) => line.slice('::group::'.length))
    expect(groups).toEqual([
      'Sign in to Adobe IMS',
      'Look up "Zoho CRM base connection" in sandbox "dev"',
      'Create "Zoho CRM base connection"',
      `Verify ${run.outputs['connection-id']} and look for a concurrent twin`
    ])
    expect(run.lines.filter((line) => line === '::endgroup::')).toHaveLength(groups.length)
    const debug = run.lines.filter((line) => line.startsWith('::debug::'))
    expect(debug).toContain(
      `::debug::POST ${ctx.emulator.url}/data/foundation/flowservice/connections (create the connection, attempt 1)`
    )
    expect(debug.some((line) => /connections answered HTTP 201 \(request id emu-\d+\)$/.test(line))).toBe(true)
  })
})
