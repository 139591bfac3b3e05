import { API, type CorrectBirthdayResult } from '@shared/contracts'
import { err, ok, type Result } from '@shared/result'
import { type AdminBirthdayAuditEntry, auditOperatorOf } from '@shared/staff'
import { database } from '../../common/cloud'
import type { AuditDocument } from '../../common/documents/staff'
import { requireManager } from '../../common/requireStaff'
import { defineAction } from '../../common/router'
import { runMemberWrite } from './memberWrite'

const asBirthday = (value: unknown): string | null => (typeof value === 'string' ? value : null)

/** What an earlier attempt of the request answered, from its audit entry; REQUEST_ID_REUSED when the id went to something else. */
function replayOf(
  entry: AuditDocument,
  input: { memberId: string; birthday: string | null },
): Result<CorrectBirthdayResult, 'REQUEST_ID_REUSED'> {
  const change = entry.action === 'correctBirthday' ? entry.changes.birthday : undefined
  if (entry.action !== 'correctBirthday' || entry.memberId !== input.memberId || change?.after !== input.birthday) {
    return err('REQUEST_ID_REUSED')
  }
  return ok({ memberId: entry.memberId, before: asBirthday(change.before), after: input.birthday, replayed: true })
}

/**
 * `admin.correctBirthday`: a manager or admin sets a member's birthday, with a reason. Members set
 * theirs once (`member.updateProfile`): one they could edit would farm the birthday gift, which is
 * paid once per member per year whatever the birthday says. The member and the audit entry
 * `admin_<requestId>` (the idempotency marker) change in one transaction.
 * Requests: staff (1), then start, member and marker (at once), member and audit entry (at once), commit: 7.
 */
export const correctBirthday = defineAction(API.admin.correctBirthday, async (input, caller) => {
  const db = database()
  const staff = await requireManager(db, caller)
  if (!staff.ok) return staff
  return runMemberWrite(db, input, {
    replay: (marker) => replayOf(marker, input),
    apply(unit, member, auditId) {
      const before = member.profile.birthday
      const audit: AdminBirthdayAuditEntry = {
        _id: auditId,
        ...auditOperatorOf(staff.data),
        action: 'correctBirthday',
        requestId: input.requestId,
        memberId: member._id,
        subjectId: member._id,
        changes: { birthday: { before, after: input.birthday } },
        note: input.reason,
        createdAtMs: caller.nowMs,
      }
      unit.update('members', member._id, { profile: { ...member.profile, birthday: input.birthday } })
      unit.create('audit', audit)
      return ok({ memberId: member._id, before, after: input.birthday, replayed: false })
    },
  })
})
