import { expect, test } from 'vitest'
import { parse } from 'yaml'
import { SECRET_INPUTS } from '../../src/inputs/contract.ts'
import { DEFAULTS, Emulator, type EmulatorOptions } from '../emulator/emulator.ts'
import { SOURCE_SECRETS } from '../emulator/sources.ts'
import { runInProcess, type InProcessOptions } from './in-process.ts'
import { findLeaks } from './leaks.ts'
import { runAction, type ActionRun, type RunOptions } from './run-action.ts'

/** Inputs that point every service at the emulator, with valid credentials. */
export function inputsFor(
  emulator: Emulator,
  overrides: Readonly<Record<string, string>> = {}
): Record<string, string> {
  return {
    sandbox: 'dev',
    'adobe-client-id': emulator.options.clientId,
    'adobe-client-secret': emulator.options.clientSecret,
    'adobe-org-id': emulator.options.orgId,
    'adobe-ims-url': emulator.url,
    'adobe-platform-url': emulator.url,
    'zoho-endpoint': emulator.url,
    'zoho-accounts-url': emulator.url,
    'zoho-client-id': emulator.zoho.clientId,
    'zoho-client-secret': emulator.zoho.clientSecret,
    'zoho-refresh-token': emulator.zoho.refreshToken,
    ...overrides
  }
}

/** Every secret input a run may know, and every value of auth-params but a plain URL. */
export function secretsOf(inputs: Readonly<Record<string, string>> = {}): string[] {
  const fromInputs = SECRET_INPUTS.map((name) => inputs[name] ?? '')
  return [
    DEFAULTS.clientSecret,
    DEFAULTS.zoho.clientSecret,
    DEFAULTS.zoho.refreshToken,
    DEFAULTS.zoho.clientId,
    ...Object.values(SOURCE_SECRETS).flatMap((secrets) => Object.values(secrets)),
    ...fromInputs,
    ...authParamsValues(inputs['auth-params'] ?? '')
  ].filter((secret) => secret.length >= 4)
}

/** The values of an auth-params input that must never be shown: each text and number but a plain https or loopback URL. */
function authParamsValues(text: string): string[] {
  let parsed: unknown
  try {
    parsed = parse(text)
  } catch {
    // Not a mapping: then the whole text is a secret.
    return [text]
  }
  const leaves = (value: unknown): string[] => {
    if (typeof value === 'string') return /^https?:\/\/[^\s?#@]+$/.test(value) ? [] : [value]
    if (typeof value === 'number') return [String(value)]
    if (value && typeof value === 'object') return Object.values(value).flatMap(leaves)
    return []
  }
  return leaves(parsed)
}

/** Empties every Zoho input: a deployment gate or a teardown holds no Zoho secret. */
export const NO_ZOHO = {
  'zoho-endpoint': '',
  'zoho-accounts-url': '',
  'zoho-client-id': '',
  'zoho-client-secret': '',
  'zoho-refresh-token': ''
} as const

/** Runs the action against an emulator, and applies the leak scanner to the run. */
async function runAgainst(
  emulator: Emulator,
  overrides: Readonly<Record<string, string>> = {},
  options: RunOptions = {}
): Promise<ActionRun> {
  const inputs = inputsFor(emulator, overrides)
  const result = await runAction(inputs, options)
  expect(findLeaks(result, secretsOf(inputs), mintedBy(emulator)), 'secrets leaked').toEqual([])
  return result
}

/**
 * Every token the emulator minted, masked as soon as the action receives it; and every params
 * digest the action wrote into a description, masked when computed (it digests zoho-client-id).
 */
export function mintedBy(emulator: Emulator): string[] {
  const written = [...emulator.requests('connections.create'), ...emulator.requests('connections.patch')]
  const digests = written.flatMap((request) =>
    [...request.body.matchAll(/\[params:([0-9a-f]{12})\]/g)].map((m) => m[1] ?? '')
  )
  return [...emulator.issuedImsTokens, ...emulator.issuedZohoTokens, ...emulator.sources.issued, ...digests]
}

/**
 * An emulator; `run`, which runs the bundle against it as the runner does; and `runInProcess`,
 * which runs `src/` in this process the same way. The leak scanner is applied to every run.
 */
export interface EmulatorContext {
  readonly emulator: Emulator
  readonly run: (overrides?: Readonly<Record<string, string>>, runOptions?: RunOptions) => Promise<ActionRun>
  readonly runInProcess: (
    overrides?: Readonly<Record<string, string>>,
    runOptions?: InProcessOptions
  ) => Promise<ActionRun>
}

function contextFor(emulator: () => Emulator): EmulatorContext {
  const scanned = (inputs: Record<string, string>, run: ActionRun) => {
    expect(findLeaks(run, secretsOf(inputs), mintedBy(emulator())), 'secrets leaked').toEqual([])
    return run
  }
  return {
    get emulator() {
      return emulator()
    },
    run: (overrides = {}, runOptions = {}) => runAgainst(emulator(), overrides, runOptions),
    runInProcess: async (overrides = {}, runOptions = {}) => {
      const inputs = inputsFor(emulator(), overrides)
      return scanned(inputs, await runInProcess(inputs, runOptions))
    }
  }
}

/**
 * `it` whose tests receive `ctx`: a fresh emulator of their own, started before and stopped after
 * each test, held by the test rather than the file, so that tests run concurrently
 * (`describe.concurrent`) without touching each other's emulator. Options known only once a
 * `beforeAll` ran (a generated certificate) are given as a function.
 */
export function emulatorTest(options: EmulatorOptions | (() => EmulatorOptions) = {}) {
  return test.extend<{ ctx: EmulatorContext }>({
    // eslint-disable-next-line no-empty-pattern -- Vitest requires the destructuring form.
    ctx: async ({}, use) => {
      const emulator = await new Emulator(typeof options === 'function' ? options() : options).start()
      try {
        await use(contextFor(() => emulator))
      } finally {
        await emulator.stop()
      }
    }
  })
}
