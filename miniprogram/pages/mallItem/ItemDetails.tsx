import type { MallItemDetail, RedeemResult } from '@shared/contracts'
import { Text, View } from '@tarojs/components'
import { MessageOptIn } from '@/components/MessageOptIn'
import { navigate } from '@/navigation'
import { benefitText, templateValidityText } from '@/utils/couponText'
import { saleWindowText, type TierName, tierNamesText } from '@/utils/mallText'

/** What the item is, its stock, limits, tiers and sale window. */
export function Facts({ item, tiers }: { item: MallItemDetail; tiers: readonly TierName[] }) {
  const window = saleWindowText(item)
  return (
    <View className='item-facts'>
      <Text className='item-facts__line' id='item-kind'>
        {item.kind === 'pickup' ? '实物礼品 · 兑换后到店出示取货码领取' : '优惠券 · 兑换后放入卡券包'}
      </Text>
      <Text className='item-facts__line' id='item-stock'>
        {item.stock > 0 ? `库存 ${item.stock} 件` : '已售罄'}
      </Text>
      {item.perMemberLimit !== null && (
        <Text className='item-facts__line' id='item-limit'>
          {`每人限兑 ${item.perMemberLimit} 件，已兑换 ${item.redeemedByMember} 件`}
        </Text>
      )}
      {item.tierIds.length > 0 && (
        <Text className='item-facts__line' id='item-tier'>
          {`仅限${tierNamesText(item.tierIds, tiers)}兑换`}
        </Text>
      )}
      {window !== null && (
        <Text className='item-facts__line' id='item-window'>
          {window}
        </Text>
      )}
    </View>
  )
}

/** What the coupon an item gives is worth, and how long it stays valid. */
export function CouponTerms({ template }: { template: NonNullable<MallItemDetail['couponTemplate']> }) {
  return (
    <View className='item-coupon' id='item-coupon'>
      <Text className='item-coupon__benefit' id='item-coupon-benefit'>
        {benefitText(template.benefit)}
      </Text>
      <Text className='item-coupon__line'>{template.title}</Text>
      {template.description !== null && <Text className='item-coupon__line'>{template.description}</Text>}
      <Text className='item-coupon__line'>{templateValidityText(template.validity)}</Text>
    </View>
  )
}

/** What a redemption gave: the pickup code, or the coupon put in the wallet. */
export function RedeemOutcome({ result }: { result: RedeemResult }) {
  const { redemption } = result
  return (
    <View className='redeem-result' id='redeem-result'>
      <Text className='redeem-result__title'>{`兑换成功，消耗 ${result.pointsSpent} 积分，剩余 ${result.balance} 积分`}</Text>
      {redemption.kind === 'pickup' ? (
        <>
          <Text className='redeem-result__label'>取货码</Text>
          <Text className='redeem-result__code' id='redeem-pickup-code'>
            {redemption.order.pickupCode}
          </Text>
          <Text className='redeem-result__hint'>到店向店员出示取货码领取</Text>
          <MessageOptIn keys={['pickupReminder']} label='取货截止前提醒我' id='redeem-opt-in' />
          <View className='redeem-result__link' id='redeem-link-orders' onClick={() => void navigate('orders')}>
            <Text>查看我的订单 ›</Text>
          </View>
        </>
      ) : (
        <>
          <Text className='redeem-result__coupon' id='redeem-coupon-result'>
            {`「${redemption.coupon.title}」已放入卡券包`}
          </Text>
          <View className='redeem-result__link' id='redeem-link-wallet' onClick={() => void navigate('wallet')}>
            <Text>去卡券包查看 ›</Text>
          </View>
        </>
      )}
    </View>
  )
}
