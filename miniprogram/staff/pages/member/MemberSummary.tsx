import type { CounterMember } from '@shared/contracts'
import { Text, View } from '@tarojs/components'
import { benefitText, lastMinuteText } from '@/utils/couponText'

/** Who is at the counter: nickname, tier and usable points. */
export function Summary({ member }: { member: CounterMember }) {
  return (
    <View className='panel-summary' id='member-summary'>
      <View className='panel-summary__who'>
        <Text className='panel-summary__name' id='member-name'>
          {member.nickname ?? '会员'}
        </Text>
        <Text className='panel-summary__tier' id='member-tier'>
          {member.tier.name}
        </Text>
      </View>
      <Text className='panel-summary__balance' id='member-balance'>{`可用积分 ${member.balance}`}</Text>
    </View>
  )
}

/** The member's usable coupons; each is verified by scanning its own code. */
export function Coupons({ member }: { member: CounterMember }) {
  return (
    <View className='panel-card' id='member-coupons'>
      <Text className='panel-card__title'>{`可用优惠券（${member.coupons.length}）`}</Text>
      {member.coupons.length === 0 ? (
        <Text className='panel-card__empty' id='member-coupons-empty'>
          暂无可用优惠券
        </Text>
      ) : (
        <>
          {member.coupons.map((coupon) => (
            <View className='panel-coupon' id={`member-coupon-${coupon.id}`} key={coupon.id}>
              <Text className='panel-coupon__benefit'>{benefitText(coupon.benefit)}</Text>
              <Text className='panel-coupon__line'>{coupon.title}</Text>
              <Text className='panel-coupon__line'>{`有效期至 ${lastMinuteText(coupon.validUntilMs)}`}</Text>
            </View>
          ))}
          <Text className='panel-card__hint'>核销时请会员出示该券的券码，扫描上方即可</Text>
        </>
      )}
    </View>
  )
}
