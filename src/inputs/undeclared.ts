/**
 * Inputs the workflow gives that action.yml does not declare. The runner passes every key under
 * `with:` to the action as `INPUT_<NAME>` and only warns about the undeclared ones
 * (actions/runner `src/Runner.Worker/ActionRunner.cs`), so a misspelled `dryrun: true` would write
 * for real. An undeclared name close to a declared one is an invalid input, refused before any
 * request; any other is a warning (contract: Undeclared inputs).
 */
import { INPUT_NAMES } from './contract.ts'

export interface UndeclaredInputs {
  /** Near misses of declared inputs, as problems naming both. */
  readonly problems: readonly string[]
  /** Any other undeclared input, as warnings naming it. */
  readonly warnings: readonly string[]
}

/** How `INPUT_<NAME>` spells an input's name, lower-cased: spaces as `_` (the runner's rule). */
function asPassed(name: string): string {
  return name.replace(/ /g, '_').toLowerCase()
}

/** The name without `-`, `_` and spaces: `dry-run`, `dry_run`, `dryrun` and `dry run` are one. */
function squeezed(name: string): string {
  return name.toLowerCase().replace(/[-_ ]/g, '')
}

/**
 * The edits (a character inserted, deleted, replaced, or two neighbours swapped) that turn `a`
 * into `b`: the optimal string alignment distance, stopping once it exceeds `limit`.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  let before: number[] = []
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (before[j - 2] ?? 0) + 1)
      }
      current.push(value)
      best = Math.min(best, value)
    }
    if (best > limit) return limit + 1
    before = previous
    previous = current
  }
  return previous[b.length] ?? 0
}

/** The edits a name may be from a declared one and still be a near miss: one per three characters, at least one. */
export function allowedEdits(declared: string): number {
  return Math.max(1, Math.floor(declared.length / 3))
}

/** The declared input `given` resembles, or undefined when it resembles none. */
export function resemblance(given: string, declared: readonly string[] = INPUT_NAMES): string | undefined {
  const name = given.toLowerCase()
  const same = declared.find((input) => squeezed(input) === squeezed(name))
  if (same) return same
  let closest: { input: string; edits: number } | undefined
  for (const input of declared) {
    const limit = allowedEdits(input)
    const edits = editDistance(name, asPassed(input), limit)
    if (edits <= limit && (!closest || edits < closest.edits)) closest = { input, edits }
  }
  return closest?.input
}

/**
 * Judges the names of the `INPUT_*` variables the step was given (lower-cased, as
 * `readInputNames` reads them) against the declared inputs.
 */
export function judgeUndeclaredInputs(
  given: readonly string[],
  declared: readonly string[] = INPUT_NAMES
): UndeclaredInputs {
  const passed = new Set(declared.map(asPassed))
  const problems: string[] = []
  const warnings: string[] = []
  for (const name of [...new Set(given.map((n) => n.toLowerCase()))].sort()) {
    if (passed.has(name)) continue
    const like = resemblance(name, declared)
    if (like) {
      problems.push(
        `${name} (INPUT_${name.toUpperCase()}) is not an input of this action; it looks like ${like}, which it would leave at its default: write ${like} instead`
      )
    } else {
      warnings.push(
        `${name} (INPUT_${name.toUpperCase()}) is not an input of this action, so it changes nothing: remove it from with:, or check its spelling against action.yml`
      )
    }
  }
  return { problems, warnings }
}
