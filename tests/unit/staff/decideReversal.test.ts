import { EMPTY_WALLET, usableBalance } from '@shared/ledger'
import type { Member } from '@shared/member'
import { decidePurchase, decideReversal, type PurchaseAuditEntry } from '@shared/staff'
import fc from 'fast-check'
import { afterSpending, DAY, manager, memberNamed, NOW, programme, purchaseOf, staffMember } from './staffFixtures'

const LATER = NOW + 3_600_000

/** A member after one recorded purchase of `amountFen`, with the purchase's audit entry. */
function purchased(amountFen: number, member: Member = memberNamed('m-1')) {
  const decided = decidePurchase(
    { staff: manager, member, referrer: null },
    { programme, input: purchaseOf(member._id, amountFen), day: DAY, nowMs: NOW },
  )
  if (!decided.ok) throw new Error(decided.code)
  return { member: decided.data.member, purchase: decided.data.audit }
}

const reverse = (state: { member: Member | null; purchase: PurchaseAuditEntry }, staff = manager) =>
  decideReversal({ staff, ...state }, { reason: '顾客退款', nowMs: LATER })

describe('decideReversal', () => {
  it('takes back the points and growth of a purchase, marks it reversed and audits the reversal', () => {
    const { member, purchase } = purchased(8800)
    const decided = reverse({ member, purchase })
    if (!decided.ok) throw new Error(decided.code)
    expect(usableBalance(decided.data.member.points, LATER)).toBe(0)
    expect(decided.data.member.growth).toBe(0)
    expect(decided.data.entries).toMatchObject([{ _id: `reverse_${purchase._id}`, type: 'reverse', amount: -88 }])
    expect(decided.data.purchase.reversedAtMs).toBe(LATER)
    // The purchase summary forgets it: no purchase standing, none recent.
    expect(member.purchases).toMatchObject({ count: 1, amountFen: 8800, lastAtMs: NOW })
    expect(decided.data.member.purchases).toEqual({
      count: 0,
      amountFen: 0,
      lastAtMs: null,
      previousAtMs: null,
      sinceMs: NOW,
    })
    expect(decided.data.audit).toMatchObject({
      _id: `reverse_${purchase._id}`,
      action: 'reversePurchase',
      storeId: 'store-1',
      points: -88,
      balanceBefore: 88,
      balanceAfter: 0,
      reversal: { purchaseEntryId: purchase._id, takenBack: 88, shortfall: 0, growthTakenBack: 88 },
    })
  })

  it('takes the referral reward back from the referrer, never below zero', () => {
    const referred = memberNamed('m-1', { referrerMemberId: 'm-referrer' })
    const decided = decidePurchase(
      { staff: manager, member: referred, referrer: memberNamed('m-referrer') },
      { programme, input: purchaseOf('m-1', 8800), day: DAY, nowMs: NOW },
    )
    if (!decided.ok) throw new Error(decided.code)
    const rewardEntry = decided.data.entries.find((entry) => entry._id === 'referral_m-1') ?? null
    const paidReferrer = decided.data.referrer
    const state = { staff: manager, purchase: decided.data.audit, member: decided.data.member }
    const reversed = decideReversal(
      { ...state, referral: { referrer: paidReferrer, entry: rewardEntry } },
      { reason: '顾客退款', nowMs: LATER },
    )
    if (!reversed.ok) throw new Error(reversed.code)
    expect(usableBalance(reversed.data.referrer?.points ?? EMPTY_WALLET, LATER)).toBe(0)
    expect(reversed.data.entries.map((entry) => [entry._id, entry.amount])).toEqual([
      [`reverse_${decided.data.audit._id}`, -88],
      [`reverse_${decided.data.audit._id}_referral`, -programme.referralPoints],
    ])
    expect(reversed.data.audit.reversal.referralTakenBack).toBe(programme.referralPoints)
    // A referrer who spent the reward keeps a zero balance; the rest is the shortfall.
    const spent = afterSpending(paidReferrer as Member, programme.referralPoints, NOW)
    const short = decideReversal(
      { ...state, referral: { referrer: spent, entry: rewardEntry } },
      { reason: '退款', nowMs: LATER },
    )
    if (!short.ok) throw new Error(short.code)
    expect(short.data.audit.reversal.referralTakenBack).toBe(0)
    expect(short.data.entries[1]).toMatchObject({ amount: 0, shortfall: programme.referralPoints })
  })

  it('refuses in precedence order: FORBIDDEN, ALREADY_REVERSED, MEMBER_NOT_FOUND', () => {
    const { member, purchase } = purchased(8800)
    const reversed = { ...purchase, reversedAtMs: NOW }
    expect(reverse({ member: null, purchase: reversed }, staffMember)).toMatchObject({ code: 'FORBIDDEN' })
    expect(reverse({ member: null, purchase: reversed }, { ...manager, storeId: 'store-2' })).toMatchObject({
      code: 'FORBIDDEN',
    })
    expect(reverse({ member: null, purchase: reversed })).toMatchObject({ code: 'ALREADY_REVERSED' })
    expect(reverse({ member: null, purchase })).toMatchObject({ code: 'MEMBER_NOT_FOUND' })
    expect(reverse({ member, purchase }).ok).toBe(true)
  })

  it('leaves alone the summary of a member whose purchase predates it', () => {
    const { member, purchase } = purchased(8800)
    const { purchases: _, ...older } = member
    const decided = reverse({ member: older, purchase })
    if (!decided.ok) throw new Error(decided.code)
    expect(decided.data.member.purchases).toBeUndefined()
  })

  it('writes no entry for a purchase that gave no points', () => {
    const { member, purchase } = purchased(99)
    const decided = reverse({ member, purchase })
    if (!decided.ok) throw new Error(decided.code)
    expect(decided.data.entries).toEqual([])
    expect(decided.data.audit.reversal).toMatchObject({ takenBack: 0, shortfall: 0 })
  })

  it('takes back exactly what the purchase awarded, never below zero: shortfall = awarded − taken back (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000 }),
        fc.integer({ min: 100, max: 500_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (growthBefore, amountFen, spent, growthLost) => {
          const { member, purchase } = purchased(amountFen, memberNamed('m-1', { growth: growthBefore }))
          const spending = afterSpending(member, spent, NOW)
          const atReversal = { ...spending, growth: Math.max(0, spending.growth - growthLost) }
          const decided = reverse({ member: atReversal, purchase })
          if (!decided.ok) throw new Error(decided.code)
          const { reversal, points } = decided.data.audit
          const balanceBefore = usableBalance(atReversal.points, LATER)
          const balanceAfter = usableBalance(decided.data.member.points, LATER)
          expect(reversal.takenBack + reversal.shortfall).toBe(purchase.points)
          expect(reversal.takenBack).toBe(Math.min(purchase.points, balanceBefore))
          expect(points).toBe(-reversal.takenBack)
          expect(balanceAfter).toBe(balanceBefore - reversal.takenBack)
          expect(balanceAfter).toBeGreaterThanOrEqual(0)
          expect(reversal.growthTakenBack).toBe(Math.min(atReversal.growth, purchase.purchase.growth))
          expect(decided.data.member.growth).toBeGreaterThanOrEqual(0)
          expect(decided.data.member.growth).toBe(atReversal.growth - reversal.growthTakenBack)
        },
      ),
      { numRuns: 150 },
    )
  })
})
