import type { Member } from '../member'
import { auditOperatorOf, type SelfPurchaseAuditEntry } from './audit'
import type { PurchaseInput } from './decidePurchase'
import type { StaffMember } from './staffMember'

/**
 * The refusal of a purchase that a staff member records for their own member account, whatever their
 * role: points for oneself need a second person at the counter, so a colleague records it. Answers
 * the audit entry that keeps the attempt (one per purchase key, so a retried tap is one attempt), or
 * null when the member is someone else.
 */
export function selfPurchaseAttempt(
  staff: StaffMember,
  member: Pick<Member, '_id' | 'openid'>,
  options: { readonly input: Pick<PurchaseInput, 'key' | 'amountFen' | 'receiptNo'>; readonly nowMs: number },
): SelfPurchaseAuditEntry | null {
  if (member.openid !== staff.openid) return null
  const { input, nowMs } = options
  return {
    ...auditOperatorOf(staff),
    _id: `self_${input.key}`,
    action: 'selfPurchaseRefused',
    createdAtMs: nowMs,
    subjectId: input.key,
    memberId: member._id,
    amountFen: input.amountFen,
    note: input.receiptNo === null ? null : `小票 ${input.receiptNo}`,
  }
}
