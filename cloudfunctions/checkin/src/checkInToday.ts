import { API } from '@shared/contracts'
import { decideCheckIn } from '@shared/member'
import { businessDayRuleOf } from '@shared/programme/businessDayRule'
import { businessDayOf } from '@shared/time/businessDay'
import { database } from '../../common/cloud'
import { currentProgramme } from '../../common/programmeStore'
import { callerMemberId } from '../../common/requireMember'
import { defineAction } from '../../common/router'
import { runCheckInUnit } from './checkInUnit'

/**
 * `checkin.checkIn`: one unit of work over the member document, which holds the check-in state, so
 * the database serialises concurrent check-ins: 20 taps at once commit one check-in, and the
 * retried others find it done (ALREADY_CHECKED_IN). The reward's ledger entry is keyed by member
 * and business day, a second guard the database enforces: a twin that finds it taken runs again and
 * answers ALREADY_CHECKED_IN too, never INTERNAL.
 *
 * Requests: start, read the member, add the ledger entry and write the member (at once), commit:
 * 5 round trips' worth of requests in 4 round trips (6 requests when the check-in's growth crosses a
 * tier with a points gift; a coupon gift adds its due document, then after the commit `grantCoupon`'s
 * 7 and the removal). A crash at any step leaves the transaction uncommitted and nothing written.
 */
export const checkInToday = defineAction(API.checkin.checkIn, async (_input, caller) => {
  const memberId = callerMemberId(caller)
  if (!memberId.ok) return memberId
  const db = database()
  const programme = await currentProgramme(db, caller.nowMs)
  const day = businessDayOf(caller.nowMs, businessDayRuleOf(programme))
  return runCheckInUnit(db, {
    memberId: memberId.data,
    day,
    programme,
    nowMs: caller.nowMs,
    decide: (member) => decideCheckIn(member, { programme, day, nowMs: caller.nowMs }),
  })
})
