import type { StaffMe } from '@shared/contracts'
import { View } from '@tarojs/components'
import { type ReactNode, useEffect } from 'react'
import { LoadState } from '@/components/LoadState'
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

  useEffect(() => {
    void load()
  }, [load])

  switch (state.status) {
    case 'idle':
    case 'loading':
      return <LoadState state='loading' />
    case 'error':
      return <LoadState state='error' message={state.message} onRetry={() => void load()} />
    case 'notStaff':
      return (
        <View className='staff-gate' id='staff-not-staff'>
          {notStaff ?? <LoadState state='empty' message='仅限已绑定的门店员工使用' />}
        </View>
      )
    case 'ready':
      return <>{children(state.staff)}</>
  }
}
