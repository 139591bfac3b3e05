export {
  type CalendarCell,
  currentStreak,
  type MonthCalendar,
  monthCalendar,
  NEXT_REWARD_SEARCH_DAYS_MAX,
  type NextStreakReward,
  nextStreakReward,
} from './calendar'
export { type CheckInOutcome, checkIn } from './checkIn'
export { type MakeupRefusal, makeupEligibility, makeupsCounted } from './makeup'
export { viewableMonths, withCheckedDay } from './recentDays'
export { type CheckInReward, makeupReward, rewardForCycleDay } from './reward'
export { RUN_LOOKBACK_DAYS_MAX, runLengthEndingAt, stateAfterMakeup } from './runLength'
export {
  type CheckInState,
  continuesRun,
  cycleDayOf,
  cycleLengthOn,
  INITIAL_CHECK_IN_STATE,
  runLengthWithinCycle,
} from './state'
