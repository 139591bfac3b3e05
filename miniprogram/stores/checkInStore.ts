import type { ApiEnvelope, CheckInResult, CheckInStatus } from '@shared/contracts'
import { addMonths, monthKeyOf } from '@shared/time/calendarDay'
import { create } from 'zustand'
import { callAction } from '@/api/client'
import { type Loadable, loadInto } from './loadable'
import { submitOnce } from './submitOnce'

/** The calendar on screen; a failed load remembers the month it asked for, so 重试 asks for it again. */
type CalendarState =
  | Exclude<Loadable<CheckInStatus>, { readonly status: 'error' }>
  | { readonly status: 'error'; readonly message: string; readonly month: string | undefined }

interface CheckInStore {
  readonly state: CalendarState
  /** A check-in or makeup on its way: the buttons wait for it. */
  readonly busy: boolean
  /** What the last check-in or makeup gave, shown until the page is left. */
  readonly lastResult: (CheckInResult & { readonly kind: 'checkIn' | 'makeup' }) | null
  /** Loads the calendar of a month (`YYYY-MM`), or of the current business month. */
  load(month?: string): Promise<void>
  /** Loads the month on screen again (the current business month when none is): on return and for 重试. */
  refresh(): Promise<void>
  /** Shows the month before (-1) or after (+1) the one on screen. */
  showMonth(step: -1 | 1): Promise<void>
  /**
   * Checks in for today; whatever the answer, the calendar is reloaded so it shows the truth.
   * Null when a check-in or makeup was already on its way (nothing sent).
   */
  checkIn(): Promise<ApiEnvelope<CheckInResult> | null>
  /** Makes up a missed day (costs points when the programme says so). */
  makeup(day: string): Promise<ApiEnvelope<CheckInResult> | null>
  reset(): void
}

/** Whether the month after the one on screen has begun (the calendar never shows the future's months). */
export function canShowNextMonth(calendar: CheckInStatus): boolean {
  return calendar.month < monthKeyOf(calendar.today)
}

function monthOf(state: CalendarState): string | undefined {
  if (state.status === 'ready') return state.data.month
  return state.status === 'error' ? state.month : undefined
}

/** The check-in calendar, today's check-in and makeups, from the `checkin` function. */
export const useCheckInStore = create<CheckInStore>((set, get) => {
  // One check-in or makeup at a time, however often the buttons are tapped.
  const act = submitOnce(async function act(
    kind: 'checkIn' | 'makeup',
    call: () => Promise<ApiEnvelope<CheckInResult>>,
  ): Promise<ApiEnvelope<CheckInResult>> {
    set({ busy: true })
    const answer = await call()
    if (answer.ok) set({ lastResult: { ...answer.data, kind } })
    await get().refresh()
    set({ busy: false })
    return answer
  })

  return {
    state: { status: 'idle' },
    busy: false,
    lastResult: null,
    async load(month) {
      const current = get().state
      await loadInto<CheckInStatus>({
        current,
        write: (state) => set({ state: state.status === 'error' ? { ...state, month } : state }),
        request: () => callAction('checkin', 'status', month === undefined ? {} : { month }),
        // Keep the calendar up while reloading the same month, so a check-in does not flash a spinner.
        quiet: current.status === 'ready' && current.data.month === month,
      })
    },
    refresh() {
      return get().load(monthOf(get().state))
    },
    async showMonth(step) {
      const current = get().state
      if (current.status !== 'ready') return
      if (step === 1 && !canShowNextMonth(current.data)) return
      await get().load(monthKeyOf(addMonths(`${current.data.month}-01`, step)))
    },
    checkIn() {
      return act('checkIn', () => callAction('checkin', 'checkIn', {}))
    },
    makeup(day) {
      return act('makeup', () => callAction('checkin', 'makeup', { day }))
    },
    reset() {
      set({ state: { status: 'idle' }, busy: false, lastResult: null })
    },
  }
})
