import { ActionError } from '../errors.ts'
import type { StepOutputs } from '../report/outputs.ts'

/** Bad input: nothing has been sent anywhere yet. */
export class InputError extends ActionError {
  override readonly name = 'InputError'
  readonly problems: readonly string[]
  /** Outputs that the valid inputs already settle (the sandbox, the Zoho data centre). */
  readonly known: Partial<StepOutputs>

  constructor(problems: readonly string[], known: Partial<StepOutputs> = {}) {
    super(
      problems.length === 1
        ? `Invalid input: ${problems[0]}`
        : `Invalid inputs (${problems.length}): ${problems.join('; ')}`
    )
    this.problems = problems
    this.known = known
  }
}
