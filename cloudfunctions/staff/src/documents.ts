import type { AuditEntryView, StaffMe } from '@shared/contracts'
import type { StaffBinding } from '@shared/staff'
import type { AuditDocument, StaffDocument, StoreDocument } from '../../common/documents/staff'

/** The id of a staff member's counter for a business day. */
export function staffDailyIdOf(openid: string, day: string): string {
  return `${openid}_${day}`
}

/** The fields every audit entry starts from: who acted, where, when. */
export function auditBase(
  operator: StaffDocument,
  fields: Pick<AuditDocument, '_id' | 'action' | 'createdAtMs'> & Partial<AuditDocument>,
): AuditDocument {
  return {
    operatorOpenid: operator.openid,
    operatorName: operator.name,
    operatorRole: operator.role,
    storeId: operator.storeId,
    memberId: null,
    amountFen: null,
    points: null,
    balanceBefore: null,
    balanceAfter: null,
    subjectId: null,
    note: null,
    reversedAtMs: null,
    purchase: null,
    reversal: null,
    ...fields,
  }
}

/** An audit entry as the today list shows it. */
export function auditViewOf(entry: AuditDocument): AuditEntryView {
  return {
    id: entry._id,
    action: entry.action,
    operatorOpenid: entry.operatorOpenid,
    operatorName: entry.operatorName,
    operatorRole: entry.operatorRole,
    storeId: entry.storeId,
    memberId: entry.memberId,
    amountFen: entry.amountFen,
    points: entry.points,
    balanceBefore: entry.balanceBefore,
    balanceAfter: entry.balanceAfter,
    subjectId: entry.subjectId,
    note: entry.note,
    reversed: entry.reversedAtMs !== null && entry.reversedAtMs !== undefined,
    createdAtMs: entry.createdAtMs,
  }
}

/** A binding as the permission rules take it. */
export function bindingOf(staff: StaffDocument): StaffBinding {
  return { role: staff.role, storeId: staff.storeId }
}

/** A binding as `staff.me` answers it. */
export function staffMeOf(staff: StaffDocument, store: StoreDocument | null): StaffMe {
  return { role: staff.role, storeId: staff.storeId, storeName: store?.name ?? null, name: staff.name }
}
