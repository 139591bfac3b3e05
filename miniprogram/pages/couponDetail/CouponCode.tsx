import type { WalletCoupon } from '@shared/contracts'
import { Text, View } from '@tarojs/components'
import { CodePanel, type CodePanelView } from '@/components/CodePanel'
import { type CouponCodeState, useCouponDetailStore } from '@/stores/couponDetailStore'
import { benefitText, couponStoresText, couponValidityText } from '@/utils/couponText'
import { formatDateTime } from '@/utils/formatTime'
import { secondsUntil } from '@/utils/memberCodeTiming'

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

/** What the coupon gives, its title, description, validity and, for one limited to stores, where. */
export function CouponFace({ coupon }: { coupon: WalletCoupon }) {
  const storeNames = useCouponDetailStore((store) => store.storeNames)
  const stores = couponStoresText(coupon, storeNames)
  return (
    <View className='coupon-page__card'>
      <Text className='coupon-page__benefit' id='coupon-benefit'>
        {benefitText(coupon.benefit)}
      </Text>
      <Text className='coupon-page__title' id='coupon-title'>
        {coupon.title}
      </Text>
      {coupon.description !== null && <Text className='coupon-page__line'>{coupon.description}</Text>}
      <Text className='coupon-page__line' id='coupon-validity'>
        {couponValidityText(coupon)}
      </Text>
      {stores !== null && (
        <Text className='coupon-page__line' id='coupon-stores'>
          {stores}
        </Text>
      )}
    </View>
  )
}

/** The signed counter code (QR + barcode) with its countdown, or why the coupon cannot be used now. */
export function CouponCode({ coupon }: { coupon: WalletCoupon }) {
  const code = useCouponDetailStore((store) => store.code)
  const nowMs = useCouponDetailStore((store) => store.nowMs)
  const loadCode = useCouponDetailStore((store) => store.loadCode)
  const unusable = unusableText(coupon)
  return (
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
  )
}
