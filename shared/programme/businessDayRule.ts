import type { BusinessDayRule } from '../time/businessDay'
import type { Programme } from './schema'

/** Where and when the programme's business days start: its time zone and cutoff hour. */
export function businessDayRuleOf(programme: Pick<Programme, 'timeZone' | 'businessDayCutoffHour'>): BusinessDayRule {
  return { timeZone: programme.timeZone, cutoffHour: programme.businessDayCutoffHour }
}
