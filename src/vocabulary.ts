/** The words of the contract that inputs, the plan, the report and the summary share (the modes: modes.ts). */

export const ON_EXISTING = ['repair', 'reuse', 'update', 'fail'] as const
export type OnExisting = (typeof ON_EXISTING)[number]

export const VERIFY = ['test', 'explore', 'none'] as const
export type Verify = (typeof VERIFY)[number]

export const ZOHO_CHECKS = ['token', 'none'] as const
/** `source-check` (and `zoho-check`): `token` proves the source's credentials with one refresh before they are written. */
export type SourceCheck = (typeof ZOHO_CHECKS)[number]

/**
 * Where the Zoho access token stored in a connection comes from (`zoho-check`): `token` refreshes
 * once at Zoho, which proves the credentials, and stores a given token if any, else the minted
 * one; `none` stores the given token without asking Zoho.
 */
export type ZohoTokenSource =
  | { readonly check: 'token'; readonly accessToken: string | undefined }
  | { readonly check: 'none'; readonly accessToken: string }

export const CLEANUPS = ['none', 'created'] as const
export type Cleanup = (typeof CLEANUPS)[number]

export type Verified = 'true' | 'false' | 'skipped'

/**
 * What a run does with the dataflows that use the connection (`dataflows`): `skip` them, `list`
 * them in the output and the summary, or list them and fail unless each is `healthy`.
 */
export const DATAFLOWS = ['skip', 'list', 'healthy'] as const
export type DataflowsSetting = (typeof DATAFLOWS)[number]

/**
 * The shape of a Flow Service resource id (connection and spec ids are UUIDs): inputs are checked
 * against it, and so is every id from an answer before it goes into a URL, a log line or an output.
 */
export const RESOURCE_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,127}$/
