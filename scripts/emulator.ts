// Serves the loopback emulator of Adobe IMS, Flow Service, the Sandbox API and Zoho until killed:
// for the CI job that runs the action with `uses: ./`, and for trying the action by hand.
//   npm run emulator -- [--port 8787] [--latency-ms 0]
import { parseArgs } from 'node:util'
import { Emulator } from '../__tests__/emulator/emulator.ts'
import { inputsFor } from '../__tests__/support/fixtures.ts'
import { inputVariable } from '../__tests__/support/run-action.ts'

const { values } = parseArgs({
  options: { port: { type: 'string', default: '8787' }, 'latency-ms': { type: 'string', default: '0' } }
})
const port = Number(values.port)
let emulator: Emulator
try {
  emulator = await new Emulator({ latencyMs: Number(values['latency-ms']) }).start(port)
} catch (error) {
  const code = (error as { code?: string }).code
  console.error(
    code === 'EADDRINUSE'
      ? `Port ${port} is in use (another emulator still running?): stop it, or choose a free port with --port, e.g. npm run emulator -- --port ${port + 1}`
      : `The emulator could not listen on 127.0.0.1:${port}: ${(error as Error).message}. Choose another port with --port.`
  )
  process.exit(1)
}
// What `.env` needs for `npm run local-action` against this emulator: its own throwaway values.
const envLines = Object.entries(inputsFor(emulator, { 'zoho-region': '' }))
  .map(([name, value]) => `${inputVariable(name)}=${value}`)
  .join('\n')
console.log(`Emulator listening on ${emulator.url} (Ctrl-C to stop)`)
console.log(`For npm run local-action, these .env lines point the action at it:\n${envLines}`)
const stop = () => void emulator.stop().then(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
