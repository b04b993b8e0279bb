/**
 * The layers of src/ are a lint rule, not a convention: for every two layers, a file of the lower
 * one that imports a file of the higher one fails `npm run lint`, the other way round passes, and
 * the rule is on for every file of src/. No import() either: each entry is one bundle.
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { ESLint, RuleTester } from 'eslint'
import { describe, expect, it } from 'vitest'
import { LAYERS, layerOf, layers } from '../../eslint.config.js'
import { ROOT } from '../support/run-action.ts'

RuleTester.describe = describe
RuleTester.it = it
RuleTester.itOnly = it.only

/** A file that stands for its layer, at the first place the layer lists. */
function fileOf(layer: (typeof LAYERS)[number]): string {
  const [place = ''] = layer.files
  return place.endsWith('/') ? `${place}a-file.ts` : place
}

/** `to` as a specifier relative to `from` (both paths from the root). */
function specifier(from: string, to: string): string {
  const up = from.split('/').length - 2
  return `${up === 0 ? './' : '../'.repeat(up)}${to.slice('src/'.length)}`
}

const ranked = [...LAYERS].sort((a, b) => rankOf(a) - rankOf(b))
function rankOf(layer: (typeof LAYERS)[number]): number {
  if (layer.name === 'the shared base') return LAYERS.length + 1
  return layer.rank ? LAYERS.length : LAYERS.indexOf(layer)
}

const pairs = ranked.flatMap((higher, i) => ranked.slice(i + 1).map((lower) => ({ higher, lower })))
const code = (from: string, to: string) => `import { thing } from '${specifier(from, to)}'\nexport const used = thing\n`

describe('imports point down', () => {
  it('knows every file of src/ by a layer', () => {
    const files = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))
    expect(files.length).toBeGreaterThan(30)
    for (const file of files) expect(layerOf(`src/${file.split('\\').join('/')}`), file).toBeDefined()
  })

  new RuleTester().run('imports-point-down', layers.rules!['imports-point-down']!, {
    valid: pairs.map(({ higher, lower }) => ({
      name: `${higher.name} imports ${lower.name}`,
      filename: join(ROOT, fileOf(higher)),
      code: code(fileOf(higher), fileOf(lower))
    })),
    invalid: [
      ...pairs.map(({ higher, lower }) => ({
        name: `${lower.name} imports ${higher.name}`,
        filename: join(ROOT, fileOf(lower)),
        code: code(fileOf(lower), fileOf(higher)),
        errors: [{ messageId: 'upward' }]
      })),
      {
        name: 'the report imports the post step',
        filename: join(ROOT, 'src/report/outputs.ts'),
        code: "import { runPost } from '../post/main.ts'\nexport const used = runPost\n",
        errors: [{ messageId: 'upward' }]
      },
      {
        // TypeScript resolves a .js specifier to the .ts file (NodeNext), and so does ncc.
        name: 'the report imports the main step by its .js name',
        filename: join(ROOT, 'src/report/outputs.ts'),
        code: "import { run } from '../main.js'\nexport const used = run\n",
        errors: [{ messageId: 'upward' }]
      },
      {
        name: 'the shared base imports the wiring by its .js name',
        filename: join(ROOT, 'src/http.ts'),
        code: "export { runAndReport } from './wiring.js'\n",
        errors: [{ messageId: 'upward' }]
      },
      {
        name: 'a client imports the plan beyond its interface',
        filename: join(ROOT, 'src/adobe/flow-service.ts'),
        code: "import { executePlan } from '../plan/plan.ts'\nexport const used = executePlan\n",
        errors: [{ messageId: 'upward' }]
      },
      {
        name: 'the main step loads the wiring with import()',
        filename: join(ROOT, 'src/main.ts'),
        code: "export const wiring = await import('./wiring.ts')\n",
        errors: [{ messageId: 'dynamic' }]
      }
    ]
  })

  it('is on for every file of src/', async () => {
    const eslint = new ESLint({ cwd: ROOT })
    for (const file of [
      'src/index.ts',
      'src/report/outputs.ts',
      'src/plan/store.ts',
      'src/runner/output.ts',
      'src/http.ts'
    ]) {
      const config = (await eslint.calculateConfigForFile(join(ROOT, file))) as { rules: Record<string, unknown> }
      expect(config.rules['layers/imports-point-down'], file).toEqual([2])
    }
  })
})
