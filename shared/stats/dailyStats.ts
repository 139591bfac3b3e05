import type { DayKey } from '../time/calendarDay'
import type { StatFigures } from './figures'

/**
 * `stats_daily/{day}_{storeId}` (`{day}_` for events of no store): a business day's figures for one
 * store, the sum of the stat events `foldStats` has folded into it. The dashboard reads these: one
 * document per day and store, whatever the number of members.
 */
export interface DailyStats {
  readonly _id: string
  readonly day: DayKey
  readonly storeId: string | null
  readonly figures: StatFigures
  /** How many stat events are in it: a figure a reader can check against a recount. */
  readonly events: number
}

export function dailyStatsIdOf(day: DayKey, storeId: string | null): string {
  return `${day}_${storeId ?? ''}`
}
