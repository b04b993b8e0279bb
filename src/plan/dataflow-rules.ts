/**
 * Pure rules over the dataflows that use a connection: which are healthy, and the words that
 * name them. No I/O here, so each rule is unit-tested directly. Source-neutral: a dataflow is
 * Adobe's, whatever source feeds it.
 */
import type { Dataflow } from './pipeline.ts'

/** Dataflows a message names at most; the rest are counted ("and 3 more"). */
export const MAX_NAMED_DATAFLOWS = 10
/** A dataflow's name in a message, at most. */
const MAX_NAME_IN_MESSAGE = 80

/** Adobe spells states in lower case (`enabled`); another case is read as the same word. */
function stateIs(state: string | undefined, word: string): boolean {
  return state?.trim().toLowerCase() === word
}

export function isEnabled(state: string | undefined): boolean {
  return stateIs(state, 'enabled')
}

/** A draft (api-notes.md §6.4): what sandbox tooling imports, unpublished. */
export function isDraft(state: string | undefined): boolean {
  return stateIs(state, 'draft')
}

/** Why a dataflow fails `dataflows: healthy`, or undefined when it passes: a run that never ran passes. */
export function whyUnhealthy(dataflow: Dataflow): string | undefined {
  const problems: string[] = []
  if (isDraft(dataflow.state)) problems.push(`is a draft (state ${dataflow.state}), not enabled`)
  else if (!isEnabled(dataflow.state)) problems.push(`is ${dataflow.state}, not enabled`)
  if (dataflow.lastRun === 'failed') problems.push('its last run failed')
  return problems.length > 0 ? problems.join(', and ') : undefined
}

/** The dataflows that fail `dataflows: healthy`, each with why, in the order given. */
export function unhealthyDataflows(dataflows: readonly Dataflow[]): { dataflow: Dataflow; why: string }[] {
  return dataflows.flatMap((dataflow) => {
    const why = whyUnhealthy(dataflow)
    return why === undefined ? [] : [{ dataflow, why }]
  })
}

/** `<id> ("<name>")`, the name shortened when long; the id alone when Adobe shows no name. */
export function describeDataflow(dataflow: Dataflow): string {
  const name = [...dataflow.name]
  if (name.length === 0) return dataflow.id
  const shown =
    name.length > MAX_NAME_IN_MESSAGE ? `${name.slice(0, MAX_NAME_IN_MESSAGE - 1).join('')}…` : dataflow.name
  return `${dataflow.id} ("${shown}")`
}

/** Up to `max` items joined with commas, the rest counted: `a, b and 3 more`. */
export function boundedList(items: readonly string[], max = MAX_NAMED_DATAFLOWS, separator = ', '): string {
  const shown = items.slice(0, max)
  const more = items.length - shown.length
  return more > 0 ? `${shown.join(separator)} and ${more} more` : shown.join(separator)
}

/** `3 dataflows: 2 enabled, 1 draft; last runs: 1 failed, 2 success`, or `no dataflow`. */
export function dataflowCounts(dataflows: readonly Dataflow[]): string {
  if (dataflows.length === 0) return 'no dataflow'
  const count = (values: readonly string[]) => {
    const tally = new Map<string, number>()
    for (const value of values) tally.set(value, (tally.get(value) ?? 0) + 1)
    return [...tally].map(([value, n]) => `${n} ${value}`).join(', ')
  }
  const states = count(dataflows.map((dataflow) => dataflow.state))
  const runs = count(dataflows.map((dataflow) => dataflow.lastRun))
  return `${plural(dataflows.length, 'dataflow')}: ${states}; last runs: ${runs}`
}

/**
 * Why a connection that dataflows use is not deleted, as one clause: the dataflows by id and
 * name, bounded, and that they must be deleted first. With none listed (or none readable:
 * `undefined`), Adobe's own refusal (FLOW `1418-400`) is the evidence: a dataflow created after
 * the read, or one the credential cannot see.
 */
export function inUseReason(dataflows: readonly Dataflow[] | undefined): string {
  const never = 'this action never deletes a dataflow'
  if (dataflows === undefined || dataflows.length === 0) {
    const unlisted =
      dataflows === undefined
        ? ''
        : ", though none is listed for this credential (one created moments ago, or one whose access labels this credential's roles lack)"
    return `Adobe refuses to delete it because dataflows use it (FLOW 1418-400)${unlisted}: delete those dataflows first (${never})`
  }
  const them = dataflows.length === 1 ? 'it' : 'them'
  return (
    `${plural(dataflows.length, 'dataflow')} use${dataflows.length === 1 ? 's' : ''} it: ${boundedList(dataflows.map(describeDataflow))}; ` +
    `delete ${them} first (Adobe refuses to delete a base connection that dataflows use; ${never})`
  )
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
