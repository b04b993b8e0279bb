import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readmeTables, replaceBetween } from '../../scripts/readme-tables.ts'
import { reliabilityPage } from '../../scripts/reliability.ts'
import { ROOT } from '../support/run-action.ts'

describe("the README's inputs and outputs tables", () => {
  it('are exactly what action.yml generates (run `npm run docs` after changing action.yml)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    const tables = readmeTables(readFileSync(join(ROOT, 'action.yml'), 'utf8'))
    expect(replaceBetween(replaceBetween(readme, 'inputs', tables.inputs), 'outputs', tables.outputs)).toBe(readme)
  })
})

describe('docs/reliability.md', () => {
  it('is exactly what the fault matrix and the bad inputs write (run `npm run docs` after changing them)', () => {
    expect(readFileSync(join(ROOT, 'docs', 'reliability.md'), 'utf8')).toBe(reliabilityPage())
  })
})
