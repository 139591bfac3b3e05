import { STAFF_NAME_LENGTH_MAX } from '@shared/contracts'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { useStaffAccessStore } from '@/stores/staffAccessStore'
import { classNames } from '@/utils/classNames'
import { inviteCodeOf } from '../utils/inviteCode'
import { roleText } from '../utils/staffText'
import './AcceptInvite.css'

/**
 * What someone who is not staff sees on a staff page: why (`title`), and a form to accept an invite,
 * filled in when the page was opened from an invite (`?code=`).
 */
export function AcceptInvite({ initialCode, title }: { initialCode: string; title: string }) {
  const acceptance = useStaffAccessStore((store) => store.acceptance)
  const acceptInvite = useStaffAccessStore((store) => store.acceptInvite)
  const [codeText, setCodeText] = useState(initialCode)
  const [name, setName] = useState('')
  const code = inviteCodeOf(codeText)
  const accepting = acceptance.status === 'accepting'

  async function accept() {
    if (code === null) return
    const trimmedName = name.trim()
    const answer = await acceptInvite(trimmedName === '' ? { code } : { code, name: trimmedName })
    if (answer.ok) {
      const { staff } = answer.data
      await Taro.showToast({ title: `已绑定为${staff.storeName ?? ''}${roleText(staff.role)}`, icon: 'none' })
    }
  }

  return (
    <View className='accept-invite'>
      <Text className='accept-invite__title' id='accept-invite-title'>
        {title}
      </Text>
      <Text className='accept-invite__hint'>
        {initialCode === ''
          ? '如果你收到了店长的邀请码，请在下方输入后绑定。'
          : '你收到了门店员工邀请，确认后即可绑定。'}
      </Text>
      <Input
        className='accept-invite__input'
        id='invite-accept-code'
        placeholder='邀请码'
        value={codeText}
        onInput={(event) => setCodeText(event.detail.value)}
      />
      <Input
        className='accept-invite__input'
        id='invite-accept-name'
        placeholder='你的姓名（同事和记录中显示，可不填）'
        maxlength={STAFF_NAME_LENGTH_MAX}
        value={name}
        onInput={(event) => setName(event.detail.value)}
      />
      {acceptance.status === 'failed' && (
        <Text className='accept-invite__error' id='invite-accept-error'>
          {acceptance.message}
        </Text>
      )}
      <Button
        className={classNames('button button--primary', (code === null || accepting) && 'button--disabled')}
        id='invite-accept-submit'
        disabled={code === null || accepting}
        onClick={() => void accept()}
      >
        {accepting ? '绑定中…' : '接受邀请'}
      </Button>
    </View>
  )
}
