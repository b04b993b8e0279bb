/**
 * What the documentation says about retries is what RETRY_POLICIES does: the "Retries." list in
 * docs/how-it-works.md gives each kind of request its statuses, network failures and unknown
 * outcome; docs/reference.md and docs/troubleshooting.md name no status the table does not retry.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  GATEWAY_NEVER_PASSED_CODES,
  RETRY_POLICIES,
  type RequestKind,
  type RetryPolicy
} from '../../src/retry-policy.ts'

const read = (file: string) => readFileSync(fileURLToPath(new URL(`../../${file}`, import.meta.url)), 'utf8')
const KINDS = Object.entries(RETRY_POLICIES) as [RequestKind, RetryPolicy][]
const ALL_STATUSES = [...new Set(KINDS.flatMap(([, policy]) => policy.statuses))]
/** How docs/how-it-works.md names each kind, in bold at the start of its line. */
const LABELS: Record<RequestKind, string> = {
  read: 'Reads, updates and deletes',
  create: 'A create',
  'token-refresh': 'A Zoho token refresh'
}

const statusesIn = (text: string) => [...text.matchAll(/\b[1-5]\d\d\b/g)].map((match) => Number(match[0]))
const sorted = (statuses: readonly number[]) => [...statuses].sort((a, b) => a - b)
/** A kind's rule is its first sentence; what follows says what the rule leads to. */
const firstSentence = (text: string) => text.split(/\.(?:\s|$)/)[0] ?? ''

/** The "Retries." bullet: its own text, and its sub-bullets by their bold label. */
function retriesBullet(): { intro: string; kinds: Map<string, string> } {
  const lines = read('docs/how-it-works.md').split('\n')
  const start = lines.findIndex((line) => line.startsWith('- **Retries.**'))
  if (start === -1) throw new Error('docs/how-it-works.md has no "- **Retries.**" bullet')
  const items: string[] = []
  for (const [n, line] of lines.slice(start).entries()) {
    if (n > 0 && !line.startsWith('  ')) break
    if (/^ {0,2}- /.test(line)) items.push(line.replace(/^ *- /, ''))
    else items[items.length - 1] += ` ${line.trim()}`
  }
  const [intro = '', ...subs] = items
  const kinds = new Map(
    subs.map((sub) => {
      const [, label = sub, text = ''] = /^\*\*(.+?)\*\*(.*)$/.exec(sub) ?? []
      return [label, text]
    })
  )
  return { intro, kinds }
}

describe('docs/how-it-works.md, "Retries."', () => {
  const { intro, kinds } = retriesBullet()
  const rule = (kind: RequestKind) => kinds.get(LABELS[kind]) ?? ''

  it('gives every kind of request one line, and no other', () => {
    expect([...kinds.keys()]).toEqual(KINDS.map(([kind]) => LABELS[kind]))
  })

  it.each(KINDS)('%s: lists exactly the statuses sent again', (kind, policy) => {
    const listed = sorted(statusesIn(firstSentence(rule(kind))))
    expect(listed, `the statuses on the "${LABELS[kind]}" line`).toEqual(sorted(policy.statuses))
  })

  it.each(KINDS)('%s: says which network errors are sent again', (kind, policy) => {
    const text = firstSentence(rule(kind))
    expect(text).toMatch(/\bnetwork errors\b/)
    expect(/network errors that prove it never reached/.test(text)).toBe(policy.networkFailures === 'never-reached')
  })

  it.each(KINDS)('%s: names the gateway codes after which it is sent again, if any', (kind, policy) => {
    for (const code of GATEWAY_NEVER_PASSED_CODES) {
      expect(rule(kind).includes(`\`${code}\``), `${LABELS[kind]} names ${code}`).toBe(
        policy.neverPassedTheGateway !== undefined
      )
    }
  })

  it.each(KINDS)('%s: says whether its outcome may be unknown', (kind, policy) => {
    expect(rule(kind).includes('leaves its outcome unknown')).toBe(policy.outcomeMayBeUnknown)
  })

  it('the statuses it says are never retried are retried by no kind, nor is any 4xx but 429', () => {
    const [, never = ''] = /((?:\d{3}, )*\d{3}) and other 4xx are never retried/.exec(intro) ?? []
    expect(statusesIn(never).length).toBeGreaterThan(0)
    for (const status of statusesIn(never)) expect(ALL_STATUSES).not.toContain(status)
    expect(ALL_STATUSES.filter((status) => status >= 400 && status < 500)).toEqual([429])
  })
})

describe('the statuses other documents name', () => {
  it("the reference's max-attempts row names every status some kind retries, and no other", () => {
    const row = read('docs/reference.md')
      .split('\n')
      .find((line) => line.startsWith('| `max-attempts` |'))
    const [, named = ''] = /retryable failures \(([^)]*)\)/.exec(row ?? '') ?? []
    const parts = named.split(', ')
    expect(parts).toContain('network errors')
    const covered = (status: number) =>
      parts.includes(String(status)) || parts.includes(`${Math.floor(status / 100)}xx`)
    for (const status of ALL_STATUSES) expect(covered(status), `${status} is named`).toBe(true)
    for (const part of parts.filter((p) => p !== 'network errors')) {
      const matches = ALL_STATUSES.filter(
        (status) => String(status) === part || `${Math.floor(status / 100)}xx` === part
      )
      expect(matches.length, `some kind retries ${part}`).toBeGreaterThan(0)
    }
  })

  it('docs/troubleshooting.md says an outage was tried max-attempts times for exactly the 5xx a read retries', () => {
    const [, named = ''] =
      /outage \(([^)]*)\), and the action already tried `max-attempts` times/.exec(read('docs/troubleshooting.md')) ??
      []
    expect(statusesIn(named)).toEqual(RETRY_POLICIES.read.statuses.filter((status) => status >= 500))
  })
})
