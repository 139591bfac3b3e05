/** `admin.auditLog` through the real SDK: filters, pages, and a manager's view limited to their store. */
import type { ApiEnvelope, AuditLogEntry, AuditLogPage } from '@shared/contracts'
import { seedMember } from '../mall/seededMembers'
import {
  ADMIN,
  bindStoreTwo,
  MANAGER,
  NOW,
  OTHER_STORE_MANAGER,
  OTHER_STORE_STAFF,
  purchaseBy,
  STAFF,
} from '../staff/staffFixtures'
import { dataOf } from '../support/answers'
import { useFunctionHarness } from '../support/functionHarness'

jest.setTimeout(120_000)

const DAY_MS = 86_400_000

describe('admin.auditLog', () => {
  const harness = useFunctionHarness()

  const log = (input: Record<string, unknown>, as = ADMIN) =>
    harness.callRaw('admin', { action: 'auditLog', input }, { as, atMs: NOW + 2 * DAY_MS })
  const entriesOf = async (input: Record<string, unknown>, as = ADMIN): Promise<AuditLogEntry[]> => {
    const answer = await log(input, as)
    if (!(answer as { ok: boolean }).ok) throw new Error(JSON.stringify(answer))
    return (answer as { data: { entries: AuditLogEntry[] } }).data.entries
  }

  /** Two purchases (one per store) today, and three adjustments: admin today, managers of each store tomorrow. */
  async function writeActivity() {
    await bindStoreTwo(harness)
    const member = await seedMember(harness, { prefix: 'o-audit-log', points: 100, atMs: NOW })
    const purchase = (clerk: string, requestId: string) =>
      harness.call(
        'staff',
        'recordPurchase',
        purchaseBy(clerk, { memberId: member.memberId, amountFen: 1000, requestId }),
        {
          as: clerk,
          atMs: NOW,
        },
      )
    dataOf(await purchase(STAFF, 'audit-log-buy-1'))
    dataOf(await purchase(OTHER_STORE_STAFF, 'audit-log-buy-2'))
    const adjust = (as: string, requestId: string, atMs: number) =>
      harness.call(
        'admin',
        'adjustPoints',
        { requestId, memberId: member.memberId, amount: 5, reason: '补发' },
        { as, atMs },
      )
    dataOf(await adjust(ADMIN, 'audit-log-adj-01', NOW + 1000))
    dataOf(await adjust(MANAGER, 'audit-log-adj-02', NOW + DAY_MS))
    dataOf(await adjust(OTHER_STORE_MANAGER, 'audit-log-adj-03', NOW + DAY_MS + 1000))
    return member
  }

  it('lists every entry newest first for an admin, a page at a time, each once', async () => {
    await writeActivity()
    const all = await entriesOf({})
    expect(all.map((entry) => entry.createdAtMs)).toEqual(
      [...all.map((entry) => entry.createdAtMs)].sort((a, b) => b - a),
    )
    const seen: string[] = []
    let cursor: string | undefined
    do {
      const answer = (await log({ pageSize: 2, ...(cursor ? { cursor } : {}) })) as {
        data: { entries: AuditLogEntry[]; nextCursor: string | null }
      }
      expect(answer.data.entries.length).toBeLessThanOrEqual(2)
      seen.push(...answer.data.entries.map((entry) => entry.id))
      cursor = answer.data.nextCursor ?? undefined
    } while (cursor)
    expect(seen).toEqual(all.map((entry) => entry.id))
    expect(new Set(seen).size).toBe(seen.length)
  })

  it('filters by store, staff member, action and business day', async () => {
    await writeActivity()
    const storeTwo = await entriesOf({ storeId: 'store-2' })
    expect(storeTwo.length).toBeGreaterThanOrEqual(2)
    expect(storeTwo.every((entry) => entry.storeId === 'store-2')).toBe(true)
    const byManager = await entriesOf({ operatorOpenid: MANAGER })
    expect(byManager.map((entry) => entry.action)).toEqual(['adjustPoints'])
    const adjustments = await entriesOf({ action: 'adjustPoints' })
    expect(adjustments.map((entry) => entry.operatorOpenid)).toEqual([OTHER_STORE_MANAGER, MANAGER, ADMIN])
    const tomorrow = await entriesOf({ day: '2026-11-24' })
    expect(tomorrow.map((entry) => entry.operatorOpenid)).toEqual([OTHER_STORE_MANAGER, MANAGER])
    await expect(entriesOf({ day: '2026-11-24', storeId: 'store-1', action: 'purchase' })).resolves.toEqual([])
  })

  it('answers what each entry changed, before and after; a purchase changes no fields', async () => {
    await writeActivity()
    const [byManager] = await entriesOf({ operatorOpenid: MANAGER })
    const points = byManager?.changes.points
    expect(typeof points?.before).toBe('number')
    expect(points?.after).toBe((points?.before as number) + 5)
    const purchases = await entriesOf({ action: 'purchase' })
    expect(purchases.map((entry) => entry.changes)).toEqual([{}, {}])
  })

  it('names the stores, members and staff members a page’s entries carry, and only those', async () => {
    const member = await writeActivity()
    await harness.db
      .collection('members')
      .doc(member.memberId)
      .update({ data: { 'profile.nickname': '阿满' } })
    const nameless = await seedMember(harness, { prefix: 'o-audit-nameless', points: 10, atMs: NOW })
    const adjustNameless = { requestId: 'audit-log-adj-04', memberId: nameless.memberId, amount: 5, reason: '补发' }
    dataOf(await harness.call('admin', 'adjustPoints', adjustNameless, { as: ADMIN, atMs: NOW + 2000 }))
    const moved = {
      requestId: 'audit-log-move-01',
      openid: OTHER_STORE_STAFF,
      role: 'staff' as const,
      storeId: 'store-1',
    }
    dataOf(await harness.call('admin', 'changeStaffRole', moved, { as: ADMIN, atMs: NOW + 3000 }))
    const { names } = dataOf((await log({})) as ApiEnvelope<AuditLogPage>)
    expect(names).toEqual({
      stores: { 'store-1': '小满咖啡 · 国贸店', 'store-2': '小满咖啡 · 西湖店' },
      staff: { [OTHER_STORE_STAFF]: '小周' },
      // A member without a nickname is known by their member number alone.
      members: { [member.memberId]: '阿满' },
    })
    const purchases = dataOf((await log({ action: 'purchase', storeId: 'store-2' })) as ApiEnvelope<AuditLogPage>)
    expect(purchases.names).toEqual({
      stores: { 'store-2': '小满咖啡 · 西湖店' },
      staff: {},
      members: { [member.memberId]: '阿满' },
    })
  })

  it('shows a manager their own store only, and refuses another store and clerks', async () => {
    await writeActivity()
    const mine = await entriesOf({}, MANAGER)
    expect(mine.length).toBeGreaterThanOrEqual(2)
    expect(mine.every((entry) => entry.storeId === 'store-1')).toBe(true)
    await expect(log({ storeId: 'store-2' }, MANAGER)).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' })
    await expect(log({}, STAFF)).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it.each([
    [{ day: '2026-02-30' }, 'day'],
    [{ action: 'launchRocket' }, 'action'],
    [{ pageSize: 51 }, 'pageSize'],
    [{ storeId: 'store 1' }, 'storeId'],
  ])('refuses %o with INVALID_INPUT naming %s', async (input, field) => {
    await expect(log(input)).resolves.toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: expect.stringContaining(field),
    })
  })

  it('refuses a cursor it did not write', async () => {
    await expect(log({ cursor: 'not-a-cursor' })).resolves.toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })
})
