import { type DashboardResult, dashboardInput } from '@shared/contracts'
import { create } from 'zustand'
import { callAction } from '@/api/client'
import { type Loadable, loadInto } from '@/stores/loadable'
import type { DashboardPeriod } from '../utils/dashboardText'
import type { DashboardTrendId } from '../utils/dashboardTrends'

/** The two ends of a custom range as picked (`YYYY-MM-DD`); empty until picked. */
export interface CustomRange {
  readonly from: string
  readonly to: string
}

interface DashboardStore {
  /** `admin.dashboard` for the chosen range and store; `forbidden` for a caller who may not read it. */
  readonly state: Loadable<DashboardResult, 'forbidden'>
  /** The last 1, 7 or 30 days, or the custom range. */
  readonly period: DashboardPeriod
  readonly custom: CustomRange
  /** Why the custom range was not asked for (the end before the start, longer than allowed); null when it was. */
  readonly customError: string | null
  /** The store chosen by an admin; null: the whole chain (a manager always reads their own store). */
  readonly storeId: string | null
  /** The series the trend chart shows. */
  readonly trendId: DashboardTrendId
  load(): Promise<void>
  choosePeriod(period: DashboardPeriod): Promise<void>
  pickCustomDay(end: keyof CustomRange, day: string): Promise<void>
  chooseStore(storeId: string | null): Promise<void>
  chooseTrend(trendId: DashboardTrendId): void
  reset(): void
}

const INITIAL = {
  state: { status: 'idle' },
  period: 7,
  custom: { from: '', to: '' },
  customError: null,
  storeId: null,
  trendId: 'newMembers',
} as const satisfies Partial<DashboardStore>

// Bumped by every new choice and by reset(): an answer for an older choice is not shown.
let generation = 0

/**
 * The dashboard screen: the last 1, 7 or 30 business days or a custom range, for the chain or one
 * store, beside the range before. A custom range the contract refuses is not sent: its reason shows
 * under the date pickers, and the figures of the range before it stay up.
 */
export const useDashboardStore = create<DashboardStore>((set, get) => ({
  ...INITIAL,
  async load() {
    const requested = generation
    const { period, custom, storeId } = get()
    const parsed = dashboardInput.safeParse({
      ...(period === 'custom' ? custom : { lastDays: period }),
      ...(storeId === null ? {} : { storeId }),
    })
    if (!parsed.success) {
      set({ customError: parsed.error.issues[0]?.message ?? '请检查日期范围' })
      return
    }
    set({ customError: null })
    await loadInto({
      current: get().state,
      write: (state) => set({ state }),
      request: () => callAction('admin', 'dashboard', parsed.data),
      refusals: { NOT_STAFF: 'forbidden', FORBIDDEN: 'forbidden' },
      // Another range or store on its way: its figures must not be taken for this one's.
      quiet: false,
      stillWanted: () => requested === generation,
    })
  },
  async choosePeriod(period) {
    generation += 1
    const { state, custom } = get()
    // 自定义 starts from the range on screen, so both pickers have a date to move from.
    const startsFrom = period === 'custom' && custom.from === '' && state.status === 'ready'
    set({ period, ...(startsFrom ? { custom: { ...state.data.current.range } } : {}) })
    await get().load()
  },
  async pickCustomDay(end, day) {
    generation += 1
    set({ period: 'custom', custom: { ...get().custom, [end]: day } })
    await get().load()
  },
  async chooseStore(storeId) {
    generation += 1
    set({ storeId })
    await get().load()
  },
  chooseTrend(trendId) {
    set({ trendId })
  },
  reset() {
    generation += 1
    set(INITIAL)
  },
}))
