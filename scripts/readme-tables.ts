// Writes the inputs and outputs tables of docs/reference.md, and the README's one-line index of
// them, from action.yml (`npm run docs`), so none of them can disagree with it; a test fails when
// either file is not what this would write.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'

interface ActionYaml {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>
  outputs: Record<string, { description: string }>
}

const root = join(import.meta.dirname, '..')
const cell = (text: string) => text.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|')

/** The full tables, with each input's and output's description (docs/reference.md). */
export function readmeTables(actionYml: string): { inputs: string; outputs: string } {
  const action = parse(actionYml) as ActionYaml
  const inputs = [
    '| input | required | default | description |',
    '| --- | --- | --- | --- |',
    ...Object.entries(action.inputs).map(
      ([name, spec]) =>
        `| \`${name}\` | ${spec.required ? 'yes' : 'no'} | ${spec.default === undefined ? '' : `\`${cell(String(spec.default))}\``} | ${cell(spec.description)} |`
    )
  ].join('\n')
  const outputs = [
    '| output | description |',
    '| --- | --- |',
    ...Object.entries(action.outputs).map(([name, spec]) => `| \`${name}\` | ${cell(spec.description)} |`)
  ].join('\n')
  return { inputs, outputs }
}

/** The README's index: every input with its default (or `required`), every output, each linked to its row. */
export function readmeIndex(actionYml: string): { inputs: string; outputs: string } {
  const action = parse(actionYml) as ActionYaml
  const inputs = Object.entries(action.inputs)
    .map(([name, spec]) => {
      const value = spec.required ? ' (required)' : spec.default ? ` (\`${cell(String(spec.default))}\`)` : ''
      return `\`${name}\`${value}`
    })
    .join(' · ')
  const outputs = Object.keys(action.outputs)
    .map((name) => `\`${name}\``)
    .join(' · ')
  return { inputs, outputs }
}

export function replaceBetween(text: string, marker: string, content: string): string {
  const start = `<!-- ${marker}:start -->`
  const end = `<!-- ${marker}:end -->`
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from < 0 || to < from) throw new Error(`the file lacks the ${start} … ${end} markers`)
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`
}

const withBoth = (text: string, parts: { inputs: string; outputs: string }) =>
  replaceBetween(replaceBetween(text, 'inputs', parts.inputs), 'outputs', parts.outputs)

/** What README.md and docs/reference.md hold once written from `actionYml`. */
export function writtenDocs(
  actionYml: string,
  readme: string,
  reference: string
): { readme: string; reference: string } {
  return { readme: withBoth(readme, readmeIndex(actionYml)), reference: withBoth(reference, readmeTables(actionYml)) }
}

if (process.argv[1] === import.meta.filename) {
  const actionYml = readFileSync(join(root, 'action.yml'), 'utf8')
  const paths = { readme: join(root, 'README.md'), reference: join(root, 'docs', 'reference.md') }
  const written = writtenDocs(actionYml, readFileSync(paths.readme, 'utf8'), readFileSync(paths.reference, 'utf8'))
  writeFileSync(paths.readme, written.readme)
  writeFileSync(paths.reference, written.reference)
  console.log('README.md index and docs/reference.md tables written from action.yml')
}
