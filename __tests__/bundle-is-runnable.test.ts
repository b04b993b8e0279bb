import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from './support/run-action.ts'

const dist = join(ROOT, 'dist')

describe('the committed bundle', () => {
  it('is ESM, with the package.json ncc writes beside it', () => {
    expect(JSON.parse(readFileSync(join(dist, 'package.json'), 'utf8'))).toEqual({ type: 'module' })
  })

  it('holds no webpackMissingModule stub', () => {
    for (const file of readdirSync(dist).filter((name) => name.endsWith('.js'))) {
      expect(readFileSync(join(dist, file), 'utf8')).not.toContain('webpackMissingModule')
    }
  })

  it('ships a licenses file and source map, unminified', () => {
    const licenses = readFileSync(join(dist, 'licenses.txt'), 'utf8')
    for (const pkg of ['@actions/core 3', 'undici 8', 'zod 4', '@actions/github 9']) expect(licenses).toContain(pkg)
    expect(readdirSync(dist)).toContain('index.js.map')
    expect(readFileSync(join(dist, 'index.js'), 'utf8').split('\n').length).toBeGreaterThan(1000)
  })

  it('is tested on the Node major the runner uses', () => {
    expect(process.versions.node.split('.')[0]).toBe('24')
  })
})
