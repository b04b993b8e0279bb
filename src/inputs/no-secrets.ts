/**
 * A job that gets no secrets (one without the `environment:` that holds them, a pull request from
 * a fork, a Dependabot run) passes every secret input empty. Each empty one that is required is a
 * problem of its own; this says once, before them, what they have in common.
 */
import { SECRET_INPUTS, type InputName, type RawInputs } from './contract.ts'

/** Every input that carries a secret: those masked whole, and auth-params, masked value by value. */
export const SECRET_CARRYING_INPUTS = [...SECRET_INPUTS, 'auth-params'] as const satisfies readonly InputName[]

/**
 * What the runner's environment says about what started the run: GITHUB_EVENT_NAME and
 * GITHUB_ACTOR, plain variables (the event file is never read).
 */
export interface TriggerFacts {
  readonly eventName?: string | undefined
  readonly actor?: string | undefined
}

// Why a job gets none of the repository's secrets, from GitHub's documentation:
// forks: https://docs.github.com/en/actions/security-guides/using-secrets-in-github-actions
// environments: https://docs.github.com/en/actions/deployment/targeting-different-environments/using-environments-for-deployment
// Dependabot: https://docs.github.com/en/code-security/dependabot/troubleshooting-dependabot/troubleshooting-dependabot-on-github-actions
const NONE_REACHED = 'no secret reached this step (every secret input is empty)'

/** Why this run got no secret, as specific as the environment allows. */
function why(trigger: TriggerFacts): string {
  if (trigger.actor === 'dependabot[bot]') {
    return "this is a Dependabot run (GITHUB_ACTOR is dependabot[bot]), which gets only Dependabot secrets, not the repository's: skip the job for it (if: github.actor != 'dependabot[bot]')"
  }
  if (trigger.eventName === 'pull_request') {
    return "a pull_request run from a fork gets none of the repository's secrets (skip the job for forks), and a job without the `environment:` that holds them gets none of those"
  }
  if (trigger.eventName === 'pull_request_target') {
    return 'a pull_request_target run gets the repository secrets, so the job likely lacks the `environment:` that holds them, or the secrets it names are not set'
  }
  return "the job likely has no access to the repository's secrets (a job without the `environment:` that holds them, a pull request from a fork, or a Dependabot run, which gets only Dependabot secrets)"
}

/**
 * The one line to put before the problems when every secret input is empty and at least one of
 * them is required (a problem `<input> is required …` names it); undefined otherwise: a secret
 * input was given, or nothing secret is missing.
 */
export function noSecretsLine(
  raw: RawInputs,
  problems: readonly string[],
  trigger: TriggerFacts = {}
): string | undefined {
  if (SECRET_CARRYING_INPUTS.some((name) => raw[name] !== '')) return undefined
  const required = SECRET_CARRYING_INPUTS.some((name) =>
    problems.some((problem) => problem.startsWith(`${name} is required`))
  )
  return required ? `${NONE_REACHED}: ${why(trigger)}` : undefined
}
