import { View } from '@tarojs/components'
import { useCallback } from 'react'
import { Loaded } from '@/components/Loaded'
import { PageShell } from '@/components/PageShell'
import { usePageData } from '@/hooks/usePageData'
import { type ProfileChange, useProfileStore } from '@/stores/profileStore'
import { useProgrammeStore } from '@/stores/programmeStore'
import { useStaffAccessStore } from '@/stores/staffAccessStore'
import { announce } from './announce'
import { CompletionHint, JoinPrompt, ProfileLinks, StaffEntry } from './ProfileLinks'
import { AvatarRow, BirthdayRow, NicknameRow, PhoneRow } from './ProfileRows'
import './index.css'

/** "我的": the member's profile, each part saved on its own; completing it pays a reward once. */
export default function ProfilePage() {
  const state = useProfileStore((store) => store.state)
  const saving = useProfileStore((store) => store.saving)
  const load = useProfileStore((store) => store.load)
  const update = useProfileStore((store) => store.update)
  const updateAvatarFile = useProfileStore((store) => store.updateAvatarFile)
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
      <Loaded state={state} onRetry={load} refused={<JoinPrompt />}>
        {(profile) => (
          <>
            {!profile.completionRewarded && <CompletionHint />}
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
