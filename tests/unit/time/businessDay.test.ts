import { businessDayOf, startOfBusinessDayMs } from '@shared/time/businessDay'

const shanghai = { timeZone: 'Asia/Shanghai', cutoffHour: 0 }
const shanghaiLateNight = { timeZone: 'Asia/Shanghai', cutoffHour: 4 }
const newYork = { timeZone: 'America/New_York', cutoffHour: 0 }

describe('businessDayOf', () => {
  it.each([
    ['23:59:59 on New Year’s Eve in Shanghai', Date.UTC(2026, 11, 31, 15, 59, 59), '2026-12-31'],
    ['00:00:00 on New Year’s Day in Shanghai', Date.UTC(2026, 11, 31, 16, 0, 0), '2027-01-01'],
    ['the leap day', Date.UTC(2028, 1, 29, 3), '2028-02-29'],
  ])('puts %s on the Shanghai calendar day, though the host runs in UTC', (_, instantMs, day) => {
    expect(businessDayOf(instantMs, shanghai)).toBe(day)
  })

  it('counts 03:59:59 as the previous day with a 04:00 cutoff, and 04:00:00 as the new day', () => {
    expect(businessDayOf(Date.UTC(2026, 10, 22, 19, 59, 59), shanghaiLateNight)).toBe('2026-11-22')
    expect(businessDayOf(Date.UTC(2026, 10, 22, 20, 0, 0), shanghaiLateNight)).toBe('2026-11-23')
  })

  it('moves the cutoff back across a month end', () => {
    // 2026-12-01 02:00 in Shanghai still belongs to 30 November.
    expect(businessDayOf(Date.UTC(2026, 10, 30, 18), shanghaiLateNight)).toBe('2026-11-30')
  })

  it('follows New York’s wall clock on both sides of a daylight-saving change', () => {
    // 2026-03-08: clocks jump from 02:00 EST to 03:00 EDT.
    expect(businessDayOf(Date.UTC(2026, 2, 8, 4, 59, 59), newYork)).toBe('2026-03-07')
    expect(businessDayOf(Date.UTC(2026, 2, 8, 5, 0, 0), newYork)).toBe('2026-03-08')
    expect(businessDayOf(Date.UTC(2026, 2, 9, 3, 59, 59), newYork)).toBe('2026-03-08')
    expect(businessDayOf(Date.UTC(2026, 2, 9, 4, 0, 0), newYork)).toBe('2026-03-09')
  })
})

describe('startOfBusinessDayMs', () => {
  it('is local midnight, or the cutoff hour when there is one', () => {
    expect(startOfBusinessDayMs('2027-01-01', shanghai)).toBe(Date.UTC(2026, 11, 31, 16))
    expect(startOfBusinessDayMs('2026-11-23', shanghaiLateNight)).toBe(Date.UTC(2026, 10, 22, 20))
  })

  it('is the first instant that belongs to the day', () => {
    const startMs = startOfBusinessDayMs('2026-11-01', { timeZone: 'America/New_York', cutoffHour: 4 })
    expect(businessDayOf(startMs, { timeZone: 'America/New_York', cutoffHour: 4 })).toBe('2026-11-01')
    expect(businessDayOf(startMs - 1, { timeZone: 'America/New_York', cutoffHour: 4 })).toBe('2026-10-31')
  })

  it('gives a 23-hour business day when clocks spring forward', () => {
    const startMs = startOfBusinessDayMs('2026-03-08', newYork)
    expect(startOfBusinessDayMs('2026-03-09', newYork) - startMs).toBe(23 * 3_600_000)
  })
})
