import { API, JOB_NAMES, type JobOutcome } from '@shared/contracts'
import { currentCaller } from '../../common/caller'
import { database } from '../../common/cloud'
import { currentProgramme } from '../../common/programmeStore'
import { createRouter } from '../../common/router'
import { jobPeriodOf } from './jobPeriods'
import { run } from './run'
import { runJob } from './runJob'
import { status } from './status'
import { isTimerEvent } from './timerEvent'

const actions = createRouter(API.jobs, { run, status }, currentCaller)

/**
 * Every due job, one after the other, for its current period: what the timer trigger runs. Runs
 * are leased and resumable (see `runJob`), so a tick that fires twice, or while the last tick's
 * invocation still works, does no work twice. The jobs share the invocation's one budget.
 */
async function dispatch(nowMs: number): Promise<readonly JobOutcome[]> {
  const db = database()
  const programme = await currentProgramme(db, nowMs)
  const outcomes: JobOutcome[] = []
  // One budget for the invocation: a job after one that used most of it does a batch and lets go.
  const budgetStartedAtMs = Date.now()
  for (const job of JOB_NAMES) {
    const { period } = jobPeriodOf(job, programme, nowMs)
    outcomes.push(await runJob(db, { job, period, nowMs, programme, dryRun: false, budgetStartedAtMs }))
  }
  console.log('jobs dispatched', JSON.stringify(outcomes))
  return outcomes
}

/**
 * `jobs`: scheduled work. Its timer trigger (config.json, every 10 minutes) dispatches the due jobs;
 * admins call `run` (now, or dry) and `status` (the jobs screen).
 */
export async function main(event: unknown): Promise<unknown> {
  if (isTimerEvent(event)) return { ok: true, data: { outcomes: await dispatch(Date.now()) } }
  return actions(event)
}
