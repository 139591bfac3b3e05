import { API, type PurchasePreview } from '@shared/contracts'
import { businessDayRuleOf } from '@shared/programme/businessDayRule'
import { err, ok } from '@shared/result'
import { needsManagerApproval, purchaseEarningOf, staffDayOn } from '@shared/staff'
import { businessDayOf } from '@shared/time/businessDay'
import { database } from '../../common/cloud'
import { currentProgramme } from '../../common/programmeStore'
import { readDocument } from '../../common/readDocument'
import { requireStaff } from '../../common/requireStaff'
import { defineAction } from '../../common/router'
import { counterSessionMember } from './counterSession'

/**
 * `staff.previewPurchase`: the points and growth a purchase would give, with the breakdown, for the
 * keypad, for the member the counter session names; and whether the caller could record it alone
 * (their day counter is on their staff document). Writes nothing. Requests with the programme
 * cached: staff and member (2, at once): 2.
 */
export const previewPurchase = defineAction(API.staff.previewPurchase, async (input, caller) => {
  const db = database()
  // Checked before any read (it is pure), answered after the staff check: a stranger hears NOT_STAFF.
  const memberId = counterSessionMember(input.session, { clerkOpenid: caller.openid ?? '', nowMs: caller.nowMs })
  const [staff, programme, member] = await Promise.all([
    requireStaff(db, caller),
    currentProgramme(db, caller.nowMs),
    memberId.ok ? readDocument(db.collection('members').doc(memberId.data)) : null,
  ])
  if (!staff.ok) return staff
  if (!memberId.ok) return memberId
  if (!member) return err('MEMBER_NOT_FOUND')
  const day = businessDayOf(caller.nowMs, businessDayRuleOf(programme))
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
      dailyTotalFen: staffDayOn(staff.data, day).purchaseTotalFen,
      limits: programme.staffLimits,
    }),
  }
  return ok(result)
})
