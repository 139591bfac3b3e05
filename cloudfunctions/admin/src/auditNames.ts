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

/** The named fields of the documents `ids` name (those found): one request, none for no ids. */
async function fieldsByIds<Name extends 'staff' | 'members'>(
  db: Database,
  name: Name,
  ids: readonly string[],
  projection: Readonly<Record<string, true>>,
) {
  const wanted = [...new Set(ids)]
  if (wanted.length === 0) return []
  const { data } = await db
    .collection(name)
    .where({ _id: db.command.in(wanted) })
    .field({ _id: true, ...projection })
    .limit(wanted.length)
    .get()
  return data
}

/** The staff members' names by OPENID (their document's id). */
async function staffNamesOf(db: Database, openids: readonly string[]): Promise<Record<string, string>> {
  const staff = await fieldsByIds(db, 'staff', openids, { name: true })
  return Object.fromEntries(staff.map((person) => [person._id, person.name]))
}

/** The members' nicknames by member id, of those who set one. */
async function nicknamesOf(db: Database, memberIds: readonly string[]): Promise<Record<string, string>> {
  const members = await fieldsByIds(db, 'members', memberIds, { 'profile.nickname': true })
  return Object.fromEntries(
    members.flatMap((member) => (member.profile?.nickname ? [[member._id, member.profile.nickname]] : [])),
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
