import type { ActionErrorCode } from '@shared/contracts'
import { type AcceptInviteResult, API } from '@shared/contracts'
import { err, ok, type Result } from '@shared/result'
import { type AcceptInviteAuditEntry, auditOperatorOf, DEPLOYMENT_INVITER, inviterAuthority } from '@shared/staff'
import { database } from '../../common/cloud'
import type { InviteDocument, StaffDocument } from '../../common/documents/staff'
import { memberIdOf } from '../../common/memberId'
import { readDocument } from '../../common/readDocument'
import { loadStore } from '../../common/requireStaff'
import { defineAction } from '../../common/router'
import { runUnitOfWork, type UnitOfWork } from '../../common/unitOfWork'
import { bindingOf, staffMeOf } from './documents'

/** The name a new staff member gets when they give none and have no nickname. */
export const DEFAULT_STAFF_NAME = '店员'

type AcceptInviteAnswer = Result<StaffDocument, ActionErrorCode<'staff', 'acceptInvite'>>

interface AcceptState {
  readonly invite: InviteDocument | null
  readonly existing: StaffDocument | null
  /** The invite's creator's binding as it stands now; null when unbound (or not read). */
  readonly inviter: StaffDocument | null
}

/**
 * Why the caller cannot accept the invite at `nowMs`, in precedence order: already bound, then no
 * such invite, used, expired, its creator's authority gone; null when they can.
 */
function refusalOf(state: AcceptState, nowMs: number): Result<never, ActionErrorCode<'staff', 'acceptInvite'>> | null {
  const { invite, inviter } = state
  if (state.existing) return err('ALREADY_STAFF')
  if (!invite) return err('INVITE_NOT_FOUND')
  if (invite.usedAtMs !== null) return err('INVITE_USED')
  if (nowMs >= invite.expiresAtMs) return err('INVITE_EXPIRED')
  const authority = inviterAuthority({ openid: invite.createdBy, binding: inviter && bindingOf(inviter) }, invite)
  return authority.ok ? null : authority
}

/** The invite's creator's binding, read in the same unit (none to read for the deploy seed's invite). */
async function inviterOf(unit: UnitOfWork, invite: InviteDocument | null): Promise<StaffDocument | null> {
  return invite && invite.createdBy !== DEPLOYMENT_INVITER ? unit.read('staff', invite.createdBy) : null
}

/** Who the audit log names as the inviter: the creator's name, not their OPENID (the deploy seed has none). */
function inviterNameOf(invite: InviteDocument, inviter: StaffDocument | null): string {
  return inviter?.name ?? (invite.createdBy === DEPLOYMENT_INVITER ? '首次部署' : invite.createdBy)
}

/** The binding an accepted invite creates, and its audit entry. */
function bindingFrom(
  invite: InviteDocument,
  options: { openid: string; name: string; nowMs: number; inviter: StaffDocument | null },
) {
  const { openid, name, nowMs } = options
  const staff: StaffDocument = {
    _id: openid,
    openid,
    role: invite.role,
    storeId: invite.storeId,
    name,
    boundAtMs: nowMs,
    inviteCode: invite.code,
  }
  const audit: AcceptInviteAuditEntry = {
    ...auditOperatorOf(staff),
    _id: `accept_${invite.code}`,
    action: 'acceptInvite',
    createdAtMs: nowMs,
    subjectId: invite.code,
    note: `邀请人 ${inviterNameOf(invite, options.inviter)}`,
  }
  return { staff, audit }
}

/**
 * `staff.acceptInvite`: binds the caller (any user) as staff of the invite's store with its role. One
 * unit of work reads the invite and the caller's binding, marks the invite used and creates
 * `staff/<OPENID>` with its audit entry, so an invite binds exactly one person however many accept it
 * at once (a twin that lost the race answers INVITE_USED, or ALREADY_STAFF for the same person), and
 * nobody is bound twice. An already-bound caller gets ALREADY_STAFF (the invite stays unused). An
 * invite dies with its creator's authority: the creator's binding is read in the same unit, and an
 * invite from a manager since unbound answers INVITE_REVOKED.
 * Requests: transaction: start, 2 reads, the creator (1), 3 writes, commit (8), the store's name (1):
 * 9; one more (the caller's member, for a default name) when no name is given.
 */
export const acceptInvite = defineAction(API.staff.acceptInvite, async (input, caller) => {
  const { openid, nowMs } = caller
  if (openid === null) return err('FORBIDDEN', '需要微信用户身份')
  const db = database()
  const member = input.name ? null : await readDocument(db.collection('members').doc(memberIdOf(openid)))
  const name = input.name ?? member?.profile.nickname ?? DEFAULT_STAFF_NAME
  const outcome = await runUnitOfWork(db, async (unit): Promise<AcceptInviteAnswer> => {
    const [invite, existing] = await Promise.all([unit.read('invites', input.code), unit.read('staff', openid)])
    const inviter = await inviterOf(unit, invite)
    const refusal = refusalOf({ invite, existing, inviter }, nowMs)
    if (refusal || !invite) return refusal ?? err('INVITE_NOT_FOUND')
    const { staff, audit } = bindingFrom(invite, { openid, name, nowMs, inviter })
    unit.update('invites', invite._id, { usedAtMs: nowMs, usedBy: openid })
    unit.create('staff', staff)
    unit.create('audit', audit)
    return ok(staff)
  })
  if (!outcome.ok) return outcome
  const result: AcceptInviteResult = { staff: staffMeOf(outcome.data, await loadStore(db, outcome.data.storeId)) }
  return ok(result)
})
