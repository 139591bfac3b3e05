import { Button } from '@tarojs/components'
import { useCallback, useEffect } from 'react'
import { Loaded } from '@/components/Loaded'
import { usePageData } from '@/hooks/usePageData'
import { relaunch } from '@/navigation'
import { ScanBar } from '../../components/ScanBar'
import { CouponVerificationResult } from '../../components/VerificationResult'
import { useMemberPanelStore } from '../../stores/memberPanelStore'
import { useScanStore } from '../../stores/scanStore'
import { useVerificationStore } from '../../stores/verificationStore'
import { Coupons, Summary } from './MemberSummary'
import { Purchase } from './Purchase'

const BACK_TO_COUNTER = {
  className: 'panel-failed',
  id: 'member-error',
  action: (
    <Button className='button button--small' id='member-back' onClick={() => void relaunch('staffCounter')}>
      返回收银台重新扫码
    </Button>
  ),
}

/** The member of a scanned code: summary, the scan field (another code switches member or verifies a coupon), purchase, coupons. */
export function Panel({ token }: { token: string }) {
  const member = useMemberPanelStore((store) => store.member)
  const load = useMemberPanelStore((store) => store.load)
  const dropCoupon = useMemberPanelStore((store) => store.dropCoupon)
  const message = useScanStore((store) => store.message)
  const submit = useScanStore((store) => store.submit)
  const coupon = useVerificationStore((store) => store.coupon)
  const reload = useCallback(() => load(token), [load, token])
  usePageData(reload)

  useEffect(() => {
    if (coupon.status === 'verified') dropCoupon(coupon.result.couponId)
  }, [coupon, dropCoupon])

  async function onCode(text: string) {
    const outcome = await submit(text)
    // Another member's code: the panel switches to them.
    if (outcome.kind === 'member') await load(outcome.token)
  }

  return (
    <Loaded state={member} onRetry={reload} error={BACK_TO_COUNTER}>
      {(data) => (
        <>
          <Summary member={data} />
          <ScanBar
            idPrefix='panel-code'
            message={message}
            busy={coupon.status === 'verifying'}
            onCode={(text) => void onCode(text)}
          />
          <CouponVerificationResult state={coupon} />
          <Purchase member={data} />
          <Coupons member={data} />
        </>
      )}
    </Loaded>
  )
}
