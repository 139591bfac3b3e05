import { Button, Text, View } from '@tarojs/components'
import { Loaded } from '@/components/Loaded'
import { PageShell } from '@/components/PageShell'
import { usePageData } from '@/hooks/usePageData'
import { navigate } from '@/navigation'
import { useOrdersStore } from '@/stores/ordersStore'
import { OrderCard } from './OrderCard'
import { useCancelOrder } from './useCancelOrder'
import './index.css'

/** The member's pickup orders, newest first, with their pickup codes; an unclaimed one can be cancelled. */
export default function OrdersPage() {
  const state = useOrdersStore((store) => store.state)
  const cancelling = useOrdersStore((store) => store.cancelling)
  const load = useOrdersStore((store) => store.load)
  const { notice, confirmCancel } = useCancelOrder()
  usePageData(load)

  const goToMall = (
    <Button className='button button--small' id='orders-go-mall' onClick={() => void navigate('mall')}>
      去积分商城看看
    </Button>
  )
  return (
    <PageShell className='orders-page'>
      <Loaded
        state={state}
        onRetry={load}
        empty={{
          when: (orders) => orders.length === 0,
          text: '还没有兑换订单',
          action: goToMall,
          className: 'orders-page__empty',
        }}
      >
        {(orders) => (
          <>
            {notice !== null && (
              <Text className='orders-page__notice' id='orders-notice'>
                {notice}
              </Text>
            )}
            <View className='orders-list' id='orders-list'>
              {orders.map((order) => (
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
      </Loaded>
    </PageShell>
  )
}
