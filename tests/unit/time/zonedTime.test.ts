import { instantOfLocal, isKnownTimeZone, localDateTimeOf, localDayOf, startOfLocalDayMs } from '@shared/time/zonedTime'

describe('zoned time', () => {
  it('runs with the host clock in UTC, as CloudBase does', () => {
    expect(new Date(0).getTimezoneOffset()).toBe(0)
  })

  it('reads Shanghai wall time from a UTC instant', () => {
    expect(localDateTimeOf(Date.UTC(2026, 11, 31, 15, 59, 59), 'Asia/Shanghai')).toEqual({
      year: 2026,
      month: 12,
      day: 31,
      hour: 23,
      minute: 59,
      second: 59,
    })
    expect(localDayOf(Date.UTC(2026, 11, 31, 16, 0, 0), 'Asia/Shanghai')).toBe('2027-01-01')
  })

  it('reports midnight as hour 0, never 24', () => {
    expect(localDateTimeOf(Date.UTC(2026, 10, 22, 16), 'Asia/Shanghai').hour).toBe(0)
  })

  it('turns wall time back into instants in fixed-offset and daylight-saving zones', () => {
    expect(instantOfLocal({ year: 2026, month: 11, day: 23, hour: 9 }, 'Asia/Shanghai')).toBe(Date.UTC(2026, 10, 23, 1))
    expect(instantOfLocal({ year: 2026, month: 7, day: 1, hour: 12 }, 'America/New_York')).toBe(
      Date.UTC(2026, 6, 1, 16),
    )
    expect(instantOfLocal({ year: 2026, month: 1, day: 1, hour: 12 }, 'America/New_York')).toBe(
      Date.UTC(2026, 0, 1, 17),
    )
  })

  it('resolves a wall time skipped by spring-forward to the time after the jump', () => {
    // 2026-03-08 02:30 does not exist in New York; clocks go from 02:00 EST to 03:00 EDT.
    expect(instantOfLocal({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, 'America/New_York')).toBe(
      Date.UTC(2026, 2, 8, 7, 30),
    )
  })

  it('resolves a wall time repeated by fall-back to the earlier instant', () => {
    // 2026-11-01 01:30 happens twice in New York: first in EDT (05:30 UTC), then in EST.
    expect(instantOfLocal({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, 'America/New_York')).toBe(
      Date.UTC(2026, 10, 1, 5, 30),
    )
  })

  it('gives the start of local days, including a 23-hour day', () => {
    const start = startOfLocalDayMs('2026-03-08', 'America/New_York')
    const next = startOfLocalDayMs('2026-03-09', 'America/New_York')
    expect(start).toBe(Date.UTC(2026, 2, 8, 5))
    expect(next - start).toBe(23 * 3_600_000)
  })

  it('knows real time zones and refuses made-up ones', () => {
    expect(isKnownTimeZone('Asia/Shanghai')).toBe(true)
    expect(isKnownTimeZone('America/New_York')).toBe(true)
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false)
  })
})
