import type { ErrorCode } from '@shared/errors'
import type { Member } from '@shared/member'
import { err, type Result } from '@shared/result'
import type { Database } from '../../common/cloud'
import type { AuditDocument } from '../../common/documents/staff'
import { runUnitOfWork, type UnitOfWork } from '../../common/unitOfWork'
import { adminAuditIdOf } from './items'

/**
 * An audited admin write to one member, in one unit of work: the member and the request's audit
 * entry `admin_<requestId>` are read at once; the entry is the request's idempotency marker (it is
 * written in the same transaction as the change), so when it exists `replay` answers from it, and
 * otherwise `apply` makes the change and writes the entry with `auditId`.
 */
export function runMemberWrite<T, Code extends ErrorCode>(
  db: Database,
  request: { readonly memberId: string; readonly requestId: string },
  steps: {
    /** `member` as it is now (null once deleted): a replay may answer how it stands. */
    replay(marker: AuditDocument, member: Member | null): Result<T, Code>
    apply(unit: UnitOfWork, member: Member, auditId: string): Result<T, Code>
  },
): Promise<Result<T, Code | 'MEMBER_NOT_FOUND'>> {
  const auditId = adminAuditIdOf(request.requestId)
  return runUnitOfWork(db, async (unit) => {
    const [member, marker] = await Promise.all([unit.read('members', request.memberId), unit.read('audit', auditId)])
    if (marker) return steps.replay(marker, member)
    if (!member) return err('MEMBER_NOT_FOUND')
    return steps.apply(unit, member, auditId)
  })
}
