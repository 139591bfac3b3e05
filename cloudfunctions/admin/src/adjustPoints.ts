import { type AdjustPointsResult, API } from '@shared/contracts'
import { decidePointsAdjustment } from '@shared/member'
import { err, ok, type Result } from '@shared/result'
import { type AdminPointsAuditEntry, auditOperatorOf } from '@shared/staff'
import { database } from '../../common/cloud'
import type { AuditDocument } from '../../common/documents/staff'
import { currentProgramme } from '../../common/programmeStore'
import { requireManager } from '../../common/requireStaff'
import { defineAction } from '../../common/router'
import { runMemberWrite } from './memberWrite'

/** The ledger entry of an adjustment: one per request. */
export function adjustmentKeyOf(requestId: string): string {
  return `adjust_${requestId}`
}

/** What an earlier attempt of the request answered, from its audit entry; REQUEST_ID_REUSED when the id went to something else. */
function replayOf(
  entry: AuditDocument,
  input: { memberId: string; amount: number },
): Result<AdjustPointsResult, 'REQUEST_ID_REUSED'> {
  if (entry.action !== 'adjustPoints' || entry.memberId !== input.memberId || entry.amount !== input.amount) {
    return err('REQUEST_ID_REUSED')
  }
  const usable = entry.changes.points
  return ok({
    memberId: entry.memberId,
    amount: entry.amount,
    usableBefore: Number(usable?.before ?? 0),
    usableAfter: Number(usable?.after ?? 0),
    replayed: true,
  })
}

/**
 * `admin.adjustPoints`: points added or taken away by hand, with a reason, by a manager (up to the
 * programme's manager limit) or an admin (up to the admin limit); never below zero. The member, its
 * `adjust` entry and the audit entry `admin_<requestId>` change in one transaction, so the audit
 * entry is also the request's idempotency marker: a retry (or a twin committing first) finds it and
 * answers the first outcome. Requests with the programme cached: staff (1), then start, member and
 * marker (at once), member, entry and audit entry (at once), commit: 5 round trips, 8 requests.
 */
export const adjustPoints = defineAction(API.admin.adjustPoints, async (input, caller) => {
  const db = database()
  const [staff, programme] = await Promise.all([requireManager(db, caller), currentProgramme(db, caller.nowMs)])
  if (!staff.ok) return staff
  return runMemberWrite(db, input, {
    replay: (marker) => replayOf(marker, input),
    apply(unit, member, auditId) {
      const decided = decidePointsAdjustment(
        member,
        {
          key: adjustmentKeyOf(input.requestId),
          amount: input.amount,
          reason: input.reason,
          operatorOpenid: staff.data.openid,
          operatorRole: staff.data.role,
        },
        { programme, nowMs: caller.nowMs },
      )
      if (!decided.ok) return decided
      const { usableBefore, usableAfter } = decided.data
      const audit: AdminPointsAuditEntry = {
        _id: auditId,
        ...auditOperatorOf(staff.data),
        action: 'adjustPoints',
        requestId: input.requestId,
        memberId: member._id,
        amount: input.amount,
        subjectId: member._id,
        changes: { points: { before: usableBefore, after: usableAfter } },
        note: input.reason,
        createdAtMs: caller.nowMs,
      }
      unit.update('members', member._id, { points: decided.data.points })
      unit.createLedgerEntry(decided.data.entry, member.joinedStoreId)
      unit.create('audit', audit)
      return ok({ memberId: member._id, amount: input.amount, usableBefore, usableAfter, replayed: false })
    },
  })
})
