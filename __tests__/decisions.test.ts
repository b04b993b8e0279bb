import { describe, expect, it } from 'vitest'
import { authSpecProblem, ensureAction, oldest, raceWinner } from '../src/decisions.ts'

describe('which connection wins', () => {
  it('picks the oldest by createdAt, ties broken by id, missing timestamps last', () => {
    expect(
      oldest([
        { id: 'b', createdAt: 2 },
        { id: 'a', createdAt: 3 },
        { id: 'c', createdAt: 1 }
      ])?.id
    ).toBe('c')
    expect(
      oldest([
        { id: 'b', createdAt: 1 },
        { id: 'a', createdAt: 1 }
      ])?.id
    ).toBe('a')
    expect(oldest([{ id: 'a' }, { id: 'z', createdAt: 9 }])?.id).toBe('z')
    expect(oldest([])).toBeUndefined()
  })

  it('keeps ours when it is the oldest, and gives way to an older twin', () => {
    const ours = { id: 'ours', createdAt: 10 }
    expect(raceWinner(ours, [ours, { id: 'newer', createdAt: 11 }])).toEqual({ winner: ours, oursLost: false })
    expect(raceWinner(ours, [ours, { id: 'older', createdAt: 9 }])).toEqual({
      winner: { id: 'older', createdAt: 9 },
      oursLost: true
    })
    expect(
      raceWinner({ id: 'b' }, [
        { id: 'b', createdAt: 5 },
        { id: 'a', createdAt: 5 }
      ]).oursLost
    ).toBe(true)
  })

  it('treats ours as the newest when a lagging listing does not show it yet', () => {
    expect(raceWinner({ id: 'ours' }, [{ id: 'other', createdAt: 99 }]).oursLost).toBe(true)
    expect(raceWinner({ id: 'ours' }, [])).toEqual({ winner: { id: 'ours' }, oursLost: false })
  })
})

describe('what ensure does', () => {
  it('creates when nothing exists and follows on-existing otherwise', () => {
    expect(ensureAction(0, 'fail')).toBe('create')
    expect(ensureAction(1, 'reuse')).toBe('reuse')
    expect(ensureAction(2, 'update')).toBe('update')
    expect(ensureAction(1, 'fail')).toBe('fail')
  })
})

describe('auth spec names', () => {
  it('accepts a listed name, or any name when the spec lists none', () => {
    expect(authSpecProblem('Basic Authentication', ['Basic Authentication'])).toBeUndefined()
    expect(authSpecProblem('Anything', undefined)).toBeUndefined()
    expect(authSpecProblem('Anything', [])).toBeUndefined()
  })

  it('lists the valid names otherwise', () => {
    expect(authSpecProblem('OAuth', ['Basic Authentication', 'OAuth 2 Refresh Code'])).toBe(
      'auth-spec-name "OAuth" is not an auth spec of this connection spec; valid names: "Basic Authentication", "OAuth 2 Refresh Code"'
    )
  })
})
