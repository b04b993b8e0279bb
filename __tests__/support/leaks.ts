/**
 * The leak scanner applied to every end-to-end run: no secret, nor any encoded form of one, may
 * appear anywhere the runner or a later step could show it, except on `::add-mask::` lines that
 * the runner processes, and those of input secrets must come before any other line. It judges the runner's view
 * (`run.commands`): a mask swallowed by `::stop-commands::` is a line shown in clear, so the
 * secret on it counts as leaked.
 */
import type { ActionRun } from './run-action.ts'

/** The forms a secret can take on its way out: raw, per line, JSON-escaped, URL/form-encoded, base64. */
export function secretForms(secret: string): string[] {
  const forms = new Set<string>([
    secret,
    ...secret.split(/\r?\n/).filter((line) => line.trim().length >= 4),
    JSON.stringify(secret).slice(1, -1),
    encodeURIComponent(secret),
    new URLSearchParams({ v: secret }).toString().slice(2),
    Buffer.from(secret).toString('base64')
  ])
  return [...forms].filter((form) => form.length >= 4)
}

/**
 * `secrets` are known before the run (inputs): their masks must precede every other line.
 * `minted` come into being during the run (tokens): their masks may come later, but must still
 * precede any line that could show them, which the scan for their forms below proves.
 */
export function findLeaks(run: ActionRun, secrets: readonly string[], minted: readonly string[] = []): string[] {
  const leaks: string[] = []
  // Input secrets are known from the start, so they must be masked before anything else; minted
  // tokens and values derived from secrets are masked as soon as they exist, later by nature.
  const inputForms = new Set(secrets.flatMap(secretForms).map(encodeCommandData))
  const maskLines = new Set(run.commands.filter((c) => c.name === 'add-mask').map((c) => c.line))
  let sawOtherLine = false
  run.lines.forEach((line, index) => {
    if (maskLines.has(index)) {
      if (sawOtherLine && inputForms.has(line.slice(line.indexOf('::add-mask::') + '::add-mask::'.length))) {
        leaks.push(`stdout line ${index + 1}: ::add-mask:: of an input secret after other output`)
      }
    } else {
      sawOtherLine = true
    }
  })
  for (const c of run.commands) {
    if (c.name === 'stop-commands') leaks.push(`stdout line ${c.line + 1}: ::stop-commands:: switched masking off`)
  }
  const places: Record<string, string> = {
    stdout: run.lines.filter((_, index) => !maskLines.has(index)).join('\n'),
    stderr: run.stderr,
    summary: run.summary,
    'summary as rendered': decodeEntities(run.summary),
    outputs: Object.values(run.outputs).join('\n'),
    state: run.state,
    'env file': run.envFile
  }
  ;[...secrets, ...minted].forEach((secret, n) => {
    if (secret.length < 4) return
    for (const form of secretForms(secret)) {
      for (const [place, text] of Object.entries(places)) {
        if (text.includes(form)) leaks.push(`secret #${n + 1} (${form === secret ? 'raw' : 'encoded'}) in ${place}`)
      }
    }
  })
  ;[...secrets, ...minted].forEach((secret, n) => {
    for (const [place, text] of Object.entries(places)) {
      const fragment = fragmentIn(secret, text)
      if (fragment) leaks.push(`secret #${n + 1}: a fragment of ${fragment.length} characters in ${place}`)
    }
  })
  return leaks
}

/** The runs of this many characters of a secret that the contract says must never be shown. */
export const FRAGMENT_LENGTH = 8

/** The first run of FRAGMENT_LENGTH characters of `secret` (or of one of its lines) found in `text`. */
export function fragmentIn(secret: string, text: string): string | undefined {
  const pieces = new Set<string>()
  for (const part of [secret, ...secret.split(/\r?\n/)]) {
    for (let at = 0; at + FRAGMENT_LENGTH <= part.length; at++) pieces.add(part.slice(at, at + FRAGMENT_LENGTH))
  }
  if (pieces.size === 0) return undefined
  for (let at = 0; at + FRAGMENT_LENGTH <= text.length; at++) {
    const piece = text.slice(at, at + FRAGMENT_LENGTH)
    if (pieces.has(piece)) return piece
  }
  return undefined
}

/** The text a browser shows for the summary's HTML entities. */
function decodeEntities(html: string): string {
  return html
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
}

/** How `::add-mask::` writes a value (the toolkit's escaping). */
function encodeCommandData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}
