import { COUNTER_SESSION_TTL_MS, issueCode } from '@shared/codes'
import type { CounterSession } from '@shared/contracts'
import { err, ok, type Result } from '@shared/result'
import { codeSigner, newNonce, verifyCodeWithSecrets } from '../../common/codeSigning'
import type { CounterSessionRefusal } from '../../common/purchaseRecording'

/**
 * The counter session answered with a resolved member code: it names the member, is signed for the
 * clerk who scanned (their OPENID is the audience) and lasts COUNTER_SESSION_TTL_MS. Purchases take
 * it instead of a member id, so a member id noted from one scan can't earn points later without the
 * member at the counter.
 */
export function openCounterSession(memberId: string, clerkOpenid: string, nowMs: number): CounterSession {
  const issued = issueCode({
    kind: 'counter',
    subjectId: memberId,
    nowMs,
    ttlMs: COUNTER_SESSION_TTL_MS,
    nonce: newNonce(),
    sign: codeSigner(clerkOpenid),
  })
  return { token: issued.token, expiresAtMs: issued.expiresAtMs }
}

/**
 * The member a counter session names, when it was answered to this clerk and is still running.
 * Expired (but authentic) sessions say so, so the clerk knows to scan again; anything else (another
 * clerk's session, a member or coupon code, a forgery) is COUNTER_SESSION_INVALID.
 */
export function counterSessionMember(
  session: string,
  options: { readonly clerkOpenid: string; readonly nowMs: number },
): Result<string, CounterSessionRefusal> {
  const verified = verifyCodeWithSecrets(session, {
    expectedKind: 'counter',
    nowMs: options.nowMs,
    audience: options.clerkOpenid,
  })
  if (verified.ok) return ok(verified.data.subjectId)
  return verified.code === 'CODE_EXPIRED' ? err('COUNTER_SESSION_EXPIRED') : err('COUNTER_SESSION_INVALID')
}
