import { API, type GrantTierResult } from '@shared/contracts'
import { decideTierGrant, type GrantedTier, heldTierOf, type Member } from '@shared/member'
import type { Programme } from '@shared/programme/schema'
import { err, ok, type Result } from '@shared/result'
import { type AdminBirthdayAuditEntry, auditOperatorOf } from '@shared/staff'
import { database } from '../../common/cloud'
import type { AuditDocument } from '../../common/documents/staff'
import { currentProgramme } from '../../common/programmeStore'
import { requireManager } from '../../common/requireStaff'
import { defineAction } from '../../common/router'
import { runMemberWrite } from './memberWrite'

type GrantSummary = GrantTierResult['after']

/** What the audit entry and the answer keep of a grant: its tier and last day. */
function summaryOf(grant: GrantedTier | null | undefined): GrantSummary {
  return grant ? { tierId: grant.tierId, endsOn: grant.endsOn ?? null } : null
}

/** The tier the member holds now, named as the programme names it. */
function heldTierNameOf(member: Member, programme: Programme, nowMs: number): GrantTierResult['heldTier'] {
  const tier = heldTierOf(member, programme.tiers, nowMs)
  return tier ? { id: tier.id, name: tier.name } : { id: member.tierId, name: member.tierId }
}

/** What an earlier attempt of the request answered, from its audit entry; REQUEST_ID_REUSED when the id went to something else. */
function replayOf(
  entry: AuditDocument,
  input: { memberId: string; tierId: string | null; endsOn: string | null },
  heldTier: GrantTierResult['heldTier'] | null,
): Result<GrantTierResult, 'REQUEST_ID_REUSED'> {
  if (entry.action !== 'grantTier' || entry.memberId !== input.memberId || !heldTier) return err('REQUEST_ID_REUSED')
  const change = entry.changes.grantedTier
  const after = (change?.after ?? null) as GrantSummary
  const asked = input.tierId === null ? null : { tierId: input.tierId, endsOn: input.endsOn }
  if (!change || JSON.stringify(after) !== JSON.stringify(asked)) return err('REQUEST_ID_REUSED')
  return ok({
    memberId: input.memberId,
    before: (change.before ?? null) as GrantSummary,
    after,
    heldTier,
    replayed: true,
  })
}

/**
 * `admin.grantTier`: a tier held by hand through a last day, or the grant taken away (`tierId`
 * null), with a reason. The grant is its own field (`grantedTier`): the member holds the higher of
 * it and the tier earned by growth at once, on the card, at the counter and for the multiplier
 * (`heldTierOf`); the period-end review never drops the member below it while it holds, and once
 * it ends the earned tier shows again. Points and growth never change. Managers grant for up to
 * the programme's `managerTierGrantDaysMax` days and never the top tier (nor undo an admin's grant
 * of it); admins up to 366 days. The member and the audit entry `admin_<requestId>` (the
 * idempotency marker) change in one transaction.
 * Requests with the programme cached: staff (1), then start, member and marker (at once), member
 * and audit entry (at once), commit: 7.
 */
export const grantTier = defineAction(API.admin.grantTier, async (input, caller) => {
  const db = database()
  const [staff, programme] = await Promise.all([requireManager(db, caller), currentProgramme(db, caller.nowMs)])
  if (!staff.ok) return staff
  const { openid, name, role } = staff.data
  return runMemberWrite(db, input, {
    replay: (marker, member) => replayOf(marker, input, member && heldTierNameOf(member, programme, caller.nowMs)),
    apply(unit, member, auditId) {
      const decided = decideTierGrant(
        member,
        { tierId: input.tierId, endsOn: input.endsOn, reason: input.reason, operator: { openid, name, role } },
        { programme, nowMs: caller.nowMs },
      )
      if (!decided.ok) return decided
      const changes = { grantedTier: { before: summaryOf(member.grantedTier), after: summaryOf(decided.data) } }
      const audit: AdminBirthdayAuditEntry = {
        _id: auditId,
        ...auditOperatorOf(staff.data),
        action: 'grantTier',
        requestId: input.requestId,
        memberId: member._id,
        subjectId: member._id,
        changes,
        note: input.reason,
        createdAtMs: caller.nowMs,
      }
      unit.update('members', member._id, { grantedTier: decided.data })
      unit.create('audit', audit)
      const heldTier = heldTierNameOf({ ...member, grantedTier: decided.data }, programme, caller.nowMs)
      return ok({ memberId: member._id, ...changes.grantedTier, heldTier, replayed: false })
    },
  })
})
