/**
 * `admin.adjustPoints` through the real SDK: audited, within each role's limit, idempotent per
 * request, never below zero, and correct when fired at once. The harness checks balance = ledger sum.
 */
import type { ActionInput } from '@shared/contracts'
import { memberIdOf } from '../../../cloudfunctions/common/memberId'
import { seedMember } from '../mall/seededMembers'
import { ADMIN, MANAGER, NOW, STAFF, snapshotOf } from '../staff/staffFixtures'
import { dataOf } from '../support/answers'
import { useFunctionHarness } from '../support/functionHarness'

jest.setTimeout(120_000)

type AdjustInput = ActionInput<'admin', 'adjustPoints'>

describe('admin.adjustPoints', () => {
  const harness = useFunctionHarness()

  const adjust = (input: AdjustInput, as = MANAGER) => harness.call('admin', 'adjustPoints', input, { as, atMs: NOW })
  const walletOf = async (memberId: string) => (await harness.db.collection('members').doc(memberId).get()).data.points
  const entriesOf = async (memberId: string) =>
    (await harness.db.collection('ledger').where({ memberId, type: 'adjust' }).get()).data

  it('adds points with a reason: one adjust entry, one audit entry, and the member sees it in the history', async () => {
    const member = await seedMember(harness, { prefix: 'o-adjust-add', points: 40, atMs: NOW })
    const answer = dataOf(
      await adjust({ requestId: 'adjust-add-0001', memberId: member.memberId, amount: 100, reason: '漏记消费补发' }),
    )
    expect(answer).toEqual({
      memberId: member.memberId,
      amount: 100,
      usableBefore: 40,
      usableAfter: 140,
      replayed: false,
    })
    await expect(entriesOf(member.memberId)).resolves.toEqual([
      expect.objectContaining({
        _id: 'adjust_adjust-add-0001',
        amount: 100,
        balanceAfter: 140,
        reason: '漏记消费补发',
        operatorId: MANAGER,
      }),
    ])
    const audit = (await harness.db.collection('audit').doc('admin_adjust-add-0001').get()).data
    expect(audit).toMatchObject({
      action: 'adjustPoints',
      operatorOpenid: MANAGER,
      operatorRole: 'manager',
      memberId: member.memberId,
      amount: 100,
      changes: { points: { before: 40, after: 140 } },
      note: '漏记消费补发',
    })
    const history = dataOf(await harness.call('member', 'history', {}, { as: member.openid, atMs: NOW + 1000 }))
    expect(history.entries[0]).toMatchObject({ type: 'adjust', amount: 100, title: '积分调整' })
  })

  it('takes points away from the earliest-expiring lots, and never below zero', async () => {
    const member = await seedMember(harness, { prefix: 'o-adjust-take', points: 60, atMs: NOW })
    await expect(
      adjust({ requestId: 'adjust-take-001', memberId: member.memberId, amount: -25, reason: '重复发放收回' }),
    ).resolves.toMatchObject({ ok: true, data: { usableBefore: 60, usableAfter: 35 } })
    await expect(walletOf(member.memberId)).resolves.toMatchObject({ balance: 35 })
    const before = await snapshotOf(harness)
    await expect(
      adjust({ requestId: 'adjust-take-002', memberId: member.memberId, amount: -36, reason: '重复发放收回' }),
    ).resolves.toMatchObject({ ok: false, code: 'POINTS_INSUFFICIENT' })
    await expect(snapshotOf(harness)).resolves.toEqual(before)
  })

  it('holds each role to its limit, refuses clerks and members, and changes nothing when it refuses', async () => {
    const member = await seedMember(harness, { prefix: 'o-adjust-limit', points: 10, atMs: NOW })
    const input = (requestId: string, amount: number): AdjustInput => ({
      requestId,
      memberId: member.memberId,
      amount,
      reason: '活动补偿',
    })
    const before = await snapshotOf(harness)
    await expect(adjust(input('adjust-limit-01', 501))).resolves.toMatchObject({
      ok: false,
      code: 'ADJUSTMENT_OVER_LIMIT',
      message: expect.stringContaining('500'),
    })
    await expect(adjust(input('adjust-limit-02', 50_001), ADMIN)).resolves.toMatchObject({
      ok: false,
      code: 'ADJUSTMENT_OVER_LIMIT',
    })
    await expect(adjust(input('adjust-limit-03', 1), STAFF)).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' })
    await expect(adjust(input('adjust-limit-04', 1), member.openid)).resolves.toMatchObject({
      ok: false,
      code: 'NOT_STAFF',
    })
    await expect(
      adjust({ ...input('adjust-limit-05', 1), memberId: memberIdOf('o-never-joined') }, ADMIN),
    ).resolves.toMatchObject({ ok: false, code: 'MEMBER_NOT_FOUND' })
    await expect(snapshotOf(harness)).resolves.toEqual(before)
    await expect(adjust(input('adjust-limit-06', 501), ADMIN)).resolves.toMatchObject({
      ok: true,
      data: { usableAfter: 511 },
    })
  })

  it('applies a retried request once, and refuses its id for another adjustment', async () => {
    const member = await seedMember(harness, { prefix: 'o-adjust-retry', points: 10, atMs: NOW })
    const input: AdjustInput = { requestId: 'adjust-retry-01', memberId: member.memberId, amount: 30, reason: '补发' }
    await expect(adjust(input)).resolves.toMatchObject({ ok: true, data: { replayed: false, usableAfter: 40 } })
    await expect(adjust(input)).resolves.toMatchObject({
      ok: true,
      data: { replayed: true, usableBefore: 10, usableAfter: 40 },
    })
    await expect(adjust({ ...input, amount: 31 })).resolves.toMatchObject({ ok: false, code: 'REQUEST_ID_REUSED' })
    await expect(entriesOf(member.memberId)).resolves.toHaveLength(1)
    await expect(walletOf(member.memberId)).resolves.toMatchObject({ balance: 40 })
  })

  it('lets one of eight twins of a request apply it, and ten takings at once never go below zero', async () => {
    await harness.warm('admin')
    const member = await seedMember(harness, { prefix: 'o-adjust-race', points: 50, atMs: NOW })
    const twin: AdjustInput = { requestId: 'adjust-twin-001', memberId: member.memberId, amount: 20, reason: '补发' }
    const twins = await Promise.all(Array.from({ length: 8 }, () => adjust(twin)))
    expect(twins.map((answer) => answer.ok && answer.data.replayed).sort()).toEqual([
      false,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
    ])
    for (const answer of twins) expect(answer).toMatchObject({ ok: true, data: { usableBefore: 50, usableAfter: 70 } })

    const takings = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        adjust({ requestId: `adjust-take-race-${index}`, memberId: member.memberId, amount: -10, reason: '收回' }),
      ),
    )
    const codes = takings.map((answer) => (answer.ok ? 'ok' : answer.code)).sort()
    expect(codes).toEqual([...Array(3).fill('POINTS_INSUFFICIENT'), ...Array(7).fill('ok')])
    await expect(walletOf(member.memberId)).resolves.toMatchObject({ balance: 0 })
    await expect(entriesOf(member.memberId)).resolves.toHaveLength(8)
  })

  it.each([
    [{ memberId: 'mnot-a-member-id', amount: 1, reason: '补发' }, 'memberId'],
    [{ amount: 0, reason: '补发' }, 'amount'],
    [{ amount: 1.5, reason: '补发' }, 'amount'],
    [{ amount: 1_000_001, reason: '补发' }, 'amount'],
    [{ amount: 1, reason: '   ' }, 'reason'],
    [{ amount: 1, reason: '长'.repeat(101) }, 'reason'],
    [{ amount: 1 }, 'reason'],
  ])('refuses %o with INVALID_INPUT naming %s, before touching the database', async (fields, field) => {
    const input = { requestId: 'adjust-bad-0001', memberId: memberIdOf('o-anyone'), ...fields }
    let answer: unknown
    const requests = await harness.countRequests(async () => {
      answer = await harness.callRaw('admin', { action: 'adjustPoints', input }, { as: ADMIN, atMs: NOW })
    })
    expect(answer).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining(field) })
    expect(requests).toBe(0)
  })
})
