import type { StaffList } from '@shared/contracts'
import { create } from 'zustand'
import { callAction } from '@/api/client'
import { type Loadable, loadInto } from '@/stores/loadable'
import { isOutcomeUnknown } from '@/utils/refusals'
import { newRequestId } from '@/utils/requestId'
import type { ItemNotice } from './itemEditorStore'

/** A role change as the 员工 screen asks it. */
export interface RoleChange {
  readonly openid: string
  readonly role: 'staff' | 'manager'
  readonly storeId: string
}

interface StaffListStore {
  /** `admin.listStaff`; `forbidden` for a caller who is neither a manager nor an admin (any more). */
  readonly state: Loadable<StaffList, 'forbidden'>
  /** The store an admin picked; undefined: every store (a manager always gets their own). */
  readonly storeId: string | undefined
  readonly busy: boolean
  readonly notice: ItemNotice | null
  /** The unbind reason's problem, shown under the field. */
  readonly reasonError: string | null
  load(): Promise<void>
  pickStore(storeId: string | undefined): Promise<void>
  unbind(openid: string, reason: string): Promise<boolean>
  changeRole(change: RoleChange): Promise<boolean>
  reset(): void
}

// Kept while a role change's outcome is unknown, so asking again cannot change twice.
let pending: { readonly key: string; readonly requestId: string } | null = null

function requestIdFor(change: RoleChange): string {
  const key = `${change.openid}|${change.role}|${change.storeId}`
  if (pending?.key !== key) pending = { key, requestId: newRequestId() }
  return pending.requestId
}

const INITIAL = { state: { status: 'idle' }, storeId: undefined, busy: false, notice: null, reasonError: null } as const

/** The 员工 screen: a store's staff, and the role changes and unbinds made from it. */
export const useStaffListStore = create<StaffListStore>((set, get) => ({
  ...INITIAL,
  async load() {
    const { storeId } = get()
    await loadInto({
      current: get().state,
      write: (state) => set({ state }),
      request: () => callAction('admin', 'listStaff', storeId === undefined ? {} : { storeId }),
      refusals: { NOT_STAFF: 'forbidden', FORBIDDEN: 'forbidden' },
      stillWanted: () => get().storeId === storeId,
    })
  },
  async pickStore(storeId) {
    set({ storeId, state: { status: 'idle' }, notice: null })
    await get().load()
  },
  async unbind(openid, reason) {
    if (reason.trim() === '') {
      set({ reasonError: '请填写解绑原因' })
      return false
    }
    set({ busy: true, notice: null, reasonError: null })
    const answer = await callAction('staff', 'unbind', { openid, reason: reason.trim() })
    if (!answer.ok) {
      set({ busy: false, notice: { tone: 'failed', text: answer.message } })
      return false
    }
    set({ busy: false, notice: { tone: 'ok', text: answer.data.unbound ? '已解绑' : '此人已不在绑定名单中' } })
    await get().load()
    return true
  },
  async changeRole(change) {
    set({ busy: true, notice: null })
    const requestId = requestIdFor(change)
    const answer = await callAction('admin', 'changeStaffRole', { requestId, ...change })
    if (answer.ok || !isOutcomeUnknown(answer.code)) pending = null
    if (!answer.ok) {
      set({ busy: false, notice: { tone: 'failed', text: answer.message } })
      return false
    }
    set({ busy: false, notice: { tone: 'ok', text: '已更改角色' } })
    await get().load()
    return true
  },
  reset() {
    pending = null
    set(INITIAL)
  },
}))
