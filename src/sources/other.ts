/**
 * Any other Flow Service source, named by connection-spec-id and auth-spec-name, its params as
 * `auth-params` gives them and its spec's schema checks them (api-notes.md §7.4). This action
 * knows no token endpoint for it: nothing is proven before writing, and Adobe's test after the
 * write (verify) is the proof. Its label is the spec's name, once the spec is read.
 */
import type { Inputs } from '../inputs/parse.ts'
import { authParamsSource, type SourcePreset } from './auth-params-source.ts'
import type { SourceContext, SourceForRun } from './source-for-run.ts'

export const OTHER: SourcePreset = {
  label: '',
  params: [],
  proof: undefined,
  unproven: (inputs, label) =>
    `Nothing proves the ${label} credentials before they are written: this action knows no token endpoint for connection spec ${inputs.connection.specId}; ` +
    (inputs.verify === 'none'
      ? 'with verify: none nothing checks them after the write either.'
      : `Adobe's verification (verify: ${inputs.verify}) after the write is the proof.`),
  advice: {
    afterCreate: 'check the params in auth-params, then rerun (on-existing: repair replaces them)',
    afterWrite: 'its credentials were just replaced, so check the params in auth-params',
    missingTables: 'give the credentials in auth-params access to those tables, or correct verify-tables',
    withdrawn: "check connection-spec-id, and that your organization's sources catalogue offers the source."
  }
}

export function otherSource(inputs: Inputs, context: SourceContext): SourceForRun {
  return authParamsSource(inputs, context, OTHER)
}
