import { dataOf } from '../support/answers'
import { useFunctionHarness } from '../support/functionHarness'
import {
  ADMIN,
  bindStoreTwo,
  codeFor,
  insertCoupon,
  MANAGER,
  memberState,
  NOW,
  OTHER_STORE_STAFF,
  purchaseBy,
  STAFF,
  seedCustomer,
  sessionFor,
  snapshotOf,
  updateMember,
} from './staffFixtures'

jest.setTimeout(60_000)

interface Purchase {
  readonly memberId: string
  readonly amountFen: number
  readonly receiptNo?: string
  readonly requestId: string
}

describe('staff at the counter: members and purchases', () => {
  const harness = useFunctionHarness()

  const record = (as: string, input: Purchase, atMs = NOW) =>
    harness.call('staff', 'recordPurchase', purchaseBy(as, input, atMs), { as, atMs })

  it('answers who the caller is for bound staff, NOT_STAFF for anyone else', async () => {
    await expect(harness.call('staff', 'me', {}, { as: STAFF })).resolves.toEqual({
      ok: true,
      data: { role: 'staff', storeId: 'store-1', storeName: '小满咖啡 · 国贸店', name: '小林' },
    })
    await expect(harness.call('staff', 'me', {}, { as: ADMIN })).resolves.toMatchObject({
      ok: true,
      data: { role: 'admin', storeId: null, storeName: null },
    })
    await expect(harness.call('staff', 'me', {}, { as: 'o-nobody' })).resolves.toMatchObject({
      ok: false,
      code: 'NOT_STAFF',
    })
    await expect(harness.call('staff', 'me', {}, { as: null })).resolves.toMatchObject({ ok: false, code: 'NOT_STAFF' })
  })

  it('resolves a member code into the counter summary with the usable coupons only', async () => {
    const member = await seedCustomer(harness, { prefix: 'o-scan', points: 120, atMs: NOW })
    await updateMember(harness, member.memberId, {
      profile: { nickname: '阿满', avatarUrl: null, birthday: null, phoneNumber: null },
    })
    await insertCoupon(harness, { id: 'usable-coupon', memberId: member.memberId })
    await insertCoupon(harness, { id: 'expired-coupon', memberId: member.memberId, validUntilMs: NOW - 1 })
    await insertCoupon(harness, { id: 'future-coupon', memberId: member.memberId, validFromMs: NOW + 86_400_000 })
    const answer = await harness.call(
      'staff',
      'resolveMemberCode',
      { token: codeFor('member', member.memberId) },
      { as: STAFF, atMs: NOW },
    )
    expect(answer).toEqual({
      ok: true,
      data: {
        memberId: member.memberId,
        session: { token: expect.stringMatching(/^S1\./), expiresAtMs: expect.any(Number) },
        nickname: '阿满',
        avatarUrl: null,
        tier: { id: 'regular', name: '普通会员' },
        balance: 120,
        coupons: [
          {
            id: 'usable-coupon',
            title: '满30减5',
            benefit: { kind: 'cashOff', amountOffFen: 500, minSpendFen: 3000 },
            validFromMs: NOW - 86_400_000,
            validUntilMs: NOW + 7 * 86_400_000,
          },
        ],
      },
    })
  })

  it('answers MEMBER_NOT_FOUND for a valid code whose member is gone', async () => {
    await expect(
      harness.call(
        'staff',
        'resolveMemberCode',
        { token: codeFor('member', 'm-no-such-member') },
        { as: STAFF, atMs: NOW },
      ),
    ).resolves.toMatchObject({ ok: false, code: 'MEMBER_NOT_FOUND' })
  })

  it('previews a purchase without writing anything, and says when a manager must confirm it', async () => {
    const member = await seedCustomer(harness, { prefix: 'o-preview', points: 0, atMs: NOW })
    const before = await snapshotOf(harness)
    await expect(
      harness.call(
        'staff',
        'previewPurchase',
        { session: sessionFor(member.memberId, STAFF), amountFen: 8850 },
        { as: STAFF, atMs: NOW },
      ),
    ).resolves.toEqual({
      ok: true,
      data: {
        memberId: member.memberId,
        amountFen: 8850,
        points: 88,
        growth: 88,
        lines: [{ kind: 'base', points: 88 }],
        needsManagerApproval: false,
      },
    })
    await expect(
      harness.call(
        'staff',
        'previewPurchase',
        { session: sessionFor(member.memberId, STAFF), amountFen: 600_000 },
        { as: STAFF, atMs: NOW },
      ),
    ).resolves.toMatchObject({ ok: true, data: { points: 5000, needsManagerApproval: true } })
    await expect(
      harness.call(
        'staff',
        'previewPurchase',
        { session: sessionFor(member.memberId, MANAGER), amountFen: 600_000 },
        { as: MANAGER, atMs: NOW },
      ),
    ).resolves.toMatchObject({ ok: true, data: { needsManagerApproval: false } })
    await expect(snapshotOf(harness)).resolves.toEqual(before)
  })

  it('records a purchase of ¥88.00: 88 points and growth, first purchase set, audited', async () => {
    const member = await seedCustomer(harness, { prefix: 'o-buyer', points: 50, atMs: NOW })
    const result = dataOf(
      await record(STAFF, {
        memberId: member.memberId,
        amountFen: 8800,
        receiptNo: 'R-0001',
        requestId: 'request-0001',
      }),
    )
    expect(result).toEqual({
      replayed: false,
      purchaseEntryId: 'purchase_store-1_R-0001',
      memberId: member.memberId,
      storeId: 'store-1',
      amountFen: 8800,
      receiptNo: 'R-0001',
      points: 88,
      growth: 88,
      lines: [{ kind: 'base', points: 88 }],
      balanceBefore: 50,
      balanceAfter: 138,
      upgradedTo: null,
      upgradeGiftPoints: 0,
      referralReward: null,
      recordedAtMs: expect.any(Number),
    })
    await expect(memberState(harness, member.memberId)).resolves.toEqual({
      balance: 138,
      growth: 88,
      tierId: 'regular',
      firstPurchaseAtMs: expect.any(Number),
    })
    const { data: entry } = await harness.db.collection('ledger').doc('purchase_store-1_R-0001').get()
    expect(entry).toMatchObject({ type: 'earn', amount: 88, source: 'purchase:store-1', operatorId: STAFF })
    const { data: audit } = await harness.db.collection('audit').doc(result.purchaseEntryId).get()
    expect(audit).toMatchObject({
      action: 'purchase',
      operatorOpenid: STAFF,
      operatorName: '小林',
      operatorRole: 'staff',
      storeId: 'store-1',
      memberId: member.memberId,
      amountFen: 8800,
      points: 88,
      balanceBefore: 50,
      balanceAfter: 138,
    })
  })

  it('refuses a clerk’s purchase for their own member account, audits the attempt, and lets a colleague record it', async () => {
    const joined = await harness.call('member', 'join', {}, { as: STAFF, atMs: NOW })
    if (!joined.ok) throw new Error(joined.message)
    const memberId = joined.data.card.memberId
    const purchase = { memberId, amountFen: 8800, receiptNo: 'R-SELF-1', requestId: 'self-purchase-1' }
    await expect(record(STAFF, purchase)).resolves.toMatchObject({ ok: false, code: 'SELF_PURCHASE' })
    await expect(memberState(harness, memberId)).resolves.toMatchObject({ balance: 50, growth: 0 })
    const { data: attempts } = await harness.db.collection('audit').where({ action: 'selfPurchaseRefused' }).get()
    expect(attempts).toMatchObject([{ operatorOpenid: STAFF, memberId, amountFen: 8800, storeId: 'store-1' }])
    const { data: purchases } = await harness.db.collection('audit').where({ action: 'purchase', memberId }).get()
    expect(purchases).toHaveLength(0)
    await expect(record(MANAGER, purchase)).resolves.toMatchObject({ ok: true, data: { replayed: false, points: 88 } })
  })

  it('records the same receipt sent 10 times at once exactly once; the others answer the first result', async () => {
    const member = await seedCustomer(harness, { prefix: 'o-storm', points: 0, atMs: NOW })
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        record(STAFF, {
          memberId: member.memberId,
          amountFen: 12_300,
          receiptNo: 'R-STORM',
          requestId: `storm-request-${index}`,
        }),
      ),
    )
    const results = answers.map(dataOf)
    expect(results.filter((result) => !result.replayed)).toHaveLength(1)
    expect(
      results.every((result) => result.purchaseEntryId === 'purchase_store-1_R-STORM' && result.points === 123),
    ).toBe(true)
    await expect(memberState(harness, member.memberId)).resolves.toMatchObject({ balance: 123, growth: 123 })
    const { data: purchases } = await harness.db.collection('audit').where({ action: 'purchase' }).get()
    expect(purchases).toHaveLength(1)
    const { data: staff } = await harness.db.collection('staff').doc(STAFF).get()
    expect(staff.daily).toMatchObject({ day: '2026-11-23', purchaseTotalFen: 12_300, purchaseCount: 1 })
  })

  it('replays a retried request without a receipt, and refuses a receipt number reused for another purchase', async () => {
    const member = await seedCustomer(harness, { prefix: 'o-replay', points: 0, atMs: NOW })
    const other = await seedCustomer(harness, { prefix: 'o-replay-other', points: 0, atMs: NOW })
    const first = dataOf(
      await record(STAFF, { memberId: member.memberId, amountFen: 1000, requestId: 'tap-once-0001' }),
    )
    const again = dataOf(
      await record(STAFF, { memberId: member.memberId, amountFen: 1000, requestId: 'tap-once-0001' }),
    )
    expect(again).toEqual({ ...first, replayed: true })
    expect(first.purchaseEntryId.length).toBeLessThanOrEqual(56)
    dataOf(
      await record(STAFF, { memberId: member.memberId, amountFen: 2000, receiptNo: 'R-77', requestId: 'tap-0002' }),
    )
    const before = await snapshotOf(harness)
    await expect(
      record(STAFF, { memberId: other.memberId, amountFen: 2000, receiptNo: 'R-77', requestId: 'tap-0003' }),
    ).resolves.toMatchObject({ ok: false, code: 'REQUEST_ID_REUSED' })
    await expect(snapshotOf(harness)).resolves.toEqual(before)
    await expect(memberState(harness, member.memberId)).resolves.toMatchObject({ balance: 30 })
  })

  it('keeps receipt numbers unique per store: the same number in another store is another purchase', async () => {
    await bindStoreTwo(harness)
    const member = await seedCustomer(harness, { prefix: 'o-two-stores', points: 0, atMs: NOW })
    const inStoreOne = dataOf(
      await record(STAFF, {
        memberId: member.memberId,
        amountFen: 1000,
        receiptNo: '0001',
        requestId: 'store-one-0001',
      }),
    )
    const inStoreTwo = dataOf(
      await record(OTHER_STORE_STAFF, {
        memberId: member.memberId,
        amountFen: 1000,
        receiptNo: '0001',
        requestId: 'store-two-0001',
      }),
    )
    expect([inStoreOne.replayed, inStoreTwo.replayed]).toEqual([false, false])
    expect(inStoreTwo).toMatchObject({ storeId: 'store-2', purchaseEntryId: 'purchase_store-2_0001' })
    await expect(memberState(harness, member.memberId)).resolves.toMatchObject({ balance: 20 })
  })

  it('applies the tier multiplier and the birthday month, and upgrades with the gift in the same purchase', async () => {
    const member = await seedCustomer(harness, { prefix: 'o-upgrade', points: 0, atMs: NOW })
    await updateMember(harness, member.memberId, {
      growth: 450,
      profile: { nickname: null, avatarUrl: null, birthday: '11-05', phoneNumber: null },
    })
    const result = dataOf(
      await record(STAFF, { memberId: member.memberId, amountFen: 10_000, requestId: 'upgrade-0001' }),
    )
    expect(result).toMatchObject({
      points: 200,
      growth: 100,
      lines: [
        { kind: 'base', points: 100 },
        { kind: 'campaign', campaignId: 'birthday-month', multiplierPercent: 200, points: 100 },
      ],
      upgradedTo: { id: 'silver', name: '银卡会员' },
      upgradeGiftPoints: 100,
      balanceAfter: 300,
    })
    await expect(memberState(harness, member.memberId)).resolves.toMatchObject({
      balance: 300,
      growth: 550,
      tierId: 'silver',
    })
    // Silver earns 1.2 times, then the birthday month doubles: 10 → 12 → 24.
    const next = dataOf(await record(STAFF, { memberId: member.memberId, amountFen: 1000, requestId: 'upgrade-0002' }))
    expect(next.lines).toEqual([
      { kind: 'base', points: 10 },
      { kind: 'tier', tierId: 'silver', multiplierPercent: 120, points: 2 },
      { kind: 'campaign', campaignId: 'birthday-month', name: '生日月双倍积分', multiplierPercent: 200, points: 12 },
    ])
    // The member's history keeps the breakdown, so it can say which campaign doubled the purchase.
    const history = await harness.call('member', 'history', {}, { as: member.openid, atMs: NOW + 60_000 })
    expect(history).toMatchObject({
      ok: true,
      data: { entries: expect.arrayContaining([expect.objectContaining({ amount: 24, earningLines: next.lines })]) },
    })
  })

  it('pays the referrer once, on the referred member’s first purchase of at least ¥20', async () => {
    const referrer = await seedCustomer(harness, { prefix: 'o-referrer', points: 10, atMs: NOW })
    const referred = await seedCustomer(harness, { prefix: 'o-referred', points: 0, atMs: NOW })
    await updateMember(harness, referred.memberId, { referrerMemberId: referrer.memberId })
    const first = dataOf(
      await record(STAFF, { memberId: referred.memberId, amountFen: 2000, requestId: 'first-buy-0001' }),
    )
    expect(first.referralReward).toEqual({ referrerMemberId: referrer.memberId, points: 100 })
    const second = dataOf(
      await record(STAFF, { memberId: referred.memberId, amountFen: 5000, requestId: 'second-buy-0001' }),
    )
    expect(second.referralReward).toBeNull()
    await expect(memberState(harness, referrer.memberId)).resolves.toMatchObject({ balance: 110 })
    const { data: rewards } = await harness.db
      .collection('ledger')
      .where({ memberId: referrer.memberId, source: `referral:${referred.memberId}` })
      .get()
    expect(rewards).toHaveLength(1)
  })

  it('pays no referral for a first purchase below the minimum, then or later', async () => {
    const referrer = await seedCustomer(harness, { prefix: 'o-referrer-small', points: 0, atMs: NOW })
    const referred = await seedCustomer(harness, { prefix: 'o-referred-small', points: 0, atMs: NOW })
    await updateMember(harness, referred.memberId, { referrerMemberId: referrer.memberId })
    const small = dataOf(
      await record(STAFF, { memberId: referred.memberId, amountFen: 1, requestId: 'small-buy-0001' }),
    )
    expect(small).toMatchObject({ points: 0, referralReward: null })
    const later = dataOf(
      await record(STAFF, { memberId: referred.memberId, amountFen: 5000, requestId: 'later-buy-0001' }),
    )
    expect(later.referralReward).toBeNull()
    await expect(memberState(harness, referrer.memberId)).resolves.toMatchObject({ balance: 0 })
  })

  it('takes the referral back from the referrer when the qualifying purchase is reversed', async () => {
    const referrer = await seedCustomer(harness, { prefix: 'o-referrer-refund', points: 10, atMs: NOW })
    const referred = await seedCustomer(harness, { prefix: 'o-referred-refund', points: 0, atMs: NOW })
    await updateMember(harness, referred.memberId, { referrerMemberId: referrer.memberId })
    const first = dataOf(
      await record(STAFF, { memberId: referred.memberId, amountFen: 3000, requestId: 'refund-buy-0001' }),
    )
    await expect(memberState(harness, referrer.memberId)).resolves.toMatchObject({ balance: 110 })
    let reversal: unknown
    // Staff (1), transaction: start, purchase (1), member + referrer + reward entry (3), 2 reverse
    // entries + member + referrer + purchase + audit (6), commit: 13.
    const requests = await harness.countRequests(async () => {
      reversal = await harness.call(
        'staff',
        'reversePurchase',
        { purchaseEntryId: first.purchaseEntryId, reason: '顾客退款' },
        { as: MANAGER, atMs: NOW + 60_000 },
      )
    })
    expect(requests).toBe(14)
    expect(reversal).toMatchObject({ ok: true, data: { takenBack: 30, referralTakenBack: 100 } })
    await expect(memberState(harness, referrer.memberId)).resolves.toMatchObject({ balance: 10 })
    await expect(memberState(harness, referred.memberId)).resolves.toMatchObject({ balance: 0 })
    // The referral is not paid again by a later purchase.
    const later = dataOf(
      await record(STAFF, { memberId: referred.memberId, amountFen: 5000, requestId: 'refund-buy-0002' }),
    )
    expect(later.referralReward).toBeNull()
  })

  it('answers MEMBER_NOT_FOUND for a member that does not exist, changing nothing', async () => {
    const before = await snapshotOf(harness)
    await expect(
      record(STAFF, { memberId: 'm-missing', amountFen: 1000, requestId: 'missing-0001' }),
    ).resolves.toMatchObject({
      ok: false,
      code: 'MEMBER_NOT_FOUND',
    })
    await expect(snapshotOf(harness)).resolves.toEqual(before)
  })

  describe('limits', () => {
    it('refuses a plain staff member a purchase above the per-purchase maximum; a manager records it', async () => {
      const member = await seedCustomer(harness, { prefix: 'o-big', points: 0, atMs: NOW })
      const before = await snapshotOf(harness)
      const big = { memberId: member.memberId, amountFen: 500_001, receiptNo: 'BIG-1', requestId: 'big-purchase-1' }
      await expect(record(STAFF, big)).resolves.toMatchObject({
        ok: false,
        code: 'MANAGER_APPROVAL_REQUIRED',
        message: expect.stringContaining('¥5000.00'),
      })
      await expect(snapshotOf(harness)).resolves.toEqual(before)
      await expect(record(MANAGER, big)).resolves.toMatchObject({ ok: true, data: { replayed: false, points: 5000 } })
      await expect(record(ADMIN, { ...big, receiptNo: 'BIG-2', requestId: 'big-purchase-2' })).resolves.toMatchObject({
        ok: true,
      })
    })

    it('refuses a plain staff member past the daily total; a manager records it', async () => {
      const member = await seedCustomer(harness, { prefix: 'o-daily', points: 0, atMs: NOW })
      for (let index = 0; index < 4; index += 1) {
        dataOf(
          await record(STAFF, { memberId: member.memberId, amountFen: 500_000, requestId: `daily-request-${index}` }),
        )
      }
      const before = await snapshotOf(harness)
      await expect(
        record(STAFF, { memberId: member.memberId, amountFen: 1, requestId: 'daily-request-over' }),
      ).resolves.toMatchObject({
        ok: false,
        code: 'MANAGER_APPROVAL_REQUIRED',
        message: expect.stringContaining('¥20000.00'),
      })
      await expect(snapshotOf(harness)).resolves.toEqual(before)
      await expect(
        record(MANAGER, { memberId: member.memberId, amountFen: 1, requestId: 'daily-request-over' }),
      ).resolves.toMatchObject({
        ok: true,
      })
      // The next business day starts from zero.
      await expect(
        record(STAFF, { memberId: member.memberId, amountFen: 1, requestId: 'next-day-request' }, NOW + 86_400_000),
      ).resolves.toMatchObject({ ok: true })
    })
  })

  it('lists today’s actions newest first: mine for anyone, the store for its manager', async () => {
    const member = await seedCustomer(harness, { prefix: 'o-today', points: 0, atMs: NOW })
    dataOf(await record(STAFF, { memberId: member.memberId, amountFen: 1000, requestId: 'today-0001' }, NOW))
    dataOf(await record(MANAGER, { memberId: member.memberId, amountFen: 2000, requestId: 'today-0002' }, NOW + 1000))
    dataOf(
      await record(STAFF, { memberId: member.memberId, amountFen: 3000, requestId: 'today-0003' }, NOW - 86_400_000),
    )
    const mine = dataOf(await harness.call('staff', 'today', { scope: 'mine' }, { as: STAFF, atMs: NOW + 2000 }))
    expect(mine).toMatchObject({ businessDay: '2026-11-23', scope: 'mine', storeId: 'store-1', purchaseTotalFen: 1000 })
    expect(mine.entries.map((entry) => entry.amountFen)).toEqual([1000])
    const store = dataOf(await harness.call('staff', 'today', { scope: 'store' }, { as: MANAGER, atMs: NOW + 2000 }))
    expect(store.entries.map((entry) => [entry.operatorName, entry.amountFen])).toEqual([
      ['王店长', 2000],
      ['小林', 1000],
    ])
    expect(store.purchaseTotalFen).toBe(3000)
    await expect(harness.call('staff', 'today', { scope: 'store' }, { as: STAFF, atMs: NOW })).resolves.toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
  })

  it('costs 10 database requests to record a purchase, 5 to replay one (programme cached)', async () => {
    const member = await seedCustomer(harness, { prefix: 'o-counted', points: 0, atMs: NOW })
    // Warm every instance's programme cache, so the count is the steady state.
    await Promise.all(
      Array.from({ length: 16 }, () =>
        harness.call(
          'staff',
          'previewPurchase',
          { session: sessionFor(member.memberId, STAFF), amountFen: 100 },
          { as: STAFF, atMs: NOW },
        ),
      ),
    )
    const purchase = { memberId: member.memberId, amountFen: 1000, receiptNo: 'COUNT-1', requestId: 'counted-0001' }
    // Transaction: start, staff with their day counter (1), purchase audit entry + member (2), ledger
    // entry + member + day counter + audit entry + the store's stat event (5), commit: 10.
    await expect(harness.countRequests(() => record(STAFF, purchase))).resolves.toBe(10)
    // A replay: transaction: start, 3 reads, commit: 5.
    await expect(harness.countRequests(() => record(STAFF, purchase))).resolves.toBe(5)
    // A referred member's qualifying first purchase (¥20): the referrer's read, entry and wallet on top: 13.
    const referred = await seedCustomer(harness, { prefix: 'o-counted-referred', points: 0, atMs: NOW })
    await updateMember(harness, referred.memberId, { referrerMemberId: member.memberId })
    await expect(
      harness.countRequests(() =>
        record(STAFF, { memberId: referred.memberId, amountFen: 2000, requestId: 'counted-0002' }),
      ),
    ).resolves.toBe(13)
  })
})
