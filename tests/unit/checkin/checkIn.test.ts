import {
  type CheckInState,
  checkIn,
  cycleDayOf,
  cycleLengthOn,
  INITIAL_CHECK_IN_STATE,
  rewardForCycleDay,
  runLengthWithinCycle,
} from '@shared/checkin'
import type { CheckInRules } from '@shared/programme/schema'
import { addDays } from '@shared/time/calendarDay'
import { DEMO_PROGRAMME } from '../../../emulator/seed/demo/programme'

const rules = DEMO_PROGRAMME.checkIn // 5 a day, +10 on day 3, +30 on day 7, 7-day rolling cycle
const monthly: CheckInRules = {
  ...rules,
  cycle: { kind: 'calendarMonth' },
  streakBonuses: [{ cycleDay: 3, points: 10, growth: 0 }],
}

function checkInDays(days: readonly string[], withRules: CheckInRules = rules) {
  let state: CheckInState = INITIAL_CHECK_IN_STATE
  return days.map((day) => {
    const outcome = checkIn({ state, day, rules: withRules })
    if (!outcome.ok) throw new Error(outcome.code)
    state = outcome.data.state
    return outcome.data
  })
}

describe('checkIn', () => {
  it('rewards a fortnight of daily check-ins with bonuses on days 3, 7, 10 and 14', () => {
    const days = Array.from({ length: 14 }, (_, index) => addDays('2026-11-23', index))
    const outcomes = checkInDays(days)
    expect(outcomes.map((outcome) => outcome.cycleDay)).toEqual([1, 2, 3, 4, 5, 6, 7, 1, 2, 3, 4, 5, 6, 7])
    expect(outcomes.map((outcome) => outcome.reward.points)).toEqual([5, 5, 15, 5, 5, 5, 35, 5, 5, 15, 5, 5, 5, 35])
    expect(outcomes.reduce((sum, outcome) => sum + outcome.reward.points, 0)).toBe(150)
    expect(outcomes[6]?.reward).toEqual({
      basePoints: 5,
      bonusPoints: 30,
      points: 35,
      baseGrowth: 1,
      bonusGrowth: 5,
      growth: 6,
    })
  })

  it('restarts the streak after a missed day', () => {
    const outcomes = checkInDays(['2026-11-23', '2026-11-24', '2026-11-26'])
    expect(outcomes.map((outcome) => outcome.cycleDay)).toEqual([1, 2, 1])
  })

  it('continues across a month end and a year end in a rolling cycle, and across the leap day', () => {
    expect(checkInDays(['2026-12-30', '2026-12-31', '2027-01-01']).map((outcome) => outcome.cycleDay)).toEqual([
      1, 2, 3,
    ])
    expect(checkInDays(['2028-02-28', '2028-02-29', '2028-03-01']).map((outcome) => outcome.cycleDay)).toEqual([
      1, 2, 3,
    ])
  })

  it('restarts a calendar-month cycle on the 1st', () => {
    const outcomes = checkInDays(['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03'], monthly)
    expect(outcomes.map((outcome) => outcome.cycleDay)).toEqual([1, 2, 1, 2, 3])
    expect(outcomes[4]?.reward.bonusPoints).toBe(10)
  })

  it('keeps a monthly streak within the month when the programme switches from a rolling cycle mid-run', () => {
    const underRolling = { lastDay: '2026-11-09', runLength: 40 }
    expect(checkIn({ state: underRolling, day: '2026-11-10', rules: monthly })).toMatchObject({
      ok: true,
      data: { state: { lastDay: '2026-11-10', runLength: 10 }, cycleDay: 10 },
    })
  })

  it('restarts every day with a one-day cycle', () => {
    const daily: CheckInRules = { ...rules, cycle: { kind: 'rolling', lengthDays: 1 } }
    const outcomes = checkInDays(['2026-11-23', '2026-11-24', '2026-11-25'], daily)
    expect(outcomes.map((outcome) => [outcome.state.runLength, outcome.cycleDay])).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
    ])
  })

  it('allows one check-in per day: a second one changes nothing', () => {
    const first = checkIn({ state: INITIAL_CHECK_IN_STATE, day: '2026-11-23', rules })
    if (!first.ok) throw new Error(first.code)
    expect(checkIn({ state: first.data.state, day: '2026-11-23', rules })).toMatchObject({
      ok: false,
      code: 'ALREADY_CHECKED_IN',
    })
  })

  it('refuses a day before the last check-in and a disabled programme', () => {
    const state = { lastDay: '2026-11-23', runLength: 1 }
    expect(checkIn({ state, day: '2026-11-22', rules })).toMatchObject({ ok: false, code: 'CHECK_IN_OUT_OF_ORDER' })
    expect(checkIn({ state, day: '2026-11-24', rules: { ...rules, enabled: false } })).toMatchObject({
      ok: false,
      code: 'CHECK_IN_DISABLED',
    })
  })
})

describe('rewards and cycle days', () => {
  it.each([
    [1, { basePoints: 5, bonusPoints: 0, points: 5, baseGrowth: 1, bonusGrowth: 0, growth: 1 }],
    [3, { basePoints: 5, bonusPoints: 10, points: 15, baseGrowth: 1, bonusGrowth: 0, growth: 1 }],
    [7, { basePoints: 5, bonusPoints: 30, points: 35, baseGrowth: 1, bonusGrowth: 5, growth: 6 }],
  ])('rewards cycle day %i with the base plus its bonus', (cycleDay, reward) => {
    expect(rewardForCycleDay(cycleDay, rules)).toEqual(reward)
  })

  it('gives a rolling cycle its length and a monthly one the length of the month', () => {
    expect(cycleLengthOn(rules.cycle, '2028-02-10')).toBe(7)
    expect(cycleLengthOn(monthly.cycle, '2028-02-10')).toBe(29)
    expect(cycleLengthOn(monthly.cycle, '2027-02-10')).toBe(28)
    expect(cycleLengthOn(monthly.cycle, '2026-12-31')).toBe(31)
  })

  it('cuts a monthly run to the days of the month so far, never a rolling one', () => {
    expect(runLengthWithinCycle(40, '2026-11-10', monthly.cycle)).toBe(10)
    expect(runLengthWithinCycle(4, '2026-11-10', monthly.cycle)).toBe(4)
    expect(runLengthWithinCycle(40, '2026-11-10', rules.cycle)).toBe(40)
  })

  it('maps run lengths onto the cycle', () => {
    expect(cycleDayOf(0, rules.cycle)).toBe(0)
    expect(cycleDayOf(7, rules.cycle)).toBe(7)
    expect(cycleDayOf(8, rules.cycle)).toBe(1)
    expect(cycleDayOf(20, monthly.cycle)).toBe(20)
  })
})
