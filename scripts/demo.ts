// `npm start`: the action against the loopback emulator, as a user would run it: ensure (creates),
// ensure again (reuses), then check. No Adobe or Zoho account needed.
import { Emulator } from '../__tests__/emulator/emulator.ts'
import { inputsFor } from '../__tests__/support/fixtures.ts'
import { runAction } from '../__tests__/support/run-action.ts'
import { printRun } from './print-run.ts'

const emulator = await new Emulator().start()
const steps: [string, Record<string, string>][] = [
  ['ensure (first run: creates)', {}],
  ['ensure (second run: reuses)', {}],
  ['check (read-only gate)', { mode: 'check' }]
]
let failed = false
try {
  for (const [title, overrides] of steps) {
    const run = await runAction(inputsFor(emulator, overrides))
    printRun(title, run)
    failed ||= run.exitCode !== 0
  }
  console.log(`\nConnections now in sandbox "dev": ${emulator.connectionsIn('dev').length}`)
  console.log(`Requests the emulator served: ${emulator.log.length}`)
} finally {
  await emulator.stop()
}
process.exit(failed ? 1 : 0)
