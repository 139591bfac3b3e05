import { APPROVAL_TTL_MS, type Approval, approvalIdOf, approvalViewOf } from '@shared/approvals/approval'
import { type ActionErrorCode, API, type RequestApprovalResult, type requestApprovalInput } from '@shared/contracts'
import { businessDayRuleOf } from '@shared/programme/businessDayRule'
import { err, ok, type Result } from '@shared/result'
import { purchaseWithinLimits, staffDayOn } from '@shared/staff'
import { businessDayOf } from '@shared/time/businessDay'
import type { z } from 'zod'
import { database } from '../../common/cloud'
import { currentProgramme } from '../../common/programmeStore'
import { staffBindingOf } from '../../common/requireStaff'
import { defineAction } from '../../common/router'
import { runUnitOfWork } from '../../common/unitOfWork'
import { counterSessionMember } from './counterSession'

type Answer = Result<RequestApprovalResult, ActionErrorCode<'staff', 'requestApproval'>>
type Input = Omit<z.output<typeof requestApprovalInput>, 'session'>

/** The earlier request under this id, replayed; REQUEST_ID_REUSED when it was for another member or amount. */
function replayOf(earlier: Approval, memberId: string, input: Input): Answer {
  if (earlier.memberId !== memberId || earlier.amountFen !== input.amountFen) return err('REQUEST_ID_REUSED')
  return ok({ approval: approvalViewOf(earlier), replayed: true })
}

/**
 * `staff.requestApproval`: a clerk's purchase that `recordPurchase` refused for the limits, submitted
 * to the store's manager (`approvals/<clerk>_<requestId>`, pending for APPROVAL_TTL_MS; a retry answers
 * the first request). Only a purchase the limits refuse is submitted (APPROVAL_NOT_NEEDED otherwise),
 * never one for the clerk's own member account; nothing about the member changes until approved.
 * Requests with the programme cached: start, staff (1), approval and member (2, at once), approval, commit: 6.
 */
export const requestApproval = defineAction(API.staff.requestApproval, async ({ session, ...input }, caller) => {
  const openid = caller.openid
  if (openid === null) return err('NOT_STAFF')
  const db = database()
  const programme = await currentProgramme(db, caller.nowMs)
  const memberId = counterSessionMember(session, { clerkOpenid: openid, nowMs: caller.nowMs })
  return runUnitOfWork(db, async (unit): Promise<Answer> => {
    const staff = staffBindingOf(await unit.read('staff', openid), openid)
    if (!staff.ok) return staff
    if (!memberId.ok) return memberId
    const id = approvalIdOf(openid, input.requestId)
    const [earlier, member] = await Promise.all([unit.read('approvals', id), unit.read('members', memberId.data)])
    if (earlier) return replayOf(earlier, memberId.data, input)
    if (!member) return err('MEMBER_NOT_FOUND')
    if (member.openid === openid) return err('SELF_PURCHASE')
    const day = businessDayOf(caller.nowMs, businessDayRuleOf(programme))
    const limits = purchaseWithinLimits({
      role: staff.data.role,
      amountFen: input.amountFen,
      dailyTotalFen: staffDayOn(staff.data, day).purchaseTotalFen,
      limits: programme.staffLimits,
    })
    if (limits.ok || staff.data.storeId === null) return err('APPROVAL_NOT_NEEDED')
    const approval: Approval = {
      _id: id,
      storeId: staff.data.storeId,
      clerkOpenid: openid,
      clerkName: staff.data.name,
      memberId: member._id,
      memberNickname: member.profile.nickname,
      amountFen: input.amountFen,
      receiptNo: input.receiptNo ?? null,
      requestId: input.requestId,
      status: 'pending',
      requestedAtMs: caller.nowMs,
      expiresAtMs: caller.nowMs + APPROVAL_TTL_MS,
      decided: null,
    }
    unit.create('approvals', approval)
    return ok({ approval: approvalViewOf(approval), replayed: false })
  })
})
