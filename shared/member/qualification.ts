import type { Programme } from '../programme/schema'
import { qualificationPeriodAt } from '../tier'
import type { DayKey } from '../time/calendarDay'
import type { Member, MemberQualification } from './member'

/** What a member keeps for the period-end review: the growth counted and when the review is due. */
export type QualificationFields = Required<Pick<Member, 'qualification' | 'tierReviewAtMs'>>

/**
 * Starts counting a member's growth for the qualification period containing `nowMs` (from
 * `carried` growth), due for review at its end. `partial` when growth of this period before now
 * went uncounted (see `MemberQualification`).
 */
export function startQualification(options: {
  readonly programme: Programme
  readonly anchorDay: DayKey
  readonly nowMs: number
  readonly carried: number
  readonly partial: boolean
}): QualificationFields {
  const { programme } = options
  const period = qualificationPeriodAt({
    policy: programme.qualificationPeriod,
    nowMs: options.nowMs,
    anchorDay: options.anchorDay,
    timeZone: programme.timeZone,
  })
  const qualification: MemberQualification = {
    periodStartDay: period.startDay,
    growth: options.carried,
    partial: options.partial,
    earnedSinceEnd: 0,
  }
  return { qualification, tierReviewAtMs: period.endsAtMs }
}

/**
 * Counts growth earned at `nowMs` toward retention: in the period counted, or, once that period has
 * ended but is not reviewed yet, toward the next one (the review carries it over). A member not
 * counted yet is left alone: the review job starts counting them, marked partial.
 */
export function countQualifyingGrowth(member: Member, growth: number, nowMs: number): Pick<Member, 'qualification'> {
  const { qualification, tierReviewAtMs } = member
  if (qualification === undefined || tierReviewAtMs === undefined || growth === 0) return {}
  if (nowMs >= tierReviewAtMs)
    return { qualification: { ...qualification, earnedSinceEnd: qualification.earnedSinceEnd + growth } }
  return { qualification: { ...qualification, growth: qualification.growth + growth } }
}
