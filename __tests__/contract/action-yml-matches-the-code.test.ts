import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_SCOPES,
  INPUT_DEFAULTS,
  INPUT_NAMES,
  SECRET_INPUTS,
  ZOHO_CRM_SPEC_ID
} from '../../src/inputs/contract.ts'
import { parseInputs, settledByInputs } from '../../src/inputs/parse.ts'
import { STEP_OUTPUTS, stepOutputs } from '../../src/report/outputs.ts'
import { newReport } from '../../src/report/report.ts'
import { ACTION_VERSION } from '../../src/version.ts'
import { actionYaml, ROOT } from '../support/run-action.ts'

/** Every input empty, as a runner without defaults gives them, but for a valid check. */
function checkInputs() {
  const raw = Object.fromEntries(INPUT_NAMES.map((name) => [name, ''])) as Record<(typeof INPUT_NAMES)[number], string>
  return {
    ...raw,
    sandbox: 'dev',
    'adobe-client-id': 'c',
    'adobe-client-secret': 'secret',
    'adobe-org-id': 'A@AdobeOrg',
    mode: 'check'
  }
}

const runs = (actionYaml as unknown as { runs: { using: string; main: string } }).runs

describe('action.yml declares the contract, and the code reads exactly it', () => {
  it('runs the committed bundle on node24', () => {
    // The post step deletes what cleanup: created asks for; it decides itself whether to act.
    expect(runs).toEqual({ using: 'node24', main: 'dist/index.js', post: 'dist/post/index.js', 'post-if': 'always()' })
  })

  it('declares every input the code reads, and no other, in the same order', () => {
    expect(Object.keys(actionYaml.inputs)).toEqual(INPUT_NAMES)
  })

  it('marks as required only what every mode needs', () => {
    const required = Object.entries(actionYaml.inputs)
      .filter(([, spec]) => spec.required)
      .map(([name]) => name)
    expect(required.sort()).toEqual(['adobe-client-id', 'adobe-org-id', 'sandbox'])
  })

  it('declares exactly the defaults of the code’s one table of defaults', () => {
    const declared = Object.fromEntries(
      INPUT_NAMES.map((name) => {
        const value = actionYaml.inputs[name]?.default
        return [name, value === undefined ? undefined : String(value)]
      })
    )
    expect(declared).toEqual(INPUT_DEFAULTS)
  })

  it('has the same defaults as the code uses for an empty input', () => {
    const valid = checkInputs()
    const fromEmpty = parseInputs(valid)
    const withDefaults = { ...valid }
    for (const [name, spec] of Object.entries(actionYaml.inputs)) {
      if (spec.default !== undefined && name !== 'mode')
        withDefaults[name as keyof typeof withDefaults] = String(spec.default)
    }
    expect(parseInputs(withDefaults)).toEqual(fromEmpty)
    expect(actionYaml.inputs['adobe-scopes']?.default).toBe(DEFAULT_SCOPES)
    // Each source gives its own spec, name and auth spec (SOURCE_DEFAULTS), so action.yml gives none.
    expect(actionYaml.inputs['connection-spec-id']?.default).toBeUndefined()
    expect(fromEmpty.connection.specId).toBe(ZOHO_CRM_SPEC_ID)
    expect(actionYaml.inputs['source']?.default).toBe('zoho-crm')
    expect(actionYaml.inputs['mode']?.default).toBe('ensure')
  })

  it('gives no secret input a default', () => {
    for (const name of SECRET_INPUTS) expect(actionYaml.inputs[name]?.default).toBeUndefined()
  })

  it('declares exactly the outputs the code sets, in the same order', () => {
    expect(Object.keys(actionYaml.outputs)).toEqual([...STEP_OUTPUTS])
    const inputs = parseInputs(checkInputs())
    const outputs = stepOutputs(settledByInputs(inputs), newReport(), undefined)
    expect(Object.keys(outputs)).toEqual([...STEP_OUTPUTS])
  })

  it('sends the version of package.json in its User-Agent', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
    expect(ACTION_VERSION).toBe(pkg.version)
  })
})
