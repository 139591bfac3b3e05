import type { StaffMe } from '@shared/contracts'
import { Text, View } from '@tarojs/components'
import { navigate } from '@/navigation'
import { ScanBar } from '../../components/ScanBar'
import { TodayList } from '../../components/TodayList'
import { CouponVerificationResult } from '../../components/VerificationResult'
import { useScanStore } from '../../stores/scanStore'
import { useTodayStore } from '../../stores/todayStore'
import { useVerificationStore } from '../../stores/verificationStore'
import { roleText } from '../../utils/staffText'
import { PickupField } from './PickupField'

/** The counter of bound staff: who is on duty, the scan field, pickup hand-over and today's actions. */
export function Counter({ staff }: { staff: StaffMe }) {
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
