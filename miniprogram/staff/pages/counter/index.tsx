import type { StaffMe } from '@shared/contracts'
import { PICKUP_CODE_LENGTH } from '@shared/mall'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useMemo, useState } from 'react'
import { PageShell } from '@/components/PageShell'
import { navigate } from '@/navigation'
import { classNames } from '@/utils/classNames'
import { AcceptInvite } from '../../components/AcceptInvite'
import { ScanBar } from '../../components/ScanBar'
import { StaffGate } from '../../components/StaffGate'
import { TodayList } from '../../components/TodayList'
import { CouponVerificationResult, PickupVerificationResult } from '../../components/VerificationResult'
import { useScanStore } from '../../stores/scanStore'
import { useTodayStore } from '../../stores/todayStore'
import { useVerificationStore } from '../../stores/verificationStore'
import { roleText } from '../../utils/staffText'
import './index.css'

function PickupField() {
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

function Counter({ staff }: { staff: StaffMe }) {
  const message = useScanStore((store) => store.message)
  const submit = useScanStore((store) => store.submit)
  const coupon = useVerificationStore((store) => store.coupon)
  const reloadToday = useTodayStore((store) => store.load)
  const canInvite = staff.role !== 'staff'

  async function onCode(text: string) {
    const outcome = await submit(text)
    if (outcome.kind === 'member') await navigate('staffMember', { token: outcome.token })
    else void reloadToday()
  }

  return (
    <>
      <View className='counter-header' id='counter-staff'>
        <Text className='counter-header__name'>{staff.name}</Text>
        <Text className='counter-header__role'>{`${staff.storeName ?? '全部门店'} · ${roleText(staff.role)}`}</Text>
        {canInvite && (
          <View className='counter-header__link' id='counter-link-invite' onClick={() => void navigate('staffInvite')}>
            <Text>邀请店员 ›</Text>
          </View>
        )}
      </View>
      <ScanBar
        idPrefix='counter-code'
        message={message}
        busy={coupon.status === 'verifying'}
        onCode={(text) => void onCode(text)}
      />
      <Text className='counter-hint'>扫描会员码记录消费，扫描优惠券码直接核销</Text>
      <CouponVerificationResult state={coupon} />
      <PickupField />
      <TodayList staff={staff} />
    </>
  )
}

/** The counter: scan a member or coupon code, hand over pickup orders, and today's actions. Staff only. */
export default function CounterPage() {
  const inviteCode = useMemo(() => Taro.getCurrentInstance().router?.params?.code ?? '', [])
  const resetScan = useScanStore((store) => store.reset)
  const resetVerification = useVerificationStore((store) => store.reset)
  const resetToday = useTodayStore((store) => store.reset)

  useEffect(
    () => () => {
      resetScan()
      resetVerification()
      resetToday()
    },
    [resetScan, resetVerification, resetToday],
  )

  return (
    <PageShell className='counter-page'>
      <StaffGate notStaff={<AcceptInvite initialCode={inviteCode} title='此页面仅限已绑定的门店员工使用' />}>
        {(staff) => <Counter staff={staff} />}
      </StaffGate>
    </PageShell>
  )
}
