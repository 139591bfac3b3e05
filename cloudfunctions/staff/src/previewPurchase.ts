import { API, type PurchasePreview } from '@shared/contracts'
import type { Member } from '@shared/member'
import { err, ok } from '@shared/result'
import { needsManagerApproval } from '@shared/staff'
import { businessDayOf } from '@shared/time/businessDay'
import { database } from '../../common/cloud'
import type { StaffDailyDocument } from '../../common/documents/staff'
import { currentProgramme } from '../../common/programmeStore'
import { readDocument } from '../../common/readDocument'
import { defineAction } from '../../common/router'
import { staffDailyIdOf } from './documents'
import { purchaseEarningOf } from './purchaseEarningOf'
import { requireStaff } from './requireStaff'

/**
 * `staff.previewPurchase`: the points and growth a purchase would give, with the breakdown, for the
 * keypad; and whether the caller could record it alone. Writes nothing. Requests with the programme
 * cached: staff (1), member and day counter (2, at once): 3.
 */
export const previewPurchase = defineAction(API.staff.previewPurchase, async (input, caller) => {
  const db = database()
  const [staff, programme] = await Promise.all([requireStaff(db, caller), currentProgramme(db, caller.nowMs)])
  if (!staff.ok) return staff
  const day = businessDayOf(caller.nowMs, {
    timeZone: programme.timeZone,
    cutoffHour: programme.businessDayCutoffHour,
  })
  const [member, daily] = await Promise.all([
    readDocument<Member>(db.collection('members').doc(input.memberId)),
    readDocument<StaffDailyDocument>(db.collection('staff_daily').doc(staffDailyIdOf(staff.data.openid, day))),
  ])
  if (!member) return err('MEMBER_NOT_FOUND')
  const earning = purchaseEarningOf({ programme, member, amountFen: input.amountFen, nowMs: caller.nowMs })
  const result: PurchasePreview = {
    memberId: member._id,
    amountFen: input.amountFen,
    points: earning.points,
    growth: earning.growth,
    lines: earning.lines,
    needsManagerApproval: needsManagerApproval({
      role: staff.data.role,
      amountFen: input.amountFen,
      dailyTotalFen: daily?.purchaseTotalFen ?? 0,
      limits: programme.staffLimits,
    }),
  }
  return ok(result)
})
