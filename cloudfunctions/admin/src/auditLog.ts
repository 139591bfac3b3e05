import { API, type AuditLogEntry, type AuditLogPage } from '@shared/contracts'
import { businessDayRuleOf } from '@shared/programme/businessDayRule'
import { err, ok } from '@shared/result'
import { startOfBusinessDayMs } from '@shared/time/businessDay'
import { addDays } from '@shared/time/calendarDay'
import { auditViewOf } from '../../common/auditView'
import { database } from '../../common/cloud'
import type { AuditDocument } from '../../common/documents/staff'
import { afterPageEnd, decodeCursor, newestFirstPage } from '../../common/newestFirstCursor'
import { currentProgramme } from '../../common/programmeStore'
import { requireManager } from '../../common/requireStaff'
import { defineAction } from '../../common/router'
import { auditNamesOf } from './auditNames'

// Counter entries (purchases, verifications, invites) record no field changes: an empty set.
function auditLogEntryOf(entry: AuditDocument): AuditLogEntry {
  return { ...auditViewOf(entry), changes: 'changes' in entry ? entry.changes : {} }
}

/**
 * `admin.auditLog`: the audit log newest first, a page at a time, filtered by store, staff member,
 * action and business day. Admins see every store (and the brand-wide entries, which have none);
 * a manager sees their own store's, and asking for another store is FORBIDDEN. Every filter is a
 * condition on an index led by storeId, operatorOpenid or createdAtMs. The ids the entries carry
 * come with the names they stand for (`auditNamesOf`). Requests with the programme cached: staff (1),
 * the page (1), then the stores, staff members and members it names, at once (0 to 3).
 */
export const auditLog = defineAction(API.admin.auditLog, async (input, caller) => {
  const db = database()
  const [staff, programme] = await Promise.all([requireManager(db, caller), currentProgramme(db, caller.nowMs)])
  if (!staff.ok) return staff
  const ownStore = staff.data.role === 'admin' ? null : staff.data.storeId
  if (ownStore !== null && input.storeId !== undefined && input.storeId !== ownStore) {
    return err('FORBIDDEN', '店长只能查看本店的操作记录')
  }
  const after = input.cursor === undefined ? null : decodeCursor(input.cursor)
  if (input.cursor !== undefined && after === null) return err('INVALID_INPUT', 'cursor')
  const _ = db.command
  const storeId = ownStore ?? input.storeId
  const rule = businessDayRuleOf(programme)
  const condition = {
    ...(storeId === undefined ? {} : { storeId }),
    ...(input.operatorOpenid === undefined ? {} : { operatorOpenid: input.operatorOpenid }),
    ...(input.action === undefined ? {} : { action: input.action }),
    ...(input.day === undefined
      ? {}
      : {
          createdAtMs: _.gte(startOfBusinessDayMs(input.day, rule)).and(
            _.lt(startOfBusinessDayMs(addDays(input.day, 1), rule)),
          ),
        }),
  }
  const { data } = await db
    .collection('audit')
    .where(afterPageEnd(db, condition, after))
    .orderBy('createdAtMs', 'desc')
    .orderBy('_id', 'desc')
    .limit(input.pageSize + 1)
    .get()
  const { documents, nextCursor } = newestFirstPage(data as AuditDocument[], input.pageSize)
  const entries = documents.map(auditLogEntryOf)
  const page: AuditLogPage = { entries, nextCursor, names: await auditNamesOf(db, entries) }
  return ok(page)
})
