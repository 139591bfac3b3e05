import type { MemberCard, PublicProgramme } from '@shared/contracts'
import { Text, View } from '@tarojs/components'
import { useEffect } from 'react'
import { GrowthProgress } from '@/components/GrowthProgress'
import { LoadState } from '@/components/LoadState'
import { MemberCodePanel } from '@/components/MemberCodePanel'
import { PageShell } from '@/components/PageShell'
import { usePageVisible } from '@/hooks/usePageVisible'
import { navigate, relaunch } from '@/navigation'
import { useCardStore } from '@/stores/cardStore'
import { useMemberCodeStore } from '@/stores/memberCodeStore'
import { useProgrammeStore } from '@/stores/programmeStore'
import { formatFullDay } from '@/utils/formatTime'
import '../../components/TierColours.css'
import './index.css'

/** How often the countdown (and the check for a due refresh) ticks. */
const TICK_MS = 1_000

const LINKS = [
  { id: 'link-checkin', route: 'checkin', title: '每日签到', caption: '签到领积分' },
  { id: 'link-history', route: 'history', title: '积分明细', caption: '每一笔都清楚' },
  { id: 'link-tiers', route: 'tiers', title: '会员权益', caption: '等级与专属礼遇' },
] as const

function tierRankOf(programme: PublicProgramme | null, tierId: string): number {
  const rank = programme?.tiers.findIndex((tier) => tier.id === tierId) ?? -1
  return Math.max(0, rank)
}

/** Keeps the member code fresh while the card is on screen and a member's; stops when it is not. */
function useLiveMemberCode(active: boolean) {
  const load = useMemberCodeStore((store) => store.load)
  const tick = useMemberCodeStore((store) => store.tick)
  const reset = useMemberCodeStore((store) => store.reset)
  useEffect(() => {
    if (!active) return
    void load()
    const timer = setInterval(tick, TICK_MS)
    return () => {
      clearInterval(timer)
      reset()
    }
  }, [active, load, tick, reset])
}

function CardFace({ card, programme }: { card: MemberCard; programme: PublicProgramme | null }) {
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

function CardNotices({ card }: { card: MemberCard }) {
  return (
    <View className='card-notices'>
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

/** The member card: the tabBar home and launch page. Non-members are sent to the join page. */
export default function CardPage() {
  const visible = usePageVisible()
  const state = useCardStore((store) => store.state)
  const loadCard = useCardStore((store) => store.load)
  const programmeState = useProgrammeStore((store) => store.state)
  const ensureProgramme = useProgrammeStore((store) => store.ensureLoaded)
  const codeState = useMemberCodeStore((store) => store.state)
  const nowMs = useMemberCodeStore((store) => store.nowMs)
  const loadCode = useMemberCodeStore((store) => store.load)

  useEffect(() => {
    if (!visible) return
    void loadCard()
    void ensureProgramme()
  }, [visible, loadCard, ensureProgramme])

  useEffect(() => {
    if (state.status === 'notMember') void relaunch('join')
  }, [state.status])

  useLiveMemberCode(visible && state.status === 'ready')

  const programme = programmeState.status === 'ready' ? programmeState.programme : null
  return (
    <PageShell className='card-page'>
      {(state.status === 'idle' || state.status === 'loading' || state.status === 'notMember') && (
        <LoadState state='loading' />
      )}
      {state.status === 'error' && <LoadState state='error' message={state.message} onRetry={loadCard} />}
      {state.status === 'ready' && (
        <>
          <CardFace card={state.card} programme={programme} />
          <View className='card-page__section card-page__code'>
            <MemberCodePanel state={codeState} nowMs={nowMs} onRetry={loadCode} />
          </View>
          <CardNotices card={state.card} />
          <View className='card-page__links'>
            {LINKS.map((link) => (
              <View key={link.id} id={link.id} className='card-page__link' onClick={() => void navigate(link.route)}>
                <Text className='card-page__link-title'>{link.title}</Text>
                <Text className='card-page__link-caption'>{link.caption}</Text>
              </View>
            ))}
            <View id='link-mall' className='card-page__link' onClick={() => void navigate('mall')}>
              <Text className='card-page__link-title'>积分商城</Text>
              <Text className='card-page__link-caption'>积分兑好礼</Text>
            </View>
            <View id='link-profile' className='card-page__link' onClick={() => void navigate('profile')}>
              <Text className='card-page__link-title'>个人资料</Text>
              <Text className='card-page__link-caption'>完善资料得积分</Text>
            </View>
          </View>
        </>
      )}
    </PageShell>
  )
}
