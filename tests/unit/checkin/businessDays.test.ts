import { type CheckInState, checkIn, INITIAL_CHECK_IN_STATE } from '@shared/checkin'
import type { CheckInRules } from '@shared/programme/schema'
import { type BusinessDayRule, businessDayOf } from '@shared/time/businessDay'
import { DEMO_PROGRAMME } from '../../../emulator/seed/demo/programme'

// Check-ins made at real instants: the business day comes from the programme's zone and cutoff,
// never from the host's zone. The host runs in UTC (jest.config.js), where 23:59:59 and 00:00:00 in
// Shanghai fall on the same UTC day: any use of the host zone would merge them.
const rolling = DEMO_PROGRAMME.checkIn // 7-day rolling cycle
const monthly: CheckInRules = { ...rolling, cycle: { kind: 'calendarMonth' } }
const shanghai: BusinessDayRule = { timeZone: 'Asia/Shanghai', cutoffHour: 0 }
const shanghaiFourAm: BusinessDayRule = { timeZone: 'Asia/Shanghai', cutoffHour: 4 }
const newYork: BusinessDayRule = { timeZone: 'America/New_York', cutoffHour: 0 }

/** Each check-in's day of the cycle, or the refusal's code. */
function checkInsAt(instantsMs: readonly number[], rule: BusinessDayRule, rules: CheckInRules = rolling) {
  let state: CheckInState = INITIAL_CHECK_IN_STATE
  return instantsMs.map((instantMs) => {
    const outcome = checkIn({ state, day: businessDayOf(instantMs, rule), rules })
    if (!outcome.ok) return outcome.code
    state = outcome.data.state
    return outcome.data.cycleDay
  })
}

// Shanghai is UTC+8 all year: local midnight is 16:00 UTC the day before.
const shanghaiLocal = (year: number, month: number, day: number, hour: number, minute = 0, second = 0) =>
  Date.UTC(year, month - 1, day, hour - 8, minute, second)

describe('check-in business days in Shanghai, with the host clock in UTC as on CloudBase', () => {
  it('really runs with the host clock in UTC', () => {
    expect(new Date(Date.UTC(2026, 6, 1)).getTimezoneOffset()).toBe(0)
  })

  it('counts 23:59:59 and, a second later, 00:00:00 in Shanghai as two consecutive days across the year end', () => {
    const lastSecondOfYear = shanghaiLocal(2026, 12, 31, 23, 59, 59)
    expect(businessDayOf(lastSecondOfYear, shanghai)).toBe('2026-12-31')
    expect(checkInsAt([lastSecondOfYear, lastSecondOfYear + 1000], shanghai)).toEqual([1, 2])
  })

  it('refuses a second check-in between 00:00:00 and 23:59:59 of the same Shanghai day', () => {
    const midnight = shanghaiLocal(2026, 11, 23, 0)
    const lastSecond = shanghaiLocal(2026, 11, 23, 23, 59, 59)
    expect(checkInsAt([midnight, lastSecond], shanghai)).toEqual([1, 'ALREADY_CHECKED_IN'])
  })

  it('restarts a calendar-month cycle at 00:00:00 on the 1st in Shanghai', () => {
    const instants = [shanghaiLocal(2026, 12, 30, 12), shanghaiLocal(2026, 12, 31, 23, 59, 59)]
    expect(checkInsAt([...instants, shanghaiLocal(2027, 1, 1, 0)], shanghai, monthly)).toEqual([1, 2, 1])
  })
})

describe('a 04:00 cutoff', () => {
  it('counts 03:59:59 as the previous day, so a check-in then after one the evening before is refused', () => {
    const evening = shanghaiLocal(2026, 11, 22, 21)
    const beforeCutoff = shanghaiLocal(2026, 11, 23, 3, 59, 59)
    expect(businessDayOf(beforeCutoff, shanghaiFourAm)).toBe('2026-11-22')
    expect(checkInsAt([evening, beforeCutoff], shanghaiFourAm)).toEqual([1, 'ALREADY_CHECKED_IN'])
  })

  it('starts the next day at 04:00:00, which continues the streak', () => {
    const evening = shanghaiLocal(2026, 11, 22, 21)
    expect(checkInsAt([evening, shanghaiLocal(2026, 11, 23, 4)], shanghaiFourAm)).toEqual([1, 2])
  })

  it('keeps 03:00 on the 1st in the previous month, so a monthly run goes on instead of restarting', () => {
    const instants = [shanghaiLocal(2026, 11, 29, 12), shanghaiLocal(2026, 12, 1, 3)]
    expect(checkInsAt(instants, shanghaiFourAm, monthly)).toEqual([1, 2])
    expect(checkInsAt([...instants, shanghaiLocal(2026, 12, 1, 4)], shanghaiFourAm, monthly)).toEqual([1, 2, 1])
  })
})

describe('the leap day', () => {
  const evenings = [28, 29].map((day) => shanghaiLocal(2028, 2, day, 20))
  const instants = [...evenings, shanghaiLocal(2028, 3, 1, 20)]

  it('sits between 28 February and 1 March in a rolling cycle', () => {
    expect(checkInsAt(instants, shanghai)).toEqual([1, 2, 3])
  })

  it('ends February in a calendar-month cycle', () => {
    expect(checkInsAt(instants, shanghai, monthly)).toEqual([1, 2, 1])
  })
})

describe('daylight saving time in New York', () => {
  it('keeps the streak across the 23-hour spring-forward day (8 March 2026)', () => {
    // 23:30 each evening: EST (UTC-5) on the 7th, EDT (UTC-4) after the change.
    const instants = [Date.UTC(2026, 2, 8, 4, 30), Date.UTC(2026, 2, 9, 3, 30), Date.UTC(2026, 2, 10, 3, 30)]
    expect(instants.map((instantMs) => businessDayOf(instantMs, newYork))).toEqual([
      '2026-03-07',
      '2026-03-08',
      '2026-03-09',
    ])
    expect(checkInsAt(instants, newYork)).toEqual([1, 2, 3])
  })

  it('counts the 25-hour fall-back day (1 November 2026) once, though its check-ins are 24 hours apart', () => {
    // 00:30 EDT (UTC-4) and 23:30 EST (UTC-5) on the same local day.
    const instants = [Date.UTC(2026, 10, 1, 4, 30), Date.UTC(2026, 10, 2, 4, 30)]
    expect(checkInsAt(instants, newYork)).toEqual([1, 'ALREADY_CHECKED_IN'])
  })
})
