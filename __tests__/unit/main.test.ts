import { describe, expect, it } from 'vitest'
import { unsupportedNode } from '../../src/main.ts'

describe('the Node that starts the action', () => {
  it.each(['20.20.2', '22.12.0', '23.11.1'])(
    'refuses Node %s in one line that names Node 24 and the runner version',
    (version) => {
      const message = unsupportedNode(version)
      expect(message).toContain(`Node ${version} started it`)
      expect(message).toContain('Node 24')
      expect(message).toContain('2.327.1')
    }
  )

  it.each(['24.0.0', '24.21.0', '26.1.0'])('accepts Node %s', (version) => {
    expect(unsupportedNode(version)).toBeUndefined()
  })
})
