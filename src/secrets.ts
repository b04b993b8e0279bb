/**
 * Owns masking. Every secret input and every value minted from one goes through `register`
 * before anything can print it; outputs never do (the runner drops a job output that contains a
 * masked value: see README, "Passing the id between jobs").
 */

/** Shorter values would mask common substrings of logs and outputs, so they are not registered. */
export const MIN_MASKED_LENGTH = 4

export type MaskSink = (value: string) => void

export class SecretRegistry {
  readonly #sink: MaskSink
  readonly #masked = new Set<string>()

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
      this.#sink(candidate)
    }
  }

  /** True when the text contains a registered value; used to keep outputs mask-free. */
  appearsIn(text: string): boolean {
    for (const value of this.#masked) if (text.includes(value)) return true
    return false
  }

  /** Last line of defence for messages: replaces any registered value with `***`. */
  redact(text: string): string {
    let result = text
    const longestFirst = [...this.#masked].sort((a, b) => b.length - a.length)
    for (const value of longestFirst) result = result.split(value).join('***')
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
