import { context } from '@actions/github'

export type WorkflowRunContext = typeof context

// `github.context` reads the environment once, when the toolkit loads; a run reads it when it asks.
const Context = context.constructor as new () => WorkflowRunContext

/** The workflow run as the runner describes it: repository, workflow, run id and attempt, job. */
export function workflowRunContext(): WorkflowRunContext {
  return new Context()
}
