import type { ActionInput, ApiEnvelope } from '@shared/contracts'
import { insertTemplate, issuedOf } from '../coupon/testTemplates'
import { seedMembers } from '../mall/seededMembers'
import {
  ADMIN,
  bindStoreTwo,
  MANAGER,
  NOW,
  OTHER_STORE_MANAGER,
  STAFF,
  snapshotOf,
  updateMember,
} from '../staff/staffFixtures'
import { type FunctionHarness, useFunctionHarness } from '../support/functionHarness'

type IssueInput = ActionInput<'admin', 'issueCoupon'>

function dataOf<T>(answer: ApiEnvelope<T>): T {
  if (!answer.ok) throw new Error(`${answer.code}: ${answer.message}`)
  return answer.data
}

/** Everything an issue may touch, besides what `snapshotOf` covers. */
async function issueSnapshot(harness: FunctionHarness) {
  const { data } = await harness.db.collection('coupon_templates').limit(1000).get()
  const templates = [...(data as { _id: string }[])].sort((a, b) => a._id.localeCompare(b._id))
  return { ...(await snapshotOf(harness)), templates }
}

jest.setTimeout(180_000)

describe('admin.issueCoupon', () => {
  const harness = useFunctionHarness()

  const issue = (input: IssueInput, as = ADMIN) => harness.call('admin', 'issueCoupon', input, { as, atMs: NOW })
  const membersOf = async (prefix: string, count: number, storeId: string | null = null) => {
    const members = await seedMembers(harness, { prefix, count, points: 1, atMs: NOW })
    if (storeId)
      await Promise.all(members.map((member) => updateMember(harness, member.memberId, { joinedStoreId: storeId })))
    return members.map((member) => member.memberId)
  }
  // A minute on: the harness's clock runs from NOW, so a coupon issued "at NOW" is valid from a few ms later.
  const walletOf = async (openid: string) =>
    dataOf(await harness.call('coupon', 'wallet', {}, { as: openid, atMs: NOW + 60_000 })).coupons

  it('puts one coupon in each member’s wallet, and a resent request issues nothing twice', async () => {
    await insertTemplate(harness, { id: 'gift-ten', totalQuantity: 100 })
    const members = await seedMembers(harness, { prefix: 'o-issue', count: 3, points: 1, atMs: NOW })
    const input = { requestId: 'issue-request-001', templateId: 'gift-ten', memberIds: members.map((m) => m.memberId) }
    const first = dataOf(await issue(input))
    expect(first).toMatchObject({ issuedCount: 3, replayed: false })
    expect(first.outcomes.map((outcome) => outcome.refusal)).toEqual([null, null, null])
    const wallet = await walletOf(members[0]?.openid as string)
    expect(wallet).toEqual([expect.objectContaining({ templateId: 'gift-ten', source: 'admin', state: 'available' })])

    await expect(issue(input)).resolves.toMatchObject({ ok: true, data: { issuedCount: 3, replayed: true } })
    await expect(issuedOf(harness, 'gift-ten')).resolves.toEqual({ coupons: 3, issued: 3 })
    const audits = await harness.db.collection('audit').where({ action: 'issueCoupon' }).get()
    expect(audits.data).toEqual([
      expect.objectContaining({ _id: 'admin_issue-request-001', issuedCount: 3, subjectId: 'gift-ten' }),
    ])
    await expect(issue({ ...input, templateId: 'five-off-thirty' })).resolves.toMatchObject({
      ok: false,
      code: 'REQUEST_ID_REUSED',
    })
  })

  it('answers which members got one and why the others did not, never above the total', async () => {
    await insertTemplate(harness, { id: 'last-two', totalQuantity: 3, issued: 1 })
    const memberIds = await membersOf('o-issue-short', 3)
    const unknown = 'm000000000000000000000000'
    const answer = dataOf(
      await issue({ requestId: 'issue-short-0001', templateId: 'last-two', memberIds: [unknown, ...memberIds] }),
    )
    expect(answer.issuedCount).toBe(2)
    expect(answer.outcomes.map((outcome) => outcome.refusal)).toEqual(['MEMBER_NOT_FOUND', null, null, 'SOLD_OUT'])
    await expect(issuedOf(harness, 'last-two')).resolves.toEqual({ coupons: 2, issued: 3 })
  })

  it('resumes a request that died after some coupons: those members keep theirs, the rest get one', async () => {
    await insertTemplate(harness, { id: 'resumed', totalQuantity: 10 })
    const memberIds = await membersOf('o-issue-resume', 3)
    const first = dataOf(await issue({ requestId: 'issue-resume-001', templateId: 'resumed', memberIds }))
    // As if the first attempt had died before its audit entry.
    await harness.db.collection('audit').doc('admin_issue-resume-001').remove()
    const [dropped] = first.outcomes.slice(2)
    await harness.db
      .collection('coupons')
      .doc(dropped?.couponId as string)
      .remove()
    await harness.db
      .collection('coupon_templates')
      .doc('resumed')
      .update({ data: { issued: 2 } })
    const again = dataOf(await issue({ requestId: 'issue-resume-001', templateId: 'resumed', memberIds }))
    expect(again).toMatchObject({ issuedCount: 3, replayed: false })
    expect(again.outcomes).toEqual(first.outcomes)
    await expect(issuedOf(harness, 'resumed')).resolves.toEqual({ coupons: 3, issued: 3 })
  })

  it('lets a manager issue to their own store’s members only, within the programme’s limit', async () => {
    await bindStoreTwo(harness)
    await insertTemplate(harness, { id: 'store-gift', totalQuantity: null })
    const own = await membersOf('o-issue-own', 2, 'store-1')
    const other = await membersOf('o-issue-other', 1, 'store-2')
    const answer = dataOf(
      await issue({ requestId: 'issue-manager-01', templateId: 'store-gift', memberIds: [...own, ...other] }, MANAGER),
    )
    expect(answer.outcomes.map((outcome) => outcome.refusal)).toEqual([null, null, 'MEMBER_OF_OTHER_STORE'])
    const entry = (await harness.db.collection('audit').doc('admin_issue-manager-01').get()).data
    expect(entry).toMatchObject({ operatorOpenid: MANAGER, storeId: 'store-1', issuedCount: 2 })

    const many = await membersOf('o-issue-many', 21, 'store-2')
    const before = await issueSnapshot(harness)
    await expect(
      issue({ requestId: 'issue-manager-02', templateId: 'store-gift', memberIds: many }, OTHER_STORE_MANAGER),
    ).resolves.toMatchObject({ ok: false, code: 'ISSUE_OVER_LIMIT' })
    await expect(issueSnapshot(harness)).resolves.toEqual(before)
    await expect(
      issue(
        { requestId: 'issue-manager-03', templateId: 'store-gift', memberIds: many.slice(0, 20) },
        OTHER_STORE_MANAGER,
      ),
    ).resolves.toMatchObject({ ok: true, data: { issuedCount: 20 } })
  })

  it.each<[string, string, { templateId: string; memberIds?: string[]; repeat?: boolean }, string]>([
    ['a clerk', STAFF, { templateId: 'five-off-thirty' }, 'FORBIDDEN'],
    ['a retired template', ADMIN, { templateId: 'retired-one' }, 'COUPON_RETIRED'],
    ['a missing template', ADMIN, { templateId: 'no-such-one' }, 'COUPON_NOT_FOUND'],
    ['a repeated member', ADMIN, { templateId: 'five-off-thirty', repeat: true }, 'INVALID_INPUT'],
    ['a malformed member id', ADMIN, { templateId: 'five-off-thirty', memberIds: ['13800138000'] }, 'INVALID_INPUT'],
  ])('refuses %s and changes nothing', async (_name, as, variant, code) => {
    await insertTemplate(harness, { id: 'retired-one', status: 'retired' })
    const memberIds = await membersOf('o-issue-refused', 2)
    const input = {
      requestId: 'issue-refused-01',
      templateId: variant.templateId,
      memberIds: variant.memberIds ?? (variant.repeat ? [memberIds[0], memberIds[0]] : memberIds),
    } as IssueInput
    const before = await issueSnapshot(harness)
    await expect(issue(input, as)).resolves.toMatchObject({ ok: false, code })
    await expect(issueSnapshot(harness)).resolves.toEqual(before)
  })

  it('never exceeds the total when two requests race for the last coupons, and tells each loser why', async () => {
    await harness.warm('admin')
    await insertTemplate(harness, { id: 'nearly-gone', totalQuantity: 5, issued: 2 })
    const first = await membersOf('o-issue-race-a', 3)
    const second = await membersOf('o-issue-race-b', 3)
    const answers = (
      await Promise.all([
        issue({ requestId: 'issue-race-aaaa', templateId: 'nearly-gone', memberIds: first }),
        issue({ requestId: 'issue-race-bbbb', templateId: 'nearly-gone', memberIds: second }),
      ])
    ).map(dataOf)
    const outcomes = answers.flatMap((answer) => answer.outcomes)
    expect(outcomes.filter((outcome) => outcome.couponId !== null)).toHaveLength(3)
    expect(outcomes.filter((outcome) => outcome.refusal === 'SOLD_OUT')).toHaveLength(3)
    expect(answers.reduce((sum, answer) => sum + answer.issuedCount, 0)).toBe(3)
    await expect(issuedOf(harness, 'nearly-gone')).resolves.toEqual({ coupons: 3, issued: 5 })
  })

  it('issues to 200 members in one request', async () => {
    await insertTemplate(harness, { id: 'big-batch', totalQuantity: 1000 })
    const memberIds = await membersOf('o-issue-big', 200)
    const answer = dataOf(await issue({ requestId: 'issue-big-00001', templateId: 'big-batch', memberIds }))
    expect(answer.issuedCount).toBe(200)
    await expect(issuedOf(harness, 'big-batch')).resolves.toEqual({ coupons: 200, issued: 200 })
  })
})
