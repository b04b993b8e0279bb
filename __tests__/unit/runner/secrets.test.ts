import { describe, expect, it } from 'vitest'
import { SecretRegistry } from '../../../src/runner/secrets.ts'

function registry() {
  const sent: string[] = []
  return { sent, secrets: new SecretRegistry((value) => sent.push(value)) }
}

describe('SecretRegistry', () => {
  it('registers the value, each line, and its encoded forms once each', () => {
    const { sent, secrets } = registry()
    secrets.register('abc+def/ghi"j\nsecond line')
    secrets.register('abc+def/ghi"j\nsecond line')
    expect(sent).toContain('abc+def/ghi"j\nsecond line')
    expect(sent).toContain('abc+def/ghi"j')
    expect(sent).toContain('second line')
    expect(sent).toContain(encodeURIComponent('abc+def/ghi"j\nsecond line'))
    expect(sent).toContain(Buffer.from('abc+def/ghi"j\nsecond line').toString('base64'))
    expect(new Set(sent).size).toBe(sent.length)
  })

  it('ignores values shorter than 4 characters, and lines shorter than 4', () => {
    const { sent, secrets } = registry()
    secrets.register('abc')
    secrets.register('')
    secrets.register(undefined)
    secrets.register('long enough\nab')
    expect(sent).not.toContain('abc')
    expect(sent).not.toContain('ab')
    expect(sent).toContain('long enough')
  })

  it('finds and redacts registered values in text', () => {
    const { secrets } = registry()
    secrets.register('s3cr3t-value')
    expect(secrets.appearsIn('id-s3cr3t-value-x')).toBe(true)
    expect(secrets.appearsIn('nothing here')).toBe(false)
    expect(secrets.redact('token s3cr3t-value leaked, encoded czNjcjN0LXZhbHVl')).toBe('token *** leaked, encoded ***')
  })
})
