import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

/**
 * Times are shown in China Standard Time. It has had a fixed UTC+8 offset and no daylight saving
 * since 1991, so a fixed offset is exact; dayjs's timezone plugin would need `Intl` time zone
 * support, which not every WeChat Android runtime has.
 */
const CHINA_STANDARD_TIME_OFFSET_MINUTES = 8 * 60

/** `2026-05-01 09:30` for an instant, as a member in China reads it. */
export function formatDateTime(instantMs: number): string {
  return dayjs.utc(instantMs).utcOffset(CHINA_STANDARD_TIME_OFFSET_MINUTES).format('YYYY-MM-DD HH:mm')
}

/** `2026年5月` for a `YYYY-MM` month key. */
export function formatMonth(month: string): string {
  const [year = '', monthNumber = ''] = month.split('-')
  return `${year}年${Number(monthNumber)}月`
}

/** `5月1日` for a `YYYY-MM-DD` day key. */
export function formatMonthDay(day: string): string {
  const [, month = '', dayOfMonth = ''] = day.split('-')
  return `${Number(month)}月${Number(dayOfMonth)}日`
}

/** `2026年12月31日` for a `YYYY-MM-DD` day key. */
export function formatFullDay(day: string): string {
  const [year = '', month = '', dayOfMonth = ''] = day.split('-')
  return `${year}年${Number(month)}月${Number(dayOfMonth)}日`
}
