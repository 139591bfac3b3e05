import type { AuditEntryView } from '@shared/contracts'
import type { AuditDocument } from './documents/staff'

type MovementView = Pick<AuditEntryView, 'memberId' | 'amountFen' | 'points' | 'balanceBefore' | 'balanceAfter'>

const NO_MOVEMENT: MovementView = {
  memberId: null,
  amountFen: null,
  points: null,
  balanceBefore: null,
  balanceAfter: null,
}

/** The member and points fields of an entry as the list shows them: null where the action has none. */
function movementOf(entry: AuditDocument): MovementView {
  switch (entry.action) {
    case 'purchase':
    case 'reversePurchase':
      return {
        memberId: entry.memberId,
        amountFen: entry.amountFen,
        points: entry.points,
        balanceBefore: entry.balanceBefore,
        balanceAfter: entry.balanceAfter,
      }
    case 'verifyCoupon':
    case 'verifyPickup':
    case 'correctBirthday':
    case 'grantTier':
      return { ...NO_MOVEMENT, memberId: entry.memberId }
    case 'selfPurchaseRefused':
    case 'decideApproval':
      return { ...NO_MOVEMENT, memberId: entry.memberId, amountFen: entry.amountFen }
    case 'adjustPoints': {
      const usable = entry.changes.points
      return {
        ...NO_MOVEMENT,
        memberId: entry.memberId,
        points: entry.amount,
        balanceBefore: typeof usable?.before === 'number' ? usable.before : null,
        balanceAfter: typeof usable?.after === 'number' ? usable.after : null,
      }
    }
    case 'createInvite':
    case 'acceptInvite':
    case 'unbind':
    case 'changeStaffRole':
    case 'saveItem':
    case 'retireItem':
    case 'restoreItem':
    case 'adjustStock':
    case 'saveCouponTemplate':
    case 'retireCouponTemplate':
    case 'restoreCouponTemplate':
    case 'issueCoupon':
    case 'saveStore':
    case 'saveProgrammeDraft':
    case 'publishProgramme':
    case 'restoreProgrammeVersion':
    case 'requestExport':
    case 'saveRfmThresholds':
      return NO_MOVEMENT
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
    ...movementOf(entry),
    subjectId: entry.subjectId,
    note: entry.note,
    // Entries written before `reversedAtMs` existed have none: not reversed.
    reversed: entry.action === 'purchase' && entry.reversedAtMs !== null && entry.reversedAtMs !== undefined,
    createdAtMs: entry.createdAtMs,
  }
}
