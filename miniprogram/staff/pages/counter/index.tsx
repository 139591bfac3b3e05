import { useCallback } from 'react'
import { PageShell } from '@/components/PageShell'
import { usePageData } from '@/hooks/usePageData'
import { useRouteQuery } from '@/hooks/useRouteQuery'
import { AcceptInvite } from '../../components/AcceptInvite'
import { StaffGate } from '../../components/StaffGate'
import { useScanStore } from '../../stores/scanStore'
import { useTodayStore } from '../../stores/todayStore'
import { useVerificationStore } from '../../stores/verificationStore'
import { Counter } from './Counter'
import './index.css'

/** The counter: scan a member or coupon code, hand over pickup orders, and today's actions. Staff only. */
export default function CounterPage() {
  const inviteCode = useRouteQuery('staffCounter').code ?? ''
  const resetScan = useScanStore((store) => store.reset)
  const resetVerification = useVerificationStore((store) => store.reset)
  const resetToday = useTodayStore((store) => store.reset)
  usePageData(
    null,
    useCallback(() => {
      resetScan()
      resetVerification()
      resetToday()
    }, [resetScan, resetVerification, resetToday]),
  )

  return (
    <PageShell className='counter-page'>
      <StaffGate notStaff={<AcceptInvite initialCode={inviteCode} title='此页面仅限已绑定的门店员工使用' />}>
        {(staff) => <Counter staff={staff} />}
      </StaffGate>
    </PageShell>
  )
}
