/** `admin.correctBirthday` through the real SDK: staff-only, audited, idempotent per request. */
import { seedMember } from '../mall/seededMembers'
import { ADMIN, MANAGER, NOW, STAFF, snapshotOf } from '../staff/staffFixtures'
import { useFunctionHarness } from '../support/functionHarness'

jest.setTimeout(60_000)

describe('admin.correctBirthday', () => {
  const harness = useFunctionHarness()

  const correct = (input: Record<string, unknown>, as = MANAGER) =>
    harness.callRaw('admin', { action: 'correctBirthday', input }, { as, atMs: NOW })
  const birthdayOf = async (memberId: string) =>
    (await harness.db.collection('members').doc(memberId).get()).data.profile.birthday

  it('sets a birthday the member had already set, audited, and the member still cannot change it', async () => {
    const member = await seedMember(harness, { prefix: 'o-birthday-fix', points: 1, atMs: NOW })
    await expect(
      harness.call('member', 'updateProfile', { birthday: '01-02' }, { as: member.openid, atMs: NOW }),
    ).resolves.toMatchObject({ ok: true })
    const input = {
      requestId: 'birthday-fix-001',
      memberId: member.memberId,
      birthday: '02-01',
      reason: '会员填错月日',
    }
    await expect(correct(input)).resolves.toEqual({
      ok: true,
      data: { memberId: member.memberId, before: '01-02', after: '02-01', replayed: false },
    })
    await expect(birthdayOf(member.memberId)).resolves.toBe('02-01')
    const audit = (await harness.db.collection('audit').doc('admin_birthday-fix-001').get()).data
    expect(audit).toMatchObject({
      action: 'correctBirthday',
      operatorOpenid: MANAGER,
      memberId: member.memberId,
      changes: { birthday: { before: '01-02', after: '02-01' } },
      note: '会员填错月日',
    })
    await expect(
      harness.call('member', 'updateProfile', { birthday: '03-03' }, { as: member.openid, atMs: NOW }),
    ).resolves.toMatchObject({ ok: false })
    await expect(birthdayOf(member.memberId)).resolves.toBe('02-01')
  })

  it('answers a retry from its first attempt, refuses the id for another change, and clears with null', async () => {
    const member = await seedMember(harness, { prefix: 'o-birthday-retry', points: 1, atMs: NOW })
    const input = { requestId: 'birthday-retry-1', memberId: member.memberId, birthday: '05-20', reason: '更正' }
    await expect(correct(input)).resolves.toMatchObject({ ok: true, data: { before: null, replayed: false } })
    await expect(correct(input)).resolves.toMatchObject({
      ok: true,
      data: { before: null, after: '05-20', replayed: true },
    })
    await expect(correct({ ...input, birthday: '05-21' })).resolves.toMatchObject({
      ok: false,
      code: 'REQUEST_ID_REUSED',
    })
    await expect(correct({ ...input, requestId: 'birthday-retry-2', birthday: null }, ADMIN)).resolves.toMatchObject({
      ok: true,
      data: { before: '05-20', after: null },
    })
    await expect(birthdayOf(member.memberId)).resolves.toBeNull()
  })

  it('refuses a clerk, a member, an unknown member and bad input, changing nothing', async () => {
    const member = await seedMember(harness, { prefix: 'o-birthday-refused', points: 1, atMs: NOW })
    const input = { requestId: 'birthday-refuse-1', memberId: member.memberId, birthday: '07-07', reason: '更正' }
    const before = await snapshotOf(harness)
    await expect(correct(input, STAFF)).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' })
    await expect(correct(input, member.openid)).resolves.toMatchObject({ ok: false, code: 'NOT_STAFF' })
    await expect(correct({ ...input, memberId: 'm000000000000000000000000' })).resolves.toMatchObject({
      ok: false,
      code: 'MEMBER_NOT_FOUND',
    })
    for (const [field, value] of [
      ['birthday', '13-01'],
      ['birthday', '02-30'],
      ['reason', ' '],
      ['memberId', 'nobody'],
    ] as const) {
      await expect(correct({ ...input, [field]: value })).resolves.toMatchObject({
        ok: false,
        code: 'INVALID_INPUT',
        message: expect.stringContaining(field),
      })
    }
    await expect(snapshotOf(harness)).resolves.toEqual(before)
  })
})
