import { expect } from 'vitest'
import type { Emulator } from '../emulator/emulator.ts'
import type { ActionRun } from './run-action.ts'

const NAME = 'Zoho CRM base connection'

/**
 * Waits for late commits to land, then holds the sandbox to exactly one connection, and every
 * run to success with that connection's id; returns the id.
 */
export async function exactlyOne(emulator: Emulator, runs: readonly ActionRun[]): Promise<string> {
  await emulator.settled()
  const left = emulator.connectionsIn('dev')
  expect(left.map((c) => c.name)).toEqual([NAME])
  const id = left[0]?.id ?? 'none'
  for (const run of runs) {
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.outputs['connection-id']).toBe(id)
  }
  return id
}
