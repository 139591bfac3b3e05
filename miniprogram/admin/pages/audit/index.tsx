import type { AuditLogEntry, AuditLogNames, StaffMe } from '@shared/contracts'
import { Text, View } from '@tarojs/components'
import { useCallback } from 'react'
import { Loaded } from '@/components/Loaded'
import { LoadState } from '@/components/LoadState'
import { PageShell } from '@/components/PageShell'
import { usePageData } from '@/hooks/usePageData'
import { auditActionText, auditDetailText, roleText } from '@/staff/utils/staffText'
import { formatDateTime } from '@/utils/formatTime'
import { AdminGate } from '../../components/AdminGate'
import { LoadMore } from '../../components/LoadMore'
import { useAuditLogStore } from '../../stores/auditLogStore'
import { useStaffListStore } from '../../stores/staffListStore'
import { useStoreListStore } from '../../stores/storeListStore'
import { auditSubjectText, changesText, storeText } from '../../utils/auditText'
import { AuditFilters } from './AuditFilters'
import '../../admin.css'

const REFUSAL = '仅限店长和品牌管理员使用'

function AuditRow(props: { entry: AuditLogEntry; names: AuditLogNames; showStore: boolean }) {
  const { entry, names } = props
  const changed = changesText(entry.changes, names)
  const subject = auditSubjectText(entry, names)
  return (
    <View className='admin-row' id={`audit-${entry.id}`}>
      <Text className='admin-link__title'>
        {`${auditActionText(entry.action)}${subject === null ? '' : ` · ${subject}`}`}
      </Text>
      <Text className='admin-link__note'>
        {`${formatDateTime(entry.createdAtMs)} · ${roleText(entry.operatorRole)} ${auditDetailText(entry)}`}
      </Text>
      {props.showStore && entry.storeId !== null && (
        <Text className='admin-link__note' id={`audit-${entry.id}-store`}>
          {`门店 ${storeText(entry.storeId, names)}`}
        </Text>
      )}
      {changed !== '' && (
        <Text className='admin-link__note' id={`audit-${entry.id}-changes`}>
          {changed}
        </Text>
      )}
    </View>
  )
}

function MoreButton() {
  const state = useAuditLogStore((store) => store.state)
  const loadingMore = useAuditLogStore((store) => store.loadingMore)
  const moreError = useAuditLogStore((store) => store.moreError)
  const loadMore = useAuditLogStore((store) => store.loadMore)
  if (state.status !== 'ready' || state.data.nextCursor === null) return null
  return <LoadMore id='audit-more' loading={loadingMore} error={moreError} onMore={() => void loadMore()} />
}

function AuditScreen({ me }: { me: StaffMe }) {
  const state = useAuditLogStore((store) => store.state)
  const load = useAuditLogStore((store) => store.load)
  const loadChoices = useCallback(async () => {
    // Every staff member the caller may see (a manager's own store's) names the 员工 filter's choices.
    const staff = useStaffListStore.getState()
    await Promise.all([
      staff.storeId === undefined ? staff.load() : staff.pickStore(undefined),
      me.role === 'admin' ? useStoreListStore.getState().ensureLoaded() : Promise.resolve(),
    ])
  }, [me.role])
  usePageData(load)
  usePageData(loadChoices)
  return (
    <>
      <AuditFilters me={me} />
      <Loaded
        state={state}
        onRetry={load}
        refused={<LoadState state='empty' message={REFUSAL} />}
        empty={{ when: (data) => data.entries.length === 0, text: '没有符合条件的操作记录' }}
      >
        {(data) => (
          <View className='admin-links' id='audit-list'>
            {data.entries.map((entry) => (
              // A manager's log is their own store's: only admins need to be told which.
              <AuditRow key={entry.id} entry={entry} names={data.names} showStore={me.role === 'admin'} />
            ))}
          </View>
        )}
      </Loaded>
      <MoreButton />
    </>
  )
}

/** 操作日志: who did what, when, with what it changed; filtered, a page at a time. */
export default function AdminAuditPage() {
  return (
    <PageShell className='admin-page'>
      <AdminGate roles={['admin', 'manager']} refusal={REFUSAL}>
        {(me) => <AuditScreen me={me} />}
      </AdminGate>
    </PageShell>
  )
}
