import type { Catalogue, MallItemView } from '@shared/contracts'
import { Button, Text, View } from '@tarojs/components'
import { ItemImage } from '@/components/ItemImage'
import { navigate, relaunch } from '@/navigation'
import { classNames } from '@/utils/classNames'
import { stockText, type TierName, tierNamesText } from '@/utils/mallText'

const LINKS = [
  { id: 'mall-link-orders', route: 'orders', title: '我的订单' },
  { id: 'mall-link-coupons', route: 'couponCentre', title: '领券中心' },
  { id: 'mall-link-wallet', route: 'wallet', title: '我的卡券' },
] as const

/** One item of the catalogue: image, title, badges, price and stock; a tap opens it. */
export function ItemCard({ item, tiers }: { item: MallItemView; tiers: readonly TierName[] }) {
  const stock = stockText(item.stock)
  return (
    <View
      className={classNames('mall-item', item.stock <= 0 && 'mall-item--sold-out')}
      id={`mall-item-${item.id}`}
      onClick={() => void navigate('mallItem', { id: item.id })}
    >
      <ItemImage item={item} className='mall-item__image' />
      <View className='mall-item__body'>
        <Text className='mall-item__title'>{item.title}</Text>
        <View className='mall-item__badges'>
          {item.canRedeem && <Text className='mall-item__badge mall-item__badge--redeemable'>可兑换</Text>}
          {item.tierIds.length > 0 && (
            <Text className='mall-item__badge mall-item__badge--tier'>{`${tierNamesText(item.tierIds, tiers)}专享`}</Text>
          )}
        </View>
        <View className='mall-item__footer'>
          <Text className='mall-item__price'>{`${item.pointsPrice} 积分`}</Text>
          {stock !== null && (
            <Text className={classNames('mall-item__stock', item.stock <= 0 && 'mall-item__stock--none')}>{stock}</Text>
          )}
        </View>
      </View>
    </View>
  )
}

/** The member's balance, or for a visitor the way to join. */
export function Balance({ catalogue }: { catalogue: Catalogue }) {
  if (catalogue.balance === null) {
    return (
      <View className='mall-balance' id='mall-not-member'>
        <Text className='mall-balance__label'>加入会员即可用积分兑换好礼</Text>
        <Button className='button button--small' id='mall-join' onClick={() => void relaunch('join')}>
          立即加入
        </Button>
      </View>
    )
  }
  return (
    <View className='mall-balance'>
      <Text className='mall-balance__label'>我的积分</Text>
      <Text className='mall-balance__value' id='mall-balance'>
        {catalogue.balance}
      </Text>
    </View>
  )
}

/** The ways to the member's orders, the claim centre and the wallet. */
export function MallLinks() {
  return (
    <View className='mall-links'>
      {LINKS.map((link) => (
        <View key={link.id} id={link.id} className='mall-links__link' onClick={() => void navigate(link.route)}>
          <Text>{link.title}</Text>
        </View>
      ))}
    </View>
  )
}
