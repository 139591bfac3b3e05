import type { AuditAction, AuditLogEntry, AuditLogNames } from '@shared/contracts'
import { isDayKey } from '@shared/time/calendarDay'
import { create } from 'zustand'
import { callAction } from '@/api/client'
import type { Loadable } from '@/stores/loadable'
import { mergedNames } from '../utils/auditText'

/** The 操作日志 filters; undefined: any. `day` is as typed (YYYY-MM-DD), checked before asking. */
export interface AuditFilters {
  readonly storeId: string | undefined
  readonly operatorOpenid: string | undefined
  readonly action: AuditAction | undefined
  readonly day: string
}

interface AuditPages {
  readonly entries: readonly AuditLogEntry[]
  readonly nextCursor: string | null
  /** The names of every page shown. */
  readonly names: AuditLogNames
}

interface AuditLogStore {
  readonly filters: AuditFilters
  readonly state: Loadable<AuditPages, 'forbidden'>
  readonly dayError: string | null
  /** Why the last 加载更多 failed; the entries already shown stay. */
  readonly moreError: string | null
  readonly loadingMore: boolean
  filter(change: Partial<AuditFilters>): Promise<void>
  load(): Promise<void>
  loadMore(): Promise<void>
  reset(): void
}

const NO_FILTERS: AuditFilters = { storeId: undefined, operatorOpenid: undefined, action: undefined, day: '' }

function inputOf(filters: AuditFilters, cursor: string | null) {
  const day = filters.day.trim()
  return {
    ...(filters.storeId === undefined ? {} : { storeId: filters.storeId }),
    ...(filters.operatorOpenid === undefined ? {} : { operatorOpenid: filters.operatorOpenid }),
    ...(filters.action === undefined ? {} : { action: filters.action }),
    ...(day === '' ? {} : { day }),
    ...(cursor === null ? {} : { cursor }),
  }
}

const INITIAL = {
  filters: NO_FILTERS,
  state: { status: 'idle' },
  dayError: null,
  moreError: null,
  loadingMore: false,
} as const

/** The 操作日志 screen: the filtered log newest first, a page at a time. */
export const useAuditLogStore = create<AuditLogStore>((set, get) => ({
  ...INITIAL,
  async filter(change) {
    set({ filters: { ...get().filters, ...change } })
    await get().load()
  },
  async load() {
    const { filters } = get()
    const day = filters.day.trim()
    if (day !== '' && !isDayKey(day)) {
      set({ dayError: '日期格式应为 YYYY-MM-DD' })
      return
    }
    set({ dayError: null, moreError: null, state: { status: 'loading' } })
    const answer = await callAction('admin', 'auditLog', inputOf(filters, null))
    // A newer filter asked again meanwhile: its answer is the one to show.
    if (get().filters !== filters) return
    if (answer.ok) set({ state: { status: 'ready', data: answer.data } })
    else if (answer.code === 'FORBIDDEN' || answer.code === 'NOT_STAFF') set({ state: { status: 'forbidden' } })
    else set({ state: { status: 'error', message: answer.message } })
  },
  async loadMore() {
    const { state, filters, loadingMore } = get()
    if (state.status !== 'ready' || state.data.nextCursor === null || loadingMore) return
    set({ loadingMore: true, moreError: null })
    const answer = await callAction('admin', 'auditLog', inputOf(filters, state.data.nextCursor))
    if (get().filters !== filters) return
    if (!answer.ok) {
      set({ loadingMore: false, moreError: answer.message })
      return
    }
    const data: AuditPages = {
      entries: [...state.data.entries, ...answer.data.entries],
      nextCursor: answer.data.nextCursor,
      names: mergedNames(state.data.names, answer.data.names),
    }
    set({ loadingMore: false, state: { status: 'ready', data } })
  },
  reset() {
    set(INITIAL)
  },
}))
