import type { VerifyCouponResult, VerifyPickupResult } from '@shared/contracts'
import { Text, View } from '@tarojs/components'
import { benefitText } from '@/utils/couponText'
import { formatDateTime } from '@/utils/formatTime'
import type { VerificationState } from '../stores/verificationStore'
import { usageText } from '../utils/staffText'
import './VerificationResult.css'

function Outcome({ id, tone, title, lines }: { id: string; tone: 'ok' | 'refused'; title: string; lines: string[] }) {
  return (
    <View className={`verification verification--${tone}`} id={id}>
      <Text className='verification__title' id={`${id}-title`}>
        {title}
      </Text>
      {lines.map((line) => (
        <Text className='verification__line' key={line}>
          {line}
        </Text>
      ))}
    </View>
  )
}

function Pending({ id, text }: { id: string; text: string }) {
  return (
    <View className='verification verification--pending' id={`${id}-pending`}>
      <Text className='verification__line'>{text}</Text>
    </View>
  )
}

/** The result of verifying a coupon (`verify-result`): used now, or who used it before, when and where. */
export function CouponVerificationResult({ state }: { state: VerificationState<VerifyCouponResult> }) {
  switch (state.status) {
    case 'idle':
      return null
    case 'verifying':
      return <Pending id='verify-result' text='核销中…' />
    case 'verified':
      return (
        <Outcome
          id='verify-result'
          tone='ok'
          title='核销成功'
          lines={[
            `「${state.result.title}」${benefitText(state.result.benefit)}`,
            `核销时间 ${formatDateTime(state.result.usedAtMs)}`,
          ]}
        />
      )
    case 'alreadyUsed':
      return (
        <Outcome
          id='verify-result'
          tone='refused'
          title='该券已核销，不能重复使用'
          lines={[usageText(state.usage, '核销')]}
        />
      )
    case 'failed':
      return <Outcome id='verify-result' tone='refused' title='核销失败' lines={[state.message]} />
  }
}

/** The result of handing over a pickup order (`pickup-result`). */
export function PickupVerificationResult({ state }: { state: VerificationState<VerifyPickupResult> }) {
  switch (state.status) {
    case 'idle':
      return null
    case 'verifying':
      return <Pending id='pickup-result' text='核对取货码…' />
    case 'verified':
      return (
        <Outcome
          id='pickup-result'
          tone='ok'
          title='取货成功，请将礼品交给会员'
          lines={[`「${state.result.title}」`, `取货时间 ${formatDateTime(state.result.pickedUpAtMs)}`]}
        />
      )
    case 'alreadyUsed':
      return (
        <Outcome
          id='pickup-result'
          tone='refused'
          title='该订单已领取，不能重复领取'
          lines={[usageText(state.usage, '领取')]}
        />
      )
    case 'failed':
      return <Outcome id='pickup-result' tone='refused' title='取货失败' lines={[state.message]} />
  }
}
