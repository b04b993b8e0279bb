/**
 * The fault matrix in-process: every route the action calls × every fault that applies to it,
 * against the emulator (the cells and their expected outcomes are `support/fault-matrix.ts`).
 * One cell per fault class also runs through the bundle: `e2e/faults-on-every-route.test.ts`.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect } from 'vitest'
import { emulatorTest } from '../support/fixtures.ts'
import { cellTitle, matrix, runCell } from '../support/fault-matrix.ts'
import { ROOT } from '../support/run-action.ts'

const it = emulatorTest()

describe('fault matrix, in-process', () => {
  // A user chasing a failure turns debug logging on (RUNNER_DEBUG=1). The action prints the same
  // lines either way: its debug lines always go out as `::debug::` commands, which the runner shows
  // only in debug, so one run of each cell proves both settings.
  it('covers every route the action calls with every fault, and prints the same lines in debug', () => {
    expect(matrix.length).toBe(246)
    const sources = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.ts')
    )
    for (const file of sources) {
      expect(readFileSync(join(ROOT, 'src', file), 'utf8'), file).not.toMatch(/RUNNER_DEBUG|isDebug/)
    }
  })

  it.concurrent.for(matrix.map((cell) => [cellTitle(cell), cell] as const))('%s', async ([, cell], { ctx }) => {
    await runCell(cell, ctx, 'in-process')
  })
})
