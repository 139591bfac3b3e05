import type { ActionErrorCode } from '@shared/contracts'
import { API, type CancelOrderResult } from '@shared/contracts'
import { usableBalance } from '@shared/ledger'
import type { CancellationDecision } from '@shared/mall'
import { ok, type Result } from '@shared/result'
import { database } from '../../common/cloud'
import { cancelPickupOrder } from '../../common/orderCancellation'
import { currentProgramme } from '../../common/programmeStore'
import { callerMemberId } from '../../common/requireMember'
import { defineAction } from '../../common/router'
import { orderViewOf } from './documents'

type CancelAnswer = Result<CancelOrderResult, ActionErrorCode<'mall', 'cancelOrder'>>

/** How the member sees a decided cancellation. */
function answerOf(decision: CancellationDecision, nowMs: number): CancelAnswer {
  return ok({
    order: orderViewOf(decision.order),
    alreadyCancelled: decision.alreadyCancelled,
    refundedPoints: decision.alreadyCancelled ? 0 : decision.entry.amount,
    balance: usableBalance(decision.member.points, nowMs),
  })
}

/**
 * `mall.cancelOrder`: cancels an unclaimed pickup order (see `cancelPickupOrder`): the points go
 * back to the lots they came from, the per-member limit is freed and the unit goes back to stock,
 * once however many cancels race, or race the expiry job (the others answer `alreadyCancelled`).
 *
 * Requests: the unit of work (9 for an item with a limit, 7 without), giving the unit back (1): 10 or 8.
 */
export const cancelOrder = defineAction(API.mall.cancelOrder, async (input, caller) => {
  const memberId = callerMemberId(caller)
  if (!memberId.ok) return memberId
  const db = database()
  const programme = await currentProgramme(db, caller.nowMs)
  const decided = await cancelPickupOrder(db, {
    memberId: memberId.data,
    orderId: input.orderId,
    programme,
    nowMs: caller.nowMs,
    by: 'member',
  })
  return decided.ok ? answerOf(decided.data, caller.nowMs) : decided
})
