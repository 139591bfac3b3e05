import { PICKUP_CODE_LENGTH } from '@shared/mall'
import { Button, Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { classNames } from '@/utils/classNames'
import { PickupVerificationResult } from '../../components/VerificationResult'
import { useTodayStore } from '../../stores/todayStore'
import { useVerificationStore } from '../../stores/verificationStore'

/** 礼品取货: the pickup code typed in, verified, and the outcome. */
export function PickupField() {
  const pickup = useVerificationStore((store) => store.pickup)
  const verifyPickup = useVerificationStore((store) => store.verifyPickup)
  const reloadToday = useTodayStore((store) => store.load)
  const [code, setCode] = useState('')
  const complete = new RegExp(`^\\d{${PICKUP_CODE_LENGTH}}$`).test(code)
  const busy = pickup.status === 'verifying'
  return (
    <View className='counter-card'>
      <Text className='counter-card__title'>礼品取货</Text>
      <View className='counter-pickup'>
        <Input
          className='counter-pickup__input'
          id='pickup-code-input'
          type='number'
          maxlength={PICKUP_CODE_LENGTH}
          placeholder={`输入 ${PICKUP_CODE_LENGTH} 位取货码`}
          value={code}
          onInput={(event) => setCode(event.detail.value)}
        />
        <Button
          className={classNames('button button--small', (!complete || busy) && 'button--disabled')}
          id='pickup-submit'
          disabled={!complete || busy}
          onClick={async () => {
            await verifyPickup(code)
            setCode('')
            void reloadToday()
          }}
        >
          确认取货
        </Button>
      </View>
      <PickupVerificationResult state={pickup} />
    </View>
  )
}
