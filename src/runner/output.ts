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
  /** A group's title waits for the group's first line: a phase that failed at once shows no empty group. */
  #pendingGroup: string | undefined
  #groupOpen = false

  constructor(secrets: SecretRegistry) {
    this.#secrets = secrets
  }

  /** The text as it may be shown: for messages built here and printed elsewhere (the summary). */
  line(text: string, max?: number): string {
    return runnerLine(text, (part) => this.#secrets.redact(part), max)
  }

  info(message: string): void {
    this.#openGroup()
    core.info(this.line(message))
  }

  // A debug line opens no group: the runner hides it unless debug logging is on, so a group holding
  // only debug lines would show as empty.
  debug(message: string): void {
    core.debug(this.line(message))
  }

  warning(message: string): void {
    this.#openGroup()
    core.warning(this.line(message))
  }

  notice(message: string): void {
    this.#openGroup()
    core.notice(this.line(message))
  }

  async group<T>(title: string, work: () => Promise<T>): Promise<T> {
    const outer = { pending: this.#pendingGroup, open: this.#groupOpen }
    this.#pendingGroup = this.line(title)
    this.#groupOpen = false
    try {
      return await work()
    } finally {
      if (this.#groupOpen) core.endGroup()
      this.#pendingGroup = outer.pending
      this.#groupOpen = outer.open
    }
  }

  #openGroup(): void {
    if (this.#pendingGroup === undefined) return
    core.startGroup(this.#pendingGroup)
    this.#pendingGroup = undefined
    this.#groupOpen = true
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
