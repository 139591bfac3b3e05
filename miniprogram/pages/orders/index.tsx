import type { PickupOrderView } from '@shared/contracts'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { ItemImage } from '@/components/ItemImage'
import { LoadState } from '@/components/LoadState'
import { PageShell } from '@/components/PageShell'
import { usePageVisible } from '@/hooks/usePageVisible'
import { navigate } from '@/navigation'
import { useOrdersStore } from '@/stores/ordersStore'
import { classNames } from '@/utils/classNames'
import { formatDateTime } from '@/utils/formatTime'
import { orderStatusText } from '@/utils/mallText'
import './index.css'

function OrderCard(props: { order: PickupOrderView; cancelling: boolean; onCancel: () => void }) {
  const { order } = props
  const waiting = order.status === 'awaitingPickup'
  return (
    <View className={classNames('order', !waiting && 'order--closed')} id={`order-${order.id}`}>
      <View className='order__top'>
        <ItemImage item={{ image: order.image, kind: 'pickup' }} className='order__image' />
        <View className='order__main'>
          <Text className='order__title'>{order.title}</Text>
          <Text className='order__meta'>{`${order.pointsSpent} 积分 · ${formatDateTime(order.createdAtMs)}`}</Text>
        </View>
        <Text className={`order__status order__status--${order.status}`}>{orderStatusText(order.status)}</Text>
      </View>
      <View className='order__code-row'>
        <Text className='order__code-label'>取货码</Text>
        <Text className='order__code' id={`order-code-${order.id}`}>
          {order.pickupCode}
        </Text>
      </View>
      {order.pickedUpAtMs !== null && (
        <Text className='order__meta'>{`领取时间 ${formatDateTime(order.pickedUpAtMs)}`}</Text>
      )}
      {order.cancelledAtMs !== null && (
        <Text className='order__meta'>{`取消时间 ${formatDateTime(order.cancelledAtMs)}，积分已退回`}</Text>
      )}
      {waiting && (
        <Button
          className={classNames('button button--small order__cancel', props.cancelling && 'button--disabled')}
          id={`cancel-${order.id}`}
          disabled={props.cancelling}
          onClick={props.onCancel}
        >
          {props.cancelling ? '取消中…' : '取消订单'}
        </Button>
      )}
    </View>
  )
}

/** The member's pickup orders, newest first, with their pickup codes; an unclaimed one can be cancelled. */
export default function OrdersPage() {
  const visible = usePageVisible()
  const state = useOrdersStore((store) => store.state)
  const cancelling = useOrdersStore((store) => store.cancelling)
  const load = useOrdersStore((store) => store.load)
  const cancel = useOrdersStore((store) => store.cancel)
  const [notice, setNotice] = useState<string | null>(null)

  useEffect(() => {
    if (visible) void load()
  }, [visible, load])

  async function confirmCancel(order: PickupOrderView) {
    const { confirm } = await Taro.showModal({
      title: '取消订单',
      content: `取消「${order.title}」后，${order.pointsSpent} 积分将退回你的账户。确定取消吗？`,
      confirmText: '取消订单',
      cancelText: '再想想',
    })
    if (!confirm) return
    const answer = await cancel(order.id)
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

  return (
    <PageShell className='orders-page'>
      {(state.status === 'idle' || state.status === 'loading') && <LoadState state='loading' />}
      {state.status === 'error' && <LoadState state='error' message={state.message} onRetry={load} />}
      {state.status === 'ready' && state.data.length === 0 && (
        <View className='orders-page__empty'>
          <LoadState state='empty' message='还没有兑换订单' />
          <Button className='button button--small' id='orders-go-mall' onClick={() => void navigate('mall')}>
            去积分商城看看
          </Button>
        </View>
      )}
      {state.status === 'ready' && state.data.length > 0 && (
        <>
          {notice !== null && (
            <Text className='orders-page__notice' id='orders-notice'>
              {notice}
            </Text>
          )}
          <View className='orders-list' id='orders-list'>
            {state.data.map((order) => (
              <OrderCard
                key={order.id}
                order={order}
                cancelling={cancelling === order.id}
                onCancel={() => void confirmCancel(order)}
              />
            ))}
          </View>
        </>
      )}
    </PageShell>
  )
}
