import type { JobName } from '@shared/contracts'
import { businessDayRuleOf } from '@shared/programme/businessDayRule'
import type { Programme } from '@shared/programme/schema'
import { businessDayOf, startOfBusinessDayMs } from '@shared/time/businessDay'

/** A job's period: what one run covers, and when it began. */
export interface JobPeriod {
  readonly period: string
  readonly startMs: number
}

/**
 * The period of `job` at `nowMs`: every job runs once per business day, from its first trigger.
 * Points expire at the start of a business day in the programme's time zone (see `lotExpiryMs`);
 * qualification periods end at the start of a local day, each member's on their own day for
 * rolling periods; birthdays fall on days.
 */
export function jobPeriodOf(_job: JobName, programme: Programme, nowMs: number): JobPeriod {
  const rule = businessDayRuleOf(programme)
  const day = businessDayOf(nowMs, rule)
  return { period: day, startMs: startOfBusinessDayMs(day, rule) }
}
