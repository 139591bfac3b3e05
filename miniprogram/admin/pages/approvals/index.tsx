import { View } from '@tarojs/components'
import { Loaded } from '@/components/Loaded'
import { LoadState } from '@/components/LoadState'
import { PageShell } from '@/components/PageShell'
import { usePageData } from '@/hooks/usePageData'
import { AdminGate } from '../../components/AdminGate'
import { AdminNotice } from '../../components/AdminNotice'
import { useApprovalsStore } from '../../stores/approvalsStore'
import { ApprovalRow } from './ApprovalRow'
import '../../admin.css'

const REFUSAL = '仅限店长和品牌管理员使用'

function ApprovalsScreen() {
  const state = useApprovalsStore((store) => store.state)
  const notice = useApprovalsStore((store) => store.notice)
  const load = useApprovalsStore((store) => store.load)
  usePageData(load)
  return (
    <>
      <AdminNotice id='approvals-notice' notice={notice} />
      <Loaded
        state={state}
        onRetry={load}
        refused={<LoadState state='empty' message={REFUSAL} />}
        empty={{ when: (data) => data.approvals.length === 0, text: '暂无待审批' }}
      >
        {(data) => (
          <View className='admin-links' id='approvals-list'>
            {data.approvals.map((approval) => (
              <ApprovalRow key={approval.approvalId} approval={approval} />
            ))}
          </View>
        )}
      </Loaded>
    </>
  )
}

/** 审批: the clerks' over-limit purchases waiting for a manager (a manager's own store's), approved or rejected here. */
export default function AdminApprovalsPage() {
  return (
    <PageShell className='admin-page'>
      <AdminGate roles={['admin', 'manager']} refusal={REFUSAL}>
        {() => <ApprovalsScreen />}
      </AdminGate>
    </PageShell>
  )
}
