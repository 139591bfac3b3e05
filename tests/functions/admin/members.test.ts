/**
 * The member search and detail of the admin console, through the real SDK: by phone, member id or
 * nickname prefix, each one indexed lookup; phone numbers in full for admins only; managers and
 * admins only.
 */
import { seedMember } from '../mall/seededMembers'
import { ADMIN, insertCoupon, MANAGER, NOW, STAFF } from '../staff/staffFixtures'
import { dataOf } from '../support/answers'
import { useFunctionHarness } from '../support/functionHarness'
import { zeroPointLines } from '../support/pagingLedger'

jest.setTimeout(120_000)

describe('admin.searchMembers and admin.memberDetail', () => {
  const harness = useFunctionHarness()

  async function memberWithProfile(prefix: string, profile: { nickname: string; phoneNumber: string | null }) {
    const member = await seedMember(harness, { prefix, points: 80, atMs: NOW })
    await harness.db
      .collection('members')
      .doc(member.memberId)
      .update({ data: { 'profile.nickname': profile.nickname, 'profile.phoneNumber': profile.phoneNumber } })
    return member
  }

  const search = (query: string, as = MANAGER) => harness.call('admin', 'searchMembers', { query }, { as, atMs: NOW })
  const idsOf = (answer: Awaited<ReturnType<typeof search>>) =>
    dataOf(answer)
      .members.map((member) => member.memberId)
      .sort()

  it('finds a member by mobile number, member id, or the start of a nickname', async () => {
    const ann = await memberWithProfile('o-search-ann', { nickname: '小满爱喝拿铁', phoneNumber: '13800138000' })
    const bo = await memberWithProfile('o-search-bo', { nickname: '小满', phoneNumber: '13900139000' })
    const other = await memberWithProfile('o-search-other', { nickname: '小米', phoneNumber: null })

    await expect(search('138 0013 8000')).resolves.toMatchObject({
      ok: true,
      data: { matchedBy: 'phone', members: [{ memberId: ann.memberId, nickname: '小满爱喝拿铁', usablePoints: 80 }] },
    })
    await expect(search(bo.memberId)).resolves.toMatchObject({
      ok: true,
      data: { matchedBy: 'memberId', members: [{ memberId: bo.memberId, tier: { id: 'regular', name: '普通会员' } }] },
    })
    expect(idsOf(await search('小满'))).toEqual([ann.memberId, bo.memberId].sort())
    expect(idsOf(await search('小米'))).toEqual([other.memberId])
    await expect(search('13700137000')).resolves.toMatchObject({ ok: true, data: { members: [] } })
  })

  it('shows managers a masked phone number and admins the whole one', async () => {
    await memberWithProfile('o-search-mask', { nickname: '阿青', phoneNumber: '13600136000' })
    await expect(search('阿青', MANAGER)).resolves.toMatchObject({
      ok: true,
      data: { members: [{ phoneNumber: '136****6000' }] },
    })
    await expect(search('阿青', ADMIN)).resolves.toMatchObject({
      ok: true,
      data: { members: [{ phoneNumber: '13600136000' }] },
    })
  })

  it('details a member: lots, newest ledger lines with reasons, coupons and the staff actions on them', async () => {
    const member = await memberWithProfile('o-detail', { nickname: '阿德', phoneNumber: '13500135000' })
    await insertCoupon(harness, { id: 'coupon-detail-1', memberId: member.memberId })
    // An order written straight in (no points moved), to see what staff are shown of it.
    await harness.db.collection('orders').add({
      data: {
        _id: 'order-detail-1',
        memberId: member.memberId,
        itemId: 'item-tote-bag',
        title: '帆布袋',
        image: null,
        pointsSpent: 0,
        lotChanges: [],
        pickupCode: '12345678',
        status: 'awaitingPickup',
        requestId: 'order-detail-1',
        createdAtMs: NOW,
        pickedUpAtMs: null,
        pickedUpBy: null,
        pickedUpStoreId: null,
        cancelledAtMs: null,
      },
    })
    dataOf(
      await harness.call(
        'admin',
        'adjustPoints',
        { requestId: 'detail-adjust-01', memberId: member.memberId, amount: -30, reason: '重复发放收回' },
        { as: ADMIN, atMs: NOW + 1000 },
      ),
    )
    const detail = dataOf(
      await harness.call('admin', 'memberDetail', { memberId: member.memberId }, { as: MANAGER, atMs: NOW + 2000 }),
    )
    expect(detail).toMatchObject({
      member: { memberId: member.memberId, nickname: '阿德', phoneNumber: '135****5000', usablePoints: 50 },
      balance: 50,
      expiredPoints: 0,
      lots: [{ expiresAtMs: null, amount: 50 }],
      coupons: [{ id: 'coupon-detail-1' }],
      // The pickup code is the member's to show at the counter: staff never read it here.
      orders: [{ id: 'order-detail-1', title: '帆布袋', pointsSpent: 0, status: 'awaitingPickup', createdAtMs: NOW }],
      earnedTier: { id: 'regular' },
      grantedTier: null,
      limits: {
        adjustmentPointsMax: 500,
        tierGrantDaysMax: 90,
        grantableTiers: [{ id: 'regular' }, { id: 'silver' }, { id: 'gold' }],
        today: '2026-11-23',
      },
      staffActions: [{ action: 'adjustPoints', operatorOpenid: ADMIN, memberId: member.memberId, points: -30 }],
    })
    expect(JSON.stringify(detail.orders)).not.toContain('12345678')
    expect(detail.ledger.map(({ type, amount, title, reason }) => ({ type, amount, title, reason }))).toEqual([
      { type: 'adjust', amount: -30, title: '积分调整', reason: '重复发放收回' },
      { type: 'earn', amount: 80, title: '入会礼', reason: null },
    ])
  })

  it('pages the history past the detail’s newest 20 with memberLedger, newest first, each line once', async () => {
    const member = await seedMember(harness, { prefix: 'o-detail-ledger', points: 80, atMs: NOW - 100_000 })
    // Pairs share an instant, and one pair straddles the first page's end (the 20th and 21st lines).
    const entries = zeroPointLines(member.memberId, { count: 45, balanceAfter: 80, fromMs: NOW - 50_000 })
    await harness.db.collection('ledger').add({ data: entries })
    const newestFirst = [...entries.map((entry) => entry._id).reverse(), `join_${member.memberId}`]
    const detail = dataOf(
      await harness.call('admin', 'memberDetail', { memberId: member.memberId }, { as: MANAGER, atMs: NOW }),
    )
    expect(detail.ledger.map((line) => line.id)).toEqual(newestFirst.slice(0, 20))
    const seen = detail.ledger.map((line) => line.id)
    let cursor = detail.ledgerNextCursor
    const pages: number[] = []
    while (cursor !== null) {
      const page = dataOf(
        await harness.call('admin', 'memberLedger', { memberId: member.memberId, cursor }, { as: ADMIN, atMs: NOW }),
      )
      pages.push(page.entries.length)
      seen.push(...page.entries.map((line) => line.id))
      cursor = page.nextCursor
    }
    expect(pages).toEqual([20, 6])
    expect(seen).toEqual(newestFirst)
  })

  it('answers a short history whole, with no cursor to go on from', async () => {
    const member = await seedMember(harness, { prefix: 'o-detail-short', points: 80, atMs: NOW })
    const asManager = { as: MANAGER, atMs: NOW }
    const detail = dataOf(await harness.call('admin', 'memberDetail', { memberId: member.memberId }, asManager))
    expect(detail).toMatchObject({ ledger: [{ type: 'earn', amount: 80 }], ledgerNextCursor: null })
    await expect(
      harness.call('admin', 'memberLedger', { memberId: member.memberId }, asManager),
    ).resolves.toMatchObject({ ok: true, data: { entries: [{ type: 'earn', amount: 80 }], nextCursor: null } })
  })

  it('refuses clerks and members the ledger pages, and a cursor it did not write', async () => {
    const member = await seedMember(harness, { prefix: 'o-ledger-refused', points: 1, atMs: NOW })
    const ledgerAs = (input: Record<string, unknown>, as: string) =>
      harness.callRaw('admin', { action: 'memberLedger', input }, { as, atMs: NOW })
    const memberId = member.memberId
    await expect(ledgerAs({ memberId }, STAFF)).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' })
    await expect(ledgerAs({ memberId }, member.openid)).resolves.toMatchObject({ ok: false, code: 'NOT_STAFF' })
    await expect(ledgerAs({ memberId, cursor: 'garbage' }, ADMIN)).resolves.toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: expect.stringContaining('cursor'),
    })
  })

  it('answers MEMBER_NOT_FOUND for an unknown member, and refuses clerks and members', async () => {
    const member = await seedMember(harness, { prefix: 'o-detail-refused', points: 1, atMs: NOW })
    const detailAs = (memberId: string, as: string) =>
      harness.call('admin', 'memberDetail', { memberId }, { as, atMs: NOW })
    await expect(detailAs('m000000000000000000000000', ADMIN)).resolves.toMatchObject({
      ok: false,
      code: 'MEMBER_NOT_FOUND',
    })
    await expect(detailAs(member.memberId, STAFF)).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' })
    await expect(detailAs(member.memberId, member.openid)).resolves.toMatchObject({ ok: false, code: 'NOT_STAFF' })
    await expect(search('小', STAFF)).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it.each([
    ['searchMembers', { query: '   ' }, 'query'],
    ['searchMembers', { query: '长'.repeat(31) }, 'query'],
    ['searchMembers', {}, 'query'],
    ['memberDetail', { memberId: 'someone' }, 'memberId'],
    ['memberLedger', { memberId: 'someone' }, 'memberId'],
    ['memberLedger', {}, 'memberId'],
  ])('%s refuses %o with INVALID_INPUT naming %s, before touching the database', async (action, input, field) => {
    let answer: unknown
    const requests = await harness.countRequests(async () => {
      answer = await harness.callRaw('admin', { action, input }, { as: ADMIN, atMs: NOW })
    })
    expect(answer).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining(field) })
    expect(requests).toBe(0)
  })
})
