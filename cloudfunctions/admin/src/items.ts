import type { FieldChanges } from '@shared/admin'
import type { AdminItemView } from '@shared/contracts'
import { type MallItem, parseMallItem } from '@shared/mall'
import { type AdminCouponTemplateAuditEntry, type AdminItemAuditEntry, auditOperatorOf } from '@shared/staff'
import type { Caller } from '../../common/caller'
import type { Database } from '../../common/cloud'
import { isDuplicateKeyError } from '../../common/databaseErrors'
import type { MallItemDocument } from '../../common/documents/mall'
import type { StaffDocument } from '../../common/documents/staff'
import { readDocument } from '../../common/readDocument'

/** An item document as the catalogue screen shows it; null (and logged) when it no longer validates. */
export function adminItemViewOf(document: MallItemDocument): AdminItemView | null {
  const { _id, held, stockRequestIds: _applied, ...fields } = document
  const parsed = parseMallItem({ ...fields, id: _id })
  if (!parsed.ok) {
    console.error(`mall_items/${_id} is invalid: ${parsed.message}`)
    return null
  }
  const item: MallItem = parsed.data
  return { ...item, held: held ?? 0 }
}

/** One item document by id; null when missing. */
export function readItem(db: Database, itemId: string): Promise<MallItemDocument | null> {
  return readDocument(db.collection('mall_items').doc(itemId))
}

/** The audit entry of an admin write: also the write's idempotency marker, keyed by its request id. */
export function adminAuditIdOf(requestId: string): string {
  return `admin_${requestId}`
}

/** The audit entry (the idempotency marker) of a request, when an earlier attempt wrote it. */
export async function readAdminEntry(db: Database, requestId: string): Promise<AdminItemAuditEntry | null> {
  const entry = await readDocument(db.collection('audit').doc(adminAuditIdOf(requestId)))
  return entry && entry.action !== 'purchase' && 'changes' in entry ? (entry as AdminItemAuditEntry) : null
}

/** The audit entry of an admin's change to a catalogue item or a coupon template. */
type AdminChangeAuditEntry = AdminItemAuditEntry | AdminCouponTemplateAuditEntry

/**
 * Writes an admin write's audit entry once: a duplicate id means an earlier attempt of the same
 * request wrote it (its write was idempotent too), so it is not an error.
 */
export async function writeAdminEntry(
  db: Database,
  admin: StaffDocument,
  caller: Caller,
  fields: {
    action: AdminChangeAuditEntry['action']
    requestId: string
    itemId: string
    changes: FieldChanges
    note: string | null
  },
): Promise<void> {
  const entry: AdminChangeAuditEntry = {
    _id: adminAuditIdOf(fields.requestId),
    ...auditOperatorOf(admin),
    action: fields.action,
    requestId: fields.requestId,
    subjectId: fields.itemId,
    changes: fields.changes,
    note: fields.note,
    createdAtMs: caller.nowMs,
  }
  try {
    await db.collection('audit').add({ data: { ...entry } })
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error
  }
}
