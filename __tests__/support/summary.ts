/** Reads the job summary's HTML back as a reader sees it: its status, table rows and list items. */

/** The text a browser shows for HTML with entities. */
export function decodeHtml(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
}

export interface RenderedSummary {
  readonly heading: string
  readonly status: string
  readonly rows: Readonly<Record<string, string>>
  readonly items: readonly string[]
  /** Every tag name used, lower case. */
  readonly tags: ReadonlySet<string>
}

export function readSummary(html: string): RenderedSummary {
  const rows: Record<string, string> = {}
  for (const [, label = '', value = ''] of html.matchAll(/<tr><th>(.*?)<\/th><td>(.*?)<\/td><\/tr>/g)) {
    rows[decodeHtml(label)] = decodeHtml(value)
  }
  return {
    heading: decodeHtml(/<h3>(.*?)<\/h3>/.exec(html)?.[1] ?? ''),
    status: decodeHtml(/<p>(.*?)<\/p>/.exec(html)?.[1] ?? ''),
    rows,
    items: [...html.matchAll(/<li>(.*?)<\/li>/g)].map(([, item = '']) => decodeHtml(item)),
    tags: new Set([...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map(([, tag = '']) => tag.toLowerCase()))
  }
}

const SUMMARY_TAGS = new Set(['h3', 'p', 'strong', 'table', 'tr', 'th', 'td', 'ul', 'li'])

/**
 * Why GitHub could render something live from this summary, or [] when it cannot: a tag outside
 * the few the summary uses, a blank line (which would end the HTML block and let Markdown apply),
 * Markdown link syntax, or a bare URL a linkifier could pick up.
 */
export function liveContentIn(html: string): string[] {
  const problems: string[] = []
  for (const tag of readSummary(html).tags) if (!SUMMARY_TAGS.has(tag)) problems.push(`tag <${tag}>`)
  if (/\n\s*\n/.test(html.trim())) problems.push('a blank line')
  if (/\]\(|!\[/.test(html)) problems.push('Markdown link syntax')
  if (/[a-z]+:\/\/|www\./i.test(html)) problems.push('a bare URL')
  if (/<(https?|mailto):/i.test(html)) problems.push('an autolink')
  return problems
}
