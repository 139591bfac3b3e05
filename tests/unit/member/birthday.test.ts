import { birthdayCouponKeyOf, birthdayGiftKeyOf, birthdaysDue, decideBirthdayGift, decideJoin } from '@shared/member'
import { DEMO_PROGRAMME } from '../../../emulator/seed/demo/programme'

const programme = DEMO_PROGRAMME
const nowMs = Date.UTC(2027, 5, 15, 4)
const member = decideJoin(
  { memberId: 'm-1', openid: 'o-1', storeId: null, referrerMemberId: null },
  { programme, nowMs: Date.UTC(2026, 0, 5) },
).member

describe('birthdaysDue', () => {
  it('is the day and the six before it, on the birthday', () => {
    expect(birthdaysDue('2027-06-15', 'birthday')).toEqual([
      '06-09',
      '06-10',
      '06-11',
      '06-12',
      '06-13',
      '06-14',
      '06-15',
    ])
  })

  it('pays 29 February on 28 February in a year without one, and on the day in a leap year', () => {
    expect(birthdaysDue('2027-02-28', 'birthday')).toContain('02-29')
    expect(birthdaysDue('2028-02-28', 'birthday')).not.toContain('02-29')
    expect(birthdaysDue('2028-02-29', 'birthday')).toContain('02-29')
  })

  it('does not reach back into the previous year', () => {
    expect(birthdaysDue('2027-01-02', 'birthday')).toEqual(['01-01', '01-02'])
  })

  it('pays the whole month from its first day (and the six after) in month-start mode', () => {
    expect(birthdaysDue('2027-07-01', 'birthdayMonthStart')).toHaveLength(31)
    expect(birthdaysDue('2027-07-07', 'birthdayMonthStart')).toHaveLength(31)
    expect(birthdaysDue('2027-07-08', 'birthdayMonthStart')).toEqual([])
    expect(birthdaysDue('2027-02-01', 'birthdayMonthStart')).toContain('02-29')
    expect(birthdaysDue('2027-04-01', 'birthdayMonthStart')).not.toContain('04-31')
  })
})

describe('decideBirthdayGift', () => {
  it('keys coupons per member, year and template', () => {
    expect(birthdayCouponKeyOf('m-1', 2027, 'cake')).toBe('birthday_m-1_2027_cake')
  })

  it('pays the tier’s points once per year, keyed by member and year', () => {
    const gold = { ...member, tierId: 'gold' }
    const decided = decideBirthdayGift(gold, programme, { year: 2027, nowMs })
    expect(decided?.entry).toMatchObject({ _id: birthdayGiftKeyOf('m-1', 2027), amount: 300, source: 'birthday:2027' })
    expect(decided?.member).toMatchObject({ birthdayGiftYear: 2027, points: { balance: member.points.balance + 300 } })
    expect(decideBirthdayGift(decided?.member ?? gold, programme, { year: 2027, nowMs })).toBeNull()
    expect(decideBirthdayGift(decided?.member ?? gold, programme, { year: 2028, nowMs })).not.toBeNull()
  })

  it('gives nothing for a tier without a gift, and marks a coupon-only gift paid without an entry', () => {
    expect(decideBirthdayGift(member, programme, { year: 2027, nowMs })).toBeNull()
    expect(decideBirthdayGift({ ...member, tierId: 'platinum' }, programme, { year: 2027, nowMs })).toBeNull()
    const couponOnly = {
      ...programme,
      tiers: programme.tiers.map((tier) =>
        tier.id === 'silver' ? { ...tier, birthdayGift: { points: 0, couponTemplateIds: ['cake'] } } : tier,
      ),
    }
    const decided = decideBirthdayGift({ ...member, tierId: 'silver' }, couponOnly, { year: 2027, nowMs })
    expect(decided).toMatchObject({
      entry: null,
      member: { birthdayGiftYear: 2027 },
      gift: { couponTemplateIds: ['cake'] },
    })
  })
})
