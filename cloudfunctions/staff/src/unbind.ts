import { API, type UnbindResult } from '@shared/contracts'
import { ok } from '@shared/result'
import { auditOperatorOf, ROLE_NAMES, type UnbindAuditEntry, unbindAuthority } from '@shared/staff'
import { database } from '../../common/cloud'
import { requireStaff } from '../../common/requireStaff'
import { defineAction } from '../../common/router'
import { runUnitOfWork } from '../../common/unitOfWork'
import { bindingOf } from './documents'

/**
 * `staff.unbind`: an admin removes someone's staff binding (never their own). The removal and its
 * audit entry are one unit of work; unbinding someone who is not bound changes nothing and says so.
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
  const unbound = await runUnitOfWork(db, async (unit) => {
    const target = await unit.read('staff', input.openid)
    if (!target) return false
    const audit: UnbindAuditEntry = {
      ...auditOperatorOf(staff.data),
      _id: `unbind_${input.openid}_${caller.nowMs}`,
      action: 'unbind',
      createdAtMs: caller.nowMs,
      storeId: target.storeId,
      subjectId: input.openid,
      note: `${target.name}（${ROLE_NAMES[target.role]}）`,
    }
    unit.remove('staff', input.openid)
    unit.create('audit', audit)
    return true
  })
  const result: UnbindResult = { openid: input.openid, unbound }
  return ok(result)
})
