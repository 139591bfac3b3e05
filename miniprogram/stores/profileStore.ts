import type { ApiEnvelope, Profile, UpdateProfileResult, updateProfileInput } from '@shared/contracts'
import type { z } from 'zod'
import { create } from 'zustand'
import { callAction } from '@/api/client'
import { uploadAvatar } from '@/api/uploadAvatar'
import { type Loadable, loadInto } from './loadable'

type ProfileState = Loadable<Profile, 'notMember'>

/** One change to the profile, as `member.updateProfile` takes it. */
export type ProfileChange = z.input<typeof updateProfileInput>

interface ProfileStore {
  readonly state: ProfileState
  /** A change on its way: the profile's buttons wait for it. */
  readonly saving: boolean
  load(): Promise<void>
  /** Saves a change; the answer says how many points completing the profile just gave (0 if none). */
  update(change: ProfileChange): Promise<ApiEnvelope<UpdateProfileResult>>
  /** Uploads the avatar `chooseAvatar` picked (a temporary file) and saves its cloud file id. */
  updateAvatarFile(temporaryFilePath: string): Promise<ApiEnvelope<UpdateProfileResult>>
}

/** The member's profile from `member.profile`, changed through `member.updateProfile`. */
export const useProfileStore = create<ProfileStore>((set, get) => ({
  state: { status: 'idle' },
  saving: false,
  async load() {
    await loadInto({
      current: get().state,
      write: (state) => set({ state }),
      request: () => callAction('member', 'profile', {}),
      refusals: { NOT_A_MEMBER: 'notMember' },
    })
  },
  async update(change) {
    set({ saving: true })
    const answer = await callAction('member', 'updateProfile', change)
    set(answer.ok ? { saving: false, state: { status: 'ready', data: answer.data.profile } } : { saving: false })
    return answer
  },
  async updateAvatarFile(temporaryFilePath) {
    set({ saving: true })
    try {
      return await get().update({ avatarUrl: await uploadAvatar(temporaryFilePath) })
    } catch (error) {
      console.error('avatar upload failed', error)
      set({ saving: false })
      return { ok: false, code: 'NETWORK_ERROR', message: '头像上传失败，请重试' }
    }
  },
}))
