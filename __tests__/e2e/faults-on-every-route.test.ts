/**
 * The fault matrix through the bundle: one cell per fault class, which between them cover every
 * route, run as the runner runs the action. Every cell of the matrix runs in-process in
 * `wiring/fault-matrix.test.ts`; the cells and their expected outcomes are `support/fault-matrix.ts`.
 */
import { describe, expect } from 'vitest'
import { emulatorTest } from '../support/fixtures.ts'
import { BUNDLE_CELLS, cellTitle, FAULTS, ROUTES, runCell } from '../support/fault-matrix.ts'

const it = emulatorTest()

describe('fault matrix, through the bundle', () => {
  it('runs every fault class, and every route', () => {
    expect(new Set(BUNDLE_CELLS.map((cell) => cell.fault.name))).toEqual(new Set(FAULTS.map((fault) => fault.name)))
    expect(new Set(BUNDLE_CELLS.map((cell) => cell.route))).toEqual(new Set(ROUTES))
  })

  it.concurrent.for(BUNDLE_CELLS.map((cell) => [cellTitle(cell), cell] as const))('%s', async ([, cell], { ctx }) => {
    await runCell(cell, ctx, 'bundle')
  })
})
