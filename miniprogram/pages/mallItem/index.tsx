import type { MallItemDetail, RedeemResult } from '@shared/contracts'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useMemo } from 'react'
import { ItemImage } from '@/components/ItemImage'
import { LoadState } from '@/components/LoadState'
import { PageShell } from '@/components/PageShell'
import { navigate } from '@/navigation'
import { type RedemptionState, useMallItemStore } from '@/stores/mallItemStore'
import { useProgrammeStore } from '@/stores/programmeStore'
import { classNames } from '@/utils/classNames'
import { benefitText, templateValidityText } from '@/utils/couponText'
import { reasonText, saleWindowText, type TierName, tierNamesText } from '@/utils/mallText'
import { redeemFailureText } from '@/utils/refusals'
import './index.css'

function Facts({ item, tiers }: { item: MallItemDetail; tiers: readonly TierName[] }) {
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

function CouponTerms({ template }: { template: NonNullable<MallItemDetail['couponTemplate']> }) {
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

function RedeemOutcome({ result }: { result: RedeemResult }) {
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

function buttonText(item: MallItemDetail, redemption: RedemptionState): string {
  if (redemption.status === 'redeeming') return '兑换中…'
  if (item.stock <= 0) return '已售罄'
  return `${item.pointsPrice} 积分兑换`
}

/** One mall item: everything about it, why it cannot be redeemed, and redeeming it after a confirmation. */
export default function MallItemPage() {
  const itemId = useMemo(() => Taro.getCurrentInstance().router?.params?.id ?? '', [])
  const state = useMallItemStore((store) => store.state)
  const redemption = useMallItemStore((store) => store.redemption)
  const load = useMallItemStore((store) => store.load)
  const redeem = useMallItemStore((store) => store.redeem)
  const retry = useMallItemStore((store) => store.retry)
  const reset = useMallItemStore((store) => store.reset)
  const programmeState = useProgrammeStore((store) => store.state)
  const ensureProgramme = useProgrammeStore((store) => store.ensureLoaded)
  const tiers = programmeState.status === 'ready' ? programmeState.programme.tiers : []

  useEffect(() => {
    void load(itemId)
    void ensureProgramme()
    return reset
  }, [itemId, load, ensureProgramme, reset])

  async function confirmAndRedeem(item: MallItemDetail) {
    const balance = item.balance ?? 0
    const { confirm } = await Taro.showModal({
      title: '确认兑换',
      content: `兑换「${item.title}」将消耗 ${item.pointsPrice} 积分，兑换后剩余 ${balance - item.pointsPrice} 积分。`,
      confirmText: '确认兑换',
    })
    if (confirm) await redeem()
  }

  if (state.status === 'error') {
    return (
      <PageShell className='item-page'>
        <LoadState state='error' message={state.message} onRetry={() => void load(itemId)} />
      </PageShell>
    )
  }
  if (state.status !== 'ready') {
    return (
      <PageShell className='item-page'>
        <LoadState state='loading' />
      </PageShell>
    )
  }
  const item = state.data
  const reason = reasonText(item, { balance: item.balance, tiers, nowMs: Date.now() })
  const outcomeUnknown = redemption.status === 'failed' && redemption.retryable
  const canTap = item.canRedeem && redemption.status !== 'redeeming'
  return (
    <PageShell className='item-page'>
      <ItemImage item={item} className='item-page__image' />
      <View className='item-page__card'>
        <Text className='item-page__title' id='item-title'>
          {item.title}
        </Text>
        <Text className='item-page__price' id='item-price'>{`${item.pointsPrice} 积分`}</Text>
        {item.description !== '' && (
          <Text className='item-page__description' id='item-description'>
            {item.description}
          </Text>
        )}
        <Facts item={item} tiers={tiers} />
        {item.couponTemplate !== null && <CouponTerms template={item.couponTemplate} />}
      </View>
      {redemption.status === 'done' && <RedeemOutcome result={redemption.result} />}
      {redemption.status === 'failed' && (
        <Text className='item-page__error' id='redeem-error'>
          {redeemFailureText(redemption.code, redemption.message)}
        </Text>
      )}
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
            onClick={() => void confirmAndRedeem(item)}
          >
            {buttonText(item, redemption)}
          </Button>
        )}
      </View>
    </PageShell>
  )
}
