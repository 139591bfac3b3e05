import type { ActionErrorCode } from '@shared/contracts'
import { API, type VerifyPickupResult } from '@shared/contracts'
import { err, ok, type Result } from '@shared/result'
import { auditOperatorOf, type PickupAuditEntry } from '@shared/staff'
import { type Database, database } from '../../common/cloud'
import type { OrderDocument } from '../../common/documents/mall'
import { currentProgramme } from '../../common/programmeStore'
import { readDocument } from '../../common/readDocument'
import { requireStaff } from '../../common/requireStaff'
import { defineAction } from '../../common/router'
import { addStatEvent } from '../../common/statEvents'
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
 * index) and moved `awaitingPickup` → `pickedUp` by ONE conditional update, so a second verification
 * (or a member cancelling at the same moment: the cancel transaction then conflicts and finds the
 * order collected) cannot both succeed. A second attempt answers ALREADY_PICKED_UP saying who, when
 * and where; a cancelled order ORDER_CANCELLED. The audit entry follows the update (see
 * `verifyCoupon`). Requests with the programme cached: staff (1), order (1), update (1), audit (1): 4.
 */
export const verifyPickup = defineAction(API.staff.verifyPickup, async (input, caller) => {
  const db = database()
  const [staff, programme] = await Promise.all([requireStaff(db, caller), currentProgramme(db, caller.nowMs)])
  if (!staff.ok) return staff
  const { data } = await db.collection('orders').where({ pickupCode: input.pickupCode }).limit(1).get()
  const order = data[0]
  if (!order) return err('PICKUP_CODE_NOT_FOUND')
  if (order.status !== 'awaitingPickup') return refusalOf(db, order, programme.timeZone)
  const { stats } = await db
    .collection('orders')
    .where({ _id: order._id, status: 'awaitingPickup' })
    .update({
      data: {
        status: 'pickedUp',
        pickedUpAtMs: caller.nowMs,
        pickedUpBy: staff.data.openid,
        pickedUpStoreId: staff.data.storeId,
      },
    })
  if (stats.updated !== 1) {
    const now = await readDocument(db.collection('orders').doc(order._id))
    return now ? refusalOf(db, now, programme.timeZone) : err('PICKUP_CODE_NOT_FOUND')
  }
  const audit: PickupAuditEntry = {
    ...auditOperatorOf(staff.data),
    _id: `pickup_${order._id}`,
    action: 'verifyPickup',
    createdAtMs: caller.nowMs,
    memberId: order.memberId,
    subjectId: order._id,
    note: order.title,
  }
  const counted = { storeId: staff.data.storeId, atMs: caller.nowMs }
  await Promise.all([
    db.collection('audit').add({ data: { ...audit } }),
    addStatEvent(db, { id: `stat_${audit._id}`, attribution: counted, delta: { pickups: 1 } }),
  ])
  const result: VerifyPickupResult = {
    orderId: order._id,
    memberId: order.memberId,
    title: order.title,
    pickupCode: order.pickupCode,
    pickedUpAtMs: caller.nowMs,
    storeId: staff.data.storeId,
  }
  return ok(result)
})
