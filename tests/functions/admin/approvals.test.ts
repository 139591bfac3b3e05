import type { ApiEnvelope, DecideApprovalResult } from '@shared/contracts'
import {
  ADMIN,
  bindStoreTwo,
  MANAGER,
  memberState,
  NOW,
  OTHER_STORE_MANAGER,
  purchaseBy,
  STAFF,
  seedCustomer,
  snapshotOf,
} from '../staff/staffFixtures'
import { dataOf } from '../support/answers'
import { useFunctionHarness } from '../support/functionHarness'

jest.setTimeout(60_000)

const DAY_MS = 86_400_000

/** The decision's answer; sent raw, so that bad input reaches the function too. */
type Answer = ApiEnvelope<DecideApprovalResult>
/** Above the per-purchase maximum (¥5000) a clerk may record alone. */
const OVER_LIMIT_FEN = 600_000

describe('a manager’s approval of a clerk’s over-limit purchase', () => {
  const harness = useFunctionHarness()

  async function requested(prefix: string, requestId = `${prefix}-request`) {
    const member = await seedCustomer(harness, { prefix: `o-${prefix}`, points: 0, atMs: NOW })
    await harness.db
      .collection('members')
      .doc(member.memberId)
      .update({ data: { 'profile.nickname': `${prefix}的昵称` } })
    const purchase = { memberId: member.memberId, amountFen: OVER_LIMIT_FEN, receiptNo: `${prefix}-1`, requestId }
    const answer = await harness.call('staff', 'requestApproval', purchaseBy(STAFF, purchase), { as: STAFF, atMs: NOW })
    return { member, purchase, approvalId: dataOf(answer).approval.approvalId }
  }

  const decide = (as: string, input: Record<string, unknown>, atMs = NOW + 60_000) =>
    harness.callRaw('admin', { action: 'decideApproval', input }, { as, atMs }) as Promise<Answer>

  async function decisionEntriesOf(approvalId: string) {
    const { data } = await harness.db.collection('audit').where({ subjectId: approvalId }).limit(10).get()
    return data
  }

  async function ledgerOf(memberId: string) {
    // The purchase's own entries: upgrade gifts it crossed come on top.
    const { data } = await harness.db.collection('ledger').where({ memberId }).limit(100).get()
    return data.filter((entry: { source: string }) => entry.source === 'purchase:store-1')
  }

  it('records the approved purchase once, naming the manager and the clerk', async () => {
    const { member, purchase, approvalId } = await requested('approve')
    // A retried submission finds the first request.
    await expect(
      harness.call('staff', 'requestApproval', purchaseBy(STAFF, purchase), { as: STAFF, atMs: NOW }),
    ).resolves.toMatchObject({ ok: true, data: { replayed: true, approval: { approvalId } } })
    await expect(harness.call('admin', 'listApprovals', {}, { as: MANAGER, atMs: NOW })).resolves.toMatchObject({
      ok: true,
      data: {
        approvals: [
          {
            approvalId,
            clerkName: '小林',
            memberNickname: 'approve的昵称',
            amountFen: OVER_LIMIT_FEN,
            status: 'pending',
          },
        ],
      },
    })
    expect((await memberState(harness, member.memberId)).balance).toBe(0)
    const approve = { approvalId, decision: 'approve', requestId: 'approve-decision-1' }
    const approved = dataOf(await decide(MANAGER, approve))
    expect(approved).toMatchObject({ status: 'approved', replayed: false, points: 5000 })
    const afterApproval = await memberState(harness, member.memberId)
    expect(afterApproval.balance).toBeGreaterThanOrEqual(5000)
    await expect(decide(MANAGER, approve)).resolves.toMatchObject({ ok: true, data: { replayed: true } })
    await expect(decide(ADMIN, { ...approve, requestId: 'approve-decision-2' })).resolves.toMatchObject({
      ok: false,
      code: 'APPROVAL_DECIDED',
    })
    await expect(memberState(harness, member.memberId)).resolves.toEqual(afterApproval)
    expect(await ledgerOf(member.memberId)).toHaveLength(1)
    const { data: audit } = await harness.db.collection('audit').doc(approved.purchaseEntryId).get()
    expect(audit).toMatchObject({
      action: 'purchase',
      operatorOpenid: MANAGER,
      requestedByOpenid: STAFF,
      storeId: 'store-1',
      amountFen: OVER_LIMIT_FEN,
    })
    await expect(harness.call('admin', 'listApprovals', {}, { as: MANAGER, atMs: NOW })).resolves.toMatchObject({
      ok: true,
      data: { approvals: [] },
    })
    // The decision has an entry of its own, once, however often it was replayed or tried again.
    await expect(decisionEntriesOf(approvalId)).resolves.toEqual([
      expect.objectContaining({
        _id: `approval_${approvalId}`,
        action: 'decideApproval',
        operatorOpenid: MANAGER,
        operatorName: '王店长',
        operatorRole: 'manager',
        storeId: 'store-1',
        approvalId,
        subjectId: approvalId,
        memberId: member.memberId,
        amountFen: OVER_LIMIT_FEN,
        requestId: 'approve-decision-1',
        reason: null,
        purchaseEntryId: approved.purchaseEntryId,
        changes: { status: { before: 'pending', after: 'approved' } },
        note: '申请人 小林',
      }),
    ])
  })

  it('credits the points once when two managers approve at once; the loser is told it was decided', async () => {
    const { member, approvalId } = await requested('race')
    await harness.warm('admin')
    const answers = await Promise.all(
      [MANAGER, ADMIN].map((as, index) =>
        decide(as, { approvalId, decision: 'approve', requestId: `race-decision-${index}` }),
      ),
    )
    const winners = answers.filter((answer) => answer.ok)
    expect(winners).toEqual([expect.objectContaining({ data: expect.objectContaining({ points: 5000 }) })])
    expect(answers.filter((answer) => !answer.ok)).toEqual([expect.objectContaining({ code: 'APPROVAL_DECIDED' })])
    expect(await ledgerOf(member.memberId)).toHaveLength(1)
  })

  it('rejects with a reason and changes no points', async () => {
    const { member, approvalId } = await requested('reject')
    await expect(
      decide(MANAGER, { approvalId, decision: 'reject', requestId: 'reject-decision-0' }),
    ).resolves.toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    const before = await snapshotOf(harness)
    await expect(
      decide(MANAGER, { approvalId, decision: 'reject', reason: '小票金额不符', requestId: 'reject-decision-1' }),
    ).resolves.toMatchObject({ ok: true, data: { status: 'rejected', points: 0, purchaseEntryId: null } })
    // Nothing but the decision's own audit entry (below) is written.
    const { audit: auditAfter, ...after } = await snapshotOf(harness)
    const { audit: auditBefore, ...unchanged } = before
    expect(after).toEqual(unchanged)
    expect(auditAfter).toHaveLength((auditBefore?.length ?? 0) + 1)
    const { data } = await harness.db.collection('approvals').doc(approvalId).get()
    expect(data).toMatchObject({ status: 'rejected', decided: { reason: '小票金额不符', openid: MANAGER } })
    expect((await memberState(harness, member.memberId)).balance).toBe(0)
    await expect(decisionEntriesOf(approvalId)).resolves.toEqual([
      expect.objectContaining({
        action: 'decideApproval',
        operatorOpenid: MANAGER,
        storeId: 'store-1',
        approvalId,
        memberId: member.memberId,
        amountFen: OVER_LIMIT_FEN,
        reason: '小票金额不符',
        purchaseEntryId: null,
        changes: { status: { before: 'pending', after: 'rejected' } },
        note: '申请人 小林；驳回原因 小票金额不符',
      }),
    ])
  })

  it('files an admin’s decision under the clerk’s store, where its manager reads it in the audit log', async () => {
    const { approvalId } = await requested('admin-reject')
    await expect(
      decide(ADMIN, { approvalId, decision: 'reject', reason: '重复提交', requestId: 'admin-reject-decision' }),
    ).resolves.toMatchObject({ ok: true, data: { status: 'rejected' } })
    const log = dataOf(
      await harness.call('admin', 'auditLog', { action: 'decideApproval' }, { as: MANAGER, atMs: NOW + 120_000 }),
    )
    expect(log.entries).toEqual([
      expect.objectContaining({
        action: 'decideApproval',
        operatorOpenid: ADMIN,
        operatorRole: 'admin',
        storeId: 'store-1',
        subjectId: approvalId,
        amountFen: OVER_LIMIT_FEN,
        points: null,
        changes: { status: { before: 'pending', after: 'rejected' } },
      }),
    ])
  })

  it('refuses another store’s manager, an expired request, a clerk, and bad input, changing nothing', async () => {
    await bindStoreTwo(harness)
    const { approvalId } = await requested('refused')
    const approve = { approvalId, decision: 'approve', requestId: 'refused-decision' }
    const before = await snapshotOf(harness)
    await expect(decide(OTHER_STORE_MANAGER, approve)).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' })
    await expect(decide(STAFF, approve)).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' })
    await expect(decide(MANAGER, approve, NOW + DAY_MS + 60_000)).resolves.toMatchObject({
      ok: false,
      code: 'APPROVAL_EXPIRED',
    })
    await expect(decide(MANAGER, { ...approve, approvalId: 'nope' })).resolves.toMatchObject({
      ok: false,
      code: 'APPROVAL_NOT_FOUND',
    })
    await expect(decide(MANAGER, { ...approve, decision: 'maybe' })).resolves.toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    })
    await expect(harness.call('admin', 'listApprovals', {}, { as: OTHER_STORE_MANAGER })).resolves.toMatchObject({
      ok: true,
      data: { approvals: [] },
    })
    await expect(snapshotOf(harness)).resolves.toEqual(before)
    const { data } = await harness.db.collection('approvals').doc(approvalId).get()
    expect(data.status).toBe('pending')
    await expect(decisionEntriesOf(approvalId)).resolves.toEqual([])
  })

  it('takes only a purchase the limits refuse', async () => {
    const member = await seedCustomer(harness, { prefix: 'o-small', points: 0, atMs: NOW })
    const small = { memberId: member.memberId, amountFen: 1000, requestId: 'small-request' }
    await expect(
      harness.call('staff', 'requestApproval', purchaseBy(STAFF, small), { as: STAFF, atMs: NOW }),
    ).resolves.toMatchObject({ ok: false, code: 'APPROVAL_NOT_NEEDED' })
    const { data } = await harness.db.collection('approvals').limit(10).get()
    expect(data).toEqual([])
  })
})
