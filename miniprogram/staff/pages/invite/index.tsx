import { View } from '@tarojs/components'
import { LoadState } from '@/components/LoadState'
import { PageShell } from '@/components/PageShell'
import { usePageData } from '@/hooks/usePageData'
import { useRouteQuery } from '@/hooks/useRouteQuery'
import { AcceptInvite } from '../../components/AcceptInvite'
import { StaffGate } from '../../components/StaffGate'
import { useInviteStore } from '../../stores/inviteStore'
import { Bound, InviteForm } from './InviteParts'
import './index.css'

/**
 * Invites. Opened from an invite (`?code=`, the path `staff.createInvite` answers), it binds the
 * invitee; otherwise managers and admins create a single-use code for a role and store, shown as a QR code
 * (an admin's store as `?storeId=` names it at first: the 员工 page invites to the store it shows).
 */
export default function InvitePage() {
  const query = useRouteQuery('staffInvite')
  const code = query.code ?? ''
  usePageData(
    null,
    useInviteStore((store) => store.reset),
  )

  return (
    <PageShell className='invite-page'>
      <StaffGate notStaff={<AcceptInvite initialCode={code} title='邀请你成为门店员工' />}>
        {(staff) =>
          code !== '' ? (
            <Bound staff={staff} />
          ) : staff.role === 'staff' ? (
            <View id='invite-forbidden'>
              <LoadState state='empty' message='仅店长和管理员可以邀请店员' />
            </View>
          ) : (
            <InviteForm staff={staff} storeId={query.storeId} />
          )
        }
      </StaffGate>
    </PageShell>
  )
}
