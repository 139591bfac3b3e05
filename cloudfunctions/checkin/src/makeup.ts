import { API } from '@shared/contracts'
import { decideMakeup } from '@shared/member'
import { businessDayRuleOf } from '@shared/programme/businessDayRule'
import { businessDayOf } from '@shared/time/businessDay'
import { database } from '../../common/cloud'
import { currentProgramme } from '../../common/programmeStore'
import { callerMemberId } from '../../common/requireMember'
import { defineAction } from '../../common/router'
import { runCheckInUnit } from './checkInUnit'

/**
 * `checkin.makeup`: fills a missed day in one unit of work over the member document: the cost is
 * spent and the base reward earned as two ledger entries keyed by member and day, and the run is
 * recounted (a makeup can bridge two runs). The month's allowance counts makeups made this
 * business month. A concurrent twin making up the same day is serialised by the member document;
 * one that got its entries in first makes this one run again and answer ALREADY_CHECKED_IN.
 *
 * Requests: start, read the member, add the cost and reward entries and write the member (at
 * once), commit: 6 in 4 round trips (7 when the growth crosses a tier with a points gift; coupon
 * gifts as a check-in's).
 */
export const makeup = defineAction(API.checkin.makeup, async (input, caller) => {
  const memberId = callerMemberId(caller)
  if (!memberId.ok) return memberId
  const db = database()
  const programme = await currentProgramme(db, caller.nowMs)
  const today = businessDayOf(caller.nowMs, businessDayRuleOf(programme))
  return runCheckInUnit(db, {
    memberId: memberId.data,
    day: input.day,
    programme,
    nowMs: caller.nowMs,
    decide: (member) => decideMakeup(member, input.day, { programme, today, nowMs: caller.nowMs }),
  })
})
