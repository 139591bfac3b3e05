import {
  type CheckInState,
  checkIn,
  continuesRun,
  INITIAL_CHECK_IN_STATE,
  makeupEligibility,
  makeupReward,
  RUN_LOOKBACK_DAYS_MAX,
  runLengthEndingAt,
  stateAfterMakeup,
} from '@shared/checkin'
import type { CheckInRules } from '@shared/programme/schema'
import { addDays } from '@shared/time/calendarDay'
import { DEMO_PROGRAMME } from '../../../emulator/seed/demo/programme'

const rules = DEMO_PROGRAMME.checkIn // makeup: on, 3-day window, 2 a month, costs 20 points
const monthly: CheckInRules = { ...rules, cycle: { kind: 'calendarMonth' } }
const eligible = {
  day: '2026-11-21',
  today: '2026-11-23',
  checkedDays: new Set(['2026-11-22']),
  makeupsUsedThisMonth: 0,
  usableBalance: 100,
  rules,
}

/** Days from `first` to `last`, both included. */
function daysFrom(first: string, last: string): string[] {
  const days = [first]
  while (days[days.length - 1] !== last) days.push(addDays(days[days.length - 1] as string, 1))
  return days
}

describe('makeupEligibility', () => {
  it('allows a missed day inside the window and names its cost', () => {
    expect(makeupEligibility(eligible)).toEqual({ ok: true, data: { costPoints: 20 } })
  })

  it('allows the oldest day of the window and a makeup that costs nothing with nothing to pay', () => {
    expect(makeupEligibility({ ...eligible, day: '2026-11-20' }).ok).toBe(true)
    const free: CheckInRules = { ...rules, makeup: { ...rules.makeup, costPoints: 0 } }
    expect(makeupEligibility({ ...eligible, usableBalance: 0, rules: free })).toEqual({
      ok: true,
      data: { costPoints: 0 },
    })
  })

  // One row per refusal, in precedence order.
  it.each<[string, Partial<typeof eligible>, string]>([
    ['makeups are off', { rules: { ...rules, makeup: { ...rules.makeup, enabled: false } } }, 'MAKEUP_DISABLED'],
    ['check-ins are off', { rules: { ...rules, enabled: false } }, 'MAKEUP_DISABLED'],
    ['the day is today', { day: '2026-11-23' }, 'MAKEUP_OUT_OF_WINDOW'],
    ['the day is in the future', { day: '2026-11-24' }, 'MAKEUP_OUT_OF_WINDOW'],
    ['the day is older than the window', { day: '2026-11-19' }, 'MAKEUP_OUT_OF_WINDOW'],
    ['the day was checked', { day: '2026-11-22' }, 'ALREADY_CHECKED_IN'],
    ['the month’s makeups are used', { makeupsUsedThisMonth: 2 }, 'MAKEUP_LIMIT_REACHED'],
    [
      'the programme allows none a month',
      { rules: { ...rules, makeup: { ...rules.makeup, monthlyLimit: 0 } } },
      'MAKEUP_LIMIT_REACHED',
    ],
    ['the member cannot pay', { usableBalance: 19 }, 'POINTS_INSUFFICIENT'],
  ])('refuses when %s', (_, change, code) => {
    expect(makeupEligibility({ ...eligible, ...change })).toMatchObject({ ok: false, code })
  })

  it('reports the first failing check when several fail', () => {
    const everythingWrong = { makeupsUsedThisMonth: 9, usableBalance: 0 }
    const makeupsOff = { ...rules, makeup: { ...rules.makeup, enabled: false } }
    expect(makeupEligibility({ ...eligible, ...everythingWrong, day: '2026-11-22', rules: makeupsOff })).toMatchObject({
      code: 'MAKEUP_DISABLED',
    })
    expect(makeupEligibility({ ...eligible, ...everythingWrong, day: '2026-11-01' })).toMatchObject({
      code: 'MAKEUP_OUT_OF_WINDOW',
    })
    expect(makeupEligibility({ ...eligible, ...everythingWrong, day: '2026-11-22' })).toMatchObject({
      code: 'ALREADY_CHECKED_IN',
    })
    expect(makeupEligibility({ ...eligible, ...everythingWrong })).toMatchObject({ code: 'MAKEUP_LIMIT_REACHED' })
  })

  it('refuses a day before the member joined, after the window check and before the others', () => {
    expect(makeupEligibility({ ...eligible, joinedDay: '2026-11-22' })).toMatchObject({ code: 'MAKEUP_OUT_OF_WINDOW' })
    expect(makeupEligibility({ ...eligible, joinedDay: '2026-11-21' }).ok).toBe(true)
    expect(
      makeupEligibility({ ...eligible, joinedDay: '2026-11-23', day: '2026-11-22', makeupsUsedThisMonth: 9 }),
    ).toMatchObject({ code: 'MAKEUP_OUT_OF_WINDOW' })
  })

  it('reaches back across a month end', () => {
    expect(makeupEligibility({ ...eligible, day: '2026-11-30', today: '2026-12-02', checkedDays: new Set() }).ok).toBe(
      true,
    )
  })
})

describe('makeupReward', () => {
  it('pays the daily base only, never a streak bonus', () => {
    expect(makeupReward(rules)).toEqual({
      basePoints: 5,
      bonusPoints: 0,
      points: 5,
      baseGrowth: 1,
      bonusGrowth: 0,
      growth: 1,
    })
  })
})

describe('runLengthEndingAt', () => {
  const checked = new Set(['2026-11-19', '2026-11-20', '2026-11-22', '2026-11-23'])

  it('counts the run ending at a day and stops at a gap', () => {
    expect(runLengthEndingAt(checked, '2026-11-23', rules.cycle)).toBe(2)
    expect(runLengthEndingAt(checked, '2026-11-20', rules.cycle)).toBe(2)
  })

  it('is 0 for a day that is not checked', () => {
    expect(runLengthEndingAt(checked, '2026-11-21', rules.cycle)).toBe(0)
  })

  it('runs through the year end in a rolling cycle but stops at the 1st in a monthly one', () => {
    const yearEnd = new Set(daysFrom('2026-12-28', '2027-01-02'))
    expect(runLengthEndingAt(yearEnd, '2027-01-02', rules.cycle)).toBe(6)
    expect(runLengthEndingAt(yearEnd, '2027-01-02', monthly.cycle)).toBe(2)
  })

  it('stops counting after RUN_LOOKBACK_DAYS_MAX days', () => {
    const years = new Set(daysFrom('2024-01-01', '2026-12-31'))
    expect(runLengthEndingAt(years, '2026-12-31', rules.cycle)).toBe(RUN_LOOKBACK_DAYS_MAX)
  })
})

describe('stateAfterMakeup', () => {
  it('bridges two runs when the gap between them is made up', () => {
    const state = stateAfterMakeup({
      state: { lastDay: '2026-11-23', runLength: 2 },
      checkedDays: new Set(['2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23']),
      madeUpDay: '2026-11-21',
      cycle: rules.cycle,
    })
    expect(state).toEqual({ lastDay: '2026-11-23', runLength: 5 })
  })

  it('bridges whether or not the checked days already hold the made-up day', () => {
    const state = stateAfterMakeup({
      state: { lastDay: '2026-11-23', runLength: 2 },
      checkedDays: new Set(['2026-11-19', '2026-11-20', '2026-11-22', '2026-11-23']),
      madeUpDay: '2026-11-21',
      cycle: rules.cycle,
    })
    expect(state).toEqual({ lastDay: '2026-11-23', runLength: 5 })
  })

  it('makes yesterday the last day and extends the run when today is not checked yet', () => {
    const state = stateAfterMakeup({
      state: { lastDay: '2026-11-21', runLength: 3 },
      checkedDays: new Set(['2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22']),
      madeUpDay: '2026-11-22',
      cycle: rules.cycle,
    })
    expect(state).toEqual({ lastDay: '2026-11-22', runLength: 4 })
  })

  it('trusts the state for a run longer than the checked days it is given', () => {
    // 60 days in a row up to 21 November; the cloud layer only keeps this month and the last.
    const state = stateAfterMakeup({
      state: { lastDay: '2026-11-21', runLength: 60 },
      checkedDays: new Set(daysFrom('2026-10-01', '2026-11-21')),
      madeUpDay: '2026-11-22',
      cycle: rules.cycle,
    })
    expect(state).toEqual({ lastDay: '2026-11-22', runLength: 61 })
  })

  it('starts a run of 1 for a made-up day after a gap, and for a first ever check-in', () => {
    const afterGap = stateAfterMakeup({
      state: { lastDay: '2026-11-19', runLength: 4 },
      checkedDays: new Set(['2026-11-19', '2026-11-21']),
      madeUpDay: '2026-11-21',
      cycle: rules.cycle,
    })
    expect(afterGap).toEqual({ lastDay: '2026-11-21', runLength: 1 })
    const first = stateAfterMakeup({
      state: INITIAL_CHECK_IN_STATE,
      checkedDays: new Set(),
      madeUpDay: '2026-11-22',
      cycle: rules.cycle,
    })
    expect(first).toEqual({ lastDay: '2026-11-22', runLength: 1 })
  })

  it('leaves the state alone when the made-up day touches neither end of the current run', () => {
    const state: CheckInState = { lastDay: '2026-11-23', runLength: 1 }
    const after = stateAfterMakeup({
      state,
      checkedDays: new Set(['2026-11-23']),
      madeUpDay: '2026-11-21',
      cycle: rules.cycle,
    })
    expect(after).toBe(state)
  })

  it('never bridges across the 1st in a calendar-month cycle', () => {
    const state: CheckInState = { lastDay: '2026-12-02', runLength: 1 }
    const after = stateAfterMakeup({
      state,
      checkedDays: new Set(['2026-11-29', '2026-11-30', '2026-12-02']),
      madeUpDay: '2026-12-01',
      cycle: monthly.cycle,
    })
    expect(after).toEqual({ lastDay: '2026-12-02', runLength: 2 })
  })

  it('continues the run with the next check-in, bonus included', () => {
    // Checked 19, 20, 22, 23; missed 21 and makes it up on the 23rd: the run is 5 days long.
    let state: CheckInState = INITIAL_CHECK_IN_STATE
    for (const day of ['2026-11-19', '2026-11-20', '2026-11-22', '2026-11-23']) {
      const outcome = checkIn({ state, day, rules })
      if (!outcome.ok) throw new Error(outcome.code)
      state = outcome.data.state
    }
    expect(state).toEqual({ lastDay: '2026-11-23', runLength: 2 })
    const checkedDays = new Set(['2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23'])
    state = stateAfterMakeup({ state, checkedDays, madeUpDay: '2026-11-21', cycle: rules.cycle })
    const next = checkIn({ state, day: '2026-11-24', rules })
    const after = next.ok ? checkIn({ state: next.data.state, day: '2026-11-25', rules }) : next
    expect(next).toMatchObject({ ok: true, data: { cycleDay: 6, reward: { points: 5 } } })
    expect(after).toMatchObject({ ok: true, data: { cycleDay: 7, reward: { points: 35 } } })
  })
})

describe('continuesRun', () => {
  it.each<[string | null, string, boolean, boolean]>([
    [null, '2026-11-23', false, false],
    ['2026-11-22', '2026-11-23', true, true],
    ['2026-11-23', '2026-11-23', false, false],
    ['2026-11-21', '2026-11-23', false, false],
    ['2026-11-30', '2026-12-01', true, false],
    ['2026-12-31', '2027-01-01', true, false],
    ['2028-02-28', '2028-02-29', true, true],
    ['2028-02-29', '2028-03-01', true, false],
  ])('after %s, %s continues a rolling run: %s, a monthly run: %s', (previous, day, inRolling, inMonthly) => {
    expect(continuesRun(previous, day, rules.cycle)).toBe(inRolling)
    expect(continuesRun(previous, day, monthly.cycle)).toBe(inMonthly)
  })
})
