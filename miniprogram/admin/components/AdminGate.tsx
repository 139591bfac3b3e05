import type { StaffMe, StaffRole } from '@shared/contracts'
import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { Loaded } from '@/components/Loaded'
import { LoadState } from '@/components/LoadState'
import { usePageData } from '@/hooks/usePageData'
import { useStaffAccessStore } from '@/stores/staffAccessStore'

export interface AdminGateProps {
  /** The roles the page is for. */
  readonly roles: readonly StaffRole[]
  /** What someone bound with another role, or not bound at all, reads. */
  readonly refusal: string
  /** The page, for a caller with one of `roles`. */
  readonly children: (staff: StaffMe) => ReactNode
}

/**
 * Shows an admin console page only to the roles it is for (`staff.me`), with a loading state, an
 * error with a retry, or a clear refusal otherwise. The screen only: every action checks the caller again.
 */
export function AdminGate({ roles, refusal, children }: AdminGateProps) {
  const state = useStaffAccessStore((store) => store.state)
  const load = useStaffAccessStore((store) => store.load)
  usePageData(load)
  const refused = (
    <View className='admin-gate' id='admin-refused'>
      <LoadState state='empty' message={refusal} />
    </View>
  )
  return (
    <Loaded state={state} onRetry={load} refused={refused}>
      {(staff) => (roles.includes(staff.role) ? children(staff) : refused)}
    </Loaded>
  )
}
