import { daysOf, derivedOf, previousRangeOf, totalOf } from '@shared/stats/dashboard'
import { addFigures, joinDelta, ledgerDelta, mergeDeltas, ZERO_FIGURES } from '@shared/stats/figures'

describe('stat figures', () => {
  it('adds a delta figure by figure and leaves the rest', () => {
    const figures = addFigures(addFigures(ZERO_FIGURES, { purchases: 1, purchaseAmountFen: 3500 }), { purchases: 2 })
    expect(figures).toMatchObject({ purchases: 3, purchaseAmountFen: 3500, checkIns: 0 })
  })

  it('merges two deltas into what both add, keeping signs', () => {
    expect(mergeDeltas({ pointsEarned: 10, checkIns: 1 }, { pointsEarned: 5, pointsSpent: -300 })).toEqual({
      pointsEarned: 15,
      checkIns: 1,
      pointsSpent: -300,
    })
  })

  it('files a ledger entry under its type, with its sign', () => {
    expect(ledgerDelta({ type: 'spend', amount: -300 })).toEqual({ pointsSpent: -300 })
    expect(ledgerDelta({ type: 'adjust', amount: -20 })).toEqual({ pointsAdjusted: -20 })
  })

  it('counts a join by where the member came from, a referral first', () => {
    expect(joinDelta({ joinedStoreId: 'store-1', referrerMemberId: 'm-1' })).toEqual({
      newMembers: 1,
      newMembersReferral: 1,
    })
    expect(joinDelta({ joinedStoreId: 'store-1', referrerMemberId: null })).toEqual({
      newMembers: 1,
      newMembersStoreQr: 1,
    })
    expect(joinDelta({ joinedStoreId: null, referrerMemberId: null })).toEqual({ newMembers: 1, newMembersDirect: 1 })
  })
})

describe('dashboard ranges', () => {
  it('compares with the range of the same length just before, across a month end', () => {
    expect(previousRangeOf({ from: '2026-12-01', to: '2026-12-07' })).toEqual({ from: '2026-11-24', to: '2026-11-30' })
    expect(previousRangeOf({ from: '2026-12-01', to: '2026-12-01' })).toEqual({ from: '2026-11-30', to: '2026-11-30' })
  })

  it('lists every day of the range, adding up the stores of a day and zero where nothing happened', () => {
    const days = daysOf({ from: '2026-11-20', to: '2026-11-22' }, [
      { day: '2026-11-20', figures: { ...ZERO_FIGURES, purchases: 2, purchaseAmountFen: 7000 } },
      { day: '2026-11-20', figures: { ...ZERO_FIGURES, purchases: 1, purchaseAmountFen: 1000 } },
      { day: '2026-11-22', figures: { ...ZERO_FIGURES, couponsIssued: 4, couponsVerified: 1 } },
      { day: '2026-11-23', figures: { ...ZERO_FIGURES, purchases: 99 } },
    ])
    expect(days.map((day) => [day.day, day.figures.purchases])).toEqual([
      ['2026-11-20', 3],
      ['2026-11-21', 0],
      ['2026-11-22', 0],
    ])
    const total = totalOf(days)
    expect(derivedOf(total)).toEqual({ verificationRate: 0.25, averageTicketFen: 2667, pointsOutstandingChange: 0 })
  })

  it('has no ratio where the count below it is zero', () => {
    expect(derivedOf(ZERO_FIGURES)).toMatchObject({ verificationRate: null, averageTicketFen: null })
  })
})
