import { Button, Text, View } from '@tarojs/components'
import { useCallback } from 'react'
import { Loaded } from '@/components/Loaded'
import { LoadState } from '@/components/LoadState'
import { PageShell } from '@/components/PageShell'
import { usePageData } from '@/hooks/usePageData'
import { relaunch } from '@/navigation'
import { type ProfileChange, useProfileStore } from '@/stores/profileStore'
import { useProgrammeStore } from '@/stores/programmeStore'
import { useStaffAccessStore } from '@/stores/staffAccessStore'
import { announce } from './announce'
import { ProfileLinks, StaffEntry } from './ProfileLinks'
import { AvatarRow, BirthdayRow, NicknameRow, PhoneRow } from './ProfileRows'
import './index.css'

function completionHintText(completionPoints: number): string {
  return completionPoints > 0
    ? `完善头像、昵称、生日和手机号，可得 ${completionPoints} 积分（仅一次）`
    : '完善头像、昵称、生日和手机号，可得积分奖励（仅一次）'
}

const JOIN_PROMPT = (
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
)

/** "我的": the member's profile, each part saved on its own; completing it pays a reward once. */
export default function ProfilePage() {
  const state = useProfileStore((store) => store.state)
  const saving = useProfileStore((store) => store.saving)
  const load = useProfileStore((store) => store.load)
  const update = useProfileStore((store) => store.update)
  const updateAvatarFile = useProfileStore((store) => store.updateAvatarFile)
  const completionPoints = useProgrammeStore((store) =>
    store.state.status === 'ready' ? store.state.data.profileCompletionPoints : 0,
  )
  const ensureProgramme = useProgrammeStore((store) => store.ensureLoaded)
  const ensureStaffAccess = useStaffAccessStore((store) => store.ensureLoaded)
  usePageData(
    useCallback(
      () => Promise.all([load(), ensureStaffAccess(), ensureProgramme()]),
      [load, ensureStaffAccess, ensureProgramme],
    ),
  )

  const save = (change: ProfileChange) => void update(change).then(announce)
  const saveFile = (path: string) => void updateAvatarFile(path).then(announce)
  return (
    <PageShell className='profile-page'>
      <Loaded state={state} onRetry={load} refused={JOIN_PROMPT}>
        {(profile) => (
          <>
            {!profile.completionRewarded && (
              <Text className='profile-page__hint' id='profile-completion-hint'>
                {completionHintText(completionPoints)}
              </Text>
            )}
            <View className='profile-page__rows'>
              <AvatarRow profile={profile} saving={saving} save={save} saveFile={saveFile} />
              <NicknameRow key={profile.nickname ?? ''} profile={profile} saving={saving} save={save} />
              <BirthdayRow profile={profile} saving={saving} save={save} />
              <PhoneRow profile={profile} saving={saving} save={save} />
            </View>
            <ProfileLinks />
          </>
        )}
      </Loaded>
      <StaffEntry />
    </PageShell>
  )
}
