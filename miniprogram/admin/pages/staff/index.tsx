import type { StaffMe } from '@shared/contracts'
import { Button, View } from '@tarojs/components'
import { Loaded } from '@/components/Loaded'
import { LoadState } from '@/components/LoadState'
import { PageShell } from '@/components/PageShell'
import { usePageData } from '@/hooks/usePageData'
import { navigate } from '@/navigation'
import { AdminGate } from '../../components/AdminGate'
import { AdminNotice } from '../../components/AdminNotice'
import { type Choice, Choices } from '../../components/Choices'
import { useStaffListStore } from '../../stores/staffListStore'
import { useStoreListStore } from '../../stores/storeListStore'
import { StaffRow } from './StaffRow'
import '../../admin.css'

const REFUSAL = '仅限店长和品牌管理员使用'

/** The stores an admin picks from (and moves people to); a manager's list is their own store. */
function useStoreChoices(isAdmin: boolean): readonly Choice<string>[] {
  const state = useStoreListStore((store) => store.state)
  const load = useStoreListStore((store) => store.ensureLoaded)
  usePageData(isAdmin ? load : null)
  if (state.status !== 'ready') return []
  return state.data.stores.map((store) => ({ id: `staff-store-${store.id}`, value: store.id, label: store.name }))
}

function StaffScreen({ me }: { me: StaffMe }) {
  const state = useStaffListStore((store) => store.state)
  const storeId = useStaffListStore((store) => store.storeId)
  const notice = useStaffListStore((store) => store.notice)
  const load = useStaffListStore((store) => store.load)
  const pickStore = useStaffListStore((store) => store.pickStore)
  usePageData(load)
  const stores = useStoreChoices(me.role === 'admin')
  const storeFilter: readonly Choice<string | undefined>[] = [
    { id: 'staff-store-all', value: undefined, label: '全部门店' },
    ...stores,
  ]
  return (
    <>
      {me.role === 'admin' && (
        <Choices id='staff-stores' choices={storeFilter} chosen={storeId} onChoose={(id) => void pickStore(id)} />
      )}
      <AdminNotice id='staff-notice' notice={notice} />
      <Loaded
        state={state}
        onRetry={load}
        refused={<LoadState state='empty' message={REFUSAL} />}
        empty={{ when: (data) => data.staff.length === 0, text: '这家门店还没有员工' }}
      >
        {(data) => (
          <View className='admin-links' id='staff-list'>
            {data.staff.map((person) => (
              <StaffRow key={person.openid} me={me} person={person} stores={stores} showStore={data.storeId === null} />
            ))}
          </View>
        )}
      </Loaded>
      <Button
        className='button admin-create'
        id='staff-invite'
        // The store being viewed is the one to invite to (a manager's list, and invite, are their own store's).
        onClick={() => void navigate('staffInvite', storeId === undefined ? {} : { storeId })}
      >
        邀请员工
      </Button>
    </>
  )
}

/** 员工: a store's staff (a manager's own), with role changes (admins) and unbinding where allowed. */
export default function AdminStaffPage() {
  return (
    <PageShell className='admin-page'>
      <AdminGate roles={['admin', 'manager']} refusal={REFUSAL}>
        {(me) => <StaffScreen me={me} />}
      </AdminGate>
    </PageShell>
  )
}
