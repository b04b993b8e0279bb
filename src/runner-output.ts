/**
 * The one module that prints to the runner once inputs are valid: log lines, debug lines,
 * warnings, notices, group titles and outputs. Every text passes `runnerLine` (redacted, one line,
 * bounded, unable to start a workflow command) on its way out. `eslint.config.js` forbids
 * `@actions/core` everywhere else in `src/`, so an unsafe call cannot be written by accident.
 */
import * as core from '@actions/core'
import type { SecretRegistry } from './secrets.ts'
import { runnerLine } from './workflow-commands.ts'

/** Outputs are read by later steps, not people: room for a list of tables, still bounded. */
export const MAX_OUTPUT_LENGTH = 65_536

export class RunnerOutput {
  readonly #secrets: SecretRegistry

  constructor(secrets: SecretRegistry) {
    this.#secrets = secrets
  }

  /** The text as it may be shown: for messages built here and printed elsewhere (the summary). */
  line(text: string, max?: number): string {
    return runnerLine(text, (part) => this.#secrets.redact(part), max)
  }

  info(message: string): void {
    core.info(this.line(message))
  }

  debug(message: string): void {
    core.debug(this.line(message))
  }

  warning(message: string): void {
    core.warning(this.line(message))
  }

  notice(message: string): void {
    core.notice(this.line(message))
  }

  group<T>(title: string, work: () => Promise<T>): Promise<T> {
    return core.group(this.line(title), work)
  }

  /**
   * For the post step: `GITHUB_STATE`, read back there as `STATE_<name>`. Written as given, not
   * made a line: it is data the post step parses, never shown, so redacting a fragment that
   * happens to match a secret (an id beside a token, both UUIDs) or folding the spaces of a name
   * would make the post step look for the wrong thing or nothing. Callers save only what they
   * built from checked values.
   */
  saveState(name: string, value: string): void {
    core.saveState(name, value)
  }

  /** Never masked (the runner would drop it); redacted only should a secret have crept in. */
  setOutput(name: string, value: string): void {
    core.setOutput(name, this.line(value, MAX_OUTPUT_LENGTH))
  }
}
