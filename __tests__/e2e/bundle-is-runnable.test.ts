import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { inputVariable, ROOT } from '../support/run-action.ts'

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

  it('fails a bad input from index.js alone: @actions/core, undici and the clients load only for valid inputs', () => {
    const alone = mkdtempSync(join(tmpdir(), 'entry-chunk-'))
    try {
      for (const file of ['index.js', 'package.json']) copyFileSync(join(dist, file), join(alone, file))
      const run = (inputs: Record<string, string>) => {
        const env: Record<string, string> = { PATH: process.env['PATH'] ?? '' }
        for (const [name, value] of Object.entries(inputs)) env[inputVariable(name)] = value
        return spawnSync(process.execPath, [join(alone, 'index.js')], { env, encoding: 'utf8' })
      }
      const nowhere = 'http://127.0.0.1:9'
      const valid = {
        sandbox: 'dev',
        'adobe-client-id': 'client-id',
        'adobe-client-secret': 'p8e-secret-value',
        'adobe-org-id': '0A1B2C3D4E5F60718293A4B5@AdobeOrg',
        'adobe-ims-url': nowhere,
        'adobe-platform-url': nowhere,
        'zoho-endpoint': nowhere,
        'zoho-accounts-url': nowhere,
        'zoho-client-id': '1000.ZOHOCLIENT',
        'zoho-client-secret': 'zoho-secret-value',
        'zoho-refresh-token': '1000.refresh.token'
      }

      const bad = run({ ...valid, sandbox: 'Prod' })
      expect(bad.status).toBe(1)
      expect(bad.stderr).toBe('')
      expect(bad.stdout).toContain('::add-mask::p8e-secret-value')
      expect(bad.stdout).toMatch(/^::error::Invalid input: sandbox must be an AEP sandbox name/m)

      // The same lone file cannot run valid inputs: the rest of the bundle really is loaded later.
      const good = run(valid)
      expect(good.status).toBe(1)
      expect(good.stdout).toMatch(/^::error::Unexpected Error: Cannot find module .*\.index\.js/m)

      const entrySources = (JSON.parse(readFileSync(join(dist, 'index.js.map'), 'utf8')) as { sources: string[] })
        .sources
      const heavy = entrySources.filter((source) =>
        /node_modules\/(undici|@actions)\/|src\/(adobe|plan\/(?!create-record\.ts)|http)/.test(source)
      )
      expect(heavy).toEqual([])
      expect(entrySources.some((source) => source.includes('src/inputs/parse.ts'))).toBe(true)
    } finally {
      rmSync(alone, { recursive: true, force: true })
    }
  })

  it('has a post entry of its own, as light to start as the main one', () => {
    const post = join(dist, 'post')
    expect(JSON.parse(readFileSync(join(post, 'package.json'), 'utf8'))).toEqual({ type: 'module' })
    const sources = (JSON.parse(readFileSync(join(post, 'index.js.map'), 'utf8')) as { sources: string[] }).sources
    expect(sources.some((source) => source.includes('src/post/main.ts'))).toBe(true)
    expect(
      sources.filter((source) =>
        /node_modules\/(undici|@actions)\/|src\/(adobe|plan\/(?!create-record\.ts)|http)/.test(source)
      )
    ).toEqual([])
    for (const file of readdirSync(post).filter((name) => name.endsWith('.js'))) {
      expect(readFileSync(join(post, file), 'utf8')).not.toContain('webpackMissingModule')
    }
  })

  it('is tested on the Node major the runner uses', () => {
    expect(process.versions.node.split('.')[0]).toBe('24')
  })
})
