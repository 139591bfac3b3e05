import type { ApiEnvelope, Profile, UpdateProfileResult, updateProfileInput } from '@shared/contracts'
import type { z } from 'zod'
import { create } from 'zustand'
import { callAction } from '@/api/client'
import { uploadAvatar } from '@/api/uploadAvatar'

type ProfileState =
  | { readonly status: 'idle' | 'loading' | 'notMember' }
  | { readonly status: 'ready'; readonly profile: Profile }
  | { readonly status: 'error'; readonly message: string }

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
    if (get().state.status !== 'ready') set({ state: { status: 'loading' } })
    const answer = await callAction('member', 'profile', {})
    if (answer.ok) set({ state: { status: 'ready', profile: answer.data } })
    else if (answer.code === 'NOT_A_MEMBER') set({ state: { status: 'notMember' } })
    else if (get().state.status !== 'ready') set({ state: { status: 'error', message: answer.message } })
  },
  async update(change) {
    set({ saving: true })
    const answer = await callAction('member', 'updateProfile', change)
    set(answer.ok ? { saving: false, state: { status: 'ready', profile: answer.data.profile } } : { saving: false })
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
