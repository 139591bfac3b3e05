import {
  continuesRun,
  currentStreak,
  INITIAL_CHECK_IN_STATE,
  makeupEligibility,
  monthCalendar,
  nextStreakReward,
  runLengthEndingAt,
  stateAfterMakeup,
} from '@shared/checkin'
import { DEMO_PROGRAMME } from '@shared/programme/demoProgramme'
import type { CheckInRules } from '@shared/programme/schema'

const rules = DEMO_PROGRAMME.checkIn // makeup: on, 3-day window, 2 a month, costs 20 points
const eligible = {
  day: '2026-11-21',
  today: '2026-11-23',
  checkedDays: new Set(['2026-11-22']),
  makeupsUsedThisMonth: 0,
  usableBalance: 100,
  rules,
}

describe('makeupEligibility', () => {
  it('allows a missed day inside the window and names its cost', () => {
    expect(makeupEligibility(eligible)).toEqual({ ok: true, data: { costPoints: 20 } })
  })

  it.each<[string, Partial<typeof eligible>, string]>([
    ['makeups are off', { rules: { ...rules, makeup: { ...rules.makeup, enabled: false } } }, 'MAKEUP_DISABLED'],
    ['the day is today', { day: '2026-11-23' }, 'MAKEUP_OUT_OF_WINDOW'],
    ['the day is in the future', { day: '2026-11-24' }, 'MAKEUP_OUT_OF_WINDOW'],
    ['the day is older than the window', { day: '2026-11-19' }, 'MAKEUP_OUT_OF_WINDOW'],
    ['the day was checked', { day: '2026-11-22' }, 'ALREADY_CHECKED_IN'],
    ['the month’s makeups are used', { makeupsUsedThisMonth: 2 }, 'MAKEUP_LIMIT_REACHED'],
    ['the member cannot pay', { usableBalance: 19 }, 'POINTS_INSUFFICIENT'],
  ])('refuses when %s', (_, change, code) => {
    expect(makeupEligibility({ ...eligible, ...change })).toMatchObject({ ok: false, code })
  })

  it('checks the window before anything else', () => {
    expect(
      makeupEligibility({ ...eligible, day: '2026-11-01', makeupsUsedThisMonth: 9, usableBalance: 0 }),
    ).toMatchObject({
      code: 'MAKEUP_OUT_OF_WINDOW',
    })
  })
})

describe('runs and makeups', () => {
  it('counts the run ending at a day and stops at a gap', () => {
    const checked = new Set(['2026-11-19', '2026-11-20', '2026-11-22', '2026-11-23'])
    expect(runLengthEndingAt(checked, '2026-11-23', rules.cycle)).toBe(2)
    expect(runLengthEndingAt(checked, '2026-11-21', rules.cycle)).toBe(0)
  })

  it('bridges two runs when the gap between them is made up', () => {
    const checked = new Set(['2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23'])
    const state = stateAfterMakeup({
      state: { lastDay: '2026-11-23', runLength: 2 },
      checkedDays: checked,
      madeUpDay: '2026-11-21',
      cycle: rules.cycle,
    })
    expect(state).toEqual({ lastDay: '2026-11-23', runLength: 5 })
  })

  it('makes the made-up day the last one when it is later than any check-in', () => {
    const state = stateAfterMakeup({
      state: INITIAL_CHECK_IN_STATE,
      checkedDays: new Set(['2026-11-22']),
      madeUpDay: '2026-11-22',
      cycle: rules.cycle,
    })
    expect(state).toEqual({ lastDay: '2026-11-22', runLength: 1 })
  })

  it('never continues a run from nothing', () => {
    expect(continuesRun(null, '2026-11-23', rules.cycle)).toBe(false)
  })
})

describe('monthCalendar', () => {
  const checkedDays = new Set(['2026-11-20', '2026-11-21', '2026-11-22'])
  const state = { lastDay: '2026-11-22', runLength: 3 }
  const calendar = monthCalendar({
    month: '2026-11',
    today: '2026-11-23',
    checkedDays,
    state,
    rules,
    makeupsUsedThisMonth: 0,
    usableBalance: 100,
  })

  it('lays November 2026 out Monday first: the 1st is a Sunday, after six blanks', () => {
    expect(calendar.leadingBlankDays).toBe(6)
    expect(calendar.days).toHaveLength(30)
  })

  it('marks checked days, today, future days and days that can be made up', () => {
    const cell = (dayOfMonth: number) => calendar.days[dayOfMonth - 1]
    expect(cell(21)).toMatchObject({ checked: true, isToday: false })
    expect(cell(23)).toMatchObject({ checked: false, isToday: true, isFuture: false, canMakeUp: false })
    expect(cell(24)).toMatchObject({ isFuture: true, canMakeUp: false })
    expect(cell(19)).toMatchObject({ checked: false, canMakeUp: false })
    expect(calendar.checkedCount).toBe(3)
    expect(calendar.checkedInToday).toBe(false)
  })

  it('shows the live streak and the next bonus: day 7 in four days', () => {
    expect(calendar.streak).toBe(3)
    expect(calendar.cycleLengthDays).toBe(7)
    expect(calendar.nextReward).toEqual({ inDays: 3, cycleDay: 7, points: 35 })
  })
})

describe('streak and next reward', () => {
  it('drops the streak to 0 once a day was missed', () => {
    expect(currentStreak({ lastDay: '2026-11-20', runLength: 5 }, '2026-11-23', rules)).toBe(0)
  })

  it('counts from tomorrow once today is checked', () => {
    expect(nextStreakReward({ lastDay: '2026-11-23', runLength: 3 }, '2026-11-23', rules)).toEqual({
      inDays: 4,
      cycleDay: 7,
      points: 35,
    })
  })

  it('says today when today’s check-in pays the bonus', () => {
    expect(nextStreakReward({ lastDay: '2026-11-22', runLength: 2 }, '2026-11-23', rules)).toEqual({
      inDays: 0,
      cycleDay: 3,
      points: 15,
    })
  })

  it('has no next reward without bonuses or with check-ins off', () => {
    const plain: CheckInRules = { ...rules, streakBonuses: [] }
    expect(nextStreakReward(INITIAL_CHECK_IN_STATE, '2026-11-23', plain)).toBeNull()
    expect(nextStreakReward(INITIAL_CHECK_IN_STATE, '2026-11-23', { ...rules, enabled: false })).toBeNull()
  })
})
