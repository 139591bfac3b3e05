export {
  COUNTER_SETTLE_MS,
  type CounterReading,
  type CounterRecount,
  decideCounterRecount,
  isCounterQuiet,
} from './counterRecount'
export {
  addSummaries,
  EMPTY_JOB_SUMMARY,
  isOverdue,
  JOB_INVOCATION_BUDGET_MS,
  JOB_LEASE_MS,
  JOB_TRIGGER_INTERVAL_MS,
  type JobRun,
  type JobRunStatus,
  type JobSummary,
  jobRunIdOf,
} from './jobRun'
