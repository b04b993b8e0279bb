/**
 * The runner calls a run makes before its inputs are known to be valid: read an input, mask a
 * value, set the outputs that are already known, append to the job summary, fail the step. They are written here, byte for byte as `@actions/core` writes them
 * (`__tests__/unit/runner/workflow-commands.test.ts` holds them to it), because
 * `@actions/core` pulls in its HTTP client and undici: compiling those is most of the time a bad
 * input would otherwise take to fail. Masks (minted tokens too) and the step's failure go through
 * here for the whole run; everything else a run prints goes through `src/runner/output.ts`.
 * `runnerLine` is the one rule for any text shown to the runner, and lives here to stay light.
 */
import { randomUUID } from 'node:crypto'
import { appendFileSync, existsSync, writeSync } from 'node:fs'
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

/**
 * `core.setOutput(name, value)`: a heredoc in the `GITHUB_OUTPUT` file, whose random delimiter no
 * value can contain; without that file, the old `::set-output` command. For a run whose inputs
 * were refused: once they are valid, outputs go through `src/runner/output.ts`.
 */
export function setOutput(name: string, value: string): void {
  const file = process.env['GITHUB_OUTPUT'] ?? ''
  if (!file) {
    runnerStdout.write(EOL)
    issue(`set-output name=${escapeProperty(name)}`, value)
    return
  }
  if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`)
  const delimiter = `ghadelimiter_${randomUUID()}`
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, { encoding: 'utf8' })
}

/** Appends to GITHUB_STEP_SUMMARY, as `core.summary.write()` does; nothing outside the runner. */
export function appendSummary(html: string): void {
  const file = process.env['GITHUB_STEP_SUMMARY']
  if (!file) return
  appendFileSync(file, `${html}${EOL}`, { encoding: 'utf8' })
}

/** Why a runner file could not be written, naming its variable and path: one line. */
export function runnerFileProblem(variable: string, error: unknown): string {
  const why = error instanceof Error ? error.message : String(error)
  return `could not write ${variable} (${process.env[variable] || 'not set'}): ${why}`
}

// The runner reads one command per line, so the data must not be able to end the line early.
function issue(command: string, data: string): void {
  runnerStdout.write(`::${command}::${escapeData(data)}${EOL}`)
}

function escapeData(data: string): string {
  return data.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/**
 * Where runner lines go: straight to file descriptor 1, as `process.stdout` writes to files and
 * pipes on Linux, but without making Node set up the stream, a measurable part of a bad input's
 * start. A full pipe answers EAGAIN; the rest is written again until it is taken. Tests capture
 * the lines by replacing `write`.
 */
export const runnerStdout = {
  write(text: string): void {
    let rest = Buffer.from(text, 'utf8')
    while (rest.length > 0) {
      try {
        rest = rest.subarray(writeSync(1, rest))
      } catch (error) {
        if ((error as { code?: string }).code !== 'EAGAIN') throw error
      }
    }
  }
}

/** The longest line this action hands the runner: a log line, an annotation, a group title. */
export const MAX_LINE_LENGTH = 4096

// C0 and C1 controls (CR, LF, ESC, NEL among them), the Unicode line and paragraph separators, and
// format characters (bidi overrides, zero-width ones) that could hide what a line really says.
const UNPRINTABLE = /[\p{Cc}\p{Cf}\u2028\u2029]+/gu

/**
 * Makes any text safe to show the runner: redacted, one line, bounded, and unable to start a
 * workflow command. The runner reads a command from a line that starts with `::` after leading
 * white space, and a legacy `##[command]` anywhere in a line; both are broken up here, so no server
 * answer can issue `::stop-commands::` and switch masking off for the rest of the run.
 */
export function runnerLine(text: string, redact: (text: string) => string, max = MAX_LINE_LENGTH): string {
  // Bounded before anything else, so a 20 MB error message costs no more than a short one.
  const bounded = text.length > max * 2 ? text.slice(0, max * 2) : text
  const line = redact(redact(bounded).replace(UNPRINTABLE, ' '))
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^::/, ': :')
    .replace(/##\[/g, '# #[')
  return line.length > max ? `${line.slice(0, max - 1)}…` : line
}

/** `core.info(message)`: a plain log line; made one line so that it cannot start a command. */
export function info(message: string): void {
  runnerStdout.write(`${runnerLine(message, (text) => text)}${EOL}`)
}

/** `core.getState(name)`: what the main step saved with `core.saveState`, '' when nothing. */
export function getState(name: string): string {
  return process.env[`STATE_${name}`] ?? ''
}
