import { formatFen } from '@shared/money'
import { Button, Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { type PreviewState, useCouponDetailStore } from '@/stores/couponDetailStore'

function previewText(preview: PreviewState): string | null {
  if (preview.status === 'loading') return '计算中…'
  if (preview.status === 'refused') return preview.message
  if (preview.status === 'ready') {
    return `优惠 ${formatFen(preview.preview.discountFen)} / 实付 ${formatFen(preview.preview.payableFen)}`
  }
  return null
}

/** 优惠试算: the member types an order amount and sees what the coupon takes off it. */
export function Preview() {
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
