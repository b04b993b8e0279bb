/** The rules over the dataflows that use a connection: which are healthy, and the words naming them. */
import { describe, expect, it } from 'vitest'
import {
  boundedList,
  dataflowCounts,
  describeDataflow,
  inUseReason,
  isDraft,
  isEnabled,
  MAX_NAMED_DATAFLOWS,
  unhealthyDataflows,
  whyUnhealthy
} from '../../../src/plan/dataflow-rules.ts'
import type { Dataflow, LastRun } from '../../../src/plan/pipeline.ts'

const ID = '3d17a4ff-9e0a-4f7c-94bb-bc0b61a3a76d'
const flow = (state: string, lastRun: LastRun, name = 'Contacts daily', id = ID): Dataflow => ({
  id,
  name,
  state,
  lastRun
})

describe('dataflows: healthy', () => {
  it.each([
    ['enabled', 'success', undefined],
    ['enabled', 'none', undefined],
    ['Enabled', 'success', undefined],
    [' enabled ', 'none', undefined],
    ['enabled', 'failed', 'its last run failed'],
    ['disabled', 'success', 'is disabled, not enabled'],
    ['disabled', 'none', 'is disabled, not enabled'],
    ['disabled', 'failed', 'is disabled, not enabled, and its last run failed'],
    ['draft', 'none', 'is a draft (state draft), not enabled'],
    ['Draft', 'none', 'is a draft (state Draft), not enabled'],
    ['DRAFT', 'failed', 'is a draft (state DRAFT), not enabled, and its last run failed'],
    ['inactive', 'success', 'is inactive, not enabled'],
    ['unknown', 'success', 'is unknown, not enabled'],
    ['enabled-finalizing', 'success', 'is enabled-finalizing, not enabled']
  ] as const)('a dataflow %s whose last run is %s: %s', (state, lastRun, why) => {
    expect(whyUnhealthy(flow(state, lastRun))).toBe(why)
  })

  it('names only the unhealthy ones, in the order given', () => {
    const flows = [
      flow('enabled', 'success', 'a', 'id-a'),
      flow('disabled', 'none', 'b', 'id-b'),
      flow('enabled', 'none', 'c', 'id-c'),
      flow('enabled', 'failed', 'd', 'id-d')
    ]
    expect(unhealthyDataflows(flows).map(({ dataflow, why }) => [dataflow.id, why])).toEqual([
      ['id-b', 'is disabled, not enabled'],
      ['id-d', 'its last run failed']
    ])
    expect(unhealthyDataflows([])).toEqual([])
  })

  it('reads states in any case', () => {
    expect(isEnabled('ENABLED')).toBe(true)
    expect(isEnabled(undefined)).toBe(false)
    expect(isDraft('draft')).toBe(true)
    expect(isDraft('drafted')).toBe(false)
    expect(isDraft(undefined)).toBe(false)
  })
})

describe('the words that name dataflows', () => {
  it('names a dataflow by id and name, shortening a long name and leaving out a missing one', () => {
    expect(describeDataflow(flow('enabled', 'none'))).toBe(`${ID} ("Contacts daily")`)
    expect(describeDataflow(flow('enabled', 'none', ''))).toBe(ID)
    const long = describeDataflow(flow('enabled', 'none', 'n'.repeat(500)))
    expect(long).toBe(`${ID} ("${'n'.repeat(79)}…")`)
  })

  it.each([
    [0, ''],
    [1, 'x1'],
    [MAX_NAMED_DATAFLOWS, Array.from({ length: MAX_NAMED_DATAFLOWS }, (_, i) => `x${i + 1}`).join(', ')],
    [
      MAX_NAMED_DATAFLOWS + 3,
      `${Array.from({ length: MAX_NAMED_DATAFLOWS }, (_, i) => `x${i + 1}`).join(', ')} and 3 more`
    ]
  ])('bounds a list of %i', (count, text) => {
    expect(boundedList(Array.from({ length: count }, (_, i) => `x${i + 1}`))).toBe(text)
  })

  it('counts states and last runs', () => {
    expect(dataflowCounts([])).toBe('no dataflow')
    expect(dataflowCounts([flow('enabled', 'success')])).toBe('1 dataflow: 1 enabled; last runs: 1 success')
    expect(dataflowCounts([flow('enabled', 'success'), flow('draft', 'none'), flow('enabled', 'failed')])).toBe(
      '3 dataflows: 2 enabled, 1 draft; last runs: 1 success, 1 none, 1 failed'
    )
  })

  it('says which dataflows use a connection and that they must be deleted first', () => {
    expect(inUseReason([flow('enabled', 'none')])).toBe(
      `1 dataflow uses it: ${ID} ("Contacts daily"); delete it first (Adobe refuses to delete a base connection that dataflows use; this action never deletes a dataflow)`
    )
    const many = Array.from({ length: 12 }, (_, i) => flow('enabled', 'none', `f${i}`, `id-${i}`))
    const reason = inUseReason(many)
    expect(reason).toMatch(/^12 dataflows use it: id-0 \("f0"\), .* and 2 more; delete them first/)
    expect(reason).not.toContain('id-10')
  })

  it("falls back on Adobe's refusal when none is listed, or none could be read", () => {
    expect(inUseReason([])).toBe(
      "Adobe refuses to delete it because dataflows use it (FLOW 1418-400), though none is listed for this credential (one created moments ago, or one whose access labels this credential's roles lack): delete those dataflows first (this action never deletes a dataflow)"
    )
    expect(inUseReason(undefined)).toBe(
      'Adobe refuses to delete it because dataflows use it (FLOW 1418-400): delete those dataflows first (this action never deletes a dataflow)'
    )
  })

  it('speaks of no source', () => {
    const words = [inUseReason([flow('enabled', 'none')]), inUseReason([]), whyUnhealthy(flow('draft', 'failed'))]
    for (const text of words) expect(text).not.toMatch(/zoho|hubspot/i)
  })
})
