import { issueCode, MEMBER_CODE_REFRESH_MS, MEMBER_CODE_TTL_MS } from '@shared/codes'
import { API, type MemberCode } from '@shared/contracts'
import { ok } from '@shared/result'
import { database } from '../../common/cloud'
import { codeSigner, newNonce } from '../../common/codeSigning'
import { loadCallerMember } from '../../common/requireMember'
import { defineAction } from '../../common/router'

/**
 * `member.memberCode`: a signed token naming the member, valid 60 s, for the QR code and barcode
 * shown at the counter. It carries the member id and a signature, never the OPENID.
 */
export const memberCode = defineAction(API.member.memberCode, async (_input, caller) => {
  const member = await loadCallerMember(database(), caller)
  if (!member.ok) return member
  const code = issueCode({
    kind: 'member',
    subjectId: member.data._id,
    nowMs: caller.nowMs,
    ttlMs: MEMBER_CODE_TTL_MS,
    nonce: newNonce(),
    sign: codeSigner(),
  })
  const result: MemberCode = {
    token: code.token,
    expiresAtMs: code.expiresAtMs,
    refreshAtMs: caller.nowMs + MEMBER_CODE_REFRESH_MS,
  }
  return ok(result)
})
