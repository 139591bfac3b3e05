import type { ActionErrorCode } from '@shared/contracts'
import { type AcceptInviteResult, API } from '@shared/contracts'
import type { Member } from '@shared/member'
import { err, ok, type Result } from '@shared/result'
import { database, TRANSACTION_ATTEMPTS_MAX } from '../../common/cloud'
import type { InviteDocument, StaffDocument } from '../../common/documents/staff'
import { memberIdOf } from '../../common/memberId'
import { readDocument } from '../../common/readDocument'
import { defineAction } from '../../common/router'
import { auditBase, staffMeOf } from './documents'
import { loadStore } from './requireStaff'

/** The name a new staff member gets when they give none and have no nickname. */
export const DEFAULT_STAFF_NAME = '店员'

/** Why an invite cannot be accepted at `nowMs`, in precedence order; null when it can. */
function inviteRefusal(
  invite: InviteDocument | null,
  nowMs: number,
): Result<never, ActionErrorCode<'staff', 'acceptInvite'>> | null {
  if (!invite) return err('INVITE_NOT_FOUND')
  if (invite.usedAtMs !== null) return err('INVITE_USED')
  if (nowMs >= invite.expiresAtMs) return err('INVITE_EXPIRED')
  return null
}

/**
 * `staff.acceptInvite`: binds the caller (any user) as staff of the invite's store with its role. One
 * transaction reads the invite and the caller's binding, marks the invite used and creates
 * `staff/<OPENID>` with its audit entry, so an invite binds exactly one person however many accept it
 * at once, and nobody is bound twice. An already-bound caller gets ALREADY_STAFF (the invite stays
 * unused). Requests: transaction: start, 2 reads, 3 writes, commit (7), the store's name (1): 8; one
 * more (the caller's member, for a default name) when no name is given.
 */
export const acceptInvite = defineAction(API.staff.acceptInvite, async (input, caller) => {
  const openid = caller.openid
  if (openid === null) return err('FORBIDDEN', '需要微信用户身份')
  const db = database()
  const member = input.name ? null : await readDocument<Member>(db.collection('members').doc(memberIdOf(openid)))
  const name = input.name ?? member?.profile.nickname ?? DEFAULT_STAFF_NAME
  const outcome = await db.runTransaction(
    async (transaction): Promise<Result<StaffDocument, ActionErrorCode<'staff', 'acceptInvite'>>> => {
      const inviteReference = transaction.collection('invites').doc(input.code)
      const [invite, existing] = await Promise.all([
        readDocument<InviteDocument>(inviteReference),
        readDocument<StaffDocument>(transaction.collection('staff').doc(openid)),
      ])
      if (existing) return err('ALREADY_STAFF')
      const refusal = inviteRefusal(invite, caller.nowMs)
      if (refusal || !invite) return refusal ?? err('INVITE_NOT_FOUND')
      const staff: StaffDocument = {
        _id: openid,
        openid,
        role: invite.role,
        storeId: invite.storeId,
        name,
        boundAtMs: caller.nowMs,
        inviteCode: invite.code,
      }
      const audit = auditBase(staff, {
        _id: `accept_${invite.code}`,
        action: 'acceptInvite',
        createdAtMs: caller.nowMs,
        subjectId: invite.code,
        note: `邀请人 ${invite.createdBy}`,
      })
      await Promise.all([
        inviteReference.update({ data: { usedAtMs: caller.nowMs, usedBy: openid } }),
        transaction.collection('staff').add({ data: { ...staff } }),
        transaction.collection('audit').add({ data: { ...audit } }),
      ])
      return ok(staff)
    },
    TRANSACTION_ATTEMPTS_MAX,
  )
  if (!outcome.ok) return outcome
  const result: AcceptInviteResult = { staff: staffMeOf(outcome.data, await loadStore(db, outcome.data.storeId)) }
  return ok(result)
})
