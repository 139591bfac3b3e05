import { createHmac } from 'node:crypto'
import { issueCode, MEMBER_CODE_TTL_MS, type Signer } from '@shared/codes'
import {
  CODE_SECRET_VARIABLE,
  codeSigner,
  PREVIOUS_CODE_SECRET_VARIABLE,
  verifyCodeWithSecrets,
} from '../../../cloudfunctions/common/codeSigning'

const CURRENT_SECRET = 'current-secret-after-rotation'
const PREVIOUS_SECRET = 'previous-secret-before-rotation'
const UNRELATED_SECRET = 'a-secret-this-deployment-never-had'
const NOW_MS = Date.UTC(2025, 0, 15, 8, 30)

const signerWith =
  (secret: string): Signer =>
  (message) =>
    createHmac('sha256', secret).update(message).digest()

function memberCode(secret: string, issuedAtMs = NOW_MS): string {
  return issueCode({
    kind: 'member',
    subjectId: 'm_1',
    nowMs: issuedAtMs,
    ttlMs: MEMBER_CODE_TTL_MS,
    nonce: 'abcdefgh',
    sign: signerWith(secret),
  }).token
}

const verify = (token: string, nowMs = NOW_MS) => verifyCodeWithSecrets(token, { expectedKind: 'member', nowMs })

const saved = { ...process.env }
beforeEach(() => {
  process.env[CODE_SECRET_VARIABLE] = CURRENT_SECRET
  process.env[PREVIOUS_CODE_SECRET_VARIABLE] = PREVIOUS_SECRET
})
afterAll(() => {
  process.env = saved
})

describe('code secrets and their rotation', () => {
  it('signs with the current secret only', () => {
    expect(Buffer.from(codeSigner()('message'))).toEqual(Buffer.from(signerWith(CURRENT_SECRET)('message')))
  })

  it('accepts a code signed with the current secret', () => {
    expect(verify(memberCode(CURRENT_SECRET))).toMatchObject({ ok: true, data: { subjectId: 'm_1' } })
  })

  it('accepts a code signed with the previous secret while it is set', () => {
    expect(verify(memberCode(PREVIOUS_SECRET))).toMatchObject({ ok: true, data: { subjectId: 'm_1' } })
  })

  it('refuses a code signed with the previous secret once that secret is removed', () => {
    delete process.env[PREVIOUS_CODE_SECRET_VARIABLE]
    expect(verify(memberCode(PREVIOUS_SECRET))).toMatchObject({ ok: false, code: 'CODE_INVALID' })
  })

  it('refuses a code signed with a secret that is neither current nor previous', () => {
    expect(verify(memberCode(UNRELATED_SECRET))).toMatchObject({ ok: false, code: 'CODE_INVALID' })
  })

  it('refuses an expired code signed with the previous secret as expired', () => {
    const token = memberCode(PREVIOUS_SECRET, NOW_MS - 2 * MEMBER_CODE_TTL_MS)
    expect(verify(token)).toMatchObject({ ok: false, code: 'CODE_EXPIRED' })
  })

  it('refuses an altered code even when the previous secret is set', () => {
    const token = memberCode(CURRENT_SECRET).replace('.m_1.', '.m_2.')
    expect(verify(token)).toMatchObject({ ok: false, code: 'CODE_INVALID' })
  })

  it('throws when the previous secret is set but too short, as for the current one', () => {
    process.env[PREVIOUS_CODE_SECRET_VARIABLE] = 'short'
    expect(() => verify(memberCode(UNRELATED_SECRET))).toThrow(`${PREVIOUS_CODE_SECRET_VARIABLE} must be set`)
  })
})
