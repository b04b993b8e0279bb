/**
 * DataflowsClient: the source connections of a base connection, the flows that use them, and each
 * flow's last run, over a real HttpClient on undici's MockAgent: the filters it sends (and sends
 * again on every page), the pages it follows (never to another host), the ids it checks, and how
 * a last run is read when a flow shows one and when it does not.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { lastRunOf, MAX_RUN_READS, outcomeOf, SOURCE_CONNECTIONS_PER_QUERY } from '../../../src/adobe/dataflows.ts'
import { MAX_PAGES } from '../../../src/adobe/pages.ts'
import { TooManyRunReadsError } from '../../../src/plan/pipeline.ts'
import { ServiceError } from '../../../src/errors.ts'
import {
  FLOW,
  flowErrorBody,
  headerOf,
  pathOf,
  platformMock,
  SANDBOX,
  TOKEN,
  type PlatformMock
} from '../../support/flow-service.ts'

const BASE_ID = '2484f2df-c057-4ab5-84f2-dfc0577ab592'
const SOURCES = `${FLOW}/sourceConnections?property=baseConnectionId==${BASE_ID}`

function page(items: unknown[], next?: string): string {
  return JSON.stringify({ items, ...(next === undefined ? {} : { _links: { next: { href: next } } }) })
}

const source = (id: string, baseConnectionId = BASE_ID) => ({
  id,
  name: `source ${id}`,
  baseConnectionId,
  state: 'enabled'
})
const flow = (id: string, sources: string[], extra: Record<string, unknown> = {}) => ({
  id,
  name: `flow ${id}`,
  state: 'enabled',
  sourceConnectionIds: sources,
  ...extra
})
const ran = (state: string) => ({ lastRunDetails: { id: 'run-1', state, startedAtUTC: 1, completedAtUTC: 2 } })

let mock: PlatformMock
const get = (prefix: string) =>
  mock.pool().intercept({ path: (path) => path.startsWith(`${FLOW}${prefix}`), method: 'GET' })
const paths = () => mock.calls().map((call) => pathOf(call))

beforeEach(() => {
  mock = platformMock()
})
afterEach(async () => {
  await mock.close()
})

describe('dataflowsOf: the requests', () => {
  it('asks for the source connections of the connection, with the headers Platform needs, and stops when there are none', async () => {
    get('/sourceConnections').reply(200, page([]))
    expect(await mock.dataflows().dataflowsOf(BASE_ID)).toEqual([])
    expect(paths()).toEqual([SOURCES])
    const [call] = mock.calls()
    expect(call && headerOf(call, 'authorization')).toBe(`Bearer ${TOKEN}`)
    expect(call && headerOf(call, 'x-sandbox-name')).toBe(SANDBOX)
  })

  it('asks for the flows of all its source connections at once, and reads no runs when the flows show their last run', async () => {
    get('/sourceConnections').reply(200, page([source('s1'), source('s2')]))
    get('/flows').reply(200, page([flow('f2', ['s2'], ran('failed')), flow('f1', ['s1'], ran('success'))]))
    const found = await mock.dataflows().dataflowsOf(BASE_ID)
    expect(paths()).toEqual([SOURCES, `${FLOW}/flows?property=sourceConnectionIds[]==s1,s2`])
    expect(found).toEqual([
      { id: 'f1', name: 'flow f1', state: 'enabled', lastRun: 'success' },
      { id: 'f2', name: 'flow f2', state: 'enabled', lastRun: 'failed' }
    ])
  })

  it('follows every page of both listings, sending the filters again beside a token that lacks them', async () => {
    get('/sourceConnections').reply(200, page([source('s1')], '/sourceConnections?continuationToken=t1'))
    get('/sourceConnections').reply(200, page([source('s2')]))
    get('/flows').reply(200, page([flow('f1', ['s1'], ran('success'))], `${FLOW}/flows?continuationToken=t2`))
    get('/flows').reply(200, page([flow('f2', ['s2'], ran('success'))]))
    const found = await mock.dataflows().dataflowsOf(BASE_ID)
    expect(found.map((f) => f.id)).toEqual(['f1', 'f2'])
    expect(paths()).toEqual([
      SOURCES,
      `${FLOW}/sourceConnections?continuationToken=t1&property=baseConnectionId==${BASE_ID}`,
      `${FLOW}/flows?property=sourceConnectionIds[]==s1,s2`,
      `${FLOW}/flows?continuationToken=t2&property=sourceConnectionIds[]==s1,s2`
    ])
  })

  it(`splits many source connections into queries of ${SOURCE_CONNECTIONS_PER_QUERY}, and lists a flow found twice once`, async () => {
    const ids = Array.from({ length: SOURCE_CONNECTIONS_PER_QUERY + 3 }, (_, i) => `s${i}`)
    get('/sourceConnections').reply(200, page(ids.map((id) => source(id))))
    get('/flows')
      .reply(200, page([flow('shared', ['s0', 's22'], ran('success'))]))
      .times(2)
    const found = await mock.dataflows().dataflowsOf(BASE_ID)
    expect(found.map((f) => f.id)).toEqual(['shared'])
    const queries = paths().filter((path) => path.startsWith(`${FLOW}/flows`))
    expect(queries).toHaveLength(2)
    expect(queries.map((path) => path.split('==')[1]?.split(',').length).sort()).toEqual([20, 3])
  })

  it('keeps only what the filters asked for, should the server ignore them', async () => {
    get('/sourceConnections').reply(200, page([source('s1'), source('s9', 'another-base-connection')]))
    get('/flows').reply(200, page([flow('f1', ['s1'], ran('success')), flow('elsewhere', ['s7'], ran('success'))]))
    const found = await mock.dataflows().dataflowsOf(BASE_ID)
    expect(found.map((f) => f.id)).toEqual(['f1'])
    expect(paths()[1]).toBe(`${FLOW}/flows?property=sourceConnectionIds[]==s1`)
  })
})

describe('dataflowsOf: last runs', () => {
  it('reads the runs of a flow that shows no last run, newest first, and takes the newest that ended', async () => {
    get('/sourceConnections').reply(200, page([source('s1')]))
    get('/flows').reply(200, page([flow('f1', ['s1'])]))
    get('/runs').reply(
      200,
      page([
        { id: 'r3', flowId: 'f1', createdAt: 30, metrics: { statusSummary: { status: 'inProgress' } } },
        { id: 'r2', flowId: 'f1', createdAt: 20, metrics: { statusSummary: { status: 'Failed' } } },
        { id: 'r1', flowId: 'f1', createdAt: 10, metrics: { statusSummary: { status: 'success' } } }
      ])
    )
    const [found] = await mock.dataflows().dataflowsOf(BASE_ID)
    expect(found?.lastRun).toBe('failed')
    expect(paths()[2]).toBe(`${FLOW}/runs?property=flowId==f1&orderby=-createdAt&limit=10`)
  })

  it('says none for a flow that never ran, and reads the runs of a flow whose last run has not ended', async () => {
    get('/sourceConnections').reply(200, page([source('s1')]))
    get('/flows').reply(200, page([flow('new', ['s1']), flow('running', ['s1'], ran('inProgress'))]))
    get('/runs').reply(200, page([])).times(2)
    const found = await mock.dataflows().dataflowsOf(BASE_ID)
    expect(found.map((f) => [f.id, f.lastRun])).toEqual([
      ['new', 'none'],
      ['running', 'none']
    ])
    expect(paths().filter((path) => path.includes('/runs?'))).toHaveLength(2)
  })

  it(`refuses to read the runs of more than ${MAX_RUN_READS} flows`, async () => {
    get('/sourceConnections').reply(200, page([source('s1')]))
    const many = Array.from({ length: MAX_RUN_READS + 1 }, (_, i) => flow(`f${i}`, ['s1']))
    get('/flows').reply(200, page(many))
    const error = await mock
      .dataflows()
      .dataflowsOf(BASE_ID)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TooManyRunReadsError)
    expect((error as Error).message).toContain(
      `${MAX_RUN_READS + 1} dataflows that use connection ${BASE_ID} show no last run`
    )
    expect(paths().some((path) => path.includes('/runs?'))).toBe(false)
  })

  it(`for a delete, names all of more than ${MAX_RUN_READS} runless flows without reading a run: their last run is unread`, async () => {
    get('/sourceConnections').reply(200, page([source('s1')]))
    const many = Array.from({ length: MAX_RUN_READS + 1 }, (_, i) => flow(`f${i}`, ['s1']))
    get('/flows').reply(200, page([...many, flow('done', ['s1'], ran('success'))]))
    const found = await mock.dataflows().dataflowsOf(BASE_ID, { lastRuns: 'never' })
    expect(found).toHaveLength(MAX_RUN_READS + 2)
    expect(found.find((f) => f.id === 'done')?.lastRun).toBe('success')
    expect(found.filter((f) => f.lastRun === 'unread')).toHaveLength(MAX_RUN_READS + 1)
    expect(paths().some((path) => path.includes('/runs?'))).toBe(false)
  })

  it('for a delete, reads no run even for one runless flow: a failing run read cannot block it', async () => {
    get('/sourceConnections').reply(200, page([source('s1')]))
    get('/flows').reply(200, page([flow('new', ['s1'])]))
    const found = await mock.dataflows().dataflowsOf(BASE_ID, { lastRuns: 'never' })
    expect(found.map((f) => [f.id, f.lastRun])).toEqual([['new', 'unread']])
    expect(paths().some((path) => path.includes('/runs?'))).toBe(false)
  })

  it.each([
    ['success', 'success'],
    ['SUCCESS', 'success'],
    ['failed', 'failed'],
    ['Failed', 'failed'],
    [' failed ', 'failed'],
    ['inProgress', undefined],
    ['partialSuccess', undefined],
    ['', undefined],
    [null, undefined],
    [undefined, undefined]
  ] as const)('reads %j as the outcome %j', (state, outcome) => {
    expect(outcomeOf(state)).toBe(outcome)
  })

  it('takes the newest ended run by its start time, else by its creation', () => {
    const run = (status: string, createdAt: number, startedAtUTC?: number) => ({
      createdAt,
      metrics: { statusSummary: { status }, ...(startedAtUTC ? { durationSummary: { startedAtUTC } } : {}) }
    })
    expect(lastRunOf([])).toBe('none')
    expect(lastRunOf([run('inProgress', 9)])).toBe('none')
    expect(lastRunOf([run('success', 1), run('failed', 2)])).toBe('failed')
    expect(lastRunOf([run('failed', 5, 1), run('success', 1, 7)])).toBe('success')
  })
})

describe('dataflowsOf: what it refuses', () => {
  it('a flow id that is not a resource id, never repeating it', async () => {
    get('/sourceConnections').reply(200, page([source('s1')]))
    get('/flows').reply(200, page([flow('../../connections/x', ['s1'], ran('success'))]))
    const error = await mock
      .dataflows()
      .dataflowsOf(BASE_ID)
      .catch((e: unknown) => e)
    expect((error as Error).message).toBe(
      "Adobe's Flow Service API answered HTTP 200 with an id that is not a valid resource id while trying to list the dataflows that use the connection; not using it"
    )
  })

  it('a next page on another host: the bearer token is never sent there', async () => {
    get('/sourceConnections').reply(
      200,
      page([source('s1')], 'https://evil.example/data/foundation/flowservice/sourceConnections?continuationToken=t')
    )
    const error = await mock
      .dataflows()
      .dataflowsOf(BASE_ID)
      .catch((e: unknown) => e)
    expect((error as Error).message).toContain('pointed the next page at another host (evil.example); not following it')
    expect(mock.calls()).toHaveLength(1)
  })

  it(`pages without end, stopping after ${MAX_PAGES}`, async () => {
    let n = 0
    get('/sourceConnections')
      .reply(() => ({ statusCode: 200, data: page([], `/sourceConnections?continuationToken=p${++n}`) }))
      .persist()
    const error = await mock
      .dataflows()
      .dataflowsOf(BASE_ID)
      .catch((e: unknown) => e)
    expect((error as Error).message).toContain(`stopped after ${MAX_PAGES} pages`)
    expect(mock.calls()).toHaveLength(MAX_PAGES)
  })

  it('a forbidden read, as a ServiceError with its status and code, never as no dataflows', async () => {
    get('/sourceConnections').reply(200, page([source('s1')]))
    get('/flows').reply(
      403,
      flowErrorBody(403, '2120', 'You do not have sufficient permissions to perform the operation')
    )
    const error = await mock
      .dataflows()
      .dataflowsOf(BASE_ID)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ServiceError)
    expect((error as ServiceError).code).toBe('2120-403')
    expect((error as Error).message).toContain(
      'refused to list the dataflows that use the connection: HTTP 403 (2120-403)'
    )
  })
})
