// `npm start`: the action against the loopback emulator, as a user would run it: ensure (creates),
// ensure again (reuses), then check. No Adobe or Zoho account needed.
import { Emulator } from '../__tests__/emulator/emulator.ts'
import { inputsFor } from '../__tests__/support/fixtures.ts'
import { runAction } from '../__tests__/support/run-action.ts'

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
    console.log(`\n=== ${title}: exit code ${run.exitCode}, ${Math.round(run.durationMs)} ms`)
    for (const line of run.lines) {
      if (!line.startsWith('::add-mask::') && !line.startsWith('::debug::')) console.log(`  log     ${line}`)
    }
    for (const [name, value] of Object.entries(run.outputs)) console.log(`  output  ${name} = ${value}`)
    const summary = run.summary
      .replace(/<\/(th|td)>/g, ' ')
      .replace(/<\/(tr|h3|li)>|<br>/g, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    console.log(`  summary\n${summary.replace(/^/gm, '    ').trimEnd()}`)
    failed ||= run.exitCode !== 0
  }
  console.log(`\nConnections now in sandbox "dev": ${emulator.connectionsIn('dev').length}`)
  console.log(`Requests the emulator served: ${emulator.log.length}`)
} finally {
  await emulator.stop()
}
process.exit(failed ? 1 : 0)
