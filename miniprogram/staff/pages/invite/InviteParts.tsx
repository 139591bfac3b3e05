import type { InvitableRole, StaffInvite, StaffMe } from '@shared/contracts'
import { Button, Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { CodePanel } from '@/components/CodePanel'
import { redirect } from '@/navigation'
import { classNames } from '@/utils/classNames'
import { formatDateTime } from '@/utils/formatTime'
import { useInviteStore } from '../../stores/inviteStore'
import { roleText } from '../../utils/staffText'

/** The roles each inviter may invite (`inviteAuthority`): a manager only clerks. */
const ROLES: Readonly<Record<'admin' | 'manager', readonly InvitableRole[]>> = {
  admin: ['staff', 'manager'],
  manager: ['staff'],
}

/** A created invite: its QR code, the code to type, the path and when it expires. */
function InviteCode({ invite, onRetry }: { invite: StaffInvite; onRetry: () => void }) {
  return (
    <View className='invite-card' id='invite-result'>
      <Text className='invite-card__title' id='invite-result-title'>
        {`${roleText(invite.role)}邀请 · ${invite.storeName}`}
      </Text>
      <CodePanel
        idPrefix='invite-code'
        view={{ status: 'ready', token: invite.path, caption: '请受邀人在小程序内扫码，或输入下方邀请码' }}
        loadingText='生成中…'
        retryText='重新生成'
        onRetry={onRetry}
      />
      <Text className='invite-card__code' id='invite-code-text'>
        {invite.code}
      </Text>
      <Text className='invite-card__line' id='invite-path'>
        {invite.path}
      </Text>
      <Text className='invite-card__line' id='invite-expiry'>
        {`有效期至 ${formatDateTime(invite.expiresAtMs)}，仅可使用一次`}
      </Text>
    </View>
  )
}

/**
 * Managers and admins pick a role (and admins a store, `storeId` at first) and create a single-use
 * invite; a manager's is for their own store, whatever the link said.
 */
export function InviteForm({ staff, storeId: initialStoreId }: { staff: StaffMe; storeId: string | undefined }) {
  const role = useInviteStore((store) => store.role)
  const invite = useInviteStore((store) => store.invite)
  const setRole = useInviteStore((store) => store.setRole)
  const create = useInviteStore((store) => store.create)
  const isAdmin = staff.role === 'admin'
  const [storeId, setStoreId] = useState((isAdmin ? initialStoreId : staff.storeId) ?? '')
  const creating = invite.status === 'creating'
  const ready = storeId.trim() !== '' && !creating

  return (
    <>
      <View className='invite-card'>
        <Text className='invite-card__title'>邀请同事绑定为门店员工</Text>
        <View className='invite-roles'>
          {ROLES[isAdmin ? 'admin' : 'manager'].map((option) => (
            <View
              key={option}
              className={classNames('invite-roles__role', option === role && 'invite-roles__role--active')}
              id={`invite-role-${option}`}
              onClick={() => setRole(option)}
            >
              {roleText(option)}
            </View>
          ))}
        </View>
        {isAdmin ? (
          <Input
            className='invite-card__input'
            id='invite-store'
            placeholder='门店编号，如 store-1'
            value={storeId}
            onInput={(event) => setStoreId(event.detail.value)}
          />
        ) : (
          <Text
            className='invite-card__line'
            id='invite-store'
          >{`门店：${staff.storeName ?? staff.storeId ?? ''}`}</Text>
        )}
        {invite.status === 'failed' && (
          <Text className='invite-card__error' id='invite-error'>
            {invite.message}
          </Text>
        )}
        <Button
          className={classNames('button button--primary', !ready && 'button--disabled')}
          id='invite-create'
          disabled={!ready}
          onClick={() => void create(storeId)}
        >
          {creating ? '生成中…' : '生成邀请码'}
        </Button>
      </View>
      {invite.status === 'ready' && <InviteCode invite={invite.invite} onRetry={() => void create(storeId)} />}
    </>
  )
}

/** Someone who opened an invite and is (now) bound: where, as what, and the way to the counter. */
export function Bound({ staff }: { staff: StaffMe }) {
  return (
    <View className='invite-card' id='invite-bound'>
      <Text className='invite-card__title'>{`你已是${staff.storeName ?? '全部门店'}的${roleText(staff.role)}`}</Text>
      <Button className='button button--primary' id='invite-go-counter' onClick={() => void redirect('staffCounter')}>
        进入收银台
      </Button>
    </View>
  )
}
