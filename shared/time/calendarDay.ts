/**
 * Calendar days as `YYYY-MM-DD` keys. A day key names a date on the wall calendar, not an instant:
 * arithmetic here is pure calendar arithmetic (done on UTC dates, which have no daylight saving), and
 * turning a day into instants is the job of `zonedTime.ts`.
 */

/** A calendar date written `YYYY-MM-DD`. */
export type DayKey = string

/** A calendar month written `YYYY-MM`. */
export type MonthKey = string

const DAY_MS = 86_400_000
const DAY_KEY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/
const MONTH_KEY_PATTERN = /^(\d{4})-(\d{2})$/

/** Year, month (1–12) and day of month of a calendar date. */
export interface CalendarDate {
  readonly year: number
  readonly month: number
  readonly day: number
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0')
}

/** The key of a calendar date. */
export function dayKeyOf(date: CalendarDate): DayKey {
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`
}

/** Whether a string is a real calendar date in `YYYY-MM-DD` form (2025-02-29 is not). */
export function isDayKey(value: string): boolean {
  const match = DAY_KEY_PATTERN.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

/** The parts of a day key. Throws on a malformed key: day keys come from this module, not users. */
export function calendarDateOf(day: DayKey): CalendarDate {
  if (!isDayKey(day)) throw new RangeError(`not a calendar day: ${day}`)
  return { year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)), day: Number(day.slice(8, 10)) }
}

function utcMidnightOf(day: DayKey): number {
  const { year, month, day: dayOfMonth } = calendarDateOf(day)
  return Date.UTC(year, month - 1, dayOfMonth)
}

function dayKeyOfUtcMidnight(utcMs: number): DayKey {
  const date = new Date(utcMs)
  return dayKeyOf({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() })
}

/** The day `count` days after `day` (before it when negative). */
export function addDays(day: DayKey, count: number): DayKey {
  return dayKeyOfUtcMidnight(utcMidnightOf(day) + count * DAY_MS)
}

/** Whole days from `from` to `to`: 1 for consecutive days, negative when `to` is earlier. */
export function daysBetween(from: DayKey, to: DayKey): number {
  return Math.round((utcMidnightOf(to) - utcMidnightOf(from)) / DAY_MS)
}

/** ISO weekday of a date: 1 is Monday, 7 is Sunday. */
export function isoWeekdayOf(day: DayKey): number {
  const weekday = new Date(utcMidnightOf(day)).getUTCDay()
  return weekday === 0 ? 7 : weekday
}

/** Number of days in a month (1–12) of a year, leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** The month a day belongs to, as `YYYY-MM`. */
export function monthKeyOf(day: DayKey): MonthKey {
  return day.slice(0, 7)
}

/** Whether a string is a month in `YYYY-MM` form. */
export function isMonthKey(value: string): boolean {
  const match = MONTH_KEY_PATTERN.exec(value)
  return match !== null && Number(match[2]) >= 1 && Number(match[2]) <= 12
}

/** Every day of a month, in order. */
export function daysOfMonth(month: MonthKey): DayKey[] {
  if (!isMonthKey(month)) throw new RangeError(`not a month: ${month}`)
  const year = Number(month.slice(0, 4))
  const monthNumber = Number(month.slice(5, 7))
  const count = daysInMonth(year, monthNumber)
  return Array.from({ length: count }, (_, index) => dayKeyOf({ year, month: monthNumber, day: index + 1 }))
}

/** The same day of the month `count` months later, clamped to the month's end (Jan 31 + 1 → Feb 28/29). */
export function addMonths(day: DayKey, count: number): DayKey {
  const { year, month, day: dayOfMonth } = calendarDateOf(day)
  const monthIndex = year * 12 + (month - 1) + count
  const targetYear = Math.floor(monthIndex / 12)
  const targetMonth = (monthIndex % 12) + 1
  return dayKeyOf({
    year: targetYear,
    month: targetMonth,
    day: Math.min(dayOfMonth, daysInMonth(targetYear, targetMonth)),
  })
}
