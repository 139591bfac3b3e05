import { decideWinBack, lastVisitOf, type Member, withVisit } from '@shared/member'
import { memberNamed } from '../staff/staffFixtures'

const DAY_MS = 86_400_000
const NOW = Date.UTC(2027, 2, 1, 4)
const options = { nowMs: NOW, inactiveDays: 60, timeZone: 'Asia/Shanghai' }

/** Member m1, joined 400 days before NOW. */
const member = (fields: Partial<Member> = {}): Member =>
  memberNamed('m1', { joinedAtMs: NOW - 400 * DAY_MS, ...fields })

describe('win-back decisions', () => {
  it('calls a member dormant from exactly 60 days after the last visit', () => {
    expect(decideWinBack(member({ lastVisitAtMs: NOW - 60 * DAY_MS }), options)).toEqual({
      kind: 'dormant',
      lastVisitMs: NOW - 60 * DAY_MS,
      key: `winback_m1_${NOW - 60 * DAY_MS}`,
    })
    expect(decideWinBack(member({ lastVisitAtMs: NOW - 60 * DAY_MS + 1 }), options)).toMatchObject({ kind: 'active' })
  })

  it('owes nothing more in a spell whose coupon was given, and a visit opens a new spell', () => {
    const given = member({ lastVisitAtMs: NOW - 90 * DAY_MS, winBackSent: true })
    expect(decideWinBack(given, options)).toEqual({ kind: 'alreadySent' })
    const back = withVisit(given, NOW - 61 * DAY_MS)
    expect(back).toMatchObject({ lastVisitAtMs: NOW - 61 * DAY_MS, winBackSent: false })
    expect(decideWinBack(back, options)).toMatchObject({ kind: 'dormant', key: `winback_m1_${NOW - 61 * DAY_MS}` })
  })

  it('never moves a recorded visit back in time', () => {
    expect(withVisit(member({ lastVisitAtMs: NOW }), NOW - 1000).lastVisitAtMs).toBe(NOW)
  })

  it('estimates the last visit of a member written before visits were recorded', () => {
    expect(lastVisitOf(member(), 'Asia/Shanghai')).toBe(NOW - 400 * DAY_MS)
    expect(lastVisitOf(member({ firstPurchaseAtMs: NOW - 100 * DAY_MS }), 'Asia/Shanghai')).toBe(NOW - 100 * DAY_MS)
    const checkedIn = member({
      firstPurchaseAtMs: NOW - 100 * DAY_MS,
      checkIn: { lastDay: '2027-02-20', runLength: 1, recentDays: ['2027-02-20'], makeupsByMonth: {} },
    })
    expect(lastVisitOf(checkedIn, 'Asia/Shanghai')).toBe(Date.UTC(2027, 1, 19, 16))
  })
})
