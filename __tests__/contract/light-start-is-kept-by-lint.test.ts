/**
 * The light start (a bad input fails before the toolkit, undici and the clients load) is a lint
 * rule, not a convention: a light-start file that imports one of them fails `npm run lint`.
 */
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'
import { LIGHT_START_FILES } from '../../eslint.config.js'
import { ROOT } from '../support/run-action.ts'

const eslint = new ESLint({ cwd: ROOT })

async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

describe('the light-start lint rule', () => {
  it.each([
    ["import * as core from '@actions/core'", '@actions/core'],
    ["import { request } from 'undici'", 'undici'],
    ["import * as z from 'zod'", 'zod'],
    ["import * as z from 'zod/mini'", 'zod/mini'],
    ["import { HttpClient } from './http.ts'", 'the HTTP layer'],
    ["import { executePlan } from './plan.ts'", 'the plan'],
    ["import { FlowServiceClient } from './adobe/flow-service.ts'", 'a client']
  ])('fails a light-start file that imports %s (%s)', async (line) => {
    const messages = await restrictedImports(
      `${line}\nexport const used = [${line
        .match(/\{ (\w+) \}|\* as (\w+)/)
        ?.slice(1)
        .find(Boolean)}]\n`,
      'src/main.ts'
    )
    expect(messages).toHaveLength(1)
    expect(messages[0]).toContain('Keep the start light')
  })

  it('lets a light-start file import the others and Node', async () => {
    const code = [
      "import { EOL } from 'node:os'",
      "import { parseInputs } from './inputs/parse.ts'",
      "import { InputError } from './errors.ts'",
      "import { resolveZohoTarget } from './zoho/regions.ts'",
      'export const used = [EOL, parseInputs, InputError, resolveZohoTarget]',
      ''
    ].join('\n')
    expect(await restrictedImports(code, 'src/main.ts')).toEqual([])
  })

  it('covers the entries of both steps', () => {
    for (const entry of ['src/index.ts', 'src/main.ts', 'src/post.ts', 'src/post/main.ts']) {
      expect(LIGHT_START_FILES).toContain(entry)
    }
  })
})
