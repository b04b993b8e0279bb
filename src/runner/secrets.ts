/**
 * Owns masking. Every secret input and every value minted from one goes through `register`
 * before anything can print it; outputs never do (the runner drops a job output that contains a
 * masked value: see README, "Passing the id between jobs").
 */

/** Shorter values would mask common substrings of logs and outputs, so they are not registered. */
export const MIN_MASKED_LENGTH = 4

/**
 * A service may echo part of a secret (a prefix, a suffix, a starred or truncated form): any run
 * of this many consecutive characters of a registered value is redacted too.
 */
export const FRAGMENT_LENGTH = 8

export type MaskSink = (value: string) => void

export class SecretRegistry {
  readonly #sink: MaskSink
  readonly #masked = new Set<string>()
  /** Every FRAGMENT_LENGTH-character piece of every registered form: a few hundred short strings. */
  readonly #fragments = new Set<string>()

  constructor(sink: MaskSink) {
    this.#sink = sink
  }

  /**
   * Registers a secret, each of its lines, and the encoded forms it can take on its way out
   * (form and URL encoding, JSON escaping, base64), so a log line can never show any of them.
   */
  register(value: string | undefined): void {
    if (!value || value.length < MIN_MASKED_LENGTH) return
    const lines = value.split(/\r?\n|\r/).map((line) => line.trim())
    for (const candidate of [value, ...lines, ...encodedForms(value)]) {
      if (candidate.length < MIN_MASKED_LENGTH || this.#masked.has(candidate)) continue
      this.#masked.add(candidate)
      for (let at = 0; at + FRAGMENT_LENGTH <= candidate.length; at++) {
        this.#fragments.add(candidate.slice(at, at + FRAGMENT_LENGTH))
      }
      this.#sink(candidate)
    }
  }

  /** True when the text contains a registered value; used to keep outputs mask-free. */
  appearsIn(text: string): boolean {
    for (const value of this.#masked) if (text.includes(value)) return true
    return false
  }

  /**
   * Last line of defence for messages: replaces every registered value, and every run of
   * FRAGMENT_LENGTH or more characters of one, with `***`. Linear in the text's length, so
   * callers bound the text first.
   */
  redact(text: string): string {
    let result = this.#redactFragments(text)
    const shortValues = [...this.#masked].filter((value) => value.length < FRAGMENT_LENGTH)
    for (const value of shortValues.sort((a, b) => b.length - a.length)) result = result.split(value).join('***')
    return result
  }

  #redactFragments(text: string): string {
    if (this.#fragments.size === 0 || text.length < FRAGMENT_LENGTH) return text
    // Mark every character inside some piece of a secret, then write each marked run as one `***`.
    const covered = new Uint8Array(text.length)
    let any = false
    for (let at = 0; at + FRAGMENT_LENGTH <= text.length; at++) {
      if (this.#fragments.has(text.slice(at, at + FRAGMENT_LENGTH))) {
        covered.fill(1, at, at + FRAGMENT_LENGTH)
        any = true
      }
    }
    if (!any) return text
    let result = ''
    for (let at = 0; at < text.length; at++) {
      if (!covered[at]) result += text[at]
      else if (at === 0 || !covered[at - 1]) result += '***'
    }
    return result
  }
}

function encodedForms(value: string): string[] {
  return [
    encodeURIComponent(value),
    new URLSearchParams({ v: value }).toString().slice(2),
    JSON.stringify(value).slice(1, -1),
    Buffer.from(value, 'utf8').toString('base64')
  ].filter((form) => form !== value)
}
