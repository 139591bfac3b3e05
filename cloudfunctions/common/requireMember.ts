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

/** A member document by id, NOT_A_MEMBER when there is none (one request). */
export async function loadMember(db: Database, memberId: string): Promise<Result<Member, 'NOT_A_MEMBER'>> {
  const member = await readDocument(db.collection('members').doc(memberId))
  return member ? { ok: true, data: member } : err('NOT_A_MEMBER')
}

/** The caller's member document, NOT_A_MEMBER before they join. */
export async function loadCallerMember(
  db: Database,
  caller: Caller,
): Promise<Result<Member, 'FORBIDDEN' | 'NOT_A_MEMBER'>> {
  const memberId = callerMemberId(caller)
  return memberId.ok ? loadMember(db, memberId.data) : memberId
}
