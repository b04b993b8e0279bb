/**
 * Undeclared inputs (contract: Inputs): the runner passes every `with:` key as `INPUT_<NAME>` and
 * only warns, so a near miss of a declared input is refused, and anything else is a warning.
 */
import { describe, expect, it } from 'vitest'
import { INPUT_NAMES } from '../../../src/inputs/contract.ts'
import { allowedEdits, editDistance, judgeUndeclaredInputs, resemblance } from '../../../src/inputs/undeclared.ts'

/** A `with:` key as `readInputNames` reads it back from `INPUT_<NAME>`: spaces as `_`, lower case. */
const passed = (key: string) => key.replace(/ /g, '_').toLowerCase()

describe('the edits between two names', () => {
  it.each([
    ['dryrun', 'dry-run', 1],
    ['dry-rn', 'dry-run', 1],
    ['dyr-run', 'dry-run', 1],
    ['on-exists', 'on-existing', 3],
    ['verify-table', 'verify-tables', 1],
    ['mode', 'mode', 0],
    ['', 'mode', 4],
    ['sandbox', 'sandboxes', 2]
  ])('%s to %s: %i', (a, b, edits) => {
    expect(editDistance(a, b)).toBe(edits)
    expect(editDistance(b, a)).toBe(edits)
  })

  it('stops counting past the limit', () => {
    expect(editDistance('completely-different', 'mode', 1)).toBe(2)
  })

  it.each([
    ['mode', 1],
    ['verify', 2],
    ['dry-run', 2],
    ['on-existing', 3],
    ['verify-tables', 4],
    ['connection-spec-version', 7]
  ])('%s allows %i (one per three characters, at least one)', (name, edits) => {
    expect(allowedEdits(name)).toBe(edits)
  })
})

describe('an undeclared input that resembles a declared one is refused, naming both', () => {
  it.each([
    ['dryrun', 'dry-run'],
    ['dry_run', 'dry-run'],
    ['dry run', 'dry-run'],
    ['DryRun', 'dry-run'],
    ['dry-rn', 'dry-run'],
    ['on-exists', 'on-existing'],
    ['on_existing', 'on-existing'],
    ['onexisting', 'on-existing'],
    ['zoho_region', 'zoho-region'],
    ['zoho-regoin', 'zoho-region'],
    ['verify-table', 'verify-tables'],
    ['verify_tables', 'verify-tables'],
    ['verfy', 'verify'],
    ['clean-up', 'cleanup'],
    ['cleanups', 'cleanup'],
    ['sand-box', 'sandbox'],
    ['adobe_client_secret', 'adobe-client-secret'],
    ['adobe-client-secrt', 'adobe-client-secret'],
    ['adobe-org', 'adobe-org-id'],
    ['connection_name', 'connection-name'],
    ['connection-names', 'connection-name'],
    ['timeot', 'timeout'],
    ['max_attempts', 'max-attempts'],
    ['zoho-refresh_token', 'zoho-refresh-token'],
    ['settle-timout', 'settle-timeout'],
    ['modes', 'mode']
  ])('%s: %s', (key, declared) => {
    expect(resemblance(passed(key))).toBe(declared)
    const judged = judgeUndeclaredInputs([passed(key)])
    expect(judged.warnings).toEqual([])
    expect(judged.problems).toHaveLength(1)
    expect(judged.problems[0]).toContain(`${passed(key)} (INPUT_${passed(key).toUpperCase()}) is not an input`)
    expect(judged.problems[0]).toContain(`it looks like ${declared}`)
  })
})

describe('an undeclared input unlike any declared one is a warning, naming it', () => {
  it.each(['foo', 'token', 'region', 'debug', 'environment', 'zoho-scopes-list', 'client', 'name', 'verbose'])(
    '%s',
    (key) => {
      expect(resemblance(passed(key))).toBeUndefined()
      const judged = judgeUndeclaredInputs([passed(key)])
      expect(judged.problems).toEqual([])
      expect(judged.warnings).toEqual([expect.stringContaining(`${key} (INPUT_${key.toUpperCase()}) is not an input`)])
    }
  )
})

describe('the declared inputs themselves', () => {
  it('are never reported, in the form the runner passes them', () => {
    expect(judgeUndeclaredInputs(INPUT_NAMES.map(passed))).toEqual({ problems: [], warnings: [] })
  })

  it('each resembles only itself', () => {
    for (const name of INPUT_NAMES) expect(resemblance(name)).toBe(name)
  })

  it('reports each undeclared name once, in order, problems and warnings apart', () => {
    const judged = judgeUndeclaredInputs(['foo', 'dryrun', 'DRYRUN', 'mode', 'on-exists'])
    expect(judged.problems.map((p) => p.split(' ')[0])).toEqual(['dryrun', 'on-exists'])
    expect(judged.warnings.map((w) => w.split(' ')[0])).toEqual(['foo'])
  })
})
