import { useCallback, useEffect } from 'react'
import { LoadState } from '@/components/LoadState'
import { PageShell } from '@/components/PageShell'
import { usePageData } from '@/hooks/usePageData'
import { useRouteQuery } from '@/hooks/useRouteQuery'
import { StaffGate } from '../../components/StaffGate'
import { useMemberPanelStore } from '../../stores/memberPanelStore'
import { useScanStore } from '../../stores/scanStore'
import { useVerificationStore } from '../../stores/verificationStore'
import { Panel } from './Panel'
import './index.css'

/** The member at the counter after a scan: who, tier, balance, coupons; record a purchase; verify coupons. */
export default function MemberPanelPage() {
  const token = useRouteQuery('staffMember').token ?? ''
  const reset = useMemberPanelStore((store) => store.reset)
  const resetVerification = useVerificationStore((store) => store.reset)
  const resetScan = useScanStore((store) => store.reset)

  useEffect(() => {
    // The counter's last verification is not this member's.
    resetVerification()
    resetScan()
  }, [resetVerification, resetScan])
  // The panel loads its member itself (Panel), once the gate has let staff through.
  usePageData(
    null,
    useCallback(() => {
      reset()
      resetVerification()
      resetScan()
    }, [reset, resetVerification, resetScan]),
  )

  return (
    <PageShell className='panel-page'>
      <StaffGate>
        {() => (token === '' ? <LoadState state='empty' message='请先在收银台扫描会员码' /> : <Panel token={token} />)}
      </StaffGate>
    </PageShell>
  )
}
