/**
 * Documentation that cannot rot: every ```yaml block of the README and of docs/ (and every
 * workflow of this repository) is parsed with GitHub's own workflow parser, and every use of
 * this action passes only inputs that action.yml declares and reads only outputs it declares.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { actionYaml, parseFileCommand, ROOT } from '../support/run-action.ts'

function yamlBlocks(file: string) {
  const text = readFileSync(join(ROOT, file), 'utf8')
  return [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match, i) => ({
    name: `${file} yaml block ${i + 1}`,
    content: match[1] ?? ''
  }))
}
const readmeBlocks = yamlBlocks('README.md')
const docsBlocks = readdirSync(join(ROOT, 'docs'))
  .filter((file) => file.endsWith('.md'))
  .flatMap((file) => yamlBlocks(`docs/${file}`))
const workflowDir = join(ROOT, '.github', 'workflows')
const repositoryWorkflows = readdirSync(workflowDir).map((file) => ({
  name: `.github/workflows/${file}`,
  content: readFileSync(join(workflowDir, file), 'utf8')
}))

// The examples name this repository, as package.json does, at a major tag; `./` is this repository itself.
const REPOSITORY = /github\.com\/([\w.-]+\/[\w.-]+?)(?:\.git)?$/.exec(
  (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { repository: { url: string } }).repository.url
)?.[1]
const THIS_ACTION = new RegExp(`^(\\./|${(REPOSITORY ?? '(none)').replace('.', '\\.')}@v\\d+)$`)

interface Step {
  id?: string
  uses?: string
  with?: Record<string, unknown>
}
interface Workflow {
  jobs: Record<string, { steps?: Step[]; outputs?: Record<string, string> }>
}

function errorsOf(result: ReturnType<typeof parseWorkflow>): string[] {
  return result.context.errors.getErrors().map((error) => error.message)
}

describe('the README', () => {
  it('shows a first workflow and the seven use cases as complete workflows', () => {
    expect(readmeBlocks.length).toBeGreaterThanOrEqual(8)
    for (const block of readmeBlocks) expect(parse(block.content)).toHaveProperty('jobs')
  })

  it('names this action by the repository package.json names, at a major tag', () => {
    expect(REPOSITORY).toBe('aep-actions/base-connection')
    const uses = readmeBlocks.flatMap((block) => [...block.content.matchAll(/uses: (\S+)/g)].map((m) => m[1]))
    expect(uses.length).toBeGreaterThanOrEqual(8)
    for (const name of uses) expect(name).toMatch(THIS_ACTION)
  })
})

describe.each([...readmeBlocks, ...docsBlocks, ...repositoryWorkflows])('$name', ({ name, content }) => {
  const workflow = parse(content) as Workflow

  it("is a valid workflow for GitHub's parser", () => {
    expect(errorsOf(parseWorkflow({ name, content }, new NoOperationTraceWriter()))).toEqual([])
  })

  it('passes this action only declared inputs, with the ones every mode needs', () => {
    const declared = Object.keys(actionYaml.inputs)
    for (const step of Object.values(workflow.jobs).flatMap((job) => job.steps ?? [])) {
      if (!step.uses || !THIS_ACTION.test(step.uses)) continue
      const given = Object.keys(step.with ?? {})
      expect(given.filter((input) => !declared.includes(input))).toEqual([])
      for (const required of ['sandbox', 'adobe-client-id', 'adobe-org-id']) expect(given).toContain(required)
    }
  })

  it("reads only this action's declared outputs, and job outputs that exist", () => {
    const ourSteps = new Set(
      Object.values(workflow.jobs)
        .flatMap((job) => job.steps ?? [])
        .filter((step) => step.uses && THIS_ACTION.test(step.uses) && step.id)
        .map((step) => step.id)
    )
    for (const [, stepId, output] of content.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
      if (ourSteps.has(stepId)) expect(Object.keys(actionYaml.outputs)).toContain(output)
    }
    for (const [, job, output] of content.matchAll(/needs\.([\w-]+)\.outputs\.([\w-]+)/g)) {
      expect(Object.keys(workflow.jobs[job ?? '']?.outputs ?? {})).toContain(output)
    }
  })
})

interface JobWithMatrix {
  needs?: string | string[]
  outputs?: Record<string, string>
  strategy?: { matrix?: { sandbox?: string[] } }
  steps?: (Step & { env?: Record<string, string>; run?: string })[]
}
interface FullWorkflow {
  on: Record<string, unknown> | string
  concurrency?: { group?: string; 'cancel-in-progress'?: boolean }
  jobs: Record<string, JobWithMatrix>
}
const readmeWorkflows = readmeBlocks.map((block) => parse(block.content) as FullWorkflow)
const ourStep = (job: JobWithMatrix) => job.steps?.find((step) => step.uses && THIS_ACTION.test(step.uses))

/** Every order in which the legs of a matrix can finish. */
function orders<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]]
  return items.flatMap((item, i) =>
    orders([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest])
  )
}

/**
 * One leg of a matrix job as the runner evaluates it: this action's step outputs `connectionId`,
 * every other step's `run` is run by bash with its `env` (expressions substituted), and the job's
 * outputs are evaluated from the step outputs at the end of the leg.
 */
function runLeg(job: JobWithMatrix, sandbox: string, connectionId: string): Record<string, string> {
  const stepOutputs: Record<string, Record<string, string>> = {}
  const evaluate = (text: string) =>
    text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => {
      if (expression === 'matrix.sandbox') return sandbox
      const step = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression)
      if (step) return stepOutputs[step[1] ?? '']?.[step[2] ?? ''] ?? ''
      throw new Error(`the test cannot evaluate ${expression}`)
    })
  const dir = mkdtempSync(join(tmpdir(), 'matrix-leg-'))
  try {
    for (const step of job.steps ?? []) {
      if (step === ourStep(job)) stepOutputs[step.id ?? ''] = { 'connection-id': connectionId }
      else if (step.run && step.id) {
        const file = join(dir, `${step.id}-output`)
        writeFileSync(file, '')
        const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([name, value]) => [name, evaluate(value)]))
        // --norc: a bash whose stdin is not a terminal may read ~/.bashrc, and print what that says.
        execFileSync('bash', ['--norc', '-c', step.run], {
          env: { ...env, PATH: process.env['PATH'], HOME: dir, GITHUB_OUTPUT: file },
          stdio: ['ignore', 'pipe', 'pipe']
        })
        stepOutputs[step.id] = parseFileCommand(readFileSync(file, 'utf8'))
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return Object.fromEntries(Object.entries(job.outputs ?? {}).map(([name, value]) => [name, evaluate(value)]))
}

/**
 * The outputs a later job sees: GitHub combines the legs' job outputs, a later leg's value
 * replacing an earlier one's of the same name (GitHub: "Using job outputs in a matrix job").
 */
function combined(legs: readonly Record<string, string>[]): Record<string, string> {
  const outputs: Record<string, string> = {}
  for (const leg of legs) for (const [name, value] of Object.entries(leg)) if (value !== '') outputs[name] = value
  return outputs
}

describe('the README examples that could mislead', () => {
  const matrixJobs = readmeWorkflows.flatMap((workflow) =>
    Object.entries(workflow.jobs)
      .filter(([, job]) => job.strategy?.matrix?.sandbox && ourStep(job))
      .map(([name, job]) => ({ workflow, name, job, sandboxes: job.strategy?.matrix?.sandbox ?? [] }))
  )

  it('has a matrix example whose later job reads each sandbox its own id, whatever order the legs finish in', () => {
    expect(matrixJobs.length).toBeGreaterThan(0)
    for (const { workflow, name, job, sandboxes } of matrixJobs) {
      expect(sandboxes.length).toBeGreaterThan(1)
      const later = Object.values(workflow.jobs).filter((other) => [other.needs ?? []].flat().includes(name))
      expect(later.length).toBeGreaterThan(0)
      for (const reader of later) {
        // Each leg of the later job reads the id by its own sandbox.
        expect(reader.strategy?.matrix?.sandbox).toEqual(sandboxes)
        expect(JSON.stringify(reader.steps)).toContain(`needs.${name}.outputs[matrix.sandbox]`)
      }
      const idOf = (sandbox: string) => `id-of-${sandbox}`
      const legs = new Map(sandboxes.map((sandbox) => [sandbox, runLeg(job, sandbox, idOf(sandbox))]))
      for (const order of orders(sandboxes)) {
        const outputs = combined(order.map((sandbox) => legs.get(sandbox) ?? {}))
        for (const sandbox of sandboxes) expect(outputs[sandbox], order.join(' then ')).toBe(idOf(sandbox))
      }
    }
  })

  it('would hand a later job the wrong id with a single connection-id output: why the example has one per sandbox', () => {
    const { job, sandboxes } = matrixJobs[0] ?? { job: {}, sandboxes: [] }
    const single: JobWithMatrix = { ...job, outputs: { 'connection-id': '${{ steps.zoho.outputs.connection-id }}' } }
    const wrong = orders(sandboxes).some((order) => {
      const outputs = combined(order.map((sandbox) => runLeg(single, sandbox, `id-of-${sandbox}`)))
      return sandboxes.some((sandbox) => outputs['connection-id'] !== `id-of-${sandbox}`)
    })
    expect(wrong).toBe(true)
    expect(job.outputs).not.toHaveProperty('connection-id')
  })

  it('runs the cleaning-up pull-request example one run per pull request, cancelling the older', () => {
    const cleaning = readmeWorkflows.filter(
      (workflow) =>
        'pull_request' in (typeof workflow.on === 'string' ? { [workflow.on]: {} } : workflow.on) &&
        Object.values(workflow.jobs).some((job) => ourStep(job)?.with?.['cleanup'] === 'created')
    )
    expect(cleaning.length).toBeGreaterThan(0)
    for (const workflow of cleaning) {
      expect(workflow.concurrency?.group).toContain('github.event.pull_request.number')
      expect(workflow.concurrency?.['cancel-in-progress']).toBe(true)
      for (const job of Object.values(workflow.jobs)) {
        const name = ourStep(job)?.with?.['connection-name']
        if (ourStep(job)) expect(String(name)).toContain('github.event.pull_request.number')
      }
    }
  })
})
