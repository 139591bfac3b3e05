/**
 * `admin.memberList` through the real SDK: who is on each list and why, a store's members only for
 * its manager, paging by member id, and bad input refused.
 */
import type { MemberListPage } from '@shared/contracts'
import { MEMBER_LIST_PAGE_SIZE } from '@shared/contracts'
import { seedMembers } from '../mall/seededMembers'
import { ADMIN, MANAGER, NOW, STAFF } from '../staff/staffFixtures'
import { dataOf } from '../support/answers'
import { useFunctionHarness } from '../support/functionHarness'

jest.setTimeout(90_000)

const DAY_MS = 86_400_000

describe('admin.memberList', () => {
  const harness = useFunctionHarness()

  const listOf = async (as: string, input: Record<string, unknown>): Promise<MemberListPage> =>
    dataOf(await harness.call('admin', 'memberList', input as never, { as, atMs: NOW }))
  const idsOf = (page: MemberListPage) => page.rows.map((row) => row.member.memberId)

  /** Seven members at store 1 or 2, each written to be on one list or just off it. */
  async function arrange() {
    const seeded = (prefix: string, points: number, expiresAtMs: number | null) =>
      seedMembers(harness, { prefix, count: 1, points, expiresAtMs, atMs: NOW - 90 * DAY_MS })
    const members = [
      ...(await seedMembers(harness, { prefix: 'o-lists', count: 5, points: 10, atMs: NOW - 90 * DAY_MS })),
      ...(await seeded('o-lists-expiring', 120, NOW + 5 * DAY_MS)),
      ...(await seeded('o-lists-expiring-later', 80, NOW + 60 * DAY_MS)),
    ]
    const ids = members.map((member) => member.memberId)
    const patches: Record<string, unknown>[] = [
      // 0: last visit 40 days ago; 1: 10 days ago.
      { joinedStoreId: 'store-1', lastVisitAtMs: NOW - 40 * DAY_MS },
      { joinedStoreId: 'store-1', lastVisitAtMs: NOW - 10 * DAY_MS },
      // 2: born this month (November); 3: next month.
      { joinedStoreId: 'store-1', lastVisitAtMs: NOW, 'profile.birthday': '11-30' },
      { joinedStoreId: 'store-2', lastVisitAtMs: NOW - 50 * DAY_MS, 'profile.birthday': '12-01' },
      // 4: 40 growth short of silver (500); 5: 120 points expiring in 5 days; 6: 80 in 60 days.
      { joinedStoreId: 'store-1', lastVisitAtMs: NOW, growth: 460 },
      { joinedStoreId: 'store-2', lastVisitAtMs: NOW },
      { joinedStoreId: 'store-2', lastVisitAtMs: NOW },
    ]
    await Promise.all(
      patches.map((patch, index) =>
        harness.db
          .collection('members')
          .doc(ids[index] as string)
          .update({ data: patch }),
      ),
    )
    return ids
  }

  it('lists dormant members, with their last visit, for the chain', async () => {
    const ids = await arrange()
    const page = await listOf(ADMIN, { list: 'dormant', days: 30 })
    expect(idsOf(page)).toEqual([ids[0], ids[3]].sort())
    expect(page.rows.find((row) => row.member.memberId === ids[0])?.reason).toEqual({
      list: 'dormant',
      lastVisitAtMs: NOW - 40 * DAY_MS,
    })
    expect(page).toMatchObject({ list: 'dormant', storeId: null, nextAfter: null })
  })

  it('lists birthdays this month, members close to the next tier and points expiring soon', async () => {
    const ids = await arrange()
    const birthdays = await listOf(ADMIN, { list: 'birthdays' })
    expect(birthdays.rows.map((row) => [row.member.memberId, row.reason])).toEqual([
      [ids[2], { list: 'birthdays', birthday: '11-30' }],
    ])
    const nearTier = await listOf(ADMIN, { list: 'nearTier', growthShort: 50 })
    expect(nearTier.rows.map((row) => [row.member.memberId, row.reason])).toEqual([
      [ids[4], { list: 'nearTier', growthShort: 40, nextTier: '银卡会员' }],
    ])
    await expect(listOf(ADMIN, { list: 'nearTier', growthShort: 39 })).resolves.toMatchObject({ rows: [] })
    const expiring = await listOf(ADMIN, { list: 'expiringPoints', days: 7 })
    expect(expiring.rows.map((row) => [row.member.memberId, row.reason])).toEqual([
      [ids[5], { list: 'expiringPoints', points: 120, firstExpiresAtMs: NOW + 5 * DAY_MS }],
    ])
  })

  it("gives a manager their own store's members only, and refuses another store and clerks", async () => {
    const ids = await arrange()
    await expect(listOf(MANAGER, { list: 'dormant', days: 30 })).resolves.toMatchObject({
      storeId: 'store-1',
      rows: [{ member: { memberId: ids[0] } }],
    })
    await expect(
      harness.call(
        'admin',
        'memberList',
        { list: 'dormant', days: 30, storeId: 'store-2' },
        { as: MANAGER, atMs: NOW },
      ),
    ).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' })
    await expect(
      harness.call('admin', 'memberList', { list: 'birthdays' }, { as: STAFF, atMs: NOW }),
    ).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const storeTwo = await listOf(ADMIN, { list: 'dormant', days: 30, storeId: 'store-2' })
    expect(idsOf(storeTwo)).toEqual([ids[3]])
  })

  it('pages by member id, a page as large as one 发券', async () => {
    const members = await seedMembers(harness, {
      prefix: 'o-lists-many',
      count: MEMBER_LIST_PAGE_SIZE + 3,
      points: 10,
      atMs: NOW - 90 * DAY_MS,
    })
    const first = await listOf(ADMIN, { list: 'dormant', days: 30 })
    expect(first.rows).toHaveLength(MEMBER_LIST_PAGE_SIZE)
    expect(first.nextAfter).toBe(first.rows.at(-1)?.member.memberId)
    const second = await listOf(ADMIN, { list: 'dormant', days: 30, after: first.nextAfter })
    expect(second.nextAfter).toBeNull()
    expect([...idsOf(first), ...idsOf(second)]).toEqual(members.map((member) => member.memberId).sort())
  })

  it.each([
    [{ list: 'dormant' }, 'days'],
    [{ list: 'dormant', days: 0 }, 'days'],
    [{ list: 'expiringPoints', days: 91 }, 'days'],
    [{ list: 'nearTier', growthShort: 1.5 }, 'growthShort'],
    [{ list: 'everyone' }, 'list'],
    [{ list: 'birthdays', after: 'not a member id' }, 'after'],
  ])('refuses %j naming %s', async (input, field) => {
    const answer = await harness.call('admin', 'memberList', input as never, { as: ADMIN, atMs: NOW })
    expect(answer).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(JSON.stringify(answer)).toContain(field)
  })
})
