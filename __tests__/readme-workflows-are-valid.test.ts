/**
 * Documentation that cannot rot: every ```yaml block of the README and of docs/ (and every
 * workflow of this repository) is parsed with GitHub's own workflow parser, and every use of
 * this action passes only inputs that action.yml declares and reads only outputs it declares.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { actionYaml, ROOT } from './support/run-action.ts'

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

// The README's `uses: <owner>/<repo>@v1` is a placeholder that cannot run as written; `./` is this repository.
const THIS_ACTION = /^(\.\/|<owner>\/<repo>@v\d+)$/

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

  it('uses only the placeholder for this action, never a name that could be someone real', () => {
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
