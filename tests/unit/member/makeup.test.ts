import { sumOfEntries } from '@shared/ledger'
import { decideCheckIn, decideJoin, decideMakeup, type Member, makeupCostKeyOf, makeupEntryKeyOf } from '@shared/member'
import { addDays, type DayKey } from '@shared/time/calendarDay'
import fc from 'fast-check'
import { DEMO_PROGRAMME } from '../../../emulator/seed/demo/programme'

// Makeups: a 3-day window, 2 a month, 20 points each; the base reward is 5 points and 1 growth.
const programme = DEMO_PROGRAMME
/** Noon in Shanghai on a business day. */
const noonOf = (day: DayKey) => Date.parse(`${day}T04:00:00Z`)

function memberJoinedOn(day: DayKey): Member {
  return decideJoin(
    { memberId: 'm-1', openid: 'o-1', storeId: null, referrerMemberId: null },
    { programme, nowMs: noonOf(day) },
  ).member
}

function checkedInOn(member: Member, ...days: DayKey[]): Member {
  return days.reduce((current, day) => {
    const decided = decideCheckIn(current, { programme, day, nowMs: noonOf(day) })
    if (!decided.ok) throw new Error(decided.message)
    return decided.data.member
  }, member)
}

function makeUp(member: Member, day: DayKey, today: DayKey) {
  return decideMakeup(member, day, { programme, today, nowMs: noonOf(today) })
}

describe('decideMakeup', () => {
  const member = checkedInOn(memberJoinedOn('2026-11-01'), '2026-11-20', '2026-11-21', '2026-11-23')

  it('spends the cost, earns the base reward as two entries keyed by day, and bridges the run', () => {
    const decided = makeUp(member, '2026-11-22', '2026-11-23')
    expect(decided).toMatchObject({ ok: true, data: { cycleDay: 4, points: 5, growth: 1, upgradedTo: null } })
    if (!decided.ok) return
    expect(decided.data.entries.map(({ _id, amount }) => ({ _id, amount }))).toEqual([
      { _id: makeupCostKeyOf('m-1', '2026-11-22'), amount: -20 },
      { _id: makeupEntryKeyOf('m-1', '2026-11-22'), amount: 5 },
    ])
    expect(decided.data.member.points.balance).toBe(member.points.balance - 15)
    expect(decided.data.member.growth).toBe(member.growth + 1)
    expect(decided.data.member.checkIn).toMatchObject({
      lastDay: '2026-11-23',
      runLength: 4,
      recentDays: ['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23'],
      makeupsByMonth: { '2026-11': 1 },
    })
  })

  it.each<[string, Member, DayKey, string]>([
    ['a day outside the window', member, '2026-11-19', 'MAKEUP_OUT_OF_WINDOW'],
    ['a day already checked', member, '2026-11-21', 'ALREADY_CHECKED_IN'],
    [
      'a third makeup in a month',
      { ...member, checkIn: { ...member.checkIn, makeupsByMonth: { '2026-11': 2 } } },
      '2026-11-22',
      'MAKEUP_LIMIT_REACHED',
    ],
    [
      'a makeup the member cannot pay',
      { ...member, points: { balance: 5, lots: [] } },
      '2026-11-22',
      'POINTS_INSUFFICIENT',
    ],
  ])('refuses %s', (_case, state, day, code) => {
    expect(makeUp(state, day, '2026-11-23')).toMatchObject({ ok: false, code })
  })

  it('keeps only this business month’s makeup count', () => {
    const december = { ...member, checkIn: { ...member.checkIn, makeupsByMonth: { '2026-11': 2 } } }
    const decided = makeUp(checkedInOn(december, '2026-12-02'), '2026-12-01', '2026-12-02')
    expect(decided).toMatchObject({ ok: true, data: { member: { checkIn: { makeupsByMonth: { '2026-12': 1 } } } } })
    if (decided.ok) expect(Object.keys(decided.data.member.checkIn.makeupsByMonth)).toEqual(['2026-12'])
  })

  describe('for any member and missed day', () => {
    // Joined on any day of 2026; checked in on a random subset of the days since; makeup within 1..4 days ago.
    const cases = fc
      .record({
        joinOffset: fc.integer({ min: 0, max: 300 }),
        checked: fc.array(fc.boolean(), { minLength: 10, maxLength: 40 }),
        daysAgo: fc.integer({ min: 1, max: 4 }),
        usedThisMonth: fc.integer({ min: 0, max: 2 }),
        usedLastMonth: fc.integer({ min: 0, max: 2 }),
      })
      .map(({ joinOffset, checked, daysAgo, usedThisMonth, usedLastMonth }) => {
        const joinDay = addDays('2026-01-01', joinOffset)
        const days = checked.map((_, index) => addDays(joinDay, index))
        const today = addDays(joinDay, checked.length)
        const base = checkedInOn(memberJoinedOn(joinDay), ...days.filter((_, index) => checked[index]))
        const thisMonth = today.slice(0, 7)
        const lastMonth = addDays(`${thisMonth}-01`, -1).slice(0, 7)
        const makeupsByMonth = { [lastMonth]: usedLastMonth, [thisMonth]: usedThisMonth }
        return {
          member: { ...base, checkIn: { ...base.checkIn, makeupsByMonth } },
          day: addDays(today, -daysAgo),
          today,
        }
      })

    it('changes the balance by exactly the sum of its entries, and keeps only this month’s count', () => {
      fc.assert(
        fc.property(cases, ({ member: before, day, today }) => {
          const decided = makeUp(before, day, today)
          // Refusals are covered above; fast-check fails the property if too few cases get through.
          fc.pre(decided.ok)
          if (!decided.ok) return
          const { member: after, entries } = decided.data
          expect(after.points.balance).toBe(before.points.balance + sumOfEntries(entries))
          const month = today.slice(0, 7)
          expect(after.checkIn.makeupsByMonth).toEqual({ [month]: (before.checkIn.makeupsByMonth[month] ?? 0) + 1 })
          expect(after.checkIn.recentDays).toContain(day)
        }),
      )
    })

    it('never makes up the same day twice', () => {
      fc.assert(
        fc.property(cases, ({ member: before, day, today }) => {
          const first = makeUp(before, day, today)
          fc.pre(first.ok)
          if (!first.ok) return
          expect(makeUp(first.data.member, day, today)).toMatchObject({ ok: false, code: 'ALREADY_CHECKED_IN' })
        }),
      )
    })
  })
})
