import { randomBytes } from 'node:crypto'
import { API, INVITE_CODE_LENGTH, INVITE_TTL_MS, type StaffInvite } from '@shared/contracts'
import { err, ok } from '@shared/result'
import { auditOperatorOf, type CreateInviteAuditEntry, inviteAuthority, ROLE_NAMES } from '@shared/staff'
import { database } from '../../common/cloud'
import type { InviteDocument } from '../../common/documents/staff'
import { loadStore, requireStaff } from '../../common/requireStaff'
import { defineAction } from '../../common/router'
import { runUnitOfWork } from '../../common/unitOfWork'
import { bindingOf } from './documents'

/** The page that accepts an invite; its QR code or link carries the code. */
export const INVITE_PAGE = 'staff/pages/invite/index'

/** A fresh invite code: 10 url-safe characters, 60 random bits. */
function newInviteCode(): string {
  return randomBytes(8).toString('base64url').slice(0, INVITE_CODE_LENGTH)
}

/**
 * `staff.createInvite`: an admin invites a staff member or manager for any store, a manager a staff
 * member for their own store. The invite and its audit entry are written in one unit of work.
 * Requests: staff and store (2, at once), transaction: start, 2 adds, commit: 6.
 */
export const createInvite = defineAction(API.staff.createInvite, async (input, caller) => {
  const db = database()
  const [staff, store] = await Promise.all([requireStaff(db, caller), loadStore(db, input.storeId)])
  if (!staff.ok) return staff
  const allowed = inviteAuthority(bindingOf(staff.data), input)
  if (!allowed.ok) return allowed
  if (!store) return err('STORE_NOT_FOUND')
  const code = newInviteCode()
  const invite: InviteDocument = {
    _id: code,
    code,
    role: input.role,
    storeId: input.storeId,
    createdBy: staff.data.openid,
    createdAtMs: caller.nowMs,
    expiresAtMs: caller.nowMs + INVITE_TTL_MS,
    usedAtMs: null,
    usedBy: null,
  }
  const audit: CreateInviteAuditEntry = {
    ...auditOperatorOf(staff.data),
    _id: `invite_${code}`,
    action: 'createInvite',
    createdAtMs: caller.nowMs,
    storeId: input.storeId,
    subjectId: code,
    note: `${ROLE_NAMES[input.role]} · ${store.name}`,
  }
  await runUnitOfWork(db, async (unit) => {
    unit.create('invites', invite)
    unit.create('audit', audit)
  })
  const result: StaffInvite = {
    code,
    role: input.role,
    storeId: input.storeId,
    storeName: store.name,
    expiresAtMs: invite.expiresAtMs,
    path: `${INVITE_PAGE}?code=${code}`,
  }
  return ok(result)
})
