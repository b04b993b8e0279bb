/**
 * How a stored param compares with what the inputs want, for any source (contract: What Adobe
 * leaves undocumented). A param Adobe shows empty or hidden, or in a form that cannot be read, is
 * unknown, never different: only a readable value that disagrees is `different`.
 */
import { canonicalUrl, isHiddenForm, readHttpUrl } from '../param-forms.ts'
import type { ParamComparison, ParamExpectation } from '../plan/source.ts'

/** True when Adobe shows nothing that can be compared: empty, blank, or a hidden form. */
export function shownNothing(shown: string): boolean {
  return shown.trim() === '' || isHiddenForm(shown)
}

/** A URL param, compared in its canonical form (scheme and host case, default port, trailing slash). */
export function urlParam(name: string, wanted: string, secret = false): ParamExpectation {
  return {
    name,
    wanted,
    secret,
    compare: (shown) => compareUrls(shown, wanted, (stored, want) => canonicalUrl(stored) === canonicalUrl(want)),
    notAFormOfWanted: (shown) => notAFormOfUrl(shown, wanted)
  }
}

/**
 * Why a URL Adobe shows cannot be a form of the one written (contract: Shared connections): a
 * form keeps the host and the scheme (their case aside) and the path, and may differ only in the
 * port, a trailing slash, or a path or query Adobe appends. Another host, scheme, path or query
 * is a change made since, never excused by the params tag. Undefined: it may be a form.
 */
export function notAFormOfUrl(shown: string, wanted: string): string | undefined {
  const stored = readHttpUrl(shown)
  const want = readHttpUrl(wanted)
  if (!stored || !want) return 'not a URL of the host written'
  if (stored.hostname !== want.hostname) return 'another host'
  if (stored.protocol !== want.protocol) return 'another scheme'
  const trimmed = (url: URL) => url.pathname.replace(/\/+$/, '')
  const path = trimmed(want)
  if (trimmed(stored) !== path && !trimmed(stored).startsWith(`${path}/`)) return 'another path'
  if (want.search !== '' && stored.search !== want.search) return 'another query'
  return undefined
}

/** Compares two URLs by `same` once both can be read as http(s) URLs. */
export function compareUrls(shown: string, wanted: string, same: (stored: URL, want: URL) => boolean): ParamComparison {
  if (shownNothing(shown)) return 'unknown'
  const stored = readHttpUrl(shown)
  const want = readHttpUrl(wanted)
  if (!stored || !want) return 'unknown'
  return same(stored, want) ? 'same' : 'different'
}
