import type { PickupOrderView } from '@shared/contracts'
import { Button, Text, View } from '@tarojs/components'
import { ItemImage } from '@/components/ItemImage'
import { classNames } from '@/utils/classNames'
import { formatDateTime } from '@/utils/formatTime'
import { orderStatusText } from '@/utils/mallText'

/** One pickup order: item, points, status, pickup code and times; an unclaimed one has 取消订单. */
export function OrderCard(props: { order: PickupOrderView; cancelling: boolean; onCancel: () => void }) {
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
        <Text className={`order__status order__status--${order.status}`}>{orderStatusText(order)}</Text>
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
