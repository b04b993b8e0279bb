/**
 * The three runner calls a run makes before its inputs are known to be valid: read an input,
 * mask a value, fail the step. They are written here, byte for byte as `@actions/core` writes them
 * (`__tests__/workflow-commands-match-the-toolkit.test.ts` holds them to it), because
 * `@actions/core` pulls in its HTTP client and undici: compiling those is most of the time a bad
 * input would otherwise take to fail. Masks (minted tokens too) and the step's failure go through
 * here for the whole run; everything else a run prints uses `@actions/core` itself.
 */
import { EOL } from 'node:os'

/** `core.getInput(name)`: the runner passes input `name` as `INPUT_<NAME>`; trimmed, '' when absent. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

/** `core.setSecret(value)`: from this line on the runner prints `***` for the value. */
export function setSecret(value: string): void {
  issue('add-mask', value)
}

/** `core.setFailed(message)`: an error annotation, and exit code 1 once the event loop drains. */
export function setFailed(message: string): void {
  process.exitCode = 1
  issue('error', message)
}

// The runner reads one command per line, so the data must not be able to end the line early.
function issue(command: string, data: string): void {
  const escaped = data.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
  process.stdout.write(`::${command}::${escaped}${EOL}`)
}

/** `core.info(message)`: a plain log line; made one line so that it cannot start a command. */
export function info(message: string): void {
  process.stdout.write(`${message.replace(/[\r\n]+/g, ' ')}${EOL}`)
}

/** `core.getState(name)`: what the main step saved with `core.saveState`, '' when nothing. */
export function getState(name: string): string {
  return process.env[`STATE_${name}`] ?? ''
}
