/**
 * The sources, one module each (contract: Sources): the wiring picks the run's from `source`.
 * Adding one: CONTRIBUTING.md, "A source".
 */
import type { SourceName } from '../inputs/contract.ts'
import type { Inputs } from '../inputs/parse.ts'
import { GENERIC_REST_LABEL, genericRestSource } from './generic-rest.ts'
import { HUBSPOT_LABEL, hubspotSource } from './hubspot.ts'
import { otherSource } from './other.ts'
import type { SourceContext, SourceForRun } from './source-for-run.ts'
import { ZOHO_CRM_LABEL, zohoCrmSource } from './zoho-crm.ts'

/** How users know each source before anything is read (`other` is named by its spec once read). */
export const SOURCE_LABELS: Readonly<Record<SourceName, string>> = {
  'zoho-crm': ZOHO_CRM_LABEL,
  hubspot: HUBSPOT_LABEL,
  'generic-rest': GENERIC_REST_LABEL,
  other: 'Flow Service'
}

/** The label of the source a raw `source` input names; Zoho CRM's when it names none or no known one. */
export function labelOfSource(name: string): string {
  if (name === '') return ZOHO_CRM_LABEL
  // A mistyped source names none: the run must not speak of Zoho for it.
  return name in SOURCE_LABELS ? SOURCE_LABELS[name as SourceName] : 'Flow Service'
}

/** The source of one run, as `source` names it. */
export function sourceFor(inputs: Inputs, context: SourceContext): SourceForRun {
  switch (inputs.source.name) {
    case 'zoho-crm':
      return zohoCrmSource(inputs, context.http, context.mask, context.log)
    case 'hubspot':
      return hubspotSource(inputs, context)
    case 'generic-rest':
      return genericRestSource(inputs, context)
    case 'other':
      return otherSource(inputs, context)
  }
}
