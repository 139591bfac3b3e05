/**
 * Instants and wall-clock times in a named IANA time zone, through the platform's Intl data.
 * Nothing here assumes a fixed offset, so zones with daylight saving work, and the host's own zone
 * (UTC on CloudBase) never matters.
 */
import { type CalendarDate, calendarDateOf, type DayKey, dayKeyOf } from './calendarDay'

/** A wall-clock date and time in some time zone (month 1–12, hour 0–23). */
export interface LocalDateTime extends CalendarDate {
  readonly hour: number
  readonly minute: number
  readonly second: number
}

const MINUTE_MS = 60_000

// Building an Intl.DateTimeFormat costs far more than using one; the cache only memoises a pure
// function of the zone name, so results never depend on what was cached.
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

/** Whether the platform knows an IANA time zone name such as `Asia/Shanghai`. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone)
    return true
  } catch {
    return false
  }
}

/** The wall-clock date and time of an instant in a time zone. */
export function localDateTimeOf(instantMs: number, timeZone: string): LocalDateTime {
  const values: Record<string, number> = {}
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') values[part.type] = Number(part.value)
  }
  return {
    year: values.year ?? 0,
    month: values.month ?? 0,
    day: values.day ?? 0,
    hour: (values.hour ?? 0) % 24,
    minute: values.minute ?? 0,
    second: values.second ?? 0,
  }
}

/** The calendar day an instant falls on in a time zone. */
export function localDayOf(instantMs: number, timeZone: string): DayKey {
  return dayKeyOf(localDateTimeOf(instantMs, timeZone))
}

function offsetMsAt(instantMs: number, timeZone: string): number {
  const local = localDateTimeOf(instantMs, timeZone)
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second)
  return asUtc - Math.floor(instantMs / 1000) * 1000
}

/**
 * The instant a wall-clock time happens in a time zone. A time that a daylight-saving jump skips
 * (02:30 on a spring-forward night) is read with the offset from before the jump, landing as far past
 * the jump as it was past the last valid time (03:30), as Temporal's `compatible` mode does; a time that
 * happens twice (autumn fall-back) resolves to the earlier instant.
 */
export function instantOfLocal(local: Partial<LocalDateTime> & CalendarDate, timeZone: string): number {
  const wallAsUtc = Date.UTC(
    local.year,
    local.month - 1,
    local.day,
    local.hour ?? 0,
    local.minute ?? 0,
    local.second ?? 0,
  )
  // Try the offsets in force just before and after the wanted wall time; the earliest candidate
  // that maps back to that wall time wins. If none does, the time fell in a gap.
  const candidates = [
    offsetMsAt(wallAsUtc - 1440 * MINUTE_MS, timeZone),
    offsetMsAt(wallAsUtc + 1440 * MINUTE_MS, timeZone),
  ]
    .map((offset) => wallAsUtc - offset)
    .sort((a, b) => a - b)
  for (const candidate of candidates) {
    if (offsetMsAt(candidate, timeZone) === wallAsUtc - candidate) return candidate
  }
  // In a gap the wall time does not exist; reading it with the earlier (pre-jump) offset gives the
  // later instant.
  return Math.max(...candidates)
}

/** The instant a calendar day starts (its local midnight, or the first instant after a DST gap). */
export function startOfLocalDayMs(day: DayKey, timeZone: string): number {
  return instantOfLocal(calendarDateOf(day), timeZone)
}
