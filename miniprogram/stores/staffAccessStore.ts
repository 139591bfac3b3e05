import type { AcceptInviteResult, ApiEnvelope, StaffMe } from '@shared/contracts'
import { create } from 'zustand'
import { callAction } from '@/api/client'
import { type Loadable, loadInto } from './loadable'

/** Whether the person holding the phone is bound staff (`staff.me`). */
export type StaffAccessState = Loadable<StaffMe, 'notStaff'>

/** Where accepting an invite stands. */
export type InviteAcceptance =
  | { readonly status: 'idle' | 'accepting' }
  | { readonly status: 'failed'; readonly message: string }

interface StaffAccessStore {
  readonly state: StaffAccessState
  readonly acceptance: InviteAcceptance
  /** Asks who the caller is; a known answer stays on screen while it is asked again. */
  load(): Promise<void>
  /** Asks once per app session (again after an error): the profile page's 店员入口 needs no fresher answer. */
  ensureLoaded(): Promise<void>
  /** Binds the caller with an invite code; on success the caller is staff from now on. */
  acceptInvite(input: { code: string; name?: string }): Promise<ApiEnvelope<AcceptInviteResult>>
}

/**
 * The caller's staff binding. The profile page shows 店员入口 only when it is `ready`; the staff
 * pages show nothing else until it is. The cloud functions decide every action again from the OPENID.
 */
export const useStaffAccessStore = create<StaffAccessStore>((set, get) => ({
  state: { status: 'idle' },
  acceptance: { status: 'idle' },
  async load() {
    await loadInto({
      current: get().state,
      write: (state) => set({ state }),
      request: () => callAction('staff', 'me', {}),
      refusals: { NOT_STAFF: 'notStaff' },
    })
  },
  async ensureLoaded() {
    const { status } = get().state
    if (status === 'idle' || status === 'error') await get().load()
  },
  async acceptInvite(input) {
    set({ acceptance: { status: 'accepting' } })
    const answer = await callAction('staff', 'acceptInvite', input)
    if (answer.ok) set({ acceptance: { status: 'idle' }, state: { status: 'ready', data: answer.data.staff } })
    else set({ acceptance: { status: 'failed', message: answer.message } })
    return answer
  },
}))
