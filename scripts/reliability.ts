// Writes docs/reliability.md from the tests' own tables (`npm run docs`): the fault matrix's cells
// and the outcome each expects, and the bad inputs tried. A contract test fails when the page is
// not what this would write, so a change to the retry policy or the matrix cannot leave it stale.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { BAD_INPUTS } from '../__tests__/support/bad-inputs.ts'
import { BUNDLE_CELLS, FAULTS, matrix, ROUTES } from '../__tests__/support/fault-matrix.ts'

const OUTCOMES: Record<string, string> = {
  retried: 'retried, then succeeded',
  renewed: 'a gateway 401, one new IMS token, then succeeded',
  tolerated: 'answered once, not retried, and the run still succeeded',
  absent: 'a delete told 404, which is success',
  resent: 'a create of unknown outcome, looked up, found absent, sent again',
  adopted: 'a create applied before the fault, found by the lookup and adopted, never sent again',
  fails: 'one clear error line, nothing retried that must not be, nothing duplicated or half-made',
  spent: 'a Zoho refresh that may have reached Zoho: not sent again, the error says a token may have been spent'
}
const SUCCEEDS = new Set(['retried', 'renewed', 'tolerated', 'absent', 'resent', 'adopted'])

export function reliabilityPage(): string {
  const count = (expected: string) => matrix.filter((cell) => cell.expected === expected).length
  const kinds = Object.keys(OUTCOMES).filter((expected) => count(expected) > 0)
  const succeeded = matrix.filter((cell) => SUCCEEDS.has(cell.expected)).length
  return [
    '# Reliability figures',
    '',
    "<!-- Written by `npm run docs` from the tests' own tables; a contract test fails when it is stale. -->",
    '',
    'The suite tries hard to break the action against the loopback emulator; every figure here is',
    'a count of cases `npm test` runs (all of them run in CI).',
    '',
    `- **Fault matrix: ${matrix.length} cells**, ${ROUTES.length} routes × ${FAULTS.length} faults ` +
      `(\`__tests__/support/fault-matrix.ts\`), in-process (\`__tests__/wiring/fault-matrix.test.ts\`), and ` +
      `${BUNDLE_CELLS.length} more through the bundle, one per fault (\`__tests__/e2e/faults-on-every-route.test.ts\`).`,
    `  ${succeeded} of the ${matrix.length} end in success with exactly the connections the mode should leave; ` +
      `${matrix.length - succeeded} fail clearly. The faults: ${FAULTS.map((fault) => fault.name).join(', ')}.`,
    '',
    '| outcome | cells | what it means |',
    '| --- | --- | --- |',
    ...kinds.map((expected) => `| ${expected} | ${count(expected)} | ${OUTCOMES[expected]} |`),
    '',
    `- **Bad inputs: ${BAD_INPUTS.length}** (\`__tests__/support/bad-inputs.ts\`), each rejected before any ` +
      'request, naming the input, with no stack trace and no secret.',
    '- **Leaks found: 0.** The leak scanner (`__tests__/support/leaks.ts`) runs on every end-to-end and',
    '  in-process run and looks for each secret and minted token, raw and JSON-escaped, URL- and',
    '  form-encoded and base64, in stdout, stderr, the summary, the outputs, the state and env files.',
    '  Test secrets contain `+ / " \\ %` and spaces.',
    '',
    'Rerun the matrix alone with `npx vitest run __tests__/wiring/fault-matrix.test.ts` (in-process, no',
    'build) or `npx vitest run __tests__/e2e/faults-on-every-route.test.ts` (through the bundle).',
    ''
  ].join('\n')
}

if (process.argv[1] === import.meta.filename) {
  writeFileSync(join(import.meta.dirname, '..', 'docs', 'reliability.md'), reliabilityPage())
  console.log('docs/reliability.md written from the fault matrix and the bad inputs')
}
