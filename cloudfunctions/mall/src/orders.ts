import { API, ORDERS_PAGE_SIZE_MAX, type OrdersPage } from '@shared/contracts'
import { ok } from '@shared/result'
import { database } from '../../common/cloud'
import { callerMemberId } from '../../common/requireMember'
import { defineAction } from '../../common/router'
import { orderViewOf } from './documents'

/** `mall.orders`: the caller's pickup orders with their pickup codes, newest first; one database request. */
export const orders = defineAction(API.mall.orders, async (_input, caller) => {
  const memberId = callerMemberId(caller)
  if (!memberId.ok) return memberId
  const { data } = await database()
    .collection('orders')
    .where({ memberId: memberId.data })
    .orderBy('createdAtMs', 'desc')
    .limit(ORDERS_PAGE_SIZE_MAX)
    .get()
  const page: OrdersPage = { orders: data.map(orderViewOf) }
  return ok(page)
})
