/**
 * A user copies examples from several places (the README, docs/, the live workflow): each setting
 * must come from the same place in all of them, or an example fails as copied. What the action
 * masks (its secret inputs) comes from `secrets.`, everything else from `vars.` (or is written out),
 * each setting under one name, and the set-up creates every variable and secret an example reads.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { SECRET_INPUTS } from '../../src/inputs/contract.ts'
import { ROOT } from '../support/run-action.ts'

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8')
const DOCS = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`)
]
// The live workflow reads a real org's settings as a user's would; CI's runs point at the emulator.
const WORKFLOWS = ['.github/workflows/live-sandbox.yml']

interface Step {
  uses?: string
  with?: Record<string, unknown>
}
interface Workflow {
  jobs?: Record<string, { steps?: Step[] }>
}

/** Every workflow a user may copy: the README's and docs' yaml blocks and the live workflow. */
const workflows: { file: string; workflow: Workflow }[] = [
  ...DOCS.flatMap((file) =>
    [...read(file).matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => ({ file, workflow: parse(m[1] ?? '') as Workflow }))
  ),
  ...WORKFLOWS.map((file) => ({ file, workflow: parse(read(file)) as Workflow }))
].filter(({ workflow }) => workflow && typeof workflow === 'object' && 'jobs' in workflow)

/** Each input this action is given, with the value as written, from every step that uses it. */
const given = workflows.flatMap(({ file, workflow }) =>
  Object.values(workflow.jobs ?? {})
    .flatMap((job) => job.steps ?? [])
    .filter((step) => step.uses === './' || /^[\w.<>-]+\/[\w.<>-]+@/.test(step.uses ?? ''))
    .filter((step) => !/^actions\//.test(step.uses ?? ''))
    .flatMap((step) => Object.entries(step.with ?? {}).map(([input, value]) => ({ file, input, value: String(value) })))
)

const referenced = (text: string, kind: 'secrets' | 'vars') =>
  [...text.matchAll(new RegExp(`\\b${kind}\\.([A-Z][A-Z0-9_]*)`, 'g'))].map((m) => m[1] ?? '')

/** The account settings: one name each, the same in every example. */
/** Masked by the action: its secret inputs, and every value of auth-params. */
const MASKED: readonly string[] = [...SECRET_INPUTS, 'auth-params']

const ACCOUNT_INPUTS = [
  'adobe-client-id',
  'adobe-client-secret',
  'adobe-org-id',
  'zoho-region',
  'zoho-client-id',
  'zoho-client-secret',
  'zoho-refresh-token'
]

describe('one convention per setting', () => {
  it('finds the examples it judges', () => {
    expect(workflows.length).toBeGreaterThanOrEqual(10)
    expect(given.filter((g) => g.input === 'adobe-org-id').length).toBeGreaterThanOrEqual(10)
  })

  it('gives each secret input from secrets., and every other input from vars. or as written', () => {
    const wrong = given.filter(({ input, value }) =>
      MASKED.includes(input) ? referenced(value, 'vars').length > 0 : referenced(value, 'secrets').length > 0
    )
    expect(wrong).toEqual([])
  })

  it.each(ACCOUNT_INPUTS)('gives %s the same way in every example', (input) => {
    const forms = new Set(given.filter((g) => g.input === input && !g.value.startsWith('not-a-')).map((g) => g.value))
    expect({ input, forms: [...forms] }).toEqual({ input, forms: [[...forms][0]] })
  })

  it('names the Zoho data centre one way: zoho-region, never zoho-endpoint, in the examples', () => {
    expect(given.filter((g) => g.input === 'zoho-endpoint')).toEqual([])
  })

  it('never reads one name both as a secret and as a variable', () => {
    const everything = [...DOCS, ...WORKFLOWS].map(read).join('\n')
    const secrets = new Set(referenced(everything, 'secrets'))
    expect(referenced(everything, 'vars').filter((name) => secrets.has(name))).toEqual([])
  })

  it('creates in its set-up every variable and secret an example reads', () => {
    const everything = [...DOCS, ...WORKFLOWS].map(read).join('\n')
    const setUp = DOCS.map(read).join('\n')
    const created = (kind: 'secret' | 'variable') =>
      new Set([...setUp.matchAll(new RegExp(`gh ${kind} set ([A-Z][A-Z0-9_]*)`, 'g'))].map((m) => m[1]))
    const secrets = created('secret')
    const variables = created('variable')
    const builtIn = new Set(['GITHUB_TOKEN'])
    expect([...new Set(referenced(everything, 'secrets'))].filter((n) => !secrets.has(n) && !builtIn.has(n))).toEqual(
      []
    )
    expect([...new Set(referenced(everything, 'vars'))].filter((n) => !variables.has(n))).toEqual([])
  })
})
