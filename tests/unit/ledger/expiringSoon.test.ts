import {
  expiringSoon,
  isLotUsable,
  nextExpiry,
  type PointsWallet,
  pointsExpiringWithin,
  usableBalance,
} from '@shared/ledger'

const DAY_MS = 86_400_000
// Midnight in Shanghai at the start of 2026-12-01, 2026-12-11 and 2027-01-01.
const DEC_1 = Date.UTC(2026, 10, 30, 16)
const DEC_11 = Date.UTC(2026, 11, 10, 16)
const JAN_1 = Date.UTC(2026, 11, 31, 16)
const shanghai = { timeZone: 'Asia/Shanghai', cutoffHour: 0 }

const wallet: PointsWallet = {
  balance: 65,
  lots: [
    { expiresAtMs: DEC_1, amount: 5 },
    { expiresAtMs: DEC_11, amount: 10 },
    { expiresAtMs: JAN_1, amount: 20 },
    { expiresAtMs: null, amount: 30 },
  ],
}
const beforeDec1 = DEC_1 - DAY_MS

describe('isLotUsable', () => {
  it('is true before the expiry instant and false from it on, and always true for never-expiring points', () => {
    expect(isLotUsable({ expiresAtMs: DEC_1, amount: 1 }, DEC_1 - 1)).toBe(true)
    expect(isLotUsable({ expiresAtMs: DEC_1, amount: 1 }, DEC_1)).toBe(false)
    expect(isLotUsable({ expiresAtMs: null, amount: 1 }, Number.MAX_SAFE_INTEGER)).toBe(true)
  })
})

describe('usableBalance', () => {
  it('counts every lot before the first expiry', () => {
    expect(usableBalance(wallet, beforeDec1)).toBe(65)
  })

  it('leaves out a lot from exactly its expiry instant, before the expiry run has written it off', () => {
    expect(usableBalance(wallet, DEC_1 - 1)).toBe(65)
    expect(usableBalance(wallet, DEC_1)).toBe(60)
    expect(usableBalance(wallet, JAN_1)).toBe(30)
  })
})

describe('pointsExpiringWithin', () => {
  it('lists lots expiring after now and up to the end of the window, inclusive', () => {
    expect(pointsExpiringWithin(wallet, { nowMs: beforeDec1, withinMs: DEC_11 - beforeDec1 })).toEqual({
      lots: [
        { expiresAtMs: DEC_1, amount: 5 },
        { expiresAtMs: DEC_11, amount: 10 },
      ],
      total: 15,
    })
  })

  it('leaves out a lot expiring one millisecond after the window', () => {
    expect(pointsExpiringWithin(wallet, { nowMs: beforeDec1, withinMs: DEC_11 - beforeDec1 - 1 }).total).toBe(5)
  })

  it('leaves out lots that have already expired and points that never do', () => {
    expect(pointsExpiringWithin(wallet, { nowMs: DEC_1, withinMs: 1000 * DAY_MS })).toEqual({
      lots: [
        { expiresAtMs: DEC_11, amount: 10 },
        { expiresAtMs: JAN_1, amount: 20 },
      ],
      total: 30,
    })
  })

  it('is empty with total 0 when nothing expires in the window', () => {
    expect(pointsExpiringWithin(wallet, { nowMs: beforeDec1, withinMs: 1000 })).toEqual({ lots: [], total: 0 })
  })
})

describe('nextExpiry', () => {
  it('is the earliest lot that is still usable', () => {
    expect(nextExpiry(wallet, beforeDec1)).toEqual({ expiresAtMs: DEC_1, amount: 5 })
    expect(nextExpiry(wallet, DEC_1)).toEqual({ expiresAtMs: DEC_11, amount: 10 })
  })

  it('is null when only never-expiring points are left', () => {
    expect(nextExpiry(wallet, JAN_1)).toBeNull()
    expect(nextExpiry({ balance: 0, lots: [] }, 0)).toBeNull()
  })
})

describe('expiringSoon', () => {
  it('says how many points expire next and the last day they can be used', () => {
    expect(expiringSoon(wallet, { nowMs: beforeDec1, withinMs: 30 * DAY_MS, ...shanghai })).toEqual({
      points: 5,
      lastValidDay: '2026-11-30',
    })
    expect(expiringSoon(wallet, { nowMs: DEC_11, withinMs: 30 * DAY_MS, ...shanghai })).toEqual({
      points: 20,
      lastValidDay: '2026-12-31',
    })
  })

  it('is null when nothing expires within the window', () => {
    expect(expiringSoon(wallet, { nowMs: beforeDec1, withinMs: DAY_MS - 1, ...shanghai })).toBeNull()
    expect(expiringSoon(wallet, { nowMs: JAN_1, withinMs: 30 * DAY_MS, ...shanghai })).toBeNull()
  })

  it('adds up lots whose instants differ but share a last valid day (after the cutoff hour changed)', () => {
    const mixed: PointsWallet = {
      balance: 9,
      lots: [
        { expiresAtMs: DEC_1, amount: 4 },
        { expiresAtMs: DEC_1 + 4 * 3_600_000, amount: 5 },
      ],
    }
    expect(expiringSoon(mixed, { nowMs: beforeDec1, withinMs: 30 * DAY_MS, ...shanghai })).toEqual({
      points: 9,
      lastValidDay: '2026-11-30',
    })
  })
})
