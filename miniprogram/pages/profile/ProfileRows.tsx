import type { Profile } from '@shared/contracts'
import { Button, Image, Input, Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { ProfileChange } from '@/stores/profileStore'
import { classNames } from '@/utils/classNames'

/** The cloudID the local emulator resolves to a test phone number (H5 has no getPhoneNumber). */
const LOCAL_TEST_PHONE_CLOUD_ID = 'phone:13800138000'
// H5-only code sits behind `process.env.TARO_ENV === 'h5'` written out in place: the build
// replaces it with a constant and drops the dead branch, which a helper function would prevent.
/** The picker opens here: a birthday is in the past, and most members are adults. */
const BIRTHDAY_PICKER_DEFAULT = '1995-01-01'

function birthdayText(birthday: string): string {
  const [month = '', day = ''] = birthday.split('-')
  return `${Number(month)}月${Number(day)}日`
}

/** The avatar: WeChat's chooseAvatar on weapp, an image address in H5 (local mode). */
export function AvatarRow({ profile, save, saveFile, saving }: RowProps & { saveFile: (path: string) => void }) {
  const [url, setUrl] = useState('')
  return (
    <View className='profile-row profile-row--avatar'>
      <Text className='profile-row__label'>头像</Text>
      {profile.avatarUrl === null ? (
        <View className='profile-avatar profile-avatar--empty' id='profile-avatar'>
          <Text>未设置</Text>
        </View>
      ) : (
        <Image className='profile-avatar' id='profile-avatar' src={profile.avatarUrl} mode='aspectFill' />
      )}
      {process.env.TARO_ENV === 'h5' ? (
        <View className='profile-row__edit'>
          <Input
            className='profile-input'
            id='profile-avatar-url'
            placeholder='头像图片地址 https://…'
            value={url}
            onInput={(event) => setUrl(event.detail.value)}
          />
          <Button
            className={classNames(
              'button button--small profile-row__button',
              (saving || url.trim() === '') && 'button--disabled',
            )}
            id='profile-avatar-save'
            disabled={saving || url.trim() === ''}
            onClick={() => save({ avatarUrl: url.trim() })}
          >
            保存
          </Button>
        </View>
      ) : (
        <Button
          className={classNames('button button--small profile-row__button', saving && 'button--disabled')}
          id='profile-avatar-button'
          openType='chooseAvatar'
          disabled={saving}
          onChooseAvatar={(event) => saveFile((event.detail as { avatarUrl: string }).avatarUrl)}
        >
          {profile.avatarUrl === null ? '选择头像' : '更换'}
        </Button>
      )}
    </View>
  )
}

export interface RowProps {
  readonly profile: Profile
  readonly saving: boolean
  readonly save: (change: ProfileChange) => void
}

/** The nickname, saved when changed. */
export function NicknameRow({ profile, save, saving }: RowProps) {
  const [nickname, setNickname] = useState(profile.nickname ?? '')
  const changed = nickname.trim() !== '' && nickname.trim() !== profile.nickname
  return (
    <View className='profile-row'>
      <Text className='profile-row__label'>昵称</Text>
      <Input
        className='profile-input'
        id='profile-nickname'
        type='nickname'
        maxlength={20}
        placeholder='填写昵称'
        value={nickname}
        onInput={(event) => setNickname(event.detail.value)}
        onBlur={(event) => setNickname(event.detail.value)}
      />
      <Button
        className={classNames('button button--small profile-row__button', (saving || !changed) && 'button--disabled')}
        id='profile-nickname-save'
        disabled={saving || !changed}
        onClick={() => save({ nickname: nickname.trim() })}
      >
        保存
      </Button>
    </View>
  )
}

/** The birthday: picked once, after a confirmation, then only the store can change it. */
export function BirthdayRow({ profile, save, saving }: RowProps) {
  async function choose(date: string) {
    const birthday = date.slice(5)
    const { confirm } = await Taro.showModal({
      title: '设置生日',
      content: `生日设为 ${birthdayText(birthday)}？设置后不可自行修改。`,
      confirmText: '确认',
    })
    if (confirm) save({ birthday })
  }
  return (
    <View className='profile-row'>
      <Text className='profile-row__label'>生日</Text>
      {profile.birthday === null ? (
        <Picker
          mode='date'
          value={BIRTHDAY_PICKER_DEFAULT}
          start='1920-01-01'
          disabled={saving}
          onChange={(event) => void choose(event.detail.value)}
        >
          <View className='profile-row__value profile-row__value--action' id='profile-birthday-picker'>
            <Text>选择生日 ›</Text>
          </View>
        </Picker>
      ) : (
        <View className='profile-row__value'>
          <Text id='profile-birthday'>{birthdayText(profile.birthday)}</Text>
          <Text className='profile-row__note'>如需修改请联系门店</Text>
        </View>
      )}
    </View>
  )
}

/** The phone number, from WeChat's getPhoneNumber (a test number in H5). */
export function PhoneRow({ profile, save, saving }: RowProps) {
  const label = profile.phoneNumber === null ? '授权手机号' : '更换'
  return (
    <View className='profile-row'>
      <Text className='profile-row__label'>手机号</Text>
      <Text className='profile-row__value' id='profile-phone'>
        {profile.phoneNumber ?? '未绑定'}
      </Text>
      {process.env.TARO_ENV === 'h5' ? (
        <Button
          className={classNames('button button--small profile-row__button', saving && 'button--disabled')}
          id='profile-phone-button'
          disabled={saving}
          onClick={() => save({ phoneCloudId: LOCAL_TEST_PHONE_CLOUD_ID })}
        >
          {label}
        </Button>
      ) : (
        <Button
          className={classNames('button button--small profile-row__button', saving && 'button--disabled')}
          id='profile-phone-button'
          openType='getPhoneNumber'
          disabled={saving}
          onGetPhoneNumber={(event) => {
            const cloudId = (event.detail as { cloudID?: string }).cloudID
            if (cloudId) save({ phoneCloudId: cloudId })
            else void Taro.showToast({ title: '未获得手机号授权', icon: 'none' })
          }}
        >
          {label}
        </Button>
      )}
    </View>
  )
}
