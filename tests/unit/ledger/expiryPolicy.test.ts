import { lastValidDayOf, lotExpiryMs } from '@shared/ledger'
import type { ExpiryPolicy } from '@shared/programme/schema'
import { businessDayOf } from '@shared/time/businessDay'
import { addDays } from '@shared/time/calendarDay'
import fc from 'fast-check'

const shanghai = { timeZone: 'Asia/Shanghai', cutoffHour: 0 }
const shanghaiLateNight = { timeZone: 'Asia/Shanghai', cutoffHour: 4 }
const newYork = { timeZone: 'America/New_York', cutoffHour: 0 }

const afterDays = (days: number): ExpiryPolicy => ({ kind: 'afterDays', days })
const endOfFollowingYear: ExpiryPolicy = { kind: 'endOfFollowingYear' }

describe('lotExpiryMs', () => {
  it('is null for points that never expire', () => {
    expect(lotExpiryMs({ policy: { kind: 'never' }, earnedAtMs: Date.UTC(2026, 0, 1), ...shanghai })).toBeNull()
  })

  it.each<[string, ExpiryPolicy, number, number, string]>([
    // [case, policy, earned at, expires at, last valid day], all Shanghai wall clock with the host in UTC.
    ['30 days from noon', afterDays(30), Date.UTC(2026, 10, 24, 4), Date.UTC(2026, 11, 24, 16), '2026-12-24'],
    ['1 day across a month end', afterDays(1), Date.UTC(2026, 0, 31, 4), Date.UTC(2026, 1, 1, 16), '2026-02-01'],
    [
      '1 day from 23:59:59 on New Year’s Eve',
      afterDays(1),
      Date.UTC(2026, 11, 31, 15, 59, 59),
      Date.UTC(2027, 0, 1, 16),
      '2027-01-01',
    ],
    [
      '1 day from 00:00:00 on New Year’s Day',
      afterDays(1),
      Date.UTC(2026, 11, 31, 16),
      Date.UTC(2027, 0, 2, 16),
      '2027-01-02',
    ],
    ['1 day onto a leap day', afterDays(1), Date.UTC(2028, 1, 28, 4), Date.UTC(2028, 1, 29, 16), '2028-02-29'],
    ['1 day from a leap day', afterDays(1), Date.UTC(2028, 1, 29, 4), Date.UTC(2028, 2, 1, 16), '2028-03-01'],
    ['365 days from a leap day', afterDays(365), Date.UTC(2028, 1, 29, 4), Date.UTC(2029, 1, 28, 16), '2029-02-28'],
    [
      'the following year from 23:59:59 on New Year’s Eve',
      endOfFollowingYear,
      Date.UTC(2026, 11, 31, 15, 59, 59),
      Date.UTC(2027, 11, 31, 16),
      '2027-12-31',
    ],
    [
      'the following year from 00:00:00 on New Year’s Day',
      endOfFollowingYear,
      Date.UTC(2026, 11, 31, 16),
      Date.UTC(2028, 11, 31, 16),
      '2028-12-31',
    ],
    [
      'the following year from a leap day',
      endOfFollowingYear,
      Date.UTC(2028, 1, 29, 4),
      Date.UTC(2029, 11, 31, 16),
      '2029-12-31',
    ],
  ])('in Shanghai, %s', (_, policy, earnedAtMs, expiresAtMs, lastValidDay) => {
    expect(lotExpiryMs({ policy, earnedAtMs, ...shanghai })).toBe(expiresAtMs)
    expect(lastValidDayOf(expiresAtMs, shanghai)).toBe(lastValidDay)
  })

  it('counts 02:00 on New Year’s Day as the old year with a 04:00 cutoff, and expires at 04:00', () => {
    const earnedAtMs = Date.UTC(2025, 11, 31, 18) // 2026-01-01 02:00 in Shanghai: business day 2025-12-31
    const expiresAtMs = lotExpiryMs({ policy: endOfFollowingYear, earnedAtMs, ...shanghaiLateNight })
    expect(expiresAtMs).toBe(Date.UTC(2026, 11, 31, 20)) // 2027-01-01 04:00 in Shanghai
    expect(lastValidDayOf(Date.UTC(2026, 11, 31, 20), shanghaiLateNight)).toBe('2026-12-31')
  })

  it('counts days from the business day with a 04:00 cutoff', () => {
    const earnedAtMs = Date.UTC(2026, 10, 22, 19, 30) // 2026-11-23 03:30 in Shanghai: business day 2026-11-22
    expect(lotExpiryMs({ policy: afterDays(7), earnedAtMs, ...shanghaiLateNight })).toBe(Date.UTC(2026, 10, 29, 20))
  })

  it.each([
    // New York, 2026: clocks spring forward on 8 March and fall back on 1 November.
    ['across spring-forward, to midnight EDT', Date.UTC(2026, 2, 7, 17), Date.UTC(2026, 2, 9, 4), '2026-03-08'],
    ['across fall-back, to midnight EST', Date.UTC(2026, 9, 31, 16), Date.UTC(2026, 10, 2, 5), '2026-11-01'],
  ])('in New York, 1 day %s', (_, earnedAtMs, expiresAtMs, lastValidDay) => {
    expect(lotExpiryMs({ policy: afterDays(1), earnedAtMs, ...newYork })).toBe(expiresAtMs)
    expect(lastValidDayOf(expiresAtMs, newYork)).toBe(lastValidDay)
  })

  it('expires at the first instant after the gap when the cutoff hour is skipped by spring-forward', () => {
    const rule = { timeZone: 'America/New_York', cutoffHour: 2 }
    const expiresAtMs = lotExpiryMs({ policy: afterDays(1), earnedAtMs: Date.UTC(2026, 2, 6, 17), ...rule })
    expect(expiresAtMs).toBe(Date.UTC(2026, 2, 8, 7)) // 03:00 EDT; 02:00 never happens that night
    expect(lastValidDayOf(Date.UTC(2026, 2, 8, 7), rule)).toBe('2026-03-07')
  })

  it('always lies after the earning, one business day past the last valid day, in any zone and cutoff', () => {
    const policy = fc.oneof(
      fc.integer({ min: 1, max: 3660 }).map(afterDays),
      fc.constant<ExpiryPolicy>(endOfFollowingYear),
    )
    const rule = fc.record({
      timeZone: fc.constantFrom('Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'UTC'),
      cutoffHour: fc.integer({ min: 0, max: 23 }),
    })
    const earnedAtMs = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2090, 0, 1) })
    fc.assert(
      fc.property(policy, rule, earnedAtMs, (policy, rule, earnedAtMs) => {
        const expiresAtMs = lotExpiryMs({ policy, earnedAtMs, ...rule })
        if (expiresAtMs === null) throw new Error('only expiring policies are generated')
        const lastValidDay = lastValidDayOf(expiresAtMs, rule)
        expect(expiresAtMs).toBeGreaterThan(earnedAtMs)
        // The instant before expiry is still on the last valid day; the expiry instant is the next day.
        expect(businessDayOf(expiresAtMs - 1, rule)).toBe(lastValidDay)
        expect(businessDayOf(expiresAtMs, rule)).toBe(addDays(lastValidDay, 1))
        const earnedOn = businessDayOf(earnedAtMs, rule)
        if (policy.kind === 'afterDays') expect(lastValidDay).toBe(addDays(earnedOn, policy.days))
        else expect(lastValidDay).toBe(`${Number(earnedOn.slice(0, 4)) + 1}-12-31`)
      }),
      { numRuns: 200 },
    )
  })
})
