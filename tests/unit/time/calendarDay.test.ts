import {
  addDays,
  addMonths,
  calendarDateOf,
  daysBetween,
  daysInMonth,
  daysOfMonth,
  isDayKey,
  isMonthKey,
  isoWeekdayOf,
  monthKeyOf,
} from '@shared/time/calendarDay'

describe('calendar days', () => {
  it.each([
    ['2026-11-23', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['not a day', false],
  ])('recognises %s as a day key: %p', (value, valid) => {
    expect(isDayKey(value)).toBe(valid)
  })

  it('steps across month ends, year ends and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29')
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28')
  })

  it('counts days between two dates, negative backwards', () => {
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1)
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366)
    expect(daysBetween('2026-11-23', '2026-11-20')).toBe(-3)
  })

  it('gives ISO weekdays, Monday 1 to Sunday 7', () => {
    expect(isoWeekdayOf('2026-11-23')).toBe(1)
    expect(isoWeekdayOf('2026-11-29')).toBe(7)
  })

  it('knows month lengths, leap years included', () => {
    expect(daysInMonth(2028, 2)).toBe(29)
    expect(daysInMonth(2100, 2)).toBe(28)
    expect(daysInMonth(2000, 2)).toBe(29)
    expect(daysOfMonth('2026-02')).toHaveLength(28)
    expect(daysOfMonth('2026-11')[29]).toBe('2026-11-30')
  })

  it('adds months and clamps to the end of shorter months', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29')
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15')
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15')
  })

  it('parses keys and refuses malformed ones as a programmer error', () => {
    expect(calendarDateOf('2026-11-23')).toEqual({ year: 2026, month: 11, day: 23 })
    expect(() => calendarDateOf('2026-02-30')).toThrow(RangeError)
    expect(() => daysOfMonth('2026-13')).toThrow(RangeError)
  })

  it('names months', () => {
    expect(monthKeyOf('2026-11-23')).toBe('2026-11')
    expect(isMonthKey('2026-11')).toBe(true)
    expect(isMonthKey('2026-00')).toBe(false)
  })
})
