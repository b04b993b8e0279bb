/**
 * The one way to the runner: every input, mask, log line, annotation, group, state, output, the
 * job summary and the step's failure go through `@actions/core` from here, masks first.
 * `eslint.config.js` forbids `@actions/core` everywhere else in `src/`. Every text passes
 * `runnerLine` (redacted, one line, bounded, unable to start a workflow command) on its way out.
 */
import * as core from '@actions/core'
import type { SecretRegistry } from './secrets.ts'
import { runnerLine } from './runner-line.ts'

/** Outputs are read by later steps, not people: room for a list of tables, still bounded. */
export const MAX_OUTPUT_LENGTH = 65_536

/** An input as the runner passes it (`INPUT_<NAME>`), trimmed; '' when not given. */
export function readInput(name: string): string {
  return core.getInput(name)
}

/**
 * The names of every input the runner passed, declared or not: it sets `INPUT_<NAME>` for each
 * key under `with:` (upper-cased, spaces as `_`) and only warns about undeclared ones
 * (actions/runner `src/Runner.Worker/ActionRunner.cs`). Lower-cased, as `with:` keys are written.
 */
export function readInputNames(): string[] {
  return Object.keys(process.env)
    .filter((key) => key.toUpperCase().startsWith('INPUT_') && key.length > 'INPUT_'.length)
    .map((key) => key.slice('INPUT_'.length).toLowerCase())
}

/** What the main step saved under `name` (`GITHUB_STATE`), read back in the post step; '' when nothing. */
export function readState(name: string): string {
  return core.getState(name)
}

/** From this line on the runner prints `***` for the value: the sink of the SecretRegistry. */
export function maskValue(value: string): void {
  core.setSecret(value)
}

/** Why a runner file could not be written, naming its variable and path: one line. */
export function runnerFileProblem(variable: string, error: unknown): string {
  const why = error instanceof Error ? error.message : String(error)
  return `could not write ${variable} (${process.env[variable] || 'not set'}): ${why}`
}

// `core.summary` is one instance per process that keeps the first file path it sees and one
// buffer for every caller; a write here uses an instance of its own.
const Summary = core.summary.constructor as new () => typeof core.summary

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

  /** The step's failure: one `::error::` line, and exit code 1 once the event loop drains. */
  fail(message: string): void {
    core.setFailed(this.line(message))
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

  /**
   * Appends one block to the job summary (`GITHUB_STEP_SUMMARY`); the caller has made its text
   * safe. Nothing outside the runner, where the variable is not set.
   */
  async appendSummary(html: string): Promise<void> {
    if (!process.env['GITHUB_STEP_SUMMARY']) return
    await new Summary().addRaw(html, true).write()
  }
}
