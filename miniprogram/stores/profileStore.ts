import type { ApiEnvelope, Profile, UpdateProfileResult, updateProfileInput } from '@shared/contracts'
import type { z } from 'zod'
import { create } from 'zustand'
import { callAction } from '@/api/client'
import { uploadAvatar } from '@/api/uploadAvatar'
import { type Loadable, loadInto } from './loadable'
import { submitOnce } from './submitOnce'

type ProfileState = Loadable<Profile, 'notMember'>

/** One change to the profile, as `member.updateProfile` takes it. */
export type ProfileChange = z.input<typeof updateProfileInput>

interface ProfileStore {
  readonly state: ProfileState
  /** A change on its way: the profile's buttons wait for it. */
  readonly saving: boolean
  load(): Promise<void>
  /**
   * Saves a change; the answer says how many points completing the profile just gave (0 if none).
   * Null when a save was already on its way (nothing sent).
   */
  update(change: ProfileChange): Promise<ApiEnvelope<UpdateProfileResult> | null>
  /** Uploads the avatar `chooseAvatar` picked (a temporary file) and saves its cloud file id. */
  updateAvatarFile(temporaryFilePath: string): Promise<ApiEnvelope<UpdateProfileResult> | null>
}

/** The member's profile from `member.profile`, changed through `member.updateProfile`. */
export const useProfileStore = create<ProfileStore>((set, get) => {
  async function send(change: ProfileChange): Promise<ApiEnvelope<UpdateProfileResult>> {
    set({ saving: true })
    const answer = await callAction('member', 'updateProfile', change)
    set(answer.ok ? { saving: false, state: { status: 'ready', data: answer.data.profile } } : { saving: false })
    return answer
  }
  // One save at a time, avatar upload included: a tap while one is on its way sends nothing (null).
  const saveOnce = submitOnce((save: () => Promise<ApiEnvelope<UpdateProfileResult>>) => save())

  return {
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
    update: (change) => saveOnce(() => send(change)),
    updateAvatarFile: (temporaryFilePath) =>
      saveOnce(async () => {
        set({ saving: true })
        try {
          return await send({ avatarUrl: await uploadAvatar(temporaryFilePath) })
        } catch (error) {
          console.error('avatar upload failed', error)
          set({ saving: false })
          return { ok: false, code: 'NETWORK_ERROR', message: '头像上传失败，请重试' }
        }
      }),
  }
})
