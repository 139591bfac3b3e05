import { issueCode, MEMBER_CODE_REFRESH_MS, MEMBER_CODE_TTL_MS } from '@shared/codes'
import { API, type MemberCode } from '@shared/contracts'
import { ok } from '@shared/result'
import { database } from '../../common/cloud'
import { codeSigner, newNonce } from '../../common/codeSigning'
import { issueMemberBarcode } from '../../common/memberBarcodes'
import { loadCallerMember } from '../../common/requireMember'
import { defineAction } from '../../common/router'

/**
 * `member.memberCode`: a signed token naming the member, valid 60 s, for the QR code shown at the
 * counter (it carries the member id and a signature, never the OPENID), and a numeric code with the
 * same lifetime for the barcode (see `issueMemberBarcode`). Requests: member (1), the numeric code
 * and the removal of the member's expired ones (2, at once): 3.
 */
export const memberCode = defineAction(API.member.memberCode, async (_input, caller) => {
  const db = database()
  const member = await loadCallerMember(db, caller)
  if (!member.ok) return member
  const code = issueCode({
    kind: 'member',
    subjectId: member.data._id,
    nowMs: caller.nowMs,
    ttlMs: MEMBER_CODE_TTL_MS,
    nonce: newNonce(),
    sign: codeSigner(),
  })
  const numericCode = await issueMemberBarcode(db, {
    memberId: member.data._id,
    expiresAtMs: code.expiresAtMs,
    nowMs: caller.nowMs,
  })
  const result: MemberCode = {
    token: code.token,
    numericCode,
    expiresAtMs: code.expiresAtMs,
    refreshAtMs: caller.nowMs + MEMBER_CODE_REFRESH_MS,
  }
  return ok(result)
})
