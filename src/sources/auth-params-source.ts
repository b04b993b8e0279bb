/**
 * A source whose params come from `auth-params` in Adobe's own names (HubSpot, Generic REST,
 * any other Flow Service source): what it writes, how its stored params compare, the check
 * against its auth spec's schema, and its proof, one refresh at its token endpoint where it has
 * one (contract: Sources). Each source is a preset of this: hubspot.ts, generic-rest.ts, other.ts.
 */
import { SOURCE_PROOFS } from '../inputs/contract.ts'
import { isPlainUrl, type AuthParamMap, type AuthParamValue } from '../inputs/auth-params.ts'
import type { Inputs } from '../inputs/parse.ts'
import { storesSourceCredentials } from '../modes.ts'
import { refreshAccessToken, type Refusal } from '../oauth/refresh.ts'
import { canonicalUrl, readHttpUrl } from '../param-forms.ts'
import type { ParamExpectation, SourceAdvice } from '../plan/source.ts'
import { checkAuthParams } from './auth-schema.ts'
import { compareUrls, shownNothing } from './param-rules.ts'
import type { SourceContext, SourceForRun } from './source-for-run.ts'

/** Params that hold a credential whatever the schema says: never compared, never shown. */
const SECRET_PARAM_NAMES: ReadonlySet<string> = new Set(['clientSecret', 'accessToken', 'refreshToken', 'password'])

/** Where a source's proof refresh goes, and what its refusals mean. */
export interface ProofPreset {
  /** How users know the token endpoint: "HubSpot's token endpoint". */
  readonly service: string
  /** The token endpoint, and the input that points at it, for the run's params and inputs. */
  readonly tokenUrl: (params: AuthParamMap, inputs: Inputs) => { readonly url: string; readonly input: string }
  /** A refusal in words that name the param to fix; ends saying nothing was written. */
  readonly explain: (refusal: Refusal, url: string) => string
}

export interface SourcePreset {
  /** As users know it, in messages; `other` learns its name from the spec. */
  readonly label: string
  readonly advice: SourceAdvice
  /** The params Adobe documents for its connections (debug shapes list them even when absent). */
  readonly params: readonly string[]
  /** Its proof before writing, or undefined: nothing can be proven before the write. */
  readonly proof: ProofPreset | undefined
  /** Why nothing is proven before writing, for a run that writes without a proof. */
  readonly unproven: (inputs: Inputs, label: string) => string
}

/**
 * A param repair compares (contract: What Adobe leaves undocumented): a plain URL in its
 * canonical form, anything else as given. Every value but a plain URL is masked, so a difference
 * of another value is named without either value.
 */
export function authParamExpectation(name: string, wanted: string, compared: () => boolean): ParamExpectation {
  if (isPlainUrl(wanted)) {
    return {
      name,
      wanted,
      secret: false,
      compare: (shown) =>
        compared()
          ? compareUrls(shown, wanted, (stored, want) => canonicalUrl(stored) === canonicalUrl(want))
          : 'unknown',
      notAFormOfWanted: (shown) => {
        const stored = readHttpUrl(shown)
        const want = readHttpUrl(wanted)
        return stored && want && stored.host.toLowerCase() !== want.host.toLowerCase() ? 'another host' : undefined
      }
    }
  }
  return {
    name,
    wanted,
    secret: true,
    compare: (shown) => {
      if (!compared() || shownNothing(shown)) return 'unknown'
      return shown.trim() === wanted.trim() ? 'same' : 'different'
    },
    notAFormOfWanted: () => 'another value'
  }
}

/** The params repair compares: each given text or number, but the secrets. */
export function authParamExpectations(
  params: AuthParamMap | undefined,
  compared: (name: string) => boolean
): ParamExpectation[] {
  if (!params) return []
  return Object.entries(params).flatMap(([name, value]: [string, AuthParamValue]) => {
    if (SECRET_PARAM_NAMES.has(name)) return []
    if (typeof value !== 'string' && typeof value !== 'number') return []
    return [authParamExpectation(name, String(value), () => compared(name))]
  })
}

function textParam(params: AuthParamMap, name: string): string | undefined {
  const value = params[name]
  return typeof value === 'string' && value !== '' ? value : undefined
}

/** A source of one run whose params are `auth-params`, as its preset says. */
export function authParamsSource(inputs: Inputs, context: SourceContext, preset: SourcePreset): SourceForRun {
  const given = inputs.source.authParams
  const secretBySchema = new Set<string>()
  let specName: string | undefined
  let proven: string | undefined
  const label = () => (preset.label === '' ? (specName ?? 'Flow Service') : preset.label)
  const proofSpec = SOURCE_PROOFS[inputs.source.name]
  /** The refresh this run's write is proven by, when it has one: every param it sends is given. */
  const proof = (() => {
    if (!preset.proof || !proofSpec || !given || inputs.source.check !== 'token') return undefined
    const sent = proofSpec.sends.map((name) => textParam(given, name))
    return sent.every((value) => value !== undefined) ? { ...preset.proof, spec: proofSpec } : undefined
  })()
  const expectedParams = authParamExpectations(given, (name) => !secretBySchema.has(name))

  let params: Promise<Readonly<Record<string, unknown>>> | undefined
  const authParams = (): Promise<Readonly<Record<string, unknown>>> => {
    if (!storesSourceCredentials(inputs.mode) || !given) {
      return Promise.reject(new Error(`${inputs.mode} mode never writes ${label()} credentials`))
    }
    return (params ??= (async () => {
      if (!proof) {
        if (inputs.source.check === 'token') {
          const why = preset.unproven(inputs, label())
          context.note(why)
          proven = 'none: nothing could be proven before writing'
        }
        return given
      }
      const { url, input } = proof.tokenUrl(given, inputs)
      const refreshToken = textParam(given, 'refreshToken') ?? ''
      const grant = await refreshAccessToken(
        context.http,
        {
          tokenUrl: url,
          clientId: textParam(given, 'clientId') ?? '',
          clientSecret: textParam(given, 'clientSecret') ?? '',
          refreshToken,
          service: proof.service,
          input
        },
        context.mask,
        (refusal) => proof.explain(refusal, url)
      )
      context.log(
        `${label()} issued an access token (masked) at ${url}: clientId, clientSecret and refreshToken are valid`
      )
      proven = `one refresh at ${url}`
      const written: Record<string, unknown> = { ...given, [proof.spec.mints]: grant.accessToken }
      if (grant.refreshToken && grant.refreshToken !== refreshToken) {
        written['refreshToken'] = grant.refreshToken
        context.warn(
          `${label()} answered the refresh with a new refresh token, so the connection now holds the new one: update the secret that gives refreshToken in auth-params, or later runs send the old one (neither value is shown).`
        )
      }
      return written
    })())
  }

  return {
    get label() {
      return label()
    },
    expectedParams,
    authParams,
    advice: preset.advice,
    checkAuthSpec: ({ specName: name, schema }) => {
      specName = name
      if (!given) return []
      // The proof mints what it writes: the schema judges the params as they will be written.
      const written =
        proof && textParam(given, proof.spec.mints) === undefined ? { ...given, [proof.spec.mints]: 'minted' } : given
      const verdict = checkAuthParams(written, schema, inputs.connection.authSpecName)
      for (const name of verdict.secretParams) secretBySchema.add(name)
      if (!verdict.checked) {
        context.log(
          `The connection spec shows no schema for auth spec "${inputs.connection.authSpecName}" that this action can read, so auth-params is taken as it is`
        )
      }
      return verdict.problems
    },
    paramNames: [...new Set([...preset.params, ...Object.keys(given ?? {})])],
    provesBeforeSpec: false,
    dryRunWarning: () =>
      storesSourceCredentials(inputs.mode) && !given
        ? `This dry run proves and writes nothing, so it needs no auth-params; a real ${inputs.mode} run needs it (it stores the ${label()} credentials in the connection) and stops without.`
        : undefined,
    // Named before the spec is read: `other` is then the Flow Service source it was given as.
    get managedBy() {
      return `Managed by the AEP ${label()} connection GitHub Action`
    },
    summaryRows: () => (proven ? [['Proof before writing', proven]] : [])
  }
}
