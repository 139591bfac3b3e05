import { API, type UnbindResult } from '@shared/contracts'
import { ok } from '@shared/result'
import { ROLE_NAMES, unbindAuthority } from '@shared/staff'
import { database, TRANSACTION_ATTEMPTS_MAX } from '../../common/cloud'
import type { StaffDocument } from '../../common/documents/staff'
import { readDocument } from '../../common/readDocument'
import { defineAction } from '../../common/router'
import { auditBase, bindingOf } from './documents'
import { requireStaff } from './requireStaff'

/**
 * `staff.unbind`: an admin removes someone's staff binding (never their own). The removal and its
 * audit entry are one transaction; unbinding someone who is not bound changes nothing and says so.
 * Requests: the caller (1), transaction: start, read, remove, add, commit: 6.
 */
export const unbind = defineAction(API.staff.unbind, async (input, caller) => {
  const db = database()
  const staff = await requireStaff(db, caller)
  if (!staff.ok) return staff
  const allowed = unbindAuthority(bindingOf(staff.data), {
    callerOpenid: staff.data.openid,
    targetOpenid: input.openid,
  })
  if (!allowed.ok) return allowed
  const unbound = await db.runTransaction(async (transaction) => {
    const reference = transaction.collection('staff').doc(input.openid)
    const target = await readDocument<StaffDocument>(reference)
    if (!target) return false
    const audit = auditBase(staff.data, {
      _id: `unbind_${input.openid}_${caller.nowMs}`,
      action: 'unbind',
      createdAtMs: caller.nowMs,
      storeId: target.storeId,
      subjectId: input.openid,
      note: `${target.name}（${ROLE_NAMES[target.role]}）`,
    })
    await Promise.all([reference.remove(), transaction.collection('audit').add({ data: { ...audit } })])
    return true
  }, TRANSACTION_ATTEMPTS_MAX)
  const result: UnbindResult = { openid: input.openid, unbound }
  return ok(result)
})
