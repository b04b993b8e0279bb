// Writes the inputs and outputs tables of README.md from action.yml (`npm run docs`), so the
// two can never disagree; a test fails when the README's tables are not what this would write.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'

interface ActionYaml {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>
  outputs: Record<string, { description: string }>
}

const root = join(import.meta.dirname, '..')
const cell = (text: string) => text.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|')

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

export function replaceBetween(text: string, marker: string, content: string): string {
  const start = `<!-- ${marker}:start -->`
  const end = `<!-- ${marker}:end -->`
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from < 0 || to < from) throw new Error(`README.md lacks the ${start} … ${end} markers`)
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`
}

if (process.argv[1] === import.meta.filename) {
  const tables = readmeTables(readFileSync(join(root, 'action.yml'), 'utf8'))
  const readme = readFileSync(join(root, 'README.md'), 'utf8')
  writeFileSync(
    join(root, 'README.md'),
    replaceBetween(replaceBetween(readme, 'inputs', tables.inputs), 'outputs', tables.outputs)
  )
  console.log('README.md tables written from action.yml')
}
