import { API } from '@shared/contracts'
import { ok } from '@shared/result'
import { database } from '../../common/cloud'
import { loadStore, requireStaff } from '../../common/requireStaff'
import { defineAction } from '../../common/router'
import { staffMeOf } from './documents'

/** `staff.me`: the caller's binding (role, store, name), NOT_STAFF when unbound. Requests: 2 (1 for an admin). */
export const me = defineAction(API.staff.me, async (_input, caller) => {
  const db = database()
  const staff = await requireStaff(db, caller)
  if (!staff.ok) return staff
  return ok(staffMeOf(staff.data, await loadStore(db, staff.data.storeId)))
})
