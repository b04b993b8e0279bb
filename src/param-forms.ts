/**
 * The forms in which Adobe may show a connection's params (api-notes.md §5.1): a value it hides
 * behind a mask, a placeholder or an encrypted form, and URLs written in more than one way.
 * Shared by the rules that compare params and by the debug shapes that describe them.
 */

/**
 * Forms Adobe may show in place of a value it hides: starred or dotted masks, whole or partial;
 * placeholders such as `{CLIENT_ID}`, `<hidden>` or `${secret}`; words such as `REDACTED`; and
 * encrypted forms with a prefix (`enc:…`, `ENC(…)`, `{cipher}…`).
 */
const HIDDEN_FORM =
  /[*\u2022\u25cf]{3}|^[*\u2022\u25cf]+$|^x{4,}$|^[<{[(].*[>}\])]$|^\$\{.*\}$|^(?:hidden|masked|redacted|encrypted|secret|null|undefined|none|n\/a)$|^(?:enc|encrypted|cipher)[:(]|^\{cipher\}/i

export function isHiddenForm(value: string): boolean {
  return HIDDEN_FORM.test(value.trim())
}

/** The text read as an http(s) URL, or undefined when it is not one. */
export function readHttpUrl(text: string): URL | undefined {
  try {
    const url = new URL(text.trim())
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined
  } catch {
    return undefined
  }
}

/** Scheme and host lower-cased and the default port dropped (by URL itself), trailing slashes ignored. */
export function canonicalUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}${url.search}`
}
