import { missingTables } from './decisions.ts'
import { ActionError, ServiceError } from '../errors.ts'
import { describeConnection, type RunContext } from './run-context.ts'
import { forgetConnection, recordVerified, recordVerifiedBy } from '../report/report.ts'
import type { Verified } from '../vocabulary.ts'
import { isFlowServiceCode } from './store.ts'

/** `gone`: the connection was deleted meanwhile (a concurrent teardown). */
export interface VerificationOutcome {
  readonly verified: Verified
  /** What passed, for the summary: `test`, or `explore (4 tables)`. */
  readonly by?: string
  readonly problem?: string
  readonly tables?: readonly string[]
  readonly gone?: boolean
}

/** Runs the verification `verify` names; the result is judged by `finishVerification`. */
export async function runVerification(ctx: RunContext, id: string): Promise<VerificationOutcome> {
  const outcome = await verificationOutcome(ctx, id)
  if (outcome.verified !== 'skipped') {
    ctx.services.runtime.log.info(
      `Verification (${ctx.settings.verify}) of ${id}: ${outcome.verified === 'true' ? 'passed' : 'failed'}`
    )
  }
  return outcome
}

async function verificationOutcome({ settings, services }: RunContext, id: string): Promise<VerificationOutcome> {
  try {
    if (settings.verify === 'none') return { verified: 'skipped' }
    if (settings.verify === 'test') {
      return (await services.store.testConnection(id))
        ? { verified: 'true', by: 'test' }
        : { verified: 'false', problem: 'its test (GET /connections/{id}/test) answered result: false' }
    }
    const listed = await services.store.exploreRoot(id)
    // The output lists names as Adobe shows them; verify-tables may name a table by its path too.
    const tables = listed.map((table) => table.name)
    if (tables.length === 0) {
      return { verified: 'false', tables, problem: 'exploring it (objectType=root) listed no tables' }
    }
    const { missing, nearly } = missingTables(settings.verifyTables, listed)
    if (missing.length > 0) {
      return {
        verified: 'false',
        tables,
        problem:
          `the root listing lacks ${missing.join(', ')} named in verify-tables` +
          (nearly.length > 0 ? ` (names are case-sensitive: ${nearly.join(', ')})` : '') +
          `; it lists ${tables.join(', ')}`
      }
    }
    const required = settings.verifyTables.length > 0 ? `, including ${settings.verifyTables.join(', ')}` : ''
    return {
      verified: 'true',
      tables,
      by: `explore (${tables.length} table${tables.length === 1 ? '' : 's'} listed${required})`
    }
  } catch (error) {
    if (error instanceof ServiceError && error.status === 404) return { verified: 'false', gone: true }
    if (error instanceof ServiceError && isVerdictAboutTheConnection(error)) {
      return { verified: 'false', problem: error.message }
    }
    throw error
  }
}

/**
 * Only Flow Service refusing to reach the source with the connection's credentials is a verdict
 * (api-notes.md §5.2): a 4xx with a Flow Service code. The gateway's 401 and 403 (the run's own
 * IMS token or permissions), Flow Service's request-level codes (2xxx: sandbox, org, permission),
 * a rate limit, an outage, a network failure or the deadline say nothing about the connection,
 * and must never make repair rewrite a healthy one or spend a Zoho token.
 */
export function isVerdictAboutTheConnection(error: ServiceError): boolean {
  const { status, code } = error
  if (status === undefined || status < 400 || status >= 500) return false
  if ([404, 408, 429].includes(status)) return false
  // A 401 or 403 is the gateway's (`error_code`, no Flow Service code) unless Flow Service's own
  // code says it refused to reach the source: then it is about the connection like any 4xx.
  return isFlowServiceCode(code) && !code?.startsWith('2')
}

export async function verifyOrFail(ctx: RunContext, id: string, what: string, advice: string): Promise<void> {
  const outcome = await ctx.services.runtime.log.group(`Verify ${id} (${ctx.settings.verify})`, () =>
    runVerification(ctx, id)
  )
  return finishVerification(ctx, id, outcome, what, advice)
}

/** Records the outcome; a failed verification, or a connection gone meanwhile, fails the run. */
export function finishVerification(
  ctx: RunContext,
  id: string,
  outcome: VerificationOutcome,
  what: string,
  advice: string
): void {
  const { settings, report } = ctx
  recordVerified(report, outcome)
  if (outcome.by) recordVerifiedBy(report, outcome.by)
  if (outcome.gone) {
    forgetConnection(report)
    throw new ActionError(
      `The ${describeConnection(settings, id)} ${what}, but was deleted before it could be verified (by a concurrent run or by hand): nothing named "${settings.connection.name}" is left; rerun to create it again.`
    )
  }
  if (outcome.verified === 'false') {
    const missingTable = settings.verifyTables.length > 0 && outcome.problem?.includes('verify-tables')
    const fix = missingTable ? ctx.services.source.advice.missingTables : advice
    throw new ActionError(
      `The ${describeConnection(settings, id)} ${what}, but its verification failed: ${(outcome.problem ?? 'no reason given').replace(/[.\s]+$/, '')}. ${fix.charAt(0).toUpperCase()}${fix.slice(1)}.`
    )
  }
}
