import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect } from 'vitest'
import { emulatorTest, inputsFor } from '../support/fixtures.ts'
import { ROOT, runAction } from '../support/run-action.ts'

const dist = join(ROOT, 'dist')
const it = emulatorTest()

describe('the committed bundle', () => {
  it('is one file per entry, with its source map, the package.json ncc writes, and the licences', () => {
    const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).map((file) => file.split('\\').join('/'))
    expect(files.sort()).toEqual(
      [
        'index.js',
        'index.js.map',
        'licenses.txt',
        'package.json',
        'post',
        'post/index.js',
        'post/index.js.map',
        'post/package.json'
      ].sort()
    )
    for (const folder of [dist, join(dist, 'post')]) {
      expect(JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'))).toEqual({ type: 'module' })
      expect(readFileSync(join(folder, 'index.js'), 'utf8')).not.toContain('webpackMissingModule')
    }
    const licenses = readFileSync(join(dist, 'licenses.txt'), 'utf8')
    for (const pkg of ['@actions/core 3', 'undici 8', 'zod 4']) expect(licenses).toContain(pkg)
  })

  it('maps every line of index.js back to src/ through its source map', () => {
    const map = JSON.parse(readFileSync(join(dist, 'index.js.map'), 'utf8')) as { sources: string[] }
    for (const module of ['src/main.ts', 'src/plan/plan.ts', 'src/runner/output.ts']) {
      expect(map.sources.some((source) => source.endsWith(module))).toBe(true)
    }
    expect(readFileSync(join(dist, 'index.js'), 'utf8')).toMatch(/\/\/# sourceMappingURL=index\.js\.map\s*$/)
  })

  it('runs a whole ensure from index.js alone, moved out of dist/', async ({ ctx }) => {
    const alone = mkdtempSync(join(tmpdir(), 'entry-alone-'))
    try {
      for (const file of ['index.js', 'package.json']) copyFileSync(join(dist, file), join(alone, file))
      const run = await runAction(inputsFor(ctx.emulator), { entry: join(alone, 'index.js') })
      expect(run.errors).toEqual([])
      expect(run.exitCode).toBe(0)
      expect(run.outputs['result']).toBe('created')
      expect(run.stderr).toBe('')
    } finally {
      rmSync(alone, { recursive: true, force: true })
    }
  })

  it('is tested on the Node major the runner uses', () => {
    expect(process.versions.node.split('.')[0]).toBe('24')
  })
})
