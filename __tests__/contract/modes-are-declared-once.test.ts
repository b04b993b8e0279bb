/**
 * Each mode is declared once, in src/modes.ts. The `mode` input's reader, action.yml's mode and
 * result descriptions and the README's table of missions are held to that table here; the plan's
 * dispatch and the inputs' types per mode derive from it (a mode without its plan does not
 * compile); and every mode's run ends with a result the table lists for it.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readRawInputs } from '../../src/inputs/contract.ts'
import { parseInputs } from '../../src/inputs/parse.ts'
import { MODE_NAMES, MODES, type Mode } from '../../src/modes.ts'
import { executePlan } from '../../src/plan/plan.ts'
import { harness } from '../support/memory-store.ts'
import { actionYaml, ROOT } from '../support/run-action.ts'

const allResults = (key: 'results' | 'dryRunResults') => new Set(MODE_NAMES.flatMap((mode) => MODES[mode][key]))

describe('the modes', () => {
  it('are what the mode input accepts, and nothing else', () => {
    const base = {
      sandbox: 'dev',
      'adobe-client-id': 'client',
      'adobe-client-secret': 'secret-value',
      'adobe-org-id': '0A1B2C3D4E5F60718293A4B5@AdobeOrg',
      'zoho-region': 'eu',
      'zoho-client-id': '1000.CLIENT',
      'zoho-client-secret': 'zoho-secret',
      'zoho-refresh-token': '1000.refresh'
    }
    const given = (mode: string): Partial<Record<string, string>> => ({ ...base, mode })
    const parse = (mode: string) => () => parseInputs(readRawInputs((name) => given(mode)[name] ?? ''))
    for (const mode of MODE_NAMES) expect(parse(mode)().mode).toBe(mode)
    expect(parse('sync')).toThrow(`mode must be one of ${MODE_NAMES.join(', ')}, got "sync"`)
  })

  it("are named in action.yml's mode description, each with its summary", () => {
    const description = actionYaml.inputs['mode']?.description.replace(/\s+/g, ' ') ?? ''
    const named = [...description.matchAll(/\b([a-z]+) \(([^)]*)\)/g)].map(([, mode, summary]) => [mode, summary])
    expect(named).toEqual(MODE_NAMES.map((mode) => [mode, MODES[mode].summary]))
  })

  it("give exactly the results action.yml's result output lists", () => {
    const description = actionYaml.outputs['result']?.description.replace(/\s+/g, ' ') ?? ''
    const [plain = '', dry = ''] = description.split(/with dry-run/)
    const known = new Set<string>([...allResults('results'), ...allResults('dryRunResults')])
    const listed = (text: string) =>
      new Set((text.match(/[a-z]+(?:-[a-z]+)?/g) ?? []).filter((word) => known.has(word)))
    expect(listed(plain)).toEqual(allResults('results'))
    const wouldBe = [...allResults('dryRunResults')].filter((result) => result.startsWith('would-'))
    expect(listed(dry)).toEqual(new Set(wouldBe))
  })

  it("give exactly the results the README's table of missions lists for them", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    const table = readme.slice(readme.indexOf('## Use cases')).split('\n\n')[2] ?? ''
    const rows = table.split('\n').slice(2)
    for (const mode of MODE_NAMES) {
      const results = rows
        .filter((row) => row.includes(`\`mode: ${mode}\``))
        .flatMap((row) => [...(row.split(' | ').at(-1) ?? '').matchAll(/`([a-z-]+)`/g)].map((m) => m[1]))
      expect(new Set(results), mode).toEqual(new Set(MODES[mode].results))
    }
  })

  it.each(MODE_NAMES)('%s ends a run with a result the table lists for it, or fails', async (mode: Mode) => {
    for (const dryRun of [false, true]) {
      const run = harness({ mode, dryRun })
      if (mode !== 'create') run.store.seed({ name: 'Zoho CRM base connection' })
      await executePlan(run)
      const results: readonly string[] = dryRun ? MODES[mode].dryRunResults : MODES[mode].results
      expect(results).toContain(run.report.result)
    }
  })

  it('a mode that does not write, and a dry run, cannot send a write', async () => {
    for (const settings of [{ mode: 'check' as const }, { mode: 'delete' as const, dryRun: true }]) {
      const run = harness(settings)
      run.store.seed({ name: 'Zoho CRM base connection' })
      await executePlan(run)
      expect(run.store.calls.filter((call) => /^(create|patch|delete)/.test(call))).toEqual([])
    }
    expect(MODE_NAMES.filter((mode) => !MODES[mode].writes)).toEqual(['check'])
  })
})
