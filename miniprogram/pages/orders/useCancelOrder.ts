import type { PickupOrderView } from '@shared/contracts'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { useOrdersStore } from '@/stores/ordersStore'

/**
 * Cancelling an order after the member confirms: a toast either way, and on success a notice above
 * the list saying what was refunded (cleared by a refusal).
 */
export function useCancelOrder(): {
  readonly notice: string | null
  readonly confirmCancel: (order: PickupOrderView) => Promise<void>
} {
  const cancel = useOrdersStore((store) => store.cancel)
  const [notice, setNotice] = useState<string | null>(null)

  async function confirmCancel(order: PickupOrderView) {
    const { confirm } = await Taro.showModal({
      title: '取消订单',
      content: `取消「${order.title}」后，${order.pointsSpent} 积分将退回你的账户。确定取消吗？`,
      confirmText: '取消订单',
      cancelText: '再想想',
    })
    if (!confirm) return
    const answer = await cancel(order.id)
    if (answer === null) return
    if (!answer.ok) {
      setNotice(null)
      await Taro.showToast({ title: answer.message, icon: 'none' })
      return
    }
    const text = answer.data.alreadyCancelled
      ? '订单已取消过，积分此前已退回'
      : `订单已取消，已退回 ${answer.data.refundedPoints} 积分，当前积分 ${answer.data.balance}`
    setNotice(text)
    await Taro.showToast({
      title: answer.data.alreadyCancelled ? '订单已取消' : `已退回 ${answer.data.refundedPoints} 积分`,
      icon: 'none',
    })
  }

  return { notice, confirmCancel }
}
