import { usableBalance } from '@shared/ledger'
import { decidePurchase, referrerDue } from '@shared/staff'
import fc from 'fast-check'
import { DAY, manager, memberNamed, NOW, programme, purchaseOf, staffMember } from './staffFixtures'

const decide = (state: Parameters<typeof decidePurchase>[0], input = purchaseOf('m-1', 8800)) =>
  decidePurchase(state, { programme, input, day: DAY, nowMs: NOW })

describe('decidePurchase', () => {
  it('gives ¥88.00 88 points and growth, keyed by the purchase, and audits it with the balances', () => {
    const decided = decide({ staff: staffMember, member: memberNamed('m-1'), referrer: null })
    if (!decided.ok) throw new Error(decided.code)
    const { member, entries, audit, staffDay } = decided.data
    expect(member).toMatchObject({ growth: 88, firstPurchaseAtMs: NOW })
    expect(member.purchases).toEqual({ count: 1, amountFen: 8800, lastAtMs: NOW, previousAtMs: null, sinceMs: NOW })
    expect(usableBalance(member.points, NOW)).toBe(88)
    expect(entries).toMatchObject([{ _id: 'purchase_store-1_R-1', type: 'earn', amount: 88, operatorId: 'o-staff' }])
    expect(audit).toMatchObject({
      _id: 'purchase_store-1_R-1',
      action: 'purchase',
      operatorOpenid: 'o-staff',
      storeId: 'store-1',
      memberId: 'm-1',
      amountFen: 8800,
      points: 88,
      balanceBefore: 0,
      balanceAfter: 88,
      reversedAtMs: null,
      note: '小票 R-1',
      purchase: { receiptNo: 'R-1', growth: 88, lotChanges: entries[0]?.lotChanges },
    })
    expect(staffDay).toEqual({ day: DAY, purchaseTotalFen: 8800, purchaseCount: 1 })
  })

  it('writes no points entry for a purchase under ¥1, and still sets the first purchase', () => {
    const decided = decide({ staff: staffMember, member: memberNamed('m-1'), referrer: null }, purchaseOf('m-1', 99))
    if (!decided.ok) throw new Error(decided.code)
    expect(decided.data.entries).toEqual([])
    expect(decided.data.audit.purchase.lotChanges).toEqual([])
    expect(decided.data.member.firstPurchaseAtMs).toBe(NOW)
  })

  it('adds to the day counter on the same business day and starts again on a new one', () => {
    const today = { ...staffMember, daily: { day: DAY, purchaseTotalFen: 1000, purchaseCount: 2 } }
    const yesterday = { ...staffMember, daily: { day: '2026-11-22', purchaseTotalFen: 1000, purchaseCount: 2 } }
    const state = { member: memberNamed('m-1'), referrer: null }
    expect(decide({ ...state, staff: today })).toMatchObject({
      ok: true,
      data: { staffDay: { day: DAY, purchaseTotalFen: 9800, purchaseCount: 3 } },
    })
    expect(decide({ ...state, staff: yesterday })).toMatchObject({
      ok: true,
      data: { staffDay: { day: DAY, purchaseTotalFen: 8800, purchaseCount: 1 } },
    })
  })

  it('refuses a plain staff member past today’s total, counting only today’s counter; a manager records it', () => {
    const limit = programme.staffLimits.dailyTotalFenPerStaff
    const daily = { day: DAY, purchaseTotalFen: limit - 8000, purchaseCount: 9 }
    const state = { member: memberNamed('m-1'), referrer: null }
    expect(decide({ ...state, staff: { ...staffMember, daily } })).toMatchObject({
      ok: false,
      code: 'MANAGER_APPROVAL_REQUIRED',
    })
    expect(decide({ ...state, staff: { ...staffMember, daily: { ...daily, day: '2026-11-22' } } }).ok).toBe(true)
    expect(decide({ ...state, staff: { ...manager, daily } }).ok).toBe(true)
  })

  it('pays the referrer on a referred member’s first purchase only', () => {
    const referred = memberNamed('m-1', { referrerMemberId: 'm-referrer' })
    const referrer = memberNamed('m-referrer')
    expect(referrerDue(referred, programme, 8800)).toBe('m-referrer')
    const decided = decide({ staff: staffMember, member: referred, referrer })
    if (!decided.ok) throw new Error(decided.code)
    expect(decided.data.entries.map((entry) => entry._id)).toEqual(['purchase_store-1_R-1', 'referral_m-1'])
    expect(usableBalance(decided.data.referrer?.points ?? referrer.points, NOW)).toBe(programme.referralPoints)
    expect(decided.data.audit.purchase.referralReward).toEqual({
      referrerMemberId: 'm-referrer',
      points: programme.referralPoints,
    })
    expect(referrerDue(decided.data.member, programme, 8800)).toBeNull()
  })

  it('never pays a self-referral, or a referral when the programme gives nothing for one', () => {
    const selfReferred = memberNamed('m-1', { referrerMemberId: 'm-1' })
    expect(referrerDue(selfReferred, programme, 8800)).toBeNull()
    const referred = memberNamed('m-1', { referrerMemberId: 'm-referrer' })
    expect(referrerDue(referred, { referralPoints: 0, referralMinimumFen: 0 }, 8800)).toBeNull()
  })

  it('pays nothing for a first purchase below the minimum (首单满 ¥20), then or later', () => {
    const referred = memberNamed('m-1', { referrerMemberId: 'm-referrer' })
    expect(programme.referralMinimumFen).toBe(2000)
    expect(referrerDue(referred, programme, 1999)).toBeNull()
    expect(referrerDue(referred, programme, 2000)).toBe('m-referrer')
    const small = decide(
      { staff: staffMember, member: referred, referrer: memberNamed('m-referrer') },
      purchaseOf('m-1', 1),
    )
    if (!small.ok) throw new Error(small.code)
    expect(small.data.referrer).toBeNull()
    expect(small.data.entries.map((entry) => entry._id)).not.toContain('referral_m-1')
    expect(referrerDue(small.data.member, programme, 8800)).toBeNull()
  })

  it('pays a referral at most once, however many purchases follow (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 500_000 }), { minLength: 1, maxLength: 8 }), (amounts) => {
        let member = memberNamed('m-1', { referrerMemberId: 'm-referrer' })
        let referrer = memberNamed('m-referrer')
        let referrals = 0
        amounts.forEach((amountFen, index) => {
          const referrerId = referrerDue(member, programme, amountFen)
          const decided = decidePurchase(
            { staff: manager, member, referrer: referrerId === null ? null : referrer },
            { programme, input: purchaseOf('m-1', amountFen, `R-${index}`), day: DAY, nowMs: NOW + index },
          )
          if (!decided.ok) throw new Error(decided.code)
          member = decided.data.member
          referrer = decided.data.referrer ?? referrer
          referrals += decided.data.entries.filter((entry) => entry._id === 'referral_m-1').length
        })
        expect(referrals).toBe((amounts[0] ?? 0) >= programme.referralMinimumFen ? 1 : 0)
      }),
      { numRuns: 100 },
    )
  })
})
