import { couponValidity } from '@shared/coupon'
import { businessDayOf } from '@shared/time/businessDay'
import { addDays } from '@shared/time/calendarDay'
import fc from 'fast-check'

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS
const shanghai = { timeZone: 'Asia/Shanghai', cutoffHour: 0 }
const shanghaiLateNight = { timeZone: 'Asia/Shanghai', cutoffHour: 4 }

/** An instant given as Shanghai wall-clock time (UTC+8, no daylight saving). */
function shanghaiTime(year: number, month: number, day: number, hour = 0, minute = 0): number {
  return Date.UTC(year, month - 1, day, hour - 8, minute)
}

function afterIssue(days: number) {
  return { validity: { kind: 'afterIssue' as const, days } }
}

describe('couponValidity', () => {
  it('is the template’s own window for fixed validity, whenever the coupon was issued', () => {
    const template = { validity: { kind: 'fixed' as const, startsAtMs: 1_000, endsAtMs: 9_000 } }
    expect(couponValidity({ template, issuedAtMs: 5_000, ...shanghai })).toEqual({
      validFromMs: 1_000,
      validUntilMs: 9_000,
    })
  })

  it.each([
    [
      'a 1-day coupon lasts until the end of the issue day',
      shanghaiTime(2026, 11, 24, 10),
      1,
      shanghaiTime(2026, 11, 25),
    ],
    [
      'a 1-day coupon issued at 23:30 lasts only half an hour',
      shanghaiTime(2026, 11, 24, 23, 30),
      1,
      shanghaiTime(2026, 11, 25),
    ],
    [
      'a 30-day coupon from 31 January runs through 1 March (28-day February)',
      shanghaiTime(2026, 1, 31, 10),
      30,
      shanghaiTime(2026, 3, 2),
    ],
    ['a coupon crosses a month end', shanghaiTime(2026, 4, 29, 12), 3, shanghaiTime(2026, 5, 2)],
    [
      'a coupon issued on New Year’s Eve ends in the new year',
      shanghaiTime(2026, 12, 31, 23, 59),
      2,
      shanghaiTime(2027, 1, 2),
    ],
    [
      'a coupon issued at 04:00 on 1 January in Shanghai (still 31 December in UTC) counts from 1 January',
      shanghaiTime(2027, 1, 1, 4),
      7,
      shanghaiTime(2027, 1, 8),
    ],
    [
      'a coupon issued on 28 February 2028 counts the leap day',
      shanghaiTime(2028, 2, 28, 12),
      2,
      shanghaiTime(2028, 3, 1),
    ],
    [
      'a 1-day coupon issued on the leap day ends on 1 March',
      shanghaiTime(2028, 2, 29, 8),
      1,
      shanghaiTime(2028, 3, 1),
    ],
    ['a year-long coupon from the leap day', shanghaiTime(2028, 2, 29, 8), 366, shanghaiTime(2029, 3, 1)],
  ])('%s', (_, issuedAtMs, days, validUntilMs) => {
    expect(couponValidity({ template: afterIssue(days), issuedAtMs, ...shanghai })).toEqual({
      validFromMs: issuedAtMs,
      validUntilMs,
    })
  })

  it('counts a coupon issued before the cutoff hour on the previous business day', () => {
    // 02:00 on 1 January belongs to 31 December when business days start at 04:00.
    const issuedAtMs = shanghaiTime(2027, 1, 1, 2)
    expect(couponValidity({ template: afterIssue(1), issuedAtMs, ...shanghaiLateNight }).validUntilMs).toBe(
      shanghaiTime(2027, 1, 1, 4),
    )
  })

  it('always ends at the start of the business day N days after the issue day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.integer({ min: 1, max: 400 }),
        fc.constantFrom(shanghai, shanghaiLateNight),
        (issuedAtMs, days, rule) => {
          const { validFromMs, validUntilMs } = couponValidity({ template: afterIssue(days), issuedAtMs, ...rule })
          const issueDay = businessDayOf(issuedAtMs, rule)
          expect(validFromMs).toBe(issuedAtMs)
          expect(businessDayOf(validUntilMs - 1, rule)).toBe(addDays(issueDay, days - 1))
          expect(businessDayOf(validUntilMs, rule)).toBe(addDays(issueDay, days))
          // Shanghai has no daylight saving: the coupon lasts at most N days and more than N − 1.
          expect(validUntilMs - issuedAtMs).toBeLessThanOrEqual(days * DAY_MS)
          expect(validUntilMs - issuedAtMs).toBeGreaterThan((days - 1) * DAY_MS)
        },
      ),
    )
  })
})
