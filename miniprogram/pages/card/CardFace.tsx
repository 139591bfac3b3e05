import type { MemberCard, PublicProgramme } from '@shared/contracts'
import { Text, View } from '@tarojs/components'
import { GrowthProgress } from '@/components/GrowthProgress'
import { navigate } from '@/navigation'
import { formatFullDay } from '@/utils/formatTime'

function tierRankOf(programme: PublicProgramme | null, tierId: string): number {
  const rank = programme?.tiers.findIndex((tier) => tier.id === tierId) ?? -1
  return Math.max(0, rank)
}

/** The card face: brand, tier, name, balance and the growth towards the next tier. */
export function CardFace({ card, programme }: { card: MemberCard; programme: PublicProgramme | null }) {
  const rank = tierRankOf(programme, card.tier.id)
  return (
    <View className={`member-card member-card--rank-${rank} tier-colours--rank-${rank}`} id='member-card'>
      <View className='member-card__top'>
        <Text className='member-card__brand'>{programme?.brandName ?? '会员卡'}</Text>
        <Text className='member-card__tier' id='card-tier'>
          {card.tier.name}
        </Text>
      </View>
      <Text className='member-card__name'>{card.nickname ?? '尊敬的会员'}</Text>
      <View className='member-card__balance-row'>
        <Text className='member-card__balance' id='card-balance'>
          {card.balance}
        </Text>
        <Text className='member-card__balance-unit'>积分</Text>
      </View>
      <GrowthProgress card={card} />
    </View>
  )
}

/** The latest tier change (tapped: read, gone), points about to expire, and the usable coupons (opening the wallet). */
export function CardNotices({ card, onTierChangeRead }: { card: MemberCard; onTierChangeRead: () => void }) {
  return (
    <View className='card-notices'>
      {card.tierChange !== null && (
        <Text className='card-notices__tier-change' id='card-tier-change' onClick={onTierChangeRead}>
          {`会员等级已由${card.tierChange.from.name}调整为${card.tierChange.to.name} · 知道了`}
        </Text>
      )}
      {card.expiringSoon !== null && card.expiringSoon.points > 0 && (
        <Text className='card-notices__expiring' id='card-expiring'>
          {`${card.expiringSoon.points} 积分将于 ${formatFullDay(card.expiringSoon.lastValidDay)} 过期`}
        </Text>
      )}
      <View className='card-notices__coupons' id='card-coupons' onClick={() => void navigate('wallet')}>
        <Text className='card-notices__label'>可用优惠券</Text>
        <Text className='card-notices__count'>{`${card.usableCouponCount} 张 ›`}</Text>
      </View>
    </View>
  )
}

const LINKS = [
  { id: 'link-checkin', route: 'checkin', title: '每日签到', caption: '签到领积分' },
  { id: 'link-history', route: 'history', title: '积分明细', caption: '每一笔都清楚' },
  { id: 'link-tiers', route: 'tiers', title: '会员权益', caption: '等级与专属礼遇' },
  { id: 'link-mall', route: 'mall', title: '积分商城', caption: '积分兑好礼' },
  { id: 'link-profile', route: 'profile', title: '个人资料', caption: '完善资料得积分' },
] as const

/** The ways on from the card: check-in, history, tiers, the mall and the profile. */
export function CardLinks() {
  return (
    <View className='card-page__links'>
      {LINKS.map((link) => (
        <View key={link.id} id={link.id} className='card-page__link' onClick={() => void navigate(link.route)}>
          <Text className='card-page__link-title'>{link.title}</Text>
          <Text className='card-page__link-caption'>{link.caption}</Text>
        </View>
      ))}
    </View>
  )
}
