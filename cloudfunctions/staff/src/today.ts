import { API, TODAY_ENTRIES_MAX, type TodayActivity } from '@shared/contracts'
import { ok } from '@shared/result'
import { auditScopeOf } from '@shared/staff'
import { businessDayOf, startOfBusinessDayMs } from '@shared/time/businessDay'
import { auditViewOf } from '../../common/auditView'
import { database } from '../../common/cloud'
import { currentProgramme } from '../../common/programmeStore'
import { requireStaff } from '../../common/requireStaff'
import { defineAction } from '../../common/router'
import { bindingOf } from './documents'

/**
 * `staff.today`: the audit entries of the current business day, newest first: the caller's own
 * (`mine`, anyone bound), or their store's (`store`: a manager's store, every store for an admin).
 * Served by the `operatorOpenid_createdAtMs` and `storeId_createdAtMs` indexes. Requests with the
 * programme cached: staff (1), query (1): 2.
 */
export const today = defineAction(API.staff.today, async (input, caller) => {
  const db = database()
  const [staff, programme] = await Promise.all([requireStaff(db, caller), currentProgramme(db, caller.nowMs)])
  if (!staff.ok) return staff
  const scope = auditScopeOf(bindingOf(staff.data), input.scope)
  if (!scope.ok) return scope
  const rule = { timeZone: programme.timeZone, cutoffHour: programme.businessDayCutoffHour }
  const day = businessDayOf(caller.nowMs, rule)
  const _ = db.command
  const since = { createdAtMs: _.gte(startOfBusinessDayMs(day, rule)) }
  const condition =
    scope.data.kind === 'mine'
      ? { operatorOpenid: staff.data.openid, ...since }
      : scope.data.storeId === null
        ? since
        : { storeId: scope.data.storeId, ...since }
  const { data } = await db
    .collection('audit')
    .where(condition)
    .orderBy('createdAtMs', 'desc')
    .limit(TODAY_ENTRIES_MAX)
    .get()
  const entries = data.map(auditViewOf)
  const result: TodayActivity = {
    businessDay: day,
    scope: input.scope,
    storeId: scope.data.kind === 'mine' ? staff.data.storeId : scope.data.storeId,
    entries,
    purchaseTotalFen: entries
      .filter((entry) => entry.action === 'purchase' && !entry.reversed)
      .reduce((sum, entry) => sum + (entry.amountFen ?? 0), 0),
  }
  return ok(result)
})
