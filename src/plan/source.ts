/**
 * What the plan knows of the source a connection is for (Zoho CRM, …): part of the plan's own
 * interface. The wiring picks the source from the inputs (src/sources/); the plan never knows
 * which one it is, only what it writes, how its stored params compare, and the words its
 * messages need.
 */

/** `unknown`: Adobe left the param out, showed it empty or hidden, or in a form that cannot be compared. */
export type ParamComparison = 'same' | 'different' | 'unknown'

/** A connection param that repair compares: what the inputs want, and how what Adobe shows compares. */
export interface ParamExpectation {
  readonly name: string
  readonly wanted: string
  /** The value comes from a secret input: a difference is named, but no value is shown. */
  readonly secret: boolean
  compare(shown: string): ParamComparison
  /**
   * Why a shown value that compares as different cannot be a form in which Adobe shows the value
   * this action wrote (e.g. "another Zoho data centre"), or undefined when it may be one.
   */
  notAFormOfWanted(shown: string): string | undefined
}

export interface ConnectionSource {
  /** How users know it, in messages: "Zoho CRM". */
  readonly label: string
  /** The params repair compares with what Adobe shows in clear. */
  readonly expectedParams: readonly ParamExpectation[]
  /**
   * The `auth.params` to write, after proving the credentials where the source can (one refresh,
   * at most once a run; a failure writes nothing). Only a run that writes asks for them.
   */
  authParams(): Promise<Readonly<Record<string, unknown>>>
  /** The words of the plan's messages that only the source can say. */
  readonly advice: SourceAdvice
  /**
   * Judges what the source will write by the auth spec `auth-spec-name` names in the connection
   * spec: its JSON Schema (`spec`, undefined when the spec shows none) and the spec's name. Called
   * once, after the spec is read and before any proof or write; the problems name params, never
   * values, and any of them stops the run. A source without this writes what it builds as it is.
   */
  checkAuthSpec?(spec: { readonly specName: string | undefined; readonly schema: unknown }): readonly string[]
}

export interface SourceAdvice {
  /** A connection this run created fails its verification: what to check. */
  readonly afterCreate: string
  /** A connection whose credentials this run replaced fails its verification: what to check. */
  readonly afterWrite: string
  /** verify-tables names tables the root listing lacks: what to do. */
  readonly missingTables: string
  /** The spec is gone, or a create was refused for the source: it may have been withdrawn. */
  readonly withdrawn: string
}
