/** Staff management through the real SDK: listing, role changes (admins) and unbinding with a reason. */
import {
  ADMIN,
  bindStoreTwo,
  MANAGER,
  NOW,
  OTHER_STORE_MANAGER,
  OTHER_STORE_STAFF,
  STAFF,
  snapshotOf,
} from '../staff/staffFixtures'
import { dataOf } from '../support/answers'
import { useFunctionHarness } from '../support/functionHarness'

jest.setTimeout(60_000)

describe('staff management', () => {
  const harness = useFunctionHarness()

  const listStaff = (input: Record<string, unknown>, as: string) =>
    harness.callRaw('admin', { action: 'listStaff', input }, { as, atMs: NOW })
  const changeRole = (input: Record<string, unknown>, as = ADMIN) =>
    harness.callRaw('admin', { action: 'changeStaffRole', input }, { as, atMs: NOW })
  const unbind = (openid: string, as: string, reason = '离职') =>
    harness.callRaw('staff', { action: 'unbind', input: { openid, reason } }, { as, atMs: NOW })
  const bindingOf = async (openid: string) =>
    (await harness.db.collection('staff').where({ openid }).get()).data[0] ?? null

  it('lists every store’s staff for an admin, by store then role, and only their own store for a manager', async () => {
    await bindStoreTwo(harness)
    const everyone = dataOf(await harness.call('admin', 'listStaff', {}, { as: ADMIN, atMs: NOW }))
    expect(everyone.storeId).toBeNull()
    const rows = everyone.staff
    expect(rows.map((row) => row.openid)).toEqual([ADMIN, MANAGER, STAFF, OTHER_STORE_MANAGER, OTHER_STORE_STAFF])
    expect(rows[1]).toMatchObject({
      role: 'manager',
      storeId: 'store-1',
      storeName: expect.stringContaining('小满咖啡'),
    })

    const own = await listStaff({}, MANAGER)
    expect(own).toMatchObject({
      ok: true,
      data: { storeId: 'store-1', staff: [{ openid: MANAGER }, { openid: STAFF }] },
    })
    await expect(listStaff({ storeId: 'store-2' }, MANAGER)).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' })
    await expect(listStaff({ storeId: 'store-2' }, ADMIN)).resolves.toMatchObject({
      ok: true,
      data: { staff: [{ openid: OTHER_STORE_MANAGER }, { openid: OTHER_STORE_STAFF }] },
    })
  })

  it('makes a clerk a manager of another store, audited with before and after; a retry changes nothing more', async () => {
    await bindStoreTwo(harness)
    const input = { requestId: 'promote-staff-1', openid: STAFF, role: 'manager', storeId: 'store-2' }
    await expect(changeRole(input)).resolves.toMatchObject({
      ok: true,
      data: {
        staff: { openid: STAFF, role: 'manager', storeId: 'store-2' },
        changes: { role: { before: 'staff', after: 'manager' }, storeId: { before: 'store-1', after: 'store-2' } },
        replayed: false,
      },
    })
    await expect(bindingOf(STAFF)).resolves.toMatchObject({ role: 'manager', storeId: 'store-2' })
    const audit = (await harness.db.collection('audit').doc('admin_promote-staff-1').get()).data
    expect(audit).toMatchObject({
      action: 'changeStaffRole',
      operatorOpenid: ADMIN,
      subjectId: STAFF,
      storeId: 'store-2',
    })

    await expect(changeRole(input)).resolves.toMatchObject({ ok: true, data: { replayed: true } })
    await expect(changeRole({ ...input, role: 'staff' })).resolves.toMatchObject({
      ok: false,
      code: 'REQUEST_ID_REUSED',
    })
    // The new manager now manages store 2: they may invite its clerks, no longer store 1's.
    await expect(
      harness.call('staff', 'createInvite', { role: 'staff', storeId: 'store-2' }, { as: STAFF, atMs: NOW }),
    ).resolves.toMatchObject({ ok: true })
    const { data: audits } = await harness.db.collection('audit').where({ action: 'changeStaffRole' }).get()
    expect(audits).toHaveLength(1)
  })

  it('writes nothing for a change to what already is', async () => {
    const before = await snapshotOf(harness)
    await expect(
      changeRole({ requestId: 'same-role-0001', openid: STAFF, role: 'staff', storeId: 'store-1' }),
    ).resolves.toMatchObject({ ok: true, data: { changes: {}, replayed: false } })
    await expect(snapshotOf(harness)).resolves.toEqual(before)
  })

  it.each([
    ['a manager', { openid: STAFF, role: 'manager', storeId: 'store-1' }, MANAGER, 'FORBIDDEN', '仅管理员'],
    ['their own', { openid: ADMIN, role: 'manager', storeId: 'store-1' }, ADMIN, 'FORBIDDEN', '自己'],
    ['nobody bound', { openid: 'o-nobody', role: 'manager', storeId: 'store-1' }, ADMIN, 'STAFF_NOT_FOUND', '未绑定'],
    ['an unknown store', { openid: STAFF, role: 'manager', storeId: 'store-9' }, ADMIN, 'STORE_NOT_FOUND', '门店'],
    ['to admin', { openid: STAFF, role: 'admin', storeId: 'store-1' }, ADMIN, 'INVALID_INPUT', ''],
  ] as const)('refuses a role change by or for %s and changes nothing', async (_name, change, as, code, message) => {
    const before = await snapshotOf(harness)
    const answer = await changeRole({ requestId: 'refused-role-1', ...change }, as)
    expect(answer).toMatchObject({ ok: false, code, message: expect.stringContaining(message) })
    await expect(snapshotOf(harness)).resolves.toEqual(before)
  })

  it('refuses to change an admin’s role', async () => {
    await harness.db.collection('staff').add({
      data: { _id: 'o-admin-2', openid: 'o-admin-2', role: 'admin', storeId: null, name: '二号管理员', boundAtMs: 0 },
    })
    await expect(
      changeRole({ requestId: 'demote-admin-1', openid: 'o-admin-2', role: 'staff', storeId: 'store-1' }),
    ).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringContaining('只能解绑') })
    await expect(bindingOf('o-admin-2')).resolves.toMatchObject({ role: 'admin' })
  })

  it('lets a manager unbind their own store’s clerk with a reason, never another store’s or another manager', async () => {
    await bindStoreTwo(harness)
    const before = await snapshotOf(harness)
    await expect(unbind(OTHER_STORE_STAFF, MANAGER)).resolves.toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
      message: expect.stringContaining('本店店员'),
    })
    await expect(unbind(OTHER_STORE_MANAGER, MANAGER)).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' })
    await expect(snapshotOf(harness)).resolves.toEqual(before)

    await expect(unbind(STAFF, MANAGER, '已离职，门店收回权限')).resolves.toEqual({
      ok: true,
      data: { openid: STAFF, unbound: true },
    })
    await expect(bindingOf(STAFF)).resolves.toBeNull()
    const { data: audits } = await harness.db.collection('audit').where({ action: 'unbind' }).get()
    expect(audits).toMatchObject([
      { operatorOpenid: MANAGER, subjectId: STAFF, storeId: 'store-1', note: expect.stringContaining('已离职') },
    ])
  })
})
