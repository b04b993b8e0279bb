/**
 * The one rule for any text shown to the runner: a log line, an annotation, a group title, an
 * output, a cell of the summary. Text from a server is untrusted; this makes it safe to show.
 */

/** The longest line this action hands the runner: a log line, an annotation, a group title. */
export const MAX_LINE_LENGTH = 4096

// C0 and C1 controls (CR, LF, ESC, NEL among them), the Unicode line and paragraph separators, and
// format characters (bidi overrides, zero-width ones) that could hide what a line really says.
const UNPRINTABLE = /[\p{Cc}\p{Cf}\u2028\u2029]+/gu

/**
 * Makes any text safe to show the runner: redacted, one line, bounded, and unable to start a
 * workflow command. The runner reads a command from a line that starts with `::` after leading
 * white space, and a legacy `##[command]` anywhere in a line; both are broken up here, so no server
 * answer can issue `::stop-commands::` and switch masking off for the rest of the run.
 */
export function runnerLine(text: string, redact: (text: string) => string, max = MAX_LINE_LENGTH): string {
  // Bounded before anything else, so a 20 MB error message costs no more than a short one.
  const bounded = text.length > max * 2 ? text.slice(0, max * 2) : text
  const line = redact(redact(bounded).replace(UNPRINTABLE, ' '))
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^::/, ': :')
    .replace(/##\[/g, '# #[')
  return line.length > max ? `${line.slice(0, max - 1)}…` : line
}
