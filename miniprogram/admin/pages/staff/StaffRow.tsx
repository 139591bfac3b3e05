import type { StaffMe, StaffView } from '@shared/contracts'
import { roleChangeAuthority, unbindAuthority } from '@shared/staff'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { roleText } from '@/staff/utils/staffText'
import { formatDateTime } from '@/utils/formatTime'
import { type Choice, Choices } from '../../components/Choices'
import { FormField } from '../../components/FormField'
import { useStaffListStore } from '../../stores/staffListStore'

const ROLES: readonly Choice<'staff' | 'manager'>[] = [
  { id: 'staff-role-staff', value: 'staff', label: '店员' },
  { id: 'staff-role-manager', value: 'manager', label: '店长' },
]

type Panel = 'none' | 'role' | 'unbind'

/** Whether `me` may do `rule` to `person` (the screen only: the action checks again, and refuses oneself). */
function may(rule: typeof roleChangeAuthority, me: StaffMe, person: StaffView): boolean {
  return rule(me, { callerOpenid: '', targetOpenid: person.openid, target: person }).ok
}

function RolePanel({ person, stores }: { person: StaffView; stores: readonly Choice<string>[] }) {
  const [role, setRole] = useState<'staff' | 'manager'>(person.role === 'manager' ? 'manager' : 'staff')
  const [storeId, setStoreId] = useState(person.storeId ?? stores[0]?.value ?? '')
  const busy = useStaffListStore((store) => store.busy)
  const changeRole = useStaffListStore((store) => store.changeRole)
  const confirm = async () => {
    const storeName = stores.find((store) => store.value === storeId)?.label ?? storeId
    const { confirm: confirmed } = await Taro.showModal({
      title: '更改角色',
      content: `将 ${person.name} 设为 ${storeName} 的${roleText(role)}？`,
    })
    if (confirmed) await changeRole({ openid: person.openid, role, storeId })
  }
  return (
    <View className='admin-subcard' id={`staff-${person.openid}-role-panel`}>
      <Choices id='staff-role' choices={ROLES} chosen={role} onChoose={setRole} />
      <Choices
        id='staff-role-store'
        choices={stores.map((store) => ({ ...store, id: `staff-role-${store.id}` }))}
        chosen={storeId}
        onChoose={setStoreId}
      />
      <Button className='button button--primary' id='staff-role-confirm' disabled={busy} onClick={() => void confirm()}>
        确认更改
      </Button>
    </View>
  )
}

function UnbindPanel({ person }: { person: StaffView }) {
  const [reason, setReason] = useState('')
  const busy = useStaffListStore((store) => store.busy)
  const reasonError = useStaffListStore((store) => store.reasonError)
  const unbind = useStaffListStore((store) => store.unbind)
  const confirm = async () => {
    if (reason.trim() === '') {
      await unbind(person.openid, reason)
      return
    }
    const { confirm: confirmed } = await Taro.showModal({
      title: '解绑员工',
      content: `确定解绑 ${person.name}（${roleText(person.role)}）？解绑后此人不能再使用店员功能。`,
    })
    if (confirmed) await unbind(person.openid, reason)
  }
  return (
    <View className='admin-subcard' id={`staff-${person.openid}-unbind-panel`}>
      <FormField label='解绑原因' error={reasonError} id='staff-unbind-reason'>
        <Input
          className='admin-input'
          id='staff-unbind-reason'
          value={reason}
          placeholder='例如：已离职'
          onInput={(event) => setReason(event.detail.value)}
        />
      </FormField>
      <Button
        className='button button--primary'
        id='staff-unbind-confirm'
        disabled={busy}
        onClick={() => void confirm()}
      >
        确认解绑
      </Button>
    </View>
  )
}

/** A staff member: who, role, since when, and the changes the caller may make. */
export function StaffRow(props: {
  me: StaffMe
  person: StaffView
  stores: readonly Choice<string>[]
  showStore: boolean
}) {
  const { me, person } = props
  const [panel, setPanel] = useState<Panel>('none')
  const toggle = (next: Panel) => setPanel(panel === next ? 'none' : next)
  const where = props.showStore && person.storeName !== null ? ` · ${person.storeName}` : ''
  return (
    <View className='admin-row' id={`staff-${person.openid}`}>
      <Text className='admin-link__title'>{person.name}</Text>
      <Text className='admin-link__note'>
        {`${roleText(person.role)}${where} · 绑定于 ${formatDateTime(person.boundAtMs)}`}
      </Text>
      <View className='admin-choices'>
        {may(roleChangeAuthority, me, person) && (
          <Text className='admin-choice' id={`staff-${person.openid}-role`} onClick={() => toggle('role')}>
            更改角色
          </Text>
        )}
        {may(unbindAuthority, me, person) && (
          <Text className='admin-choice' id={`staff-${person.openid}-unbind`} onClick={() => toggle('unbind')}>
            解绑
          </Text>
        )}
      </View>
      {panel === 'role' && <RolePanel person={person} stores={props.stores} />}
      {panel === 'unbind' && <UnbindPanel person={person} />}
    </View>
  )
}
