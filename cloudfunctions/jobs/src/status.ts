import { API, JOB_NAMES, type JobState } from '@shared/contracts'
import { isOverdue, jobRunIdOf } from '@shared/jobs'
import { ok } from '@shared/result'
import { database } from '../../common/cloud'
import { currentProgramme } from '../../common/programmeStore'
import { readDocument } from '../../common/readDocument'
import { requireAdmin } from '../../common/requireStaff'
import { defineAction } from '../../common/router'
import { jobPeriodOf } from './jobPeriods'

/**
 * `jobs.status`: each job's run for the current period (its heartbeat and figures) and whether it
 * is overdue. Requests with the programme cached: staff (1), one run per job (at once).
 */
export const status = defineAction(API.jobs.status, async (_input, caller) => {
  const db = database()
  const [admin, programme] = await Promise.all([requireAdmin(db, caller), currentProgramme(db, caller.nowMs)])
  if (!admin.ok) return admin
  const jobs = await Promise.all(
    JOB_NAMES.map(async (job): Promise<JobState> => {
      const { period, startMs } = jobPeriodOf(job, programme, caller.nowMs)
      const run = await readDocument(db.collection('job_runs').doc(jobRunIdOf(job, period)))
      return {
        job,
        period,
        status: run?.status ?? null,
        startedAtMs: run?.startedAtMs ?? null,
        heartbeatAtMs: run?.heartbeatAtMs ?? null,
        finishedAtMs: run?.finishedAtMs ?? null,
        summary: run?.summary ?? null,
        overdue: isOverdue({ run, periodStartMs: startMs, nowMs: caller.nowMs }),
      }
    }),
  )
  return ok({ jobs })
})
