import type { InvitableRole, StaffInvite } from '@shared/contracts'
import { create } from 'zustand'
import { callAction } from '@/api/client'

/** Where creating an invite stands. */
export type InviteState =
  | { readonly status: 'idle' | 'creating' }
  | { readonly status: 'ready'; readonly invite: StaffInvite }
  | { readonly status: 'failed'; readonly message: string }

interface InviteStore {
  readonly role: InvitableRole
  readonly invite: InviteState
  setRole(role: InvitableRole): void
  /** Creates a single-use invite for the role and store (`staff.createInvite`). */
  create(storeId: string): Promise<void>
  reset(): void
}

/** Inviting a colleague: managers and admins create a code the invitee scans or types. */
export const useInviteStore = create<InviteStore>((set, get) => ({
  role: 'staff',
  invite: { status: 'idle' },
  setRole(role) {
    set({ role, invite: { status: 'idle' } })
  },
  async create(storeId) {
    set({ invite: { status: 'creating' } })
    const answer = await callAction('staff', 'createInvite', { role: get().role, storeId: storeId.trim() })
    set({
      invite: answer.ok ? { status: 'ready', invite: answer.data } : { status: 'failed', message: answer.message },
    })
  },
  reset() {
    set({ role: 'staff', invite: { status: 'idle' } })
  },
}))
