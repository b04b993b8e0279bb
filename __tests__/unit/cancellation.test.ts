/**
 * The signals that cancel a step (contract: Cancelled, cut short, or out of disk): SIGINT, SIGTERM,
 * and on Windows runners SIGBREAK in place of SIGTERM. Emitted in-process; the exit is injected,
 * so no test process is ever ended.
 */
import { describe, expect, it, vi } from 'vitest'
import { Cancellation, CANCEL_SIGNALS, whileListeningForCancel } from '../../src/cancellation.ts'

describe('the main step and the post step listen for every cancel signal', () => {
  it('lists SIGINT, SIGTERM and SIGBREAK', () => {
    expect([...CANCEL_SIGNALS]).toEqual(['SIGINT', 'SIGTERM', 'SIGBREAK'])
  })

  it.each(CANCEL_SIGNALS)(
    '%s cancels the work once, says so once, and lets go of the signals after',
    async (signal) => {
      const cancellation = new Cancellation()
      const heard: string[] = []
      const exits: number[] = []
      const before = process.listenerCount(signal)
      const result = await whileListeningForCancel(
        cancellation,
        () => {
          expect(process.listenerCount(signal)).toBe(before + 1)
          process.emit(signal, signal)
          process.emit(signal, signal)
          expect(cancellation.signal.aborted).toBe(true)
          return Promise.resolve(cancellation.by)
        },
        { exitCode: 0, onSignal: (s) => heard.push(s), exit: (code) => exits.push(code) }
      )
      expect(result).toBe(signal)
      expect(heard).toEqual([signal])
      expect(process.listenerCount(signal)).toBe(before)
    }
  )

  it('exits with the code it was given should the step outlive the signal', async () => {
    vi.useFakeTimers()
    try {
      const cancellation = new Cancellation()
      const exits: number[] = []
      await whileListeningForCancel(
        cancellation,
        async () => {
          process.emit('SIGBREAK', 'SIGBREAK')
          await vi.advanceTimersByTimeAsync(4_000)
          expect(exits).toEqual([])
          await vi.advanceTimersByTimeAsync(1_000)
        },
        { exitCode: 0, exit: (code) => exits.push(code) }
      )
      expect(exits).toEqual([0])
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('many runs in one process (in-process tests)', () => {
  it('share one listener per signal, each cancelled by it, and Node warns of no leak', async () => {
    const before = process.listenerCount('SIGINT')
    const warnings: string[] = []
    const onWarning = (warning: Error) => warnings.push(warning.name)
    process.on('warning', onWarning)
    let release: () => void = () => undefined
    const running = new Promise<void>((resolve) => (release = resolve))
    const cancellations = Array.from({ length: 12 }, () => new Cancellation())
    const runs = cancellations.map((cancellation) =>
      whileListeningForCancel(cancellation, () => running, { exit: () => undefined })
    )
    expect(process.listenerCount('SIGINT')).toBe(before + 1)
    process.emit('SIGINT', 'SIGINT')
    expect(cancellations.every((cancellation) => cancellation.by === 'SIGINT')).toBe(true)
    release()
    await Promise.all(runs)
    await new Promise((resolve) => setImmediate(resolve))
    process.off('warning', onWarning)
    expect(process.listenerCount('SIGINT')).toBe(before)
    expect(warnings).not.toContain('MaxListenersExceededWarning')
  })
})
