import type { ActionErrorCode } from '@shared/contracts'
import { API, type VerifyPickupResult } from '@shared/contracts'
import { err, ok, type Result } from '@shared/result'
import { auditOperatorOf, type PickupAuditEntry } from '@shared/staff'
import { type Database, database } from '../../common/cloud'
import type { OrderDocument } from '../../common/documents/mall'
import { currentProgramme } from '../../common/programmeStore'
import { requireStaff } from '../../common/requireStaff'
import { defineAction } from '../../common/router'
import { runUnitOfWork } from '../../common/unitOfWork'
import { usageRecordOf, usageRefusal } from './usageRecords'

/** Why an order cannot be handed over: ALREADY_PICKED_UP with who, when and where, or ORDER_CANCELLED. */
async function refusalOf(
  db: Database,
  order: OrderDocument,
  timeZone: string,
): Promise<Result<never, ActionErrorCode<'staff', 'verifyPickup'>>> {
  if (order.status === 'cancelled') return err('ORDER_CANCELLED')
  if (order.status !== 'pickedUp' || order.pickedUpBy === null || order.pickedUpAtMs === null) return err('INTERNAL')
  const record = await usageRecordOf(db, {
    auditId: `pickup_${order._id}`,
    byOpenid: order.pickedUpBy,
    storeId: order.pickedUpStoreId,
    atMs: order.pickedUpAtMs,
  })
  return usageRefusal('ALREADY_PICKED_UP', record, { timeZone, verb: '领取' })
}

/**
 * `staff.verifyPickup`: hands over a points-mall gift. The order is found by its pickup code (unique
 * index) and moved `awaitingPickup` → `pickedUp` in one unit of work that reads it again, so of two
 * verifications (or a verification and the member's cancel, whose unit reads the same order) one
 * commits and the other runs again and finds it collected. A second attempt answers ALREADY_PICKED_UP
 * saying who, when and where; a cancelled order ORDER_CANCELLED. The audit entry and the dashboard's
 * count commit with the hand-over. Requests with the programme cached: staff (1), order (1), start,
 * order (1), the order, the audit entry and the stat event (3), commit: 8 in 6 round trips.
 */
export const verifyPickup = defineAction(API.staff.verifyPickup, async (input, caller) => {
  const db = database()
  const [staff, programme] = await Promise.all([requireStaff(db, caller), currentProgramme(db, caller.nowMs)])
  if (!staff.ok) return staff
  const { data } = await db.collection('orders').where({ pickupCode: input.pickupCode }).limit(1).get()
  const order = data[0]
  if (!order) return err('PICKUP_CODE_NOT_FOUND')
  if (order.status !== 'awaitingPickup') return refusalOf(db, order, programme.timeZone)
  const { nowMs } = caller
  const handedOver = await runUnitOfWork(
    db,
    async (unit): Promise<OrderDocument | { readonly left: OrderDocument | null }> => {
      const fresh = await unit.read('orders', order._id)
      if (fresh === null || fresh.status !== 'awaitingPickup') return { left: fresh }
      unit.update('orders', order._id, {
        status: 'pickedUp',
        pickedUpAtMs: nowMs,
        pickedUpBy: staff.data.openid,
        pickedUpStoreId: staff.data.storeId,
      })
      const audit: PickupAuditEntry = {
        ...auditOperatorOf(staff.data),
        _id: `pickup_${order._id}`,
        action: 'verifyPickup',
        createdAtMs: nowMs,
        memberId: order.memberId,
        subjectId: order._id,
        note: order.title,
      }
      unit.create('audit', audit)
      unit.tally({ storeId: staff.data.storeId, atMs: nowMs }, { pickups: 1 })
      return fresh
    },
  )
  if ('left' in handedOver) {
    return handedOver.left ? refusalOf(db, handedOver.left, programme.timeZone) : err('PICKUP_CODE_NOT_FOUND')
  }
  const result: VerifyPickupResult = {
    orderId: order._id,
    memberId: order.memberId,
    title: order.title,
    pickupCode: order.pickupCode,
    pickedUpAtMs: nowMs,
    storeId: staff.data.storeId,
  }
  return ok(result)
})
