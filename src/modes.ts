/**
 * Each mode once, with what it is. The inputs' types per mode, the plan's dispatch, the sign-in
 * order, and the words of action.yml and the README derive from this table or are checked
 * against it (`modes-are-declared-once.test.ts`): a mode added here without its plan does not
 * compile.
 */

export interface ModeDefinition {
  /** How action.yml's `mode` input describes it, after its name. */
  readonly summary: string
  /** Sends a POST, PATCH or DELETE to Adobe (not with dry-run). */
  readonly writes: boolean
  /** Writes the source's credentials into the connection, so it needs them (and may prove them). */
  readonly storesSourceCredentials: boolean
  /**
   * When the source's credentials are proven: `with-adobe` alongside the IMS exchange (the mode
   * always writes them), `before-writing` only once the plan knows it will write them.
   */
  readonly provesSource: 'with-adobe' | 'before-writing' | 'never'
  /** Looks the connection up by `connection-name`, or by `connection-id` when given. */
  readonly looksUp: 'name' | 'name-or-id'
  /**
   * When it reads the dataflows that use the connection: `after-the-operation` when the
   * `dataflows` input says `list` or `healthy`; `before-deleting` always, whatever it says.
   */
  readonly readsDataflows: 'after-the-operation' | 'before-deleting'
  /** The `result` a run of this mode can give. */
  readonly results: readonly string[]
  /** The `result` a dry run of it can give. */
  readonly dryRunResults: readonly string[]
}

export const MODES = {
  ensure: {
    summary: 'find by name, create when missing, then act by on-existing',
    writes: true,
    storesSourceCredentials: true,
    provesSource: 'before-writing',
    looksUp: 'name',
    readsDataflows: 'after-the-operation',
    results: ['created', 'reused', 'repaired', 'updated'],
    dryRunResults: ['would-create', 'reused', 'would-repair', 'would-update']
  },
  check: {
    summary: 'read-only; fail when missing, not enabled or failing verification',
    writes: false,
    storesSourceCredentials: false,
    provesSource: 'never',
    looksUp: 'name-or-id',
    readsDataflows: 'after-the-operation',
    results: ['found'],
    dryRunResults: ['found']
  },
  create: {
    summary: 'fail when the name exists',
    writes: true,
    storesSourceCredentials: true,
    provesSource: 'with-adobe',
    looksUp: 'name',
    readsDataflows: 'after-the-operation',
    results: ['created'],
    dryRunResults: ['would-create']
  },
  delete: {
    summary: 'absent already is success; never while dataflows use it',
    writes: true,
    storesSourceCredentials: false,
    provesSource: 'never',
    looksUp: 'name-or-id',
    readsDataflows: 'before-deleting',
    results: ['deleted', 'absent'],
    dryRunResults: ['would-delete', 'absent']
  }
} as const satisfies Record<string, ModeDefinition>

export type Mode = keyof typeof MODES
export const MODE_NAMES = Object.keys(MODES) as Mode[]

/** The modes that store the source's credentials in the connection (ensure, create). */
export type StoringMode = { [M in Mode]: (typeof MODES)[M]['storesSourceCredentials'] extends true ? M : never }[Mode]
/** The modes that only read, or delete: they need no source input. */
export type ReadingMode = Exclude<Mode, StoringMode>

export function storesSourceCredentials(mode: Mode): mode is StoringMode {
  return MODES[mode].storesSourceCredentials
}

/** Every `result` a run can give, as the table lists them. */
export type Result = {
  [M in Mode]: (typeof MODES)[M]['results'][number] | (typeof MODES)[M]['dryRunResults'][number]
}[Mode]
