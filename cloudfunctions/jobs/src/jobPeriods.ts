import type { JobName } from '@shared/contracts'
import { JOB_TRIGGER_INTERVAL_MS } from '@shared/jobs'
import { businessDayRuleOf } from '@shared/programme/businessDayRule'
import type { Programme } from '@shared/programme/schema'
import { businessDayOf, startOfBusinessDayMs } from '@shared/time/businessDay'
import { dayKeyOf } from '@shared/time/calendarDay'
import { localDateTimeOf } from '@shared/time/zonedTime'

const HOUR_MS = 3_600_000

/** The jobs that run every hour; the others run once a business day. */
const HOURLY_JOBS: ReadonlySet<JobName> = new Set(['expireOrders', 'deliverGiftCoupons'])

/** A job's period: what one run covers, and when it began. */
export interface JobPeriod {
  readonly period: string
  readonly startMs: number
}

/** The business day at `nowMs`: one run a day, from its first trigger. */
function businessDayPeriod(programme: Programme, nowMs: number): JobPeriod {
  const rule = businessDayRuleOf(programme)
  const day = businessDayOf(nowMs, rule)
  return { period: day, startMs: startOfBusinessDayMs(day, rule) }
}

/** The trigger slot at `nowMs` (`2027-01-01T08:10`): one run per timer trigger. */
function slotPeriod(programme: Programme, nowMs: number): JobPeriod {
  const startMs = Math.floor(nowMs / JOB_TRIGGER_INTERVAL_MS) * JOB_TRIGGER_INTERVAL_MS
  return { period: localMinuteOf(startMs, programme), startMs }
}

/** The hour at `nowMs`, named in the programme's time zone (`2027-01-01T08:00`). */
function hourPeriod(programme: Programme, nowMs: number): JobPeriod {
  const startMs = Math.floor(nowMs / HOUR_MS) * HOUR_MS
  return { period: localMinuteOf(startMs, programme), startMs }
}

/** An instant named to the minute in the programme's time zone. */
function localMinuteOf(instantMs: number, programme: Programme): string {
  const local = localDateTimeOf(instantMs, programme.timeZone)
  const clock = `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`
  return `${dayKeyOf(local)}T${clock}`
}

/**
 * The period of `job` at `nowMs`. Points expire at the start of a business day in the programme's
 * time zone (see `lotExpiryMs`), so expiry runs once per business day, as do the stock
 * reconciliation, the clean-up of unused uploads, the tier review (qualification periods end at the start of a local day, each
 * member's on their own day for rolling periods) and the birthday gifts (birthdays fall on days). Pickup windows end at any instant (a whole number of days after each order), so
 * `expireOrders` runs every hour: an order is cancelled within the hour its window ends; so does
 * `deliverGiftCoupons`, so that a gift coupon a crash left due arrives within the hour.
 */
export function jobPeriodOf(job: JobName, programme: Programme, nowMs: number): JobPeriod {
  // Every trigger: the dashboard's figures, and exports nobody continued, are at most one trigger behind.
  if (job === 'foldStats' || job === 'exportCsv') return slotPeriod(programme, nowMs)
  return HOURLY_JOBS.has(job) ? hourPeriod(programme, nowMs) : businessDayPeriod(programme, nowMs)
}
