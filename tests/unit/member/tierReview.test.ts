import { applyGrowth, decideJoin, decideTierReview, type Member, tierHistoryIdOf } from '@shared/member'
import { parseProgramme } from '@shared/programme/parseProgramme'
import { DEMO_PROGRAMME } from '../../../emulator/seed/demo/programme'

const programme = DEMO_PROGRAMME
/** 2027-01-01 00:00 in Shanghai: the end of the demo programme's 2026 period. */
const END = Date.UTC(2026, 11, 31, 16)
const NEXT_END = Date.UTC(2027, 11, 31, 16)
const JOINED = Date.UTC(2026, 5, 1, 4)

const joined = decideJoin(
  { memberId: 'm-1', openid: 'o-1', storeId: null, referrerMemberId: null },
  { programme, nowMs: JOINED },
).member

/** The joined member on `tierId` with `growth`, having earned `periodGrowth` in 2026. */
const standing = (tierId: string, growth: number, periodGrowth: number, extra: Partial<Member> = {}): Member => ({
  ...joined,
  tierId,
  growth,
  qualification: { periodStartDay: '2026-01-01', growth: periodGrowth, partial: false, earnedSinceEnd: 0 },
  ...extra,
})

describe('counting growth for retention', () => {
  it('starts a joining member on the current period, complete, due at its end', () => {
    expect(joined).toMatchObject({
      qualification: { periodStartDay: '2026-01-01', growth: 0, partial: false, earnedSinceEnd: 0 },
      tierReviewAtMs: END,
      grantedTier: null,
    })
  })

  it('counts growth in the period, and after its end toward the next one until the review', () => {
    const during = applyGrowth({ member: joined, programme, growth: 120, nowMs: JOINED + 1000 }).member
    expect(during.qualification).toMatchObject({ growth: 120, earnedSinceEnd: 0 })
    const after = applyGrowth({ member: during, programme, growth: 30, nowMs: END + 1000 }).member
    expect(after.qualification).toMatchObject({ growth: 120, earnedSinceEnd: 30 })
    expect(after.tierReviewAtMs).toBe(END)
  })

  it('leaves a member never counted alone (the review job starts them)', () => {
    const { qualification: _q, tierReviewAtMs: _t, ...legacy } = joined
    const grown = applyGrowth({ member: legacy, programme, growth: 50, nowMs: JOINED }).member
    expect(grown.growth).toBe(50)
    expect(grown).not.toHaveProperty('qualification')
  })
})

describe('decideTierReview', () => {
  it('is not due before the period ends, and leaves a tier the programme no longer has alone', () => {
    expect(decideTierReview(standing('gold', 2000, 0), programme, END - 1)).toBeNull()
    expect(decideTierReview(standing('platinum', 2000, 0), programme, END)).toBeNull()
  })

  it('keeps a retained tier and carries the growth earned since the end into the next period', () => {
    const member = standing('gold', 2300, 1200, {
      qualification: { periodStartDay: '2026-01-01', growth: 1200, partial: false, earnedSinceEnd: 40 },
    })
    const review = decideTierReview(member, programme, END + 1000)
    expect(review?.change).toBeNull()
    expect(review?.member).toMatchObject({
      tierId: 'gold',
      growth: 2300,
      tierReviewAtMs: NEXT_END,
      qualification: { periodStartDay: '2027-01-01', growth: 40, partial: false, earnedSinceEnd: 0 },
    })
  })

  it('drops by the retention rules, at most maxTierStepsDown, and records the change with a notice', () => {
    const twoSteps = parseProgramme({ ...DEMO_PROGRAMME, maxTierStepsDown: 2 })
    if (!twoSteps.ok) throw new Error(twoSteps.message)
    expect(decideTierReview(standing('black', 7000, 0), programme, END)?.member.tierId).toBe('gold')
    expect(decideTierReview(standing('black', 7000, 0), twoSteps.data, END)?.member.tierId).toBe('silver')
    // Silver's retention (300) is met: black drops two steps only as far as silver.
    const review = decideTierReview(standing('black', 7000, 350), twoSteps.data, END)
    expect(review?.change).toEqual({
      _id: tierHistoryIdOf('m-1', '2027-01-01'),
      memberId: 'm-1',
      fromTierId: 'black',
      toTierId: 'silver',
      reason: 'periodEnd',
      periodStartDay: '2026-01-01',
      periodEndDay: '2027-01-01',
      periodGrowth: 350,
      growthBefore: 7000,
      growthAfter: 500,
      createdAtMs: END,
    })
    expect(review?.member.tierNotice).toEqual({
      historyId: tierHistoryIdOf('m-1', '2027-01-01'),
      fromTierId: 'black',
      toTierId: 'silver',
      atMs: END,
    })
    expect(review?.member.points).toEqual(joined.points)
  })

  it('keeps the tier of a partial count, and starts a member never counted as partial', () => {
    const partial = standing('gold', 2000, 0, {
      qualification: { periodStartDay: '2026-01-01', growth: 0, partial: true, earnedSinceEnd: 0 },
    })
    expect(decideTierReview(partial, programme, END)).toMatchObject({ change: null, member: { tierId: 'gold' } })
    const { qualification: _q, tierReviewAtMs: _t, ...legacy } = standing('gold', 2000, 0)
    expect(decideTierReview(legacy, programme, END - 5000)).toMatchObject({
      change: null,
      member: {
        tierId: 'gold',
        tierReviewAtMs: END,
        qualification: { periodStartDay: '2026-01-01', growth: 0, partial: true },
      },
    })
  })

  it('holds a member at a granted tier valid at the period end, and not once it has lapsed', () => {
    const grant = (untilMs: number) => ({ tierId: 'silver', untilMs, grantedBy: 'admin', reason: '活动' })
    const held = decideTierReview(standing('gold', 2000, 0, { grantedTier: grant(END + 1) }), programme, END)
    expect(held).toMatchObject({ heldByGrant: false, member: { tierId: 'silver' } })
    const threeSteps = parseProgramme({ ...DEMO_PROGRAMME, maxTierStepsDown: 3 })
    if (!threeSteps.ok) throw new Error(threeSteps.message)
    const floor = decideTierReview(standing('gold', 2000, 0, { grantedTier: grant(END + 1) }), threeSteps.data, END)
    expect(floor).toMatchObject({ heldByGrant: true, member: { tierId: 'silver', grantedTier: grant(END + 1) } })
    const lapsed = decideTierReview(standing('gold', 2000, 0, { grantedTier: grant(END) }), threeSteps.data, END)
    expect(lapsed).toMatchObject({ heldByGrant: false, member: { tierId: 'regular' } })
    const unknown = { tierId: 'retired-tier', untilMs: END + 1, grantedBy: 'admin', reason: '' }
    expect(
      decideTierReview(standing('gold', 2000, 0, { grantedTier: unknown }), threeSteps.data, END)?.member.tierId,
    ).toBe('regular')
  })
})
