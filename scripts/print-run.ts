// How `npm start` and `npm run try` show a run: its exit code and time, the log as the runner
// would show it (masks and debug lines left out), the outputs, and the job summary as text.
import type { ActionRun } from '../__tests__/support/run-action.ts'

export function printRun(title: string, run: ActionRun): void {
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
}
