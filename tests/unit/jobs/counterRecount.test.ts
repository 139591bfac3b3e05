import { COUNTER_SETTLE_MS, decideCounterRecount, isCounterQuiet } from '@shared/jobs'

const NOW = Date.UTC(2026, 10, 23, 4)

describe('isCounterQuiet', () => {
  it('is quiet when nothing ever reserved, or the last reservation is older than the settle time', () => {
    expect(isCounterQuiet(undefined, NOW)).toBe(true)
    expect(isCounterQuiet(NOW - COUNTER_SETTLE_MS, NOW)).toBe(true)
    expect(isCounterQuiet(NOW - COUNTER_SETTLE_MS + 1, NOW)).toBe(false)
  })
})

describe('decideCounterRecount', () => {
  it('changes nothing on a counter that agrees with what was settled', () => {
    expect(decideCounterRecount({ taken: 3, held: 0, free: 7 }, 3)).toBeNull()
  })

  it('gives stranded units back: taken down to what was settled, held to zero', () => {
    expect(decideCounterRecount({ taken: 5, held: 1, free: 5 }, 3)).toEqual({ takenDelta: -2, heldDelta: -1 })
    expect(decideCounterRecount({ taken: 3, held: 2, free: 7 }, 3)).toEqual({ takenDelta: 0, heldDelta: -2 })
  })

  it('takes units off a counter that counted too few, but never below zero free', () => {
    expect(decideCounterRecount({ taken: 2, held: 0, free: 1 }, 3)).toEqual({ takenDelta: 1, heldDelta: 0 })
    expect(decideCounterRecount({ taken: 2, held: 0, free: 0 }, 3)).toBeNull()
  })

  it('recounts a counter that keeps no free units (a coupon template) without a floor', () => {
    expect(decideCounterRecount({ taken: 4, held: 1, free: null }, 2)).toEqual({ takenDelta: -2, heldDelta: -1 })
  })
})
