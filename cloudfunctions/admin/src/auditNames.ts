import { type AuditLogEntry, type AuditLogNames, STAFF_SUBJECT_ACTIONS, STORE_SUBJECT_ACTIONS } from '@shared/contracts'
import type { Database } from '../../common/cloud'
import { storeNamesOf } from '../../common/storeNames'

interface NamedIds {
  readonly stores: string[]
  readonly staff: string[]
  readonly members: string[]
}

/** Every id the entries carry that names a store, a staff member or a member. */
function namedIdsOf(entries: readonly AuditLogEntry[]): NamedIds {
  const ids: NamedIds = { stores: [], staff: [], members: [] }
  for (const entry of entries) {
    if (entry.storeId !== null) ids.stores.push(entry.storeId)
    if (entry.memberId !== null) ids.members.push(entry.memberId)
    if (entry.subjectId !== null && STORE_SUBJECT_ACTIONS.includes(entry.action)) ids.stores.push(entry.subjectId)
    if (entry.subjectId !== null && STAFF_SUBJECT_ACTIONS.includes(entry.action)) ids.staff.push(entry.subjectId)
    // A role change moves someone between stores: both ends are store ids.
    const moved = entry.changes.storeId
    for (const storeId of [moved?.before, moved?.after]) if (typeof storeId === 'string') ids.stores.push(storeId)
  }
  return ids
}

/** The staff members' names by OPENID (their document's id): one request, none for no ids. */
async function staffNamesOf(db: Database, openids: readonly string[]): Promise<Record<string, string>> {
  const wanted = [...new Set(openids)]
  if (wanted.length === 0) return {}
  const { data } = await db
    .collection('staff')
    .where({ _id: db.command.in(wanted) })
    .field({ _id: true, name: true })
    .limit(wanted.length)
    .get()
  return Object.fromEntries(data.map((staff) => [staff._id, staff.name]))
}

/** The members' nicknames by member id, of those who set one: one request, none for no ids. */
async function nicknamesOf(db: Database, memberIds: readonly string[]): Promise<Record<string, string>> {
  const wanted = [...new Set(memberIds)]
  if (wanted.length === 0) return {}
  const { data } = await db
    .collection('members')
    .where({ _id: db.command.in(wanted) })
    .field({ _id: true, 'profile.nickname': true })
    .limit(wanted.length)
    .get()
  return Object.fromEntries(
    data.flatMap((member) => (member.profile?.nickname ? [[member._id, member.profile.nickname]] : [])),
  )
}

/**
 * The names of the stores, staff members and members a page of the log names, as they read now:
 * one batched read per kind, at once, each skipped when the page names none of its kind (so 0 to 3
 * requests, in one round trip).
 */
export async function auditNamesOf(db: Database, entries: readonly AuditLogEntry[]): Promise<AuditLogNames> {
  const ids = namedIdsOf(entries)
  const [stores, staff, members] = await Promise.all([
    storeNamesOf(db, ids.stores),
    staffNamesOf(db, ids.staff),
    nicknamesOf(db, ids.members),
  ])
  return { stores, staff, members }
}
