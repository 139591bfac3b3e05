import { API, type UnbindResult } from '@shared/contracts'
import { ok } from '@shared/result'
import { auditOperatorOf, ROLE_NAMES, type UnbindAuditEntry, unbindAuthority } from '@shared/staff'
import { database } from '../../common/cloud'
import { requireStaff } from '../../common/requireStaff'
import { defineAction } from '../../common/router'
import { runUnitOfWork } from '../../common/unitOfWork'
import { bindingOf } from './documents'

/**
 * `staff.unbind`: an admin removes someone's staff binding (never their own), a manager a clerk of
 * their own store, with the reason. The removal and its audit entry are one unit of work (the
 * target's role and store are checked on the read inside it); unbinding someone who is not bound
 * changes nothing and says so. Requests: the caller (1), transaction: start, read, remove, add, commit: 6.
 */
export const unbind = defineAction(API.staff.unbind, async (input, caller) => {
  const db = database()
  const staff = await requireStaff(db, caller)
  if (!staff.ok) return staff
  const targeting = { callerOpenid: staff.data.openid, targetOpenid: input.openid, target: null }
  const allowed = unbindAuthority(bindingOf(staff.data), targeting)
  if (!allowed.ok) return allowed
  return runUnitOfWork(db, async (unit) => {
    const target = await unit.read('staff', input.openid)
    if (!target) return ok<UnbindResult>({ openid: input.openid, unbound: false })
    const onTarget = unbindAuthority(bindingOf(staff.data), { ...targeting, target: bindingOf(target) })
    if (!onTarget.ok) return onTarget
    const audit: UnbindAuditEntry = {
      ...auditOperatorOf(staff.data),
      _id: `unbind_${input.openid}_${caller.nowMs}`,
      action: 'unbind',
      createdAtMs: caller.nowMs,
      storeId: target.storeId,
      subjectId: input.openid,
      note: `${target.name}（${ROLE_NAMES[target.role]}）：${input.reason}`,
    }
    unit.remove('staff', input.openid)
    unit.create('audit', audit)
    return ok<UnbindResult>({ openid: input.openid, unbound: true })
  })
})
