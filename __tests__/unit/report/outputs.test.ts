/** What the action hands on as outputs, from the inputs and the report alone. */
import { describe, expect, it } from 'vitest'
import { readRawInputs, type InputName } from '../../../src/inputs/contract.ts'
import { parseInputs, settledByInputs } from '../../../src/inputs/parse.ts'
import { stepOutputs } from '../../../src/report/outputs.ts'
import { newReport } from '../../../src/report/report.ts'

const given: Partial<Record<InputName, string>> = {
  sandbox: 'dev',
  'adobe-client-id': 'client',
  'adobe-client-secret': 'adobe-secret',
  'adobe-org-id': '0A1B2C3D4E5F60718293A4B5@AdobeOrg',
  'zoho-region': 'eu',
  'zoho-client-id': '1000.CLIENT',
  'zoho-client-secret': 'zoho-secret',
  'zoho-refresh-token': '1000.refresh',
  verify: 'explore'
}
const inputs = settledByInputs(parseInputs(readRawInputs((name) => given[name] ?? '')))

describe('the outputs', () => {
  it('hand on tables as bounded JSON, deleted ids comma-separated, and the failure as reason', () => {
    const report = { ...newReport(), tables: Array.from({ length: 600 }, (_, i) => `T${i}`), reason: 'why' }
    report.deletedIds.push('a', 'b')
    const outputs = stepOutputs(inputs, report, undefined)
    expect((JSON.parse(outputs['tables'] ?? '') as string[]).length).toBe(500)
    expect(outputs['deleted-ids']).toBe('a,b')
    expect(outputs['reason']).toBe('why')
    expect(stepOutputs(inputs, report, 'it failed')['reason']).toBe('it failed')
  })

  it('hand on the dataflows as bounded JSON with dataflows list or healthy, and nothing with skip', () => {
    const dataflows = Array.from({ length: 150 }, (_, i) => ({
      id: `flow-${i}`,
      name: i === 0 ? 'n'.repeat(1000) : `Flow ${i}`,
      state: 'enabled',
      lastRun: 'none' as const
    }))
    const report = { ...newReport(), dataflows }
    const listed = JSON.parse(stepOutputs({ ...inputs, listsDataflows: true }, report, undefined)['dataflows']) as {
      id: string
      name: string
    }[]
    expect(listed).toHaveLength(100)
    expect(listed[0]).toEqual({ id: 'flow-0', name: 'n'.repeat(256), state: 'enabled', lastRun: 'none' })
    expect(
      stepOutputs({ ...inputs, listsDataflows: true }, { ...newReport(), dataflows: [] }, undefined)['dataflows']
    ).toBe('[]')
    // Not read (a failed read, or a mode that reads none): empty, never "[]".
    expect(stepOutputs({ ...inputs, listsDataflows: true }, newReport(), 'it failed')['dataflows']).toBe('')
    expect(stepOutputs(inputs, report, undefined)['dataflows']).toBe('')
  })
})
