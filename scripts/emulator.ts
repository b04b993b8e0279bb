// Serves the loopback emulator of Adobe IMS, Flow Service, the Sandbox API and Zoho until killed:
// for the CI job that runs the action with `uses: ./`, and for trying the action by hand.
//   npm run emulator -- [--port 8787] [--latency-ms 0]
import { parseArgs } from 'node:util'
import { Emulator } from '../__tests__/emulator/emulator.ts'

const { values } = parseArgs({
  options: { port: { type: 'string', default: '8787' }, 'latency-ms': { type: 'string', default: '0' } }
})
const emulator = await new Emulator({ latencyMs: Number(values['latency-ms']) }).start(Number(values.port))
console.log(`Emulator listening on ${emulator.url} (Ctrl-C to stop)`)
const stop = () => void emulator.stop().then(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
