import { createHmac } from 'node:crypto'
import { type Signer, verifyCode } from '@shared/codes'
import { DEVELOPMENT_FUNCTION_ENVIRONMENT } from '../../../emulator/developmentSecrets'
import { useFunctionHarness } from '../support/functionHarness'

jest.setTimeout(60_000)

const signerWith =
  (secret: string): Signer =>
  (message) =>
    createHmac('sha256', secret).update(message).digest()
const serverSigner = signerWith(DEVELOPMENT_FUNCTION_ENVIRONMENT.MEMBER_CODE_SECRET as string)

describe('member.memberCode', () => {
  const harness = useFunctionHarness()
  let memberId: string
  const issuedAtMs = Date.UTC(2026, 10, 23, 2)

  beforeEach(async () => {
    const joined = await harness.call('member', 'join', {}, { as: 'o-code' })
    if (!joined.ok) throw new Error(joined.message)
    memberId = joined.data.card.memberId
  })

  async function issue() {
    const answer = await harness.call('member', 'memberCode', {}, { as: 'o-code', atMs: issuedAtMs })
    if (!answer.ok) throw new Error(answer.message)
    return answer.data
  }

  it('issues a signed token naming the member, valid 60 s, to refresh after 30 s', async () => {
    const code = await issue()
    expect(code.token.length).toBeLessThan(120)
    expect(code.token).not.toContain('o-code')
    expect(code.refreshAtMs - issuedAtMs).toBeGreaterThanOrEqual(29_000)
    expect(code.refreshAtMs - issuedAtMs).toBeLessThanOrEqual(31_000)
    const verified = verifyCode(code.token, { expectedKind: 'member', nowMs: issuedAtMs + 1000, sign: serverSigner })
    expect(verified).toMatchObject({ ok: true, data: { kind: 'member', subjectId: memberId } })
  })

  it('gives a fresh token each time', async () => {
    const [first, second] = await Promise.all([issue(), issue()])
    expect(first?.token).not.toBe(second?.token)
  })

  it('makes tokens that are refused once expired, altered, or signed with another secret', async () => {
    const { token, expiresAtMs } = await issue()
    expect(verifyCode(token, { expectedKind: 'member', nowMs: expiresAtMs, sign: serverSigner })).toMatchObject({
      ok: false,
      code: 'CODE_EXPIRED',
    })
    const altered = token.replace(memberId, `${memberId.slice(0, -1)}${memberId.endsWith('a') ? 'b' : 'a'}`)
    expect(verifyCode(altered, { expectedKind: 'member', nowMs: issuedAtMs, sign: serverSigner })).toMatchObject({
      ok: false,
      code: 'CODE_INVALID',
    })
    const forger = signerWith('a-secret-the-attacker-made-up')
    expect(verifyCode(token, { expectedKind: 'member', nowMs: issuedAtMs, sign: forger })).toMatchObject({
      ok: false,
      code: 'CODE_INVALID',
    })
    expect(verifyCode(token, { expectedKind: 'coupon', nowMs: issuedAtMs, sign: serverSigner })).toMatchObject({
      ok: false,
      code: 'CODE_WRONG_KIND',
    })
  })

  it('is refused to callers who have not joined', async () => {
    await expect(harness.call('member', 'memberCode', {}, { as: 'o-nobody' })).resolves.toMatchObject({
      ok: false,
      code: 'NOT_A_MEMBER',
    })
  })
})
