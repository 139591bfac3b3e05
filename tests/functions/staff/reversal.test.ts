import { dataOf } from '../support/answers'
import { useFunctionHarness } from '../support/functionHarness'
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
  updateMember,
} from './staffFixtures'

jest.setTimeout(60_000)

describe('staff.reversePurchase', () => {
  const harness = useFunctionHarness()

  async function purchase(memberId: string, amountFen: number, requestId: string): Promise<string> {
    const answer = await harness.call(
      'staff',
      'recordPurchase',
      purchaseBy(STAFF, { memberId, amountFen, requestId }),
      { as: STAFF, atMs: NOW },
    )
    return dataOf(answer).purchaseEntryId
  }

  const reverse = (as: string, purchaseEntryId: string) =>
    harness.call('staff', 'reversePurchase', { purchaseEntryId, reason: '顾客退款' }, { as, atMs: NOW + 60_000 })

  it('takes back exactly the points and growth the purchase gave, once, audited', async () => {
    const member = await seedCustomer(harness, { prefix: 'o-refund', points: 30 })
    const entryId = await purchase(member.memberId, 8800, 'refund-0001')
    await expect(reverse(MANAGER, entryId)).resolves.toEqual({
      ok: true,
      data: {
        purchaseEntryId: entryId,
        memberId: member.memberId,
        points: 88,
        takenBack: 88,
        shortfall: 0,
        growthTakenBack: 88,
        referralTakenBack: 0,
        balanceBefore: 118,
        balanceAfter: 30,
        reversedAtMs: expect.any(Number),
      },
    })
    await expect(memberState(harness, member.memberId)).resolves.toMatchObject({ balance: 30, growth: 0 })
    const { data: entry } = await harness.db.collection('ledger').doc(`reverse_${entryId}`).get()
    expect(entry).toMatchObject({ type: 'reverse', amount: -88, shortfall: 0, operatorId: MANAGER, reason: '顾客退款' })
    const { data: audit } = await harness.db.collection('audit').doc(`reverse_${entryId}`).get()
    expect(audit).toMatchObject({
      action: 'reversePurchase',
      operatorOpenid: MANAGER,
      storeId: 'store-1',
      memberId: member.memberId,
      points: -88,
      balanceBefore: 118,
      balanceAfter: 30,
    })
    const before = await snapshotOf(harness)
    await expect(reverse(ADMIN, entryId)).resolves.toMatchObject({ ok: false, code: 'ALREADY_REVERSED' })
    await expect(snapshotOf(harness)).resolves.toEqual(before)
    const today = dataOf(await harness.call('staff', 'today', { scope: 'store' }, { as: MANAGER, atMs: NOW + 120_000 }))
    expect(today.entries.map((line) => [line.action, line.reversed])).toEqual([
      ['reversePurchase', false],
      ['purchase', true],
    ])
    expect(today.purchaseTotalFen).toBe(0)
  })

  it('reverses once when two reversals arrive at the same moment', async () => {
    const member = await seedCustomer(harness, { prefix: 'o-refund-race', points: 0 })
    const entryId = await purchase(member.memberId, 5000, 'refund-race-1')
    const answers = await Promise.all([reverse(MANAGER, entryId), reverse(ADMIN, entryId), reverse(MANAGER, entryId)])
    expect(answers.filter((answer) => answer.ok)).toHaveLength(1)
    expect(answers.filter((answer) => !answer.ok && answer.code === 'ALREADY_REVERSED')).toHaveLength(2)
    await expect(memberState(harness, member.memberId)).resolves.toMatchObject({ balance: 0, growth: 0 })
    const { data: reversals } = await harness.db.collection('ledger').where({ type: 'reverse' }).get()
    expect(reversals).toHaveLength(1)
  })

  it('records the shortfall when the points were already spent, never going below zero', async () => {
    const member = await seedCustomer(harness, { prefix: 'o-spent', points: 0 })
    const entryId = await purchase(member.memberId, 40_000, 'spent-0001')
    // 400 points; the tote bag costs 300 of them, leaving 100.
    await expect(
      harness.call(
        'mall',
        'redeem',
        { itemId: 'item-tote-bag', requestId: 'spend-it-0001' },
        { as: member.openid, atMs: NOW },
      ),
    ).resolves.toMatchObject({ ok: true, data: { balance: 100 } })
    await expect(reverse(MANAGER, entryId)).resolves.toMatchObject({
      ok: true,
      data: { points: 400, takenBack: 100, shortfall: 300, balanceBefore: 100, balanceAfter: 0, growthTakenBack: 400 },
    })
    const { data: entry } = await harness.db.collection('ledger').doc(`reverse_${entryId}`).get()
    expect(entry).toMatchObject({ amount: -100, shortfall: 300, balanceAfter: 0 })
    await expect(memberState(harness, member.memberId)).resolves.toMatchObject({ balance: 0, growth: 0 })
  })

  it('records a reversal whose points are all spent: nothing taken, the whole amount short', async () => {
    const member = await seedCustomer(harness, { prefix: 'o-all-spent', points: 0 })
    const entryId = await purchase(member.memberId, 30_000, 'all-spent-0001')
    dataOf(
      await harness.call(
        'mall',
        'redeem',
        { itemId: 'item-tote-bag', requestId: 'spend-all-0001' },
        { as: member.openid, atMs: NOW },
      ),
    )
    await expect(reverse(ADMIN, entryId)).resolves.toMatchObject({
      ok: true,
      data: { points: 300, takenBack: 0, shortfall: 300, balanceAfter: 0 },
    })
  })

  it('keeps the tier and the upgrade gift, taking back only the purchase’s own points and growth', async () => {
    const member = await seedCustomer(harness, { prefix: 'o-keeps-tier', points: 0 })
    await updateMember(harness, member.memberId, { growth: 450 })
    const entryId = await purchase(member.memberId, 10_000, 'keeps-tier-1')
    await expect(memberState(harness, member.memberId)).resolves.toMatchObject({ balance: 200, tierId: 'silver' })
    await expect(reverse(MANAGER, entryId)).resolves.toMatchObject({ ok: true, data: { takenBack: 100, shortfall: 0 } })
    await expect(memberState(harness, member.memberId)).resolves.toMatchObject({
      balance: 100,
      growth: 450,
      tierId: 'silver',
    })
  })

  it('is refused to plain staff and to another store’s manager (FORBIDDEN), changing nothing', async () => {
    await bindStoreTwo(harness)
    const member = await seedCustomer(harness, { prefix: 'o-refund-forbidden', points: 0 })
    const entryId = await purchase(member.memberId, 1000, 'forbidden-0001')
    const before = await snapshotOf(harness)
    await expect(reverse(STAFF, entryId)).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' })
    await expect(reverse(OTHER_STORE_MANAGER, entryId)).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' })
    await expect(reverse(member.openid, entryId)).resolves.toMatchObject({ ok: false, code: 'NOT_STAFF' })
    await expect(snapshotOf(harness)).resolves.toEqual(before)
  })

  it('answers PURCHASE_NOT_FOUND for an entry that is not a purchase', async () => {
    const member = await seedCustomer(harness, { prefix: 'o-not-purchase', points: 10 })
    await expect(reverse(ADMIN, `join_${member.memberId}`)).resolves.toMatchObject({
      ok: false,
      code: 'PURCHASE_NOT_FOUND',
    })
    await expect(reverse(ADMIN, 'purchase_store-1_NOPE')).resolves.toMatchObject({
      ok: false,
      code: 'PURCHASE_NOT_FOUND',
    })
  })

  it('costs 10 database requests', async () => {
    const member = await seedCustomer(harness, { prefix: 'o-refund-count', points: 0 })
    const entryId = await purchase(member.memberId, 1000, 'refund-count-1')
    // Staff (1), transaction: start, purchase (1), member (1), entry + member + purchase + audit + stat
    // event (5), commit.
    await expect(harness.countRequests(() => reverse(MANAGER, entryId))).resolves.toBe(10)
  })
})
