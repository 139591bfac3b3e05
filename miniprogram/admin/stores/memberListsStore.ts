import type { MemberListKind } from '@shared/admin/memberLists'
import type { ActionInput, MemberListPage } from '@shared/contracts'
import { create } from 'zustand'
import { callAction } from '@/api/client'
import { type Loadable, loadInto } from '@/stores/loadable'
import { memberListOptionOf, parameterOf } from '../utils/memberListText'

interface MemberListsStore {
  readonly list: MemberListKind
  /** The list's number as typed (days, growth). */
  readonly parameter: string
  readonly parameterError: string | null
  /** An admin's store; null: the whole chain (a manager's is always their own, the function decides). */
  readonly storeId: string | null
  /** Where each page shown so far started, for 上一页; the last is the page on screen. */
  readonly starts: readonly (string | null)[]
  readonly state: Loadable<MemberListPage, 'forbidden'>
  chooseList(list: MemberListKind): Promise<void>
  chooseStore(storeId: string | null): Promise<void>
  setParameter(text: string): void
  /** The first page, with the choices now. */
  load(): Promise<void>
  nextPage(): Promise<void>
  previousPage(): Promise<void>
  reset(): void
}

type MemberListInput = ActionInput<'admin', 'memberList'>

function inputOf(list: MemberListKind, value: number, paging: { storeId?: string; after?: string }): MemberListInput {
  switch (list) {
    case 'dormant':
    case 'expiringPoints':
      return { list, days: value, ...paging }
    case 'nearTier':
      return { list, growthShort: value, ...paging }
    case 'birthdays':
      return { list, ...paging }
  }
}

const INITIAL = {
  list: 'dormant',
  parameter: String(memberListOptionOf('dormant').parameter?.initial),
  parameterError: null,
  storeId: null,
  starts: [null],
  state: { status: 'idle' },
} as const

/**
 * 名单: one list a page at a time. A page holds as many members as one 发券 takes, so 发券 gets the
 * page on screen whole; paging replaces the page rather than adding to it.
 */
export const useMemberListsStore = create<MemberListsStore>((set, get) => {
  async function show(starts: readonly (string | null)[]) {
    const { list, parameter, storeId, state } = get()
    const option = memberListOptionOf(list)
    const parsed = parameterOf(option, parameter)
    if (!parsed.ok) {
      set({ parameterError: parsed.error })
      return
    }
    const after = starts.at(-1) ?? null
    const asked = { list, storeId, parameter }
    const input = inputOf(list, parsed.value, {
      ...(storeId === null ? {} : { storeId }),
      ...(after === null ? {} : { after }),
    })
    set({ parameterError: null, starts })
    await loadInto({
      current: state,
      quiet: false,
      write: (next) => set({ state: next }),
      request: () => callAction('admin', 'memberList', input),
      refusals: { NOT_STAFF: 'forbidden', FORBIDDEN: 'forbidden' },
      // A newer choice asked again meanwhile: its answer is the one to show.
      stillWanted: () => {
        const now = get()
        return now.list === asked.list && now.storeId === asked.storeId && now.parameter === asked.parameter
      },
    })
  }
  return {
    ...INITIAL,
    async chooseList(list) {
      set({ list, parameter: String(memberListOptionOf(list).parameter?.initial ?? ''), parameterError: null })
      await show([null])
    },
    async chooseStore(storeId) {
      set({ storeId })
      await show([null])
    },
    setParameter(text) {
      set({ parameter: text, parameterError: null })
    },
    load: () => show([null]),
    async nextPage() {
      const { state, starts } = get()
      if (state.status !== 'ready' || state.data.nextAfter === null) return
      await show([...starts, state.data.nextAfter])
    },
    async previousPage() {
      const { starts } = get()
      if (starts.length > 1) await show(starts.slice(0, -1))
    },
    reset() {
      set(INITIAL)
    },
  }
})
