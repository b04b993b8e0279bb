import { describe, expect, it } from 'vitest'
import { SecretRegistry } from '../../../src/runner/secrets.ts'
import { MAX_LINE_LENGTH, runnerLine } from '../../../src/runner/runner-line.ts'
import { runnerCommands } from '../../support/run-action.ts'

const none = (text: string) => text

describe('runnerLine: the one rule for text shown to the runner', () => {
  it.each([
    ['LF', 'a\n::stop-commands::x\nb'],
    ['CR', 'a\r::stop-commands::x'],
    ['CRLF', 'a\r\n::add-mask::x'],
    ['U+2028', 'a\u2028::stop-commands::x'],
    ['U+2029', 'a\u2029::stop-commands::x'],
    ['NEL', 'a\u0085::stop-commands::x'],
    ['vertical tab and form feed', 'a\u000b\u000c::stop-commands::x'],
    ['a leading command', '::stop-commands::x'],
    ['a leading command after white space', ' \t ::stop-commands::x'],
    ['a zero-width space before a command', '\u200b::stop-commands::x'],
    ['a legacy command mid-line', 'text ##[stop-commands]x']
  ])('leaves no command the runner would process (%s)', (_what, text) => {
    const line = runnerLine(text, none)
    expect(line).not.toMatch(/[\r\n\u2028\u2029\u0085]/)
    expect(runnerCommands([line])).toEqual([])
    expect(line).not.toContain('##[')
  })

  it('keeps ordinary text as it is', () => {
    expect(runnerLine('Found 1 connection named "Zoho CRM" (id 2484f2df)', none)).toBe(
      'Found 1 connection named "Zoho CRM" (id 2484f2df)'
    )
    expect(runnerLine('ünïcødé ✓ 50% a::b', none)).toBe('ünïcødé ✓ 50% a::b')
  })

  it('cuts a line to its bound, however long the text', () => {
    const line = runnerLine('x'.repeat(20 * 1024 * 1024), none)
    expect(line).toHaveLength(MAX_LINE_LENGTH)
    expect(line.endsWith('…')).toBe(true)
    expect(runnerLine('abcdef', none, 4)).toBe('abc…')
  })

  it('redacts before and after flattening', () => {
    const secrets = new SecretRegistry(() => undefined)
    secrets.register('multi line secret value\nsecond part of it')
    const line = runnerLine('leak: multi line secret value\nsecond part of it end', (t) => secrets.redact(t))
    expect(line).toBe('leak: *** end')
  })
})

describe('SecretRegistry redacts fragments of 8 or more characters', () => {
  const secret = 'p8e-Zq3xW9vRt5LmN2kJ7hGf'
  const registry = () => {
    const secrets = new SecretRegistry(() => undefined)
    secrets.register(secret)
    return secrets
  }

  it.each([
    ['a prefix of 24', `echo ${secret.slice(0, 24)} end`],
    ['a starred form', `echo ${secret.slice(0, -4)}**** end`],
    ['a truncated form', `echo ${secret.slice(3, -3)} end`],
    ['a suffix', `echo ...${secret.slice(-8)} end`],
    ['an 8-character piece from the middle', `echo ${secret.slice(5, 13)} end`]
  ])('removes %s', (_what, text) => {
    const redacted = registry().redact(text)
    expect(redacted).toMatch(/^echo \S*\*\*\*\S* end$/)
    for (let at = 0; at + 8 <= secret.length; at++) expect(redacted).not.toContain(secret.slice(at, at + 8))
  })

  it('leaves 7 characters and unrelated text alone', () => {
    expect(registry().redact(`echo ${secret.slice(0, 7)} end`)).toBe(`echo ${secret.slice(0, 7)} end`)
    expect(registry().redact('nothing secret here at all')).toBe('nothing secret here at all')
  })

  it('still redacts whole short values (4 to 7 characters)', () => {
    const secrets = new SecretRegistry(() => undefined)
    secrets.register('abcd')
    expect(secrets.redact('x abcd y')).toBe('x *** y')
  })

  it('stays fast on a bounded text with several secrets', () => {
    const secrets = new SecretRegistry(() => undefined)
    for (let n = 0; n < 10; n++) secrets.register(`${secret}-${n}-${'k'.repeat(200)}`)
    const text = 'a'.repeat(64 * 1024)
    const started = performance.now()
    for (let n = 0; n < 10; n++) secrets.redact(text)
    expect((performance.now() - started) / 10).toBeLessThan(50)
  })
})
