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
    notAFormOfWanted: () => undefined
  }
}

/** Compares two URLs by `same` once both can be read as http(s) URLs. */
export function compareUrls(shown: string, wanted: string, same: (stored: URL, want: URL) => boolean): ParamComparison {
  if (shownNothing(shown)) return 'unknown'
  const stored = readHttpUrl(shown)
  const want = readHttpUrl(wanted)
  if (!stored || !want) return 'unknown'
  return same(stored, want) ? 'same' : 'different'
}
