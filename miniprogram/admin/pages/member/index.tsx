import type { MemberDetail } from '@shared/contracts'
import { Button, View } from '@tarojs/components'
import { useCallback, useEffect } from 'react'
import { Loaded } from '@/components/Loaded'
import { LoadState } from '@/components/LoadState'
import { PageShell } from '@/components/PageShell'
import { usePageData } from '@/hooks/usePageData'
import { useRouteQuery } from '@/hooks/useRouteQuery'
import { navigate } from '@/navigation'
import { AdminGate } from '../../components/AdminGate'
import { useMemberDetailStore } from '../../stores/memberDetailStore'
import { useMemberWritesStore } from '../../stores/memberWritesStore'
import { AdjustForm, BirthdayForm, GrantForm } from './MemberForms'
import { CardFigures, MemberLists } from './MemberSections'
import '../../admin.css'

function Detail({ detail }: { detail: MemberDetail }) {
  const { limits } = detail
  return (
    <>
      <CardFigures detail={detail} />
      <Button
        className='button admin-create'
        id='member-issue-coupon'
        onClick={() => void navigate('adminCouponIssue', { memberId: detail.member.memberId })}
      >
        发券
      </Button>
      {limits.adjustmentPointsMax > 0 && <AdjustForm limits={limits} />}
      <BirthdayForm />
      {limits.grantableTiers.length > 0 && limits.tierGrantDaysMax > 0 && (
        <GrantForm limits={limits} granted={detail.grantedTier?.active === true} />
      )}
      <MemberLists detail={detail} />
    </>
  )
}

function MemberScreen({ memberId }: { memberId: string }) {
  const state = useMemberDetailStore((store) => store.state)
  const loadMember = useMemberDetailStore((store) => store.load)
  const open = useMemberWritesStore((store) => store.open)
  const load = useCallback(() => loadMember(memberId), [loadMember, memberId])
  useEffect(() => open(memberId), [open, memberId])
  usePageData(load)
  const refused = state.status === 'notFound' ? '没有这位会员' : '仅限店长和品牌管理员使用'
  return (
    <Loaded state={state} onRetry={load} refused={<LoadState state='empty' message={refused} />}>
      {(detail) => <Detail detail={detail} />}
    </Loaded>
  )
}

/** 会员详情: card figures, lots, history, coupons, orders, staff actions, and the forms the caller's role allows. */
export default function AdminMemberPage() {
  const { id } = useRouteQuery('adminMember')
  return (
    <PageShell className='admin-page'>
      <AdminGate roles={['admin', 'manager']} refusal='仅限店长和品牌管理员使用'>
        {() =>
          id === undefined || id === '' ? (
            <View>
              <LoadState state='empty' message='没有这位会员' />
            </View>
          ) : (
            <MemberScreen memberId={id} />
          )
        }
      </AdminGate>
    </PageShell>
  )
}
