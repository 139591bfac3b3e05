import type { joinInput, PublicProgramme } from '@shared/contracts'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { z } from 'zod'
import { useJoinStore } from '@/stores/joinStore'
import { classNames } from '@/utils/classNames'

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

/** The welcome, the join gift and the entry tier's benefits, and the one-tap 一键加入会员. */
export function JoinForm({ programme, input }: { programme: PublicProgramme; input: z.input<typeof joinInput> }) {
  const joinState = useJoinStore((store) => store.state)
  const join = useJoinStore((store) => store.join)

  async function onJoin() {
    const answer = await join(input)
    if (answer === null || !answer.ok) return
    const gift = answer.data.gift
    await Taro.showToast({
      title: answer.data.joined ? giftMessage(gift?.points, gift?.couponTemplateIds.length ?? 0) : '欢迎回来',
      icon: 'none',
    })
  }

  const entryTier = programme.tiers[0]
  const joining = joinState.status === 'joining' || joinState.status === 'joined'
  return (
    <>
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
    </>
  )
}
