import type { MallItemDetail } from '@shared/contracts'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useNowMs } from '@/hooks/useNowMs'
import { type RedemptionState, useMallItemStore } from '@/stores/mallItemStore'
import { classNames } from '@/utils/classNames'
import { reasonText, type TierName } from '@/utils/mallText'

function buttonText(item: MallItemDetail, redemption: RedemptionState): string {
  if (redemption.status === 'redeeming') return '兑换中…'
  if (item.stock <= 0) return '已售罄'
  return `${item.pointsPrice} 积分兑换`
}

/** The balance, why the item cannot be redeemed, and the button: 积分兑换 after a confirmation, or 重试兑换. */
export function RedeemFooter({ item, tiers }: { item: MallItemDetail; tiers: readonly TierName[] }) {
  const redemption = useMallItemStore((store) => store.redemption)
  const redeem = useMallItemStore((store) => store.redeem)
  const retry = useMallItemStore((store) => store.retry)
  const nowMs = useNowMs()
  const reason = reasonText(item, { balance: item.balance, tiers, nowMs })
  const outcomeUnknown = redemption.status === 'failed' && redemption.retryable
  const canTap = item.canRedeem && redemption.status !== 'redeeming'

  async function confirmAndRedeem() {
    const balance = item.balance ?? 0
    const { confirm } = await Taro.showModal({
      title: '确认兑换',
      content: `兑换「${item.title}」将消耗 ${item.pointsPrice} 积分，兑换后剩余 ${balance - item.pointsPrice} 积分。`,
      confirmText: '确认兑换',
    })
    if (confirm) await redeem()
  }

  return (
    <View className='item-page__footer'>
      <Text className='item-page__balance' id='item-balance'>
        {item.balance === null ? '加入会员后可兑换' : `我的积分 ${item.balance}`}
      </Text>
      {reason !== null && !outcomeUnknown && (
        <Text className='item-page__reason' id='item-reason'>
          {reason}
        </Text>
      )}
      {outcomeUnknown ? (
        <Button className='button button--primary item-page__button' id='redeem-retry' onClick={() => void retry()}>
          重试兑换
        </Button>
      ) : (
        <Button
          className={classNames('button button--primary item-page__button', !canTap && 'button--disabled')}
          id='redeem-button'
          disabled={!canTap}
          onClick={() => void confirmAndRedeem()}
        >
          {buttonText(item, redemption)}
        </Button>
      )}
    </View>
  )
}
