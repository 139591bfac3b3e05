import type { ApiEnvelope, Profile, UpdateProfileResult } from '@shared/contracts'
import { Button, Image, Input, Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { LoadState } from '@/components/LoadState'
import { PageShell } from '@/components/PageShell'
import { usePageVisible } from '@/hooks/usePageVisible'
import { navigate, relaunch } from '@/navigation'
import { type ProfileChange, useProfileStore } from '@/stores/profileStore'
import { useProgrammeStore } from '@/stores/programmeStore'
import { useStaffAccessStore } from '@/stores/staffAccessStore'
import { classNames } from '@/utils/classNames'
import './index.css'

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

async function announce(answer: ApiEnvelope<UpdateProfileResult>): Promise<void> {
  if (!answer.ok) {
    await Taro.showToast({ title: answer.message, icon: 'none' })
    return
  }
  const points = answer.data.completionPoints
  await Taro.showToast({
    title: points > 0 ? `资料已完善，获得 ${points} 积分` : '已保存',
    icon: points > 0 ? 'none' : 'success',
  })
}

function AvatarRow({ profile, save, saveFile, saving }: RowProps & { saveFile: (path: string) => void }) {
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

interface RowProps {
  readonly profile: Profile
  readonly saving: boolean
  readonly save: (change: ProfileChange) => void
}

function NicknameRow({ profile, save, saving }: RowProps) {
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

function BirthdayRow({ profile, save, saving }: RowProps) {
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

function PhoneRow({ profile, save, saving }: RowProps) {
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

/** "我的": the member's profile, each part saved on its own; completing it pays a reward once. */
export default function ProfilePage() {
  const visible = usePageVisible()
  const state = useProfileStore((store) => store.state)
  const saving = useProfileStore((store) => store.saving)
  const load = useProfileStore((store) => store.load)
  const update = useProfileStore((store) => store.update)
  const updateAvatarFile = useProfileStore((store) => store.updateAvatarFile)
  const programmeState = useProgrammeStore((store) => store.state)
  const ensureProgramme = useProgrammeStore((store) => store.ensureLoaded)
  const completionPoints = programmeState.status === 'ready' ? programmeState.programme.profileCompletionPoints : 0
  const staffAccess = useStaffAccessStore((store) => store.state)
  const ensureStaffAccess = useStaffAccessStore((store) => store.ensureLoaded)

  useEffect(() => {
    if (visible) {
      void load()
      void ensureStaffAccess()
    }
  }, [visible, load, ensureStaffAccess])

  useEffect(() => {
    void ensureProgramme()
  }, [ensureProgramme])

  const save = (change: ProfileChange) => void update(change).then(announce)
  const saveFile = (path: string) => void updateAvatarFile(path).then(announce)

  return (
    <PageShell className='profile-page'>
      {(state.status === 'idle' || state.status === 'loading') && <LoadState state='loading' />}
      {state.status === 'error' && <LoadState state='error' message={state.message} onRetry={load} />}
      {state.status === 'notMember' && (
        <View className='profile-page__join' id='profile-not-member'>
          <LoadState state='empty' message='加入会员后即可完善资料' />
          <Button
            className='button button--primary profile-page__join-button'
            id='profile-join'
            onClick={() => void relaunch('join')}
          >
            立即加入会员
          </Button>
        </View>
      )}
      {state.status === 'ready' && (
        <>
          {!state.profile.completionRewarded && (
            <Text className='profile-page__hint' id='profile-completion-hint'>
              {completionPoints > 0
                ? `完善头像、昵称、生日和手机号，可得 ${completionPoints} 积分（仅一次）`
                : '完善头像、昵称、生日和手机号，可得积分奖励（仅一次）'}
            </Text>
          )}
          <View className='profile-page__rows'>
            <AvatarRow profile={state.profile} saving={saving} save={save} saveFile={saveFile} />
            <NicknameRow key={state.profile.nickname ?? ''} profile={state.profile} saving={saving} save={save} />
            <BirthdayRow profile={state.profile} saving={saving} save={save} />
            <PhoneRow profile={state.profile} saving={saving} save={save} />
          </View>
          <View className='profile-page__links'>
            <View className='profile-page__link' id='profile-link-history' onClick={() => void navigate('history')}>
              <Text>积分明细</Text>
              <Text className='profile-page__chevron'>›</Text>
            </View>
            <View className='profile-page__link' id='profile-link-orders' onClick={() => void navigate('orders')}>
              <Text>我的订单</Text>
              <Text className='profile-page__chevron'>›</Text>
            </View>
            <View className='profile-page__link' id='profile-link-wallet' onClick={() => void navigate('wallet')}>
              <Text>我的卡券</Text>
              <Text className='profile-page__chevron'>›</Text>
            </View>
            <View className='profile-page__link' id='profile-link-tiers' onClick={() => void navigate('tiers')}>
              <Text>会员权益</Text>
              <Text className='profile-page__chevron'>›</Text>
            </View>
          </View>
        </>
      )}
      {staffAccess.status === 'ready' && (
        <View className='profile-page__links'>
          <View className='profile-page__link' id='profile-link-staff' onClick={() => void navigate('staffCounter')}>
            <Text>店员入口</Text>
            <Text className='profile-page__chevron'>›</Text>
          </View>
        </View>
      )}
    </PageShell>
  )
}
