import { API } from '@shared/contracts'
import { ok } from '@shared/result'
import { database } from '../../common/cloud'
import { currentProgramme } from '../../common/programmeStore'
import { requireAdmin } from '../../common/requireStaff'
import { defineAction } from '../../common/router'
import { jobPeriodOf } from './jobPeriods'
import { runJob } from './runJob'

/**
 * `jobs.run`: an admin runs a job now for the current period, as its timer would (`continuing`,
 * `leased` and `alreadyDone` mean the same), or dry: counting what it would do and writing nothing.
 */
export const run = defineAction(API.jobs.run, async (input, caller) => {
  const db = database()
  const [admin, programme] = await Promise.all([requireAdmin(db, caller), currentProgramme(db, caller.nowMs)])
  if (!admin.ok) return admin
  const { period } = jobPeriodOf(input.job, programme, caller.nowMs)
  return ok(await runJob(db, { job: input.job, period, nowMs: caller.nowMs, programme, dryRun: input.dryRun }))
})
