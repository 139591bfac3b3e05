import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useMemo } from 'react'
import { LoadState } from '@/components/LoadState'
import { PageShell } from '@/components/PageShell'
import { navigate } from '@/navigation'
import { useCardStore } from '@/stores/cardStore'
import { useJoinStore } from '@/stores/joinStore'
import { useProgrammeStore } from '@/stores/programmeStore'
import { classNames } from '@/utils/classNames'
import { joinInputOf } from '@/utils/joinParams'
import './index.css'

function giftMessage(points: number | undefined, couponCount: number): string {
  const parts = [points ? `${points} 积分` : '', couponCount > 0 ? `${couponCount} 张优惠券` : ''].filter(Boolean)
  return parts.length > 0 ? `入会成功，获得 ${parts.join(' 和 ')}` : '欢迎回来'
}

function joinGiftText(gift: { points: number; couponCount: number }): string {
  const parts = [
    gift.points > 0 ? `${gift.points} 积分` : '',
    gift.couponCount > 0 ? `${gift.couponCount} 张优惠券` : '',
  ]
  const given = parts.filter(Boolean).join(' + ')
  return given ? `现在加入即送 ${given}，立即到账` : '加入会员，消费积分、签到领好礼'
}

/**
 * The join landing: opened from a store's QR code (`scene` = store id) or a friend's share
 * (`referrer`). Members go straight on to their card; everyone else joins with one tap.
 */
export default function JoinPage() {
  const input = useMemo(() => joinInputOf(Taro.getCurrentInstance().router?.params ?? {}), [])
  const cardState = useCardStore((store) => store.state)
  const loadCard = useCardStore((store) => store.load)
  const programmeState = useProgrammeStore((store) => store.state)
  const loadProgramme = useProgrammeStore((store) => store.load)
  const ensureProgramme = useProgrammeStore((store) => store.ensureLoaded)
  const joinState = useJoinStore((store) => store.state)
  const join = useJoinStore((store) => store.join)

  useEffect(() => {
    void loadCard()
    void ensureProgramme()
  }, [loadCard, ensureProgramme])

  useEffect(() => {
    if (cardState.status === 'ready') void navigate('card')
  }, [cardState.status])

  async function onJoin() {
    const answer = await join(input)
    if (!answer.ok) return
    const gift = answer.data.gift
    await Taro.showToast({
      title: answer.data.joined ? giftMessage(gift?.points, gift?.couponTemplateIds.length ?? 0) : '欢迎回来',
      icon: 'none',
    })
  }

  if (cardState.status === 'idle' || cardState.status === 'loading' || cardState.status === 'ready') {
    return (
      <PageShell className='join-page'>
        <LoadState state='loading' />
      </PageShell>
    )
  }
  if (cardState.status === 'error') {
    return (
      <PageShell className='join-page'>
        <LoadState state='error' message={cardState.message} onRetry={loadCard} />
      </PageShell>
    )
  }
  if (programmeState.status === 'error') {
    return (
      <PageShell className='join-page'>
        <LoadState state='error' message={programmeState.message} onRetry={loadProgramme} />
      </PageShell>
    )
  }
  if (programmeState.status !== 'ready') {
    return (
      <PageShell className='join-page'>
        <LoadState state='loading' />
      </PageShell>
    )
  }
  const { programme } = programmeState
  const entryTier = programme.tiers[0]
  const joining = joinState.status === 'joining' || joinState.status === 'joined'
  return (
    <PageShell className='join-page'>
      <View className='join-hero'>
        <Text className='join-hero__welcome'>欢迎光临</Text>
        <Text className='join-hero__brand' id='join-brand'>
          {programme.brandName}
        </Text>
        <Text className='join-hero__tagline'>加入会员，积分当钱花，好礼天天有</Text>
      </View>
      <View className='join-gift' id='join-gift'>
        <Text className='join-gift__title'>入会礼</Text>
        <Text className='join-gift__text'>{joinGiftText(programme.joinGift)}</Text>
        {entryTier !== undefined && (
          <View className='join-gift__benefits'>
            <Text className='join-gift__subtitle'>{`${entryTier.name}权益`}</Text>
            {entryTier.benefits.map((benefit) => (
              <Text key={benefit} className='join-gift__benefit'>
                {`· ${benefit}`}
              </Text>
            ))}
          </View>
        )}
      </View>
      {joinState.status === 'error' && (
        <Text className='join-page__error' id='join-error'>
          {joinState.message}
        </Text>
      )}
      <Button
        className={classNames('button button--primary join-page__button', joining && 'button--disabled')}
        id='join-button'
        disabled={joining}
        onClick={onJoin}
      >
        {joining ? '正在加入…' : '一键加入会员'}
      </Button>
      <Text className='join-page__terms'>加入即表示同意会员服务条款，我们仅使用你的微信身份识别会员</Text>
    </PageShell>
  )
}
