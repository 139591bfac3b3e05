import { API, STORES_MAX, type StoreView } from '@shared/contracts'
import { ok } from '@shared/result'
import { database } from '../../../common/cloud'
import { requireManager } from '../../../common/requireStaff'
import { defineAction } from '../../../common/router'
import { storeViewOf } from './storeAccess'

function byId(a: StoreView, b: StoreView): number {
  return a.id.localeCompare(b.id)
}

/**
 * `admin.listStores`: the stores screen. Admins see every store and may add one; a manager sees their own store.
 * Requests: staff and stores at once (2): the stores are read before the role is known, as a chain has few.
 */
export const listStores = defineAction(API.admin.listStores, async (_input, caller) => {
  const db = database()
  const [staff, stores] = await Promise.all([
    requireManager(db, caller),
    db.collection('stores').where({}).limit(STORES_MAX).get(),
  ])
  if (!staff.ok) return staff
  const isAdmin = staff.data.role === 'admin'
  const visible = stores.data.filter((store) => isAdmin || store._id === staff.data.storeId)
  return ok({ stores: visible.map(storeViewOf).sort(byId), canCreate: isAdmin })
})
