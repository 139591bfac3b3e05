import { EMPTY_WALLET, earnPoints } from '@shared/ledger'
import { NO_PURCHASES, withPurchase } from '@shared/member'
import {
  addScopedFigures,
  CHAIN_SCOPE,
  memberFiguresOf,
  memberSnapshotIdOf,
  repeatRateOf,
  scopedFiguresOf,
  ZERO_SNAPSHOT_FIGURES,
} from '@shared/stats/memberSnapshot'
import { DEFAULT_RFM_THRESHOLDS } from '@shared/stats/rfm'
import { memberNamed } from '../staff/staffFixtures'

const DAY_MS = 86_400_000
const AS_OF = Date.UTC(2026, 11, 1, 16)
const context = { asOfMs: AS_OF, timeZone: 'Asia/Shanghai', thresholds: DEFAULT_RFM_THRESHOLDS }

const points = (amount: number, expiresAtMs: number | null) => earnPoints(EMPTY_WALLET, { amount, expiresAtMs }).wallet

const buyer = (id: string, storeId: string | null, daysAgo: number[], amountFen = 10_000) =>
  memberNamed(id, {
    joinedStoreId: storeId,
    joinedAtMs: AS_OF - 100 * DAY_MS,
    lastVisitAtMs: AS_OF - Math.min(...daysAgo) * DAY_MS,
    purchases: daysAgo.reduceRight(
      (summary, days) => withPurchase(summary, amountFen, AS_OF - days * DAY_MS),
      NO_PURCHASES,
    ),
  })

describe('member snapshot figures', () => {
  it('counts one member in each figure it belongs to', () => {
    const member = { ...buyer('m-1', 'store-1', [2, 10]), tierId: 'gold', points: points(300, null) }
    expect(memberFiguresOf(member, context)).toEqual({
      members: 1,
      activeMembers: 1,
      pointsOutstanding: 300,
      purchasers: 1,
      repeatPurchasers: 1,
      membersPerTier: { gold: 1 },
      rfm: expect.objectContaining({ importantValue: 1, generalValue: 0, noPurchase: 0 }),
    })
  })

  it('leaves out expired points, old visits and purchases outside the window', () => {
    const member = {
      ...buyer('m-2', null, [20, 45]),
      lastVisitAtMs: AS_OF - 31 * DAY_MS,
      points: points(100, AS_OF - 1),
    }
    expect(memberFiguresOf(member, context)).toMatchObject({
      activeMembers: 0,
      pointsOutstanding: 0,
      purchasers: 1,
      repeatPurchasers: 0,
    })
  })

  it('adds members per store and for the chain, and folds partial sums to the same total', () => {
    const members = [
      buyer('m-1', 'store-1', [1, 3]),
      buyer('m-2', 'store-1', [5]),
      buyer('m-3', 'store-2', [40, 50]),
      memberNamed('m-4', { joinedAtMs: AS_OF - DAY_MS }),
    ]
    const whole = scopedFiguresOf(members, context)
    const folded = addScopedFigures(
      scopedFiguresOf(members.slice(0, 1), context),
      scopedFiguresOf(members.slice(1), context),
    )
    expect(folded).toEqual(whole)
    expect(whole.get(CHAIN_SCOPE)).toMatchObject({
      members: 4,
      activeMembers: 3,
      purchasers: 2,
      repeatPurchasers: 1,
      membersPerTier: { regular: 4 },
      rfm: expect.objectContaining({ importantValue: 1, generalDevelop: 1, importantKeep: 1, noPurchase: 1 }),
    })
    expect(whole.get('store-1')).toMatchObject({ members: 2, purchasers: 2, repeatPurchasers: 1 })
    expect(whole.get('store-2')).toMatchObject({ members: 1, purchasers: 0 })
    expect(repeatRateOf(whole.get('store-1') ?? ZERO_SNAPSHOT_FIGURES)).toBe(0.5)
    expect(repeatRateOf(ZERO_SNAPSHOT_FIGURES)).toBeNull()
  })

  it('keys a snapshot by the day it closes and its store, the chain by an empty one', () => {
    expect(memberSnapshotIdOf('2026-11-30', 'store-1')).toBe('2026-11-30_store-1')
    expect(memberSnapshotIdOf('2026-11-30', CHAIN_SCOPE)).toBe('2026-11-30_')
  })
})
