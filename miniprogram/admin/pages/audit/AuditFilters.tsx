import { AUDIT_ACTIONS, type AuditAction, type StaffMe } from '@shared/contracts'
import { Input, View } from '@tarojs/components'
import { useState } from 'react'
import { auditActionText } from '@/staff/utils/staffText'
import { classNames } from '@/utils/classNames'
import { type Choice, Choices } from '../../components/Choices'
import { FormField } from '../../components/FormField'
import { useAuditLogStore } from '../../stores/auditLogStore'
import { useStaffListStore } from '../../stores/staffListStore'
import { useStoreListStore } from '../../stores/storeListStore'

const ACTIONS: readonly Choice<AuditAction | undefined>[] = [
  { id: 'audit-action-all', value: undefined, label: '全部操作' },
  ...AUDIT_ACTIONS.map((action) => ({ id: `audit-action-${action}`, value: action, label: auditActionText(action) })),
]

function StoreFilter() {
  const state = useStoreListStore((store) => store.state)
  const storeId = useAuditLogStore((store) => store.filters.storeId)
  const filter = useAuditLogStore((store) => store.filter)
  const stores = state.status === 'ready' ? state.data.stores : []
  const choices: Choice<string | undefined>[] = [
    { id: 'audit-store-all', value: undefined, label: '全部门店' },
    ...stores.map((store) => ({ id: `audit-store-${store.id}`, value: store.id, label: store.name })),
  ]
  return (
    <Choices
      id='audit-stores'
      choices={choices}
      chosen={storeId}
      onChoose={(id) => void filter({ storeId: id, operatorOpenid: undefined })}
    />
  )
}

function OperatorFilter() {
  const state = useStaffListStore((store) => store.state)
  const { storeId, operatorOpenid } = useAuditLogStore((store) => store.filters)
  const filter = useAuditLogStore((store) => store.filter)
  const staff = state.status === 'ready' ? state.data.staff : []
  const choices: Choice<string | undefined>[] = [
    { id: 'audit-operator-all', value: undefined, label: '全部员工' },
    ...staff
      .filter((person) => storeId === undefined || person.storeId === storeId)
      .map((person) => ({ id: `audit-operator-${person.openid}`, value: person.openid, label: person.name })),
  ]
  return (
    <Choices
      id='audit-operators'
      choices={choices}
      chosen={operatorOpenid}
      onChoose={(openid) => void filter({ operatorOpenid: openid })}
    />
  )
}

function DayFilter() {
  const dayError = useAuditLogStore((store) => store.dayError)
  const filter = useAuditLogStore((store) => store.filter)
  const [day, setDay] = useState('')
  return (
    <FormField label='日期（营业日）' error={dayError} id='audit-day'>
      <Input
        className={classNames('admin-input', dayError && 'admin-input--invalid')}
        id='audit-day'
        value={day}
        placeholder='YYYY-MM-DD，留空为全部'
        onInput={(event) => setDay(event.detail.value)}
        onConfirm={() => void filter({ day })}
        onBlur={() => void filter({ day })}
      />
    </FormField>
  )
}

/** The log's filters: store (admins only: a manager's log is their own store's), staff member, action, day. */
export function AuditFilters({ me }: { me: StaffMe }) {
  const action = useAuditLogStore((store) => store.filters.action)
  const filter = useAuditLogStore((store) => store.filter)
  return (
    <View className='admin-subcard' id='audit-filters'>
      {me.role === 'admin' && <StoreFilter />}
      <OperatorFilter />
      <Choices
        id='audit-actions'
        choices={ACTIONS}
        chosen={action}
        onChoose={(value) => void filter({ action: value })}
      />
      <DayFilter />
    </View>
  )
}
