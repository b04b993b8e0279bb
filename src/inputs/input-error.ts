import { ActionError } from '../errors.ts'
import type { StepOutputs } from '../report/outputs.ts'

/** Bad input: nothing has been sent anywhere yet. */
export class InputError extends ActionError {
  override readonly name = 'InputError'
  readonly problems: readonly string[]
  /** Outputs that the valid inputs already settle (the sandbox, the Zoho data centre). */
  readonly known: Partial<StepOutputs>
  /** What the problems have in common, said once before them (every secret input empty), or undefined. */
  readonly headline: string | undefined

  constructor(problems: readonly string[], known: Partial<StepOutputs> = {}, headline?: string) {
    const one = problems.length === 1
    const listed = problems.join('; ')
    super(
      headline
        ? `${one ? 'Invalid input' : `Invalid inputs (${problems.length})`}: ${headline}. ${one ? 'The problem' : 'The problems'}: ${listed}`
        : one
          ? `Invalid input: ${listed}`
          : `Invalid inputs (${problems.length}): ${listed}`
    )
    this.problems = problems
    this.known = known
    this.headline = headline
  }
}
