/**
 * The leak scanner applied to every end-to-end run: no secret, nor any encoded form of one, may
 * appear anywhere the runner or a later step could show it, except on `::add-mask::` lines, and
 * those must come before any other line.
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
  const lateAllowed = new Set(minted.flatMap(secretForms).map(encodeCommandData))
  let sawOtherLine = false
  run.lines.forEach((line, index) => {
    if (line.startsWith('::add-mask::')) {
      if (sawOtherLine && !lateAllowed.has(line.slice('::add-mask::'.length))) {
        leaks.push(`stdout line ${index + 1}: ::add-mask:: of an input secret after other output`)
      }
    } else {
      sawOtherLine = true
    }
  })
  const places: Record<string, string> = {
    stdout: run.lines.filter((line) => !line.startsWith('::add-mask::')).join('\n'),
    stderr: run.stderr,
    summary: run.summary,
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
  return leaks
}

/** How `::add-mask::` writes a value (the toolkit's escaping). */
function encodeCommandData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}
