import { dataOf } from '../support/answers'
import { useFunctionHarness } from '../support/functionHarness'
import { ADMIN, MANAGER, NOW, STAFF, seedCustomer, snapshotOf, updateMember } from './staffFixtures'

jest.setTimeout(60_000)

const DAY_MS = 86_400_000

describe('staff binding: invites and unbinding', () => {
  const harness = useFunctionHarness()

  const invite = (as: string, role: 'staff' | 'manager', storeId: string, atMs = NOW) =>
    harness.call('staff', 'createInvite', { role, storeId }, { as, atMs })
  const accept = (as: string, code: string, atMs = NOW + 60_000, name?: string) =>
    harness.call('staff', 'acceptInvite', name === undefined ? { code } : { code, name }, { as, atMs })

  it('lets an admin invite a manager for any store; the invitee is bound with that role and store', async () => {
    const created = dataOf(await invite(ADMIN, 'manager', 'store-2'))
    expect(created).toEqual({
      code: expect.stringMatching(/^[A-Za-z0-9_-]{10}$/),
      role: 'manager',
      storeId: 'store-2',
      storeName: '小满咖啡 · 西湖店',
      expiresAtMs: expect.any(Number),
      path: `staff/pages/invite/index?code=${created.code}`,
    })
    expect(created.expiresAtMs - NOW).toBeGreaterThanOrEqual(DAY_MS)
    expect(created.expiresAtMs - NOW).toBeLessThan(DAY_MS + 60_000)
    await expect(accept('o-new-manager', created.code, NOW + 60_000, '陈店长')).resolves.toEqual({
      ok: true,
      data: { staff: { role: 'manager', storeId: 'store-2', storeName: '小满咖啡 · 西湖店', name: '陈店长' } },
    })
    await expect(harness.call('staff', 'me', {}, { as: 'o-new-manager' })).resolves.toMatchObject({
      ok: true,
      data: { role: 'manager', storeId: 'store-2' },
    })
    const { data: audits } = await harness.db.collection('audit').where({ subjectId: created.code }).get()
    expect(
      audits.map((entry: { action: string; operatorOpenid: string }) => [entry.action, entry.operatorOpenid]).sort(),
    ).toEqual([
      ['acceptInvite', 'o-new-manager'],
      ['createInvite', ADMIN],
    ])
    // The log names the inviter as colleagues know them, not by OPENID.
    expect(audits.find((entry: { action: string }) => entry.action === 'acceptInvite')).toMatchObject({
      note: '邀请人 品牌管理员',
    })
  })

  it('lets a manager invite staff for their own store only', async () => {
    const created = dataOf(await invite(MANAGER, 'staff', 'store-1'))
    const before = await snapshotOf(harness)
    await expect(invite(MANAGER, 'manager', 'store-1')).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' })
    await expect(invite(MANAGER, 'staff', 'store-2')).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' })
    await expect(invite(STAFF, 'staff', 'store-1')).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' })
    await expect(invite('o-customer', 'staff', 'store-1')).resolves.toMatchObject({ ok: false, code: 'NOT_STAFF' })
    await expect(invite(ADMIN, 'staff', 'store-9')).resolves.toMatchObject({ ok: false, code: 'STORE_NOT_FOUND' })
    await expect(snapshotOf(harness)).resolves.toEqual(before)
    await expect(accept('o-new-hire', created.code)).resolves.toMatchObject({
      ok: true,
      data: { staff: { role: 'staff', storeId: 'store-1', name: '店员' } },
    })
  })

  it('costs 9 database requests to accept an invite with a name, 10 without', async () => {
    const named = dataOf(await invite(ADMIN, 'staff', 'store-1'))
    const unnamed = dataOf(await invite(ADMIN, 'staff', 'store-1'))
    await expect(harness.countRequests(() => accept('o-counted-named', named.code, NOW + 1000, '小赵'))).resolves.toBe(
      9,
    )
    await expect(harness.countRequests(() => accept('o-counted-unnamed', unnamed.code))).resolves.toBe(10)
  })

  it('names the new staff member after their member nickname when they give no name', async () => {
    const member = await seedCustomer(harness, { prefix: 'o-nicknamed', points: 0 })
    await updateMember(harness, member.memberId, {
      profile: { nickname: '小美', avatarUrl: null, birthday: null, phoneNumber: null },
    })
    const created = dataOf(await invite(ADMIN, 'staff', 'store-1'))
    await expect(accept(member.openid, created.code)).resolves.toMatchObject({
      ok: true,
      data: { staff: { name: '小美' } },
    })
  })

  it('uses an invite once: a second person is refused, and of 5 accepting at once exactly one is bound', async () => {
    const first = dataOf(await invite(ADMIN, 'staff', 'store-1'))
    dataOf(await accept('o-first', first.code))
    await expect(accept('o-second', first.code)).resolves.toMatchObject({ ok: false, code: 'INVITE_USED' })
    const contested = dataOf(await invite(ADMIN, 'staff', 'store-2'))
    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, index) => accept(`o-contender-${index}`, contested.code)),
    )
    expect(answers.filter((answer) => answer.ok)).toHaveLength(1)
    expect(answers.filter((answer) => !answer.ok && answer.code === 'INVITE_USED')).toHaveLength(4)
    const { total } = await harness.db.collection('staff').where({ storeId: 'store-2' }).count()
    expect(total).toBe(1)
  })

  it('refuses an expired invite and an unknown code, binding nobody', async () => {
    const created = dataOf(await invite(ADMIN, 'staff', 'store-1'))
    const before = await snapshotOf(harness)
    await expect(accept('o-late', created.code, NOW + DAY_MS + 1000)).resolves.toMatchObject({
      ok: false,
      code: 'INVITE_EXPIRED',
    })
    await expect(accept('o-guess', 'AAAAAAAAAA')).resolves.toMatchObject({ ok: false, code: 'INVITE_NOT_FOUND' })
    await expect(harness.call('staff', 'acceptInvite', { code: created.code }, { as: null })).resolves.toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    await expect(snapshotOf(harness)).resolves.toEqual(before)
  })

  it('refuses someone already bound (ALREADY_STAFF), leaving the invite unused', async () => {
    const created = dataOf(await invite(ADMIN, 'manager', 'store-2'))
    const before = await snapshotOf(harness)
    await expect(accept(STAFF, created.code)).resolves.toMatchObject({ ok: false, code: 'ALREADY_STAFF' })
    await expect(snapshotOf(harness)).resolves.toEqual(before)
    await expect(accept('o-someone-else', created.code)).resolves.toMatchObject({ ok: true })
  })

  it('lets an invite die with its creator’s authority: a manager unbound since refuses it, changing nothing', async () => {
    const created = dataOf(await invite(MANAGER, 'staff', 'store-1'))
    dataOf(await harness.call('staff', 'unbind', { openid: MANAGER, reason: '离职' }, { as: ADMIN }))
    await expect(accept('o-late-invitee', created.code)).resolves.toMatchObject({ ok: false, code: 'INVITE_REVOKED' })
    await expect(harness.call('staff', 'me', {}, { as: 'o-late-invitee' })).resolves.toMatchObject({
      ok: false,
      code: 'NOT_STAFF',
    })
    const { data: stored } = await harness.db.collection('invites').doc(created.code).get()
    expect(stored).toMatchObject({ usedAtMs: null, usedBy: null })
    // An admin's invite is untouched by the manager's unbinding.
    const fromAdmin = dataOf(await invite(ADMIN, 'staff', 'store-1'))
    await expect(accept('o-late-invitee', fromAdmin.code)).resolves.toMatchObject({ ok: true })
  })

  it('lets an admin unbind a staff member (never themselves); a manager not an admin, a clerk nobody', async () => {
    const before = await snapshotOf(harness)
    await expect(
      harness.call('staff', 'unbind', { openid: ADMIN, reason: '离职' }, { as: ADMIN }),
    ).resolves.toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    await expect(
      harness.call('staff', 'unbind', { openid: ADMIN, reason: '离职' }, { as: MANAGER }),
    ).resolves.toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    await expect(
      harness.call('staff', 'unbind', { openid: MANAGER, reason: '离职' }, { as: STAFF }),
    ).resolves.toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    await expect(snapshotOf(harness)).resolves.toEqual(before)
    await expect(
      harness.call('staff', 'unbind', { openid: STAFF, reason: '离职' }, { as: ADMIN, atMs: NOW }),
    ).resolves.toEqual({
      ok: true,
      data: { openid: STAFF, unbound: true },
    })
    await expect(harness.call('staff', 'me', {}, { as: STAFF })).resolves.toMatchObject({
      ok: false,
      code: 'NOT_STAFF',
    })
    await expect(
      harness.call('staff', 'unbind', { openid: STAFF, reason: '离职' }, { as: ADMIN, atMs: NOW + 1 }),
    ).resolves.toEqual({
      ok: true,
      data: { openid: STAFF, unbound: false },
    })
    const { data: audits } = await harness.db.collection('audit').where({ action: 'unbind' }).get()
    expect(audits).toMatchObject([{ operatorOpenid: ADMIN, subjectId: STAFF, storeId: 'store-1' }])
    // Unbound, they can be invited again.
    const again = dataOf(await invite(MANAGER, 'staff', 'store-1'))
    await expect(accept(STAFF, again.code)).resolves.toMatchObject({ ok: true })
  })
})
