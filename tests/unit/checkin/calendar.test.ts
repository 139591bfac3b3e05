import {
  type CheckInState,
  currentStreak,
  INITIAL_CHECK_IN_STATE,
  monthCalendar,
  NEXT_REWARD_SEARCH_DAYS_MAX,
  nextStreakReward,
} from '@shared/checkin'
import type { CheckInRules } from '@shared/programme/schema'
import { daysBetween } from '@shared/time/calendarDay'
import { DEMO_PROGRAMME } from '../../../emulator/seed/demo/programme'

const rules = DEMO_PROGRAMME.checkIn // 5 a day (+1 growth), +10 on day 3, +30 and +5 growth on day 7, 7-day cycle
const monthly: CheckInRules = { ...rules, cycle: { kind: 'calendarMonth' } }

// Checked 19, 20 and 22 November; 21 was missed; today is Monday 23 November, not checked yet.
const november = {
  month: '2026-11',
  today: '2026-11-23',
  checkedDays: new Set(['2026-10-31', '2026-11-19', '2026-11-20', '2026-11-22']),
  state: { lastDay: '2026-11-22', runLength: 1 },
  rules,
  makeupsUsedThisMonth: 0,
  usableBalance: 100,
}

describe('monthCalendar', () => {
  const calendar = monthCalendar(november)
  const cell = (dayOfMonth: number) => calendar.days[dayOfMonth - 1]

  it('lays November 2026 out Monday first: the 1st is a Sunday, after six blanks', () => {
    expect(calendar.month).toBe('2026-11')
    expect(calendar.leadingBlankDays).toBe(6)
    expect(calendar.days).toHaveLength(30)
    expect(calendar.days.map((day) => day.dayOfMonth)).toEqual(Array.from({ length: 30 }, (_, index) => index + 1))
    expect(cell(30)?.day).toBe('2026-11-30')
  })

  it.each([
    ['February 2027 starts on a Monday', '2027-02', 0, 28],
    ['February 2028 is a leap month starting on a Tuesday', '2028-02', 1, 29],
    ['August 2027 starts on a Sunday', '2027-08', 6, 31],
  ])('lays out other months: %s', (_, month, leadingBlankDays, length) => {
    const other = monthCalendar({ ...november, month })
    expect(other.leadingBlankDays).toBe(leadingBlankDays)
    expect(other.days).toHaveLength(length)
  })

  it('marks checked days, today and future days', () => {
    expect(cell(22)).toEqual({
      day: '2026-11-22',
      dayOfMonth: 22,
      checked: true,
      isToday: false,
      isFuture: false,
      canMakeUp: false,
    })
    expect(cell(23)).toMatchObject({ checked: false, isToday: true, isFuture: false, canMakeUp: false })
    expect(cell(24)).toMatchObject({ checked: false, isToday: false, isFuture: true, canMakeUp: false })
    expect(calendar.checkedInToday).toBe(false)
  })

  it('offers a makeup only for unchecked days inside the window', () => {
    // The window is the 3 days before today: 20, 21 and 22 November.
    const makeUppable = calendar.days.filter((day) => day.canMakeUp).map((day) => day.day)
    expect(makeUppable).toEqual(['2026-11-21'])
  })

  it('offers no makeup once the month’s are used or the member cannot pay', () => {
    for (const change of [{ makeupsUsedThisMonth: 2 }, { usableBalance: 19 }]) {
      expect(monthCalendar({ ...november, ...change }).days.some((day) => day.canMakeUp)).toBe(false)
    }
  })

  it('offers no makeup of a day before the member joined', () => {
    const joinedYesterday = monthCalendar({ ...november, joinedDay: '2026-11-22' })
    expect(joinedYesterday.days.some((day) => day.canMakeUp)).toBe(false)
    const joinedBefore = monthCalendar({ ...november, joinedDay: '2026-11-21' })
    expect(joinedBefore.days.filter((day) => day.canMakeUp).map((day) => day.day)).toEqual(['2026-11-21'])
  })

  it('counts only the checked days of the month shown', () => {
    expect(calendar.checkedCount).toBe(3)
  })

  it('shows the live streak and the next bonus: day 3 is tomorrow’s check-in', () => {
    expect(calendar.streak).toBe(1)
    expect(calendar.cycleLengthDays).toBe(7)
    expect(calendar.nextReward).toEqual({ inDays: 1, cycleDay: 3, points: 15, growth: 1 })
  })

  it('shows the previous month with makeups reaching back into it, and today’s streak', () => {
    const october = monthCalendar({
      ...november,
      month: '2026-10',
      today: '2026-11-02',
      checkedDays: new Set(['2026-10-31', '2026-11-01']),
      state: { lastDay: '2026-11-01', runLength: 2 },
    })
    expect(october.days.some((day) => day.isToday || day.isFuture)).toBe(false)
    expect(october.days.filter((day) => day.canMakeUp).map((day) => day.day)).toEqual(['2026-10-30'])
    expect(october.checkedCount).toBe(1)
    expect(october.checkedInToday).toBe(false)
    expect(october.streak).toBe(2)
    expect(october.nextReward).toEqual({ inDays: 0, cycleDay: 3, points: 15, growth: 1 })
  })

  it('says today is checked and counts the next bonus from tomorrow', () => {
    const checkedToday = monthCalendar({
      ...november,
      checkedDays: new Set([...november.checkedDays, '2026-11-23']),
      state: { lastDay: '2026-11-23', runLength: 2 },
    })
    expect(checkedToday.checkedInToday).toBe(true)
    expect(checkedToday.days[22]).toMatchObject({ checked: true, isToday: true })
    expect(checkedToday.streak).toBe(2)
    expect(checkedToday.nextReward).toEqual({ inDays: 1, cycleDay: 3, points: 15, growth: 1 })
  })

  it('gives a calendar-month cycle the month’s length', () => {
    expect(monthCalendar({ ...november, rules: monthly }).cycleLengthDays).toBe(30)
    expect(monthCalendar({ ...november, month: '2028-02', today: '2028-02-10', rules: monthly }).cycleLengthDays).toBe(
      29,
    )
  })

  it('offers nothing when check-ins are off', () => {
    const off = monthCalendar({ ...november, rules: { ...rules, enabled: false } })
    expect(off.days.some((day) => day.canMakeUp)).toBe(false)
    expect(off.nextReward).toBeNull()
  })
})

describe('currentStreak', () => {
  it.each<[string, CheckInState, string, CheckInRules, number]>([
    ['checked today', { lastDay: '2026-11-23', runLength: 3 }, '2026-11-23', rules, 3],
    ['checked yesterday', { lastDay: '2026-11-22', runLength: 3 }, '2026-11-23', rules, 3],
    ['on the cycle’s last day yesterday', { lastDay: '2026-11-22', runLength: 7 }, '2026-11-23', rules, 7],
    ['in the second cycle', { lastDay: '2026-11-22', runLength: 10 }, '2026-11-23', rules, 3],
    ['a day was missed', { lastDay: '2026-11-21', runLength: 5 }, '2026-11-23', rules, 0],
    ['never checked in', INITIAL_CHECK_IN_STATE, '2026-11-23', rules, 0],
    ['a monthly run ended with the month', { lastDay: '2026-11-30', runLength: 30 }, '2026-12-01', monthly, 0],
    ['a monthly run checked yesterday', { lastDay: '2026-12-01', runLength: 1 }, '2026-12-02', monthly, 1],
  ])('is the day of the cycle when %s', (_, state, today, withRules, streak) => {
    expect(currentStreak(state, today, withRules)).toBe(streak)
  })
})

describe('nextStreakReward', () => {
  it('counts from tomorrow once today is checked', () => {
    expect(nextStreakReward({ lastDay: '2026-11-23', runLength: 3 }, '2026-11-23', rules)).toEqual({
      inDays: 4,
      cycleDay: 7,
      points: 35,
      growth: 6,
    })
  })

  it('says 0 days when today’s check-in pays the bonus', () => {
    expect(nextStreakReward({ lastDay: '2026-11-22', runLength: 2 }, '2026-11-23', rules)).toEqual({
      inDays: 0,
      cycleDay: 3,
      points: 15,
      growth: 1,
    })
  })

  it('starts a new run when the streak is broken: day 3 is two days after today', () => {
    expect(nextStreakReward({ lastDay: '2026-11-20', runLength: 6 }, '2026-11-23', rules)).toMatchObject({
      inDays: 2,
      cycleDay: 3,
    })
  })

  it('wraps into the next rolling cycle after its last bonus', () => {
    expect(nextStreakReward({ lastDay: '2026-11-23', runLength: 7 }, '2026-11-23', rules)).toMatchObject({
      inDays: 3,
      cycleDay: 3,
    })
  })

  it('counts a bonus paying growth only', () => {
    const growthOnly: CheckInRules = { ...rules, streakBonuses: [{ cycleDay: 2, points: 0, growth: 3 }] }
    expect(nextStreakReward(INITIAL_CHECK_IN_STATE, '2026-11-23', growthOnly)).toEqual({
      inDays: 1,
      cycleDay: 2,
      points: 5,
      growth: 4,
    })
  })

  it('finds a monthly day-31 bonus past a short month', () => {
    const dayThirtyOne: CheckInRules = { ...monthly, streakBonuses: [{ cycleDay: 31, points: 100, growth: 0 }] }
    const reward = nextStreakReward({ lastDay: '2027-02-01', runLength: 1 }, '2027-02-02', dayThirtyOne)
    expect(reward).toEqual({ inDays: daysBetween('2027-02-02', '2027-03-31'), cycleDay: 31, points: 105, growth: 1 })
    expect(reward?.inDays).toBeLessThan(NEXT_REWARD_SEARCH_DAYS_MAX)
  })

  it.each<[string, CheckInState, CheckInRules]>([
    ['no bonus is configured', INITIAL_CHECK_IN_STATE, { ...rules, streakBonuses: [] }],
    ['check-ins are off', INITIAL_CHECK_IN_STATE, { ...rules, enabled: false }],
    [
      'the bonus lies beyond the rolling cycle',
      INITIAL_CHECK_IN_STATE,
      { ...rules, streakBonuses: [{ cycleDay: 10, points: 5, growth: 0 }] },
    ],
    [
      'the bonus pays nothing',
      INITIAL_CHECK_IN_STATE,
      { ...rules, streakBonuses: [{ cycleDay: 2, points: 0, growth: 0 }] },
    ],
    ['the last check-in is after today', { lastDay: '2026-11-25', runLength: 1 }, rules],
  ])('is null when %s', (_, state, withRules) => {
    expect(nextStreakReward(state, '2026-11-23', withRules)).toBeNull()
  })
})
