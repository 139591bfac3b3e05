import type { WalletCoupon } from '@shared/contracts'
import { formatFen } from '@shared/money'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useMemo, useState } from 'react'
import { CodePanel, type CodePanelView } from '@/components/CodePanel'
import { LoadState } from '@/components/LoadState'
import { PageShell } from '@/components/PageShell'
import { usePageVisible } from '@/hooks/usePageVisible'
import { type CouponCodeState, type PreviewState, useCouponDetailStore } from '@/stores/couponDetailStore'
import { benefitText, couponValidityText } from '@/utils/couponText'
import { formatDateTime } from '@/utils/formatTime'
import { secondsUntil } from '@/utils/memberCodeTiming'
import './index.css'

/** How often the countdown (and the check for a due refresh) ticks. */
const TICK_MS = 1_000

function codeViewOf(state: CouponCodeState, nowMs: number): CodePanelView {
  if (state.status === 'error') return { status: 'error', message: state.message }
  if (state.status !== 'ready') return { status: 'loading' }
  const seconds = secondsUntil({ targetMs: state.refreshAtMs, nowMs })
  return {
    status: 'ready',
    token: state.code.token,
    caption: state.refreshing ? '正在刷新…' : `${seconds} 秒后自动刷新 · 点击放大`,
  }
}

/** Why a coupon shows no code, or null when it can be used now. */
function unusableText(coupon: WalletCoupon): string | null {
  switch (coupon.state) {
    case 'available':
      return null
    case 'notYetValid':
      return `尚未到使用时间，${formatDateTime(coupon.validFromMs)} 起可用`
    case 'used':
      return coupon.usedAtMs === null ? '已使用' : `已于 ${formatDateTime(coupon.usedAtMs)} 使用`
    case 'expired':
      return '已过期'
  }
}

/** Keeps the coupon's code fresh while the page is on screen and the coupon usable; stops when not. */
function useLiveCouponCode(active: boolean) {
  const loadCode = useCouponDetailStore((store) => store.loadCode)
  const tick = useCouponDetailStore((store) => store.tick)
  useEffect(() => {
    if (!active) return
    void loadCode()
    const timer = setInterval(tick, TICK_MS)
    return () => clearInterval(timer)
  }, [active, loadCode, tick])
}

function previewText(preview: PreviewState): string | null {
  if (preview.status === 'loading') return '计算中…'
  if (preview.status === 'refused') return preview.message
  if (preview.status === 'ready') {
    return `优惠 ${formatFen(preview.preview.discountFen)} / 实付 ${formatFen(preview.preview.payableFen)}`
  }
  return null
}

function Preview() {
  const preview = useCouponDetailStore((store) => store.preview)
  const previewAmount = useCouponDetailStore((store) => store.previewAmount)
  const [amount, setAmount] = useState('')
  const text = previewText(preview)
  return (
    <View className='coupon-preview'>
      <Text className='coupon-preview__title'>优惠试算</Text>
      <View className='coupon-preview__row'>
        <Input
          className='coupon-preview__input'
          id='preview-amount'
          type='digit'
          placeholder='输入订单金额（元）'
          value={amount}
          onInput={(event) => setAmount(event.detail.value)}
        />
        <Button
          className='button button--small'
          id='preview-button'
          disabled={preview.status === 'loading'}
          onClick={() => void previewAmount(amount)}
        >
          计算
        </Button>
      </View>
      {text !== null && (
        <Text className={`coupon-preview__result coupon-preview__result--${preview.status}`} id='preview-result'>
          {text}
        </Text>
      )}
    </View>
  )
}

/** One coupon: what it gives, its validity, its signed counter code (QR + barcode) and a discount preview. */
export default function CouponDetailPage() {
  const couponId = useMemo(() => Taro.getCurrentInstance().router?.params?.id ?? '', [])
  const visible = usePageVisible()
  const coupon = useCouponDetailStore((store) => store.coupon)
  const code = useCouponDetailStore((store) => store.code)
  const nowMs = useCouponDetailStore((store) => store.nowMs)
  const load = useCouponDetailStore((store) => store.load)
  const loadCode = useCouponDetailStore((store) => store.loadCode)
  const reset = useCouponDetailStore((store) => store.reset)

  useEffect(() => {
    void load(couponId)
    return reset
  }, [couponId, load, reset])

  useLiveCouponCode(visible && coupon.status === 'ready' && coupon.data.state === 'available')

  if (coupon.status === 'error') {
    return (
      <PageShell className='coupon-page'>
        <LoadState state='error' message={coupon.message} onRetry={() => void load(couponId)} />
      </PageShell>
    )
  }
  if (coupon.status !== 'ready') {
    return (
      <PageShell className='coupon-page'>
        <LoadState state='loading' />
      </PageShell>
    )
  }
  const data = coupon.data
  const unusable = unusableText(data)
  return (
    <PageShell className='coupon-page'>
      <View className='coupon-page__card'>
        <Text className='coupon-page__benefit' id='coupon-benefit'>
          {benefitText(data.benefit)}
        </Text>
        <Text className='coupon-page__title' id='coupon-title'>
          {data.title}
        </Text>
        {data.description !== null && <Text className='coupon-page__line'>{data.description}</Text>}
        <Text className='coupon-page__line' id='coupon-validity'>
          {couponValidityText(data)}
        </Text>
      </View>
      <View className='coupon-page__code'>
        {unusable === null ? (
          <CodePanel
            idPrefix='coupon-code'
            view={codeViewOf(code, nowMs)}
            loadingText='券码生成中…'
            retryText='刷新券码'
            onRetry={() => void loadCode()}
          />
        ) : (
          <Text className='coupon-page__state' id='coupon-state'>
            {unusable}
          </Text>
        )}
      </View>
      {(data.state === 'available' || data.state === 'notYetValid') && <Preview />}
    </PageShell>
  )
}
