// `npm run try`: runs the built action once against a fresh loopback emulator with your own
// inputs, from `.env.emulator` (copy `.env.emulator.example`): the same `INPUT_NAME=value` lines
// as `.env`. Inputs you leave out point at the emulator with its own throwaway credentials, so an
// empty file runs a plain ensure. Lists the emulator's sandboxes first; `--seed NAME` puts a
// healthy connection of that name in the sandbox before the run, `--runs N` runs it N times.
//   npm run try -- [--env .env.emulator] [--seed "Zoho CRM base connection"] [--runs 2]
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { Emulator } from '../__tests__/emulator/emulator.ts'
import { inputsFor } from '../__tests__/support/fixtures.ts'
import { actionYaml, inputVariable, ROOT, runAction } from '../__tests__/support/run-action.ts'
import { printRun } from './print-run.ts'

const { values } = parseArgs({
  options: {
    env: { type: 'string', default: '.env.emulator' },
    seed: { type: 'string' },
    runs: { type: 'string', default: '1' }
  }
})

/** The inputs a `.env` file gives: `INPUT_NAME=value` lines, by input name; comments skipped. */
export function inputsOfEnvFile(text: string): { inputs: Record<string, string>; unknown: string[] } {
  const byVariable = new Map(Object.keys(actionYaml.inputs).map((name) => [inputVariable(name), name]))
  const inputs: Record<string, string> = {}
  const unknown: string[] = []
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(INPUT_[^=\s]+)=(.*)$/.exec(line)
    if (!match) continue
    const name = byVariable.get(match[1] ?? '')
    if (name) inputs[name] = match[2] ?? ''
    else unknown.push(match[1] ?? '')
  }
  return { inputs, unknown }
}

if (process.argv[1] === import.meta.filename) {
  const file = resolve(ROOT, values.env)
  const given = existsSync(file) ? inputsOfEnvFile(readFileSync(file, 'utf8')) : { inputs: {}, unknown: [] }
  if (given.unknown.length > 0) {
    console.error(`${values.env} names inputs action.yml does not declare: ${given.unknown.join(', ')}`)
    process.exit(2)
  }
  const runs = Number(values.runs)
  if (!Number.isInteger(runs) || runs < 1 || runs > 20) {
    console.error(`--runs must be a whole number from 1 to 20, got ${values.runs}`)
    process.exit(2)
  }
  const emulator = await new Emulator().start()
  let failed = false
  try {
    console.log(
      existsSync(file)
        ? `Inputs from ${values.env}: ${Object.keys(given.inputs).join(', ') || '(none)'}; the rest point at the emulator.`
        : `No ${values.env} (copy .env.emulator.example): running with the emulator's own inputs.`
    )
    console.log(`Emulator on ${emulator.url}; its sandboxes:`)
    for (const sandbox of emulator.options.sandboxes) {
      console.log(`  ${sandbox.name} (${sandbox.state ?? 'active'}, ${sandbox.type ?? 'development'})`)
    }
    const inputs = inputsFor(emulator, given.inputs)
    if (values.seed) {
      const seeded = emulator.seedConnection(inputs['sandbox'] ?? 'dev', { name: values.seed })
      console.log(`Seeded a healthy connection "${values.seed}" (${seeded.id}) in sandbox "${inputs['sandbox']}".`)
    }
    for (let n = 1; n <= runs; n++) {
      const run = await runAction(inputs)
      printRun(runs === 1 ? `${inputs['mode'] ?? 'ensure'}` : `run ${n} of ${runs}`, run)
      failed ||= run.exitCode !== 0
    }
    for (const sandbox of emulator.options.sandboxes) {
      const connections = emulator.connectionsIn(sandbox.name)
      if (connections.length > 0) {
        console.log(
          `\nConnections now in sandbox "${sandbox.name}": ${connections.map((c) => `${c.name} (${c.id})`).join(', ')}`
        )
      }
    }
    console.log(`Requests the emulator served: ${emulator.log.map((entry) => entry.route).join(' ')}`)
  } finally {
    await emulator.stop()
  }
  process.exit(failed ? 1 : 0)
}
