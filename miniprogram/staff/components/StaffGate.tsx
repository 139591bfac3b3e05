import type { StaffMe } from '@shared/contracts'
import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { Loaded } from '@/components/Loaded'
import { LoadState } from '@/components/LoadState'
import { usePageData } from '@/hooks/usePageData'
import { useStaffAccessStore } from '@/stores/staffAccessStore'

export interface StaffGateProps {
  /** The page, for bound staff. */
  readonly children: (staff: StaffMe) => ReactNode
  /** What someone who is not staff sees; by default a message. */
  readonly notStaff?: ReactNode
}

/**
 * Shows a staff page only to bound staff (`staff.me`), and a loading state, an error with a retry or
 * a clear refusal otherwise. This is for the screen only: every cloud function checks the caller again.
 */
export function StaffGate({ children, notStaff }: StaffGateProps) {
  const state = useStaffAccessStore((store) => store.state)
  const load = useStaffAccessStore((store) => store.load)
  usePageData(load)
  const refused = (
    <View className='staff-gate' id='staff-not-staff'>
      {notStaff ?? <LoadState state='empty' message='仅限已绑定的门店员工使用' />}
    </View>
  )
  return (
    <Loaded state={state} onRetry={load} refused={refused}>
      {children}
    </Loaded>
  )
}
