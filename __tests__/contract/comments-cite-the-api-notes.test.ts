/** Comments cite docs/api-notes.md or a public source, never a file outside the repository. */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../support/run-action.ts'

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|js|mjs|cjs)$/.test(file))
    .map((file) => join(dir, file))
}

const code = ['src', 'scripts', '__tests__']
  .flatMap(filesUnder)
  .filter((file) => !file.endsWith('comments-cite-the-api-notes.test.ts'))
const notes = readFileSync(join(ROOT, 'docs', 'api-notes.md'), 'utf8')

describe('comments about the APIs', () => {
  it('never point outside the repository', () => {
    for (const file of code) {
      const text = readFileSync(join(ROOT, file), 'utf8')
      expect(text, file).not.toMatch(/\bapis\.md\b|shared\/reference|\.\.\/shared\//)
    }
  })

  it('cite sections of docs/api-notes.md that exist', () => {
    const cited = new Set(
      code.flatMap((file) =>
        [...readFileSync(join(ROOT, file), 'utf8').matchAll(/api-notes\.md §(\d+(?:\.\d+)?)/g)].map((m) => m[1] ?? '')
      )
    )
    expect(cited.size).toBeGreaterThan(5)
    for (const section of cited)
      expect(notes, `§${section}`).toMatch(
        new RegExp(`\\*\\*§${section.replace('.', '\\.')}[ *]|^## ${section}\\. `, 'm')
      )
  })
})
