import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writtenDocs } from '../../scripts/readme-tables.ts'
import { reliabilityPage } from '../../scripts/reliability.ts'
import { ROOT } from '../support/run-action.ts'

describe("the inputs and outputs in docs/reference.md and the README's index of them", () => {
  it('are exactly what action.yml generates (run `npm run docs` after changing action.yml)', () => {
    const read = (...path: string[]) => readFileSync(join(ROOT, ...path), 'utf8')
    const readme = read('README.md')
    const reference = read('docs', 'reference.md')
    expect(writtenDocs(read('action.yml'), readme, reference)).toEqual({ readme, reference })
  })
})

describe('docs/reliability.md', () => {
  it('is exactly what the fault matrix and the bad inputs write (run `npm run docs` after changing them)', () => {
    expect(readFileSync(join(ROOT, 'docs', 'reliability.md'), 'utf8')).toBe(reliabilityPage())
  })
})
