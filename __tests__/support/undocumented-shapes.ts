/**
 * What the two halves of "What Adobe leaves undocumented" share: the e2e file runs the first case
 * of each kind through the bundle, the wiring file the others in-process, with these same helpers.
 */
import { expect } from 'vitest'
import type { EmulatorContext } from './fixtures.ts'
import type { ActionRun } from './run-action.ts'

export const NAME = 'Zoho CRM base connection'
export const EU = 'https://www.zohoapis.eu'
/** How reads show the secret params: hidden behind stars. */
export const HIDE_SECRETS = {
  clientSecret: () => '********',
  accessToken: () => '********',
  refreshToken: () => '********'
}

/** How a case runs the action: the bundle as the runner does, or `src/` in-process. */
export type Via = 'bundle' | 'in-process'

export function runVia(ctx: EmulatorContext, via: Via): EmulatorContext['run'] {
  return via === 'bundle' ? ctx.run : (overrides) => ctx.runInProcess(overrides)
}

/** Runs `times` times in a row, each asserted to reuse `id` with no Zoho call and no write. */
export async function reusedEveryTime(
  ctx: EmulatorContext,
  via: Via,
  id: string,
  times: number,
  inputs = {}
): Promise<ActionRun[]> {
  const runs: ActionRun[] = []
  for (let n = 1; n <= times; n++) {
    const run = await runVia(ctx, via)(inputs)
    expect(run.errors, `run ${n}`).toEqual([])
    expect(run.outputs, `run ${n}`).toMatchObject({ 'connection-id': id, result: 'reused', verified: 'true' })
    runs.push(run)
  }
  expect(ctx.emulator.requests('zoho.token')).toEqual([])
  expect(ctx.emulator.writes()).toEqual([])
  return runs
}

/** The debug lines of a run, decoded. */
export function debugLines(run: ActionRun): string[] {
  return run.commands.filter((c) => c.name === 'debug').map((c) => c.data)
}
