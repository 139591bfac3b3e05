import { type CouponTemplate, claimEligibility, tierMayClaim } from '@shared/coupon'

const T = Date.UTC(2026, 10, 24, 4)

const template: CouponTemplate = {
  id: 'gold-weekend',
  title: '金卡周末券',
  benefit: { kind: 'cashOff', amountOffFen: 500, minSpendFen: 3000 },
  validity: { kind: 'afterIssue', days: 7 },
  totalQuantity: 100,
  perMemberLimit: 2,
  tierIds: ['gold', 'black'],
  claimWindow: { startsAtMs: T, endsAtMs: T + 1_000 },
}

const eligible = { template, tierId: 'gold', claimedByMember: 1, issuedCount: 99, nowMs: T }

describe('tierMayClaim', () => {
  it('admits listed tiers only', () => {
    expect(tierMayClaim(template, 'gold')).toBe(true)
    expect(tierMayClaim(template, 'black')).toBe(true)
    expect(tierMayClaim(template, 'silver')).toBe(false)
  })

  it('admits every tier when none is listed', () => {
    expect(tierMayClaim({ tierIds: [] }, 'regular')).toBe(true)
  })
})

describe('claimEligibility', () => {
  it('accepts a listed tier inside the window, under both limits', () => {
    expect(claimEligibility(eligible)).toEqual({ ok: true, data: undefined })
  })

  it.each([
    ['exactly when the window opens', T],
    ['one millisecond before it closes', T + 999],
  ])('accepts a claim %s', (_, nowMs) => {
    expect(claimEligibility({ ...eligible, nowMs }).ok).toBe(true)
  })

  it('accepts at any time and in any quantity when there is no window and no total', () => {
    const open = { ...template, claimWindow: null, totalQuantity: null }
    expect(claimEligibility({ ...eligible, template: open, nowMs: 0, issuedCount: 1e9 }).ok).toBe(true)
  })

  // One row per code, in precedence order; each row also breaks every later rule, so the row shows
  // that its code wins over all of them.
  it.each([
    ['CLAIM_NOT_OPEN before the window', { nowMs: T - 1, tierId: 'silver', claimedByMember: 2, issuedCount: 100 }],
    [
      'CLAIM_NOT_OPEN when the window has closed',
      { nowMs: T + 1_000, tierId: 'silver', claimedByMember: 2, issuedCount: 100 },
    ],
    ['TIER_REQUIRED for an unlisted tier', { tierId: 'silver', claimedByMember: 2, issuedCount: 100 }],
    ['LIMIT_REACHED at the per-member limit', { claimedByMember: 2, issuedCount: 100 }],
    ['SOLD_OUT when every coupon is issued', { issuedCount: 100 }],
  ])('refuses with %s', (label, patch) => {
    const code = label.split(' ')[0]
    expect(claimEligibility({ ...eligible, ...patch })).toMatchObject({ ok: false, code })
  })

  it('tells a member at the limit what the limit is', () => {
    const result = claimEligibility({ ...eligible, claimedByMember: 2 })
    expect(!result.ok && result.message).toBe('已达到上限：每人限领 2 张')
  })

  it('closes claiming of a fixed-validity template once its coupons have lapsed, window or not', () => {
    const lapsing = {
      ...template,
      claimWindow: null,
      validity: { kind: 'fixed' as const, startsAtMs: T - 5_000, endsAtMs: T + 5_000 },
    }
    expect(claimEligibility({ ...eligible, template: lapsing, nowMs: T + 4_999 }).ok).toBe(true)
    expect(claimEligibility({ ...eligible, template: lapsing, nowMs: T + 5_000 })).toMatchObject({
      ok: false,
      code: 'CLAIM_NOT_OPEN',
    })
  })

  it('lets members claim a fixed-validity coupon before it starts', () => {
    const upcoming = {
      ...template,
      claimWindow: null,
      validity: { kind: 'fixed' as const, startsAtMs: T + 5_000, endsAtMs: T + 9_000 },
    }
    expect(claimEligibility({ ...eligible, template: upcoming }).ok).toBe(true)
  })
})
