/** The workflow run as the runner describes it in the environment: the repository and the workflow. */
export interface WorkflowRunContext {
  /** `owner/name` (GITHUB_REPOSITORY), or undefined outside the runner. */
  readonly repository: string | undefined
  /** The workflow's name (GITHUB_WORKFLOW), or undefined. */
  readonly workflow: string | undefined
}

// Read from the variables, as the runner sets them for every step
// (https://docs.github.com/en/actions/reference/workflows-and-actions/variables#default-environment-variables):
// `@actions/github`'s context would also read the event file, which this action has no use for,
// print a line of its own when that file is missing, and throw on one that is not JSON.
export function workflowRunContext(env: NodeJS.ProcessEnv = process.env): WorkflowRunContext {
  return { repository: env['GITHUB_REPOSITORY'] || undefined, workflow: env['GITHUB_WORKFLOW'] || undefined }
}

/** What started the run (GITHUB_EVENT_NAME, GITHUB_ACTOR), from the same variables; never the event file. */
export function triggerOfRun(env: NodeJS.ProcessEnv = process.env): {
  readonly eventName: string | undefined
  readonly actor: string | undefined
} {
  return { eventName: env['GITHUB_EVENT_NAME'] || undefined, actor: env['GITHUB_ACTOR'] || undefined }
}
