import type { Member } from '@shared/member'
import { err, type Result } from '@shared/result'
import type { Caller } from './caller'
import type { Database } from './cloud'
import { memberIdOf } from './memberId'
import { readDocument } from './readDocument'

/** The caller's member id, or FORBIDDEN for a call that carries no user (only users have members). */
export function callerMemberId(caller: Caller): Result<string, 'FORBIDDEN'> {
  return caller.openid === null ? err('FORBIDDEN', '需要微信用户身份') : { ok: true, data: memberIdOf(caller.openid) }
}

/** The caller's member document, NOT_A_MEMBER before they join. */
export async function loadCallerMember(
  db: Database,
  caller: Caller,
): Promise<Result<Member, 'FORBIDDEN' | 'NOT_A_MEMBER'>> {
  const memberId = callerMemberId(caller)
  if (!memberId.ok) return memberId
  const member = await readDocument(db.collection('members').doc(memberId.data))
  return member ? { ok: true, data: member } : err('NOT_A_MEMBER')
}
