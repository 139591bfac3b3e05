import { sumOfEntries } from '@shared/ledger'
import { seedMember } from '../mall/seededMembers'
import { useFunctionHarness } from '../support/functionHarness'
import { zeroPointLines } from '../support/pagingLedger'

jest.setTimeout(60_000)

describe('member profile and points history', () => {
  const harness = useFunctionHarness()

  async function join(openid: string): Promise<string> {
    const answer = await harness.call('member', 'join', {}, { as: openid })
    if (!answer.ok) throw new Error(answer.message)
    return answer.data.card.memberId
  }

  async function balanceMatchesLedger(memberId: string): Promise<void> {
    const { data: member } = await harness.db.collection('members').doc(memberId).get()
    const { data: entries } = await harness.db.collection('ledger').where({ memberId }).get()
    expect(member.points.balance).toBe(sumOfEntries(entries))
  }

  it('rewards completing the profile once, resolving the phone number on the server', async () => {
    const memberId = await join('o-profile')
    const partial = await harness.call(
      'member',
      'updateProfile',
      { nickname: '小满', birthday: '02-29' },
      { as: 'o-profile' },
    )
    expect(partial).toMatchObject({ ok: true, data: { completionPoints: 0, profile: { birthday: '02-29' } } })
    const complete = await harness.call(
      'member',
      'updateProfile',
      { avatarUrl: 'https://example.com/a.png', phoneCloudId: 'phone:13912345678' },
      { as: 'o-profile' },
    )
    expect(complete).toMatchObject({
      ok: true,
      data: { completionPoints: 20, profile: { phoneNumber: '139****5678', completionRewarded: true } },
    })
    const again = await harness.call('member', 'updateProfile', { nickname: '小满满' }, { as: 'o-profile' })
    expect(again).toMatchObject({ ok: true, data: { completionPoints: 0, profile: { nickname: '小满满' } } })
    await balanceMatchesLedger(memberId)
    const card = await harness.call('member', 'card', {}, { as: 'o-profile' })
    expect(card).toMatchObject({ ok: true, data: { balance: 70 } })
  })

  it('lets members set their birthday once only, and changes nothing when refused', async () => {
    await join('o-birthday')
    await harness.call('member', 'updateProfile', { birthday: '05-20' }, { as: 'o-birthday' })
    const refused = await harness.call(
      'member',
      'updateProfile',
      { birthday: '06-01', nickname: '换个名字' },
      { as: 'o-birthday' },
    )
    expect(refused).toMatchObject({ ok: false, code: 'BIRTHDAY_ALREADY_SET' })
    await expect(harness.call('member', 'profile', {}, { as: 'o-birthday' })).resolves.toMatchObject({
      ok: true,
      data: { birthday: '05-20', nickname: null },
    })
  })

  it('answers NOT_A_MEMBER before joining', async () => {
    await expect(harness.call('member', 'profile', {}, { as: 'o-stranger' })).resolves.toMatchObject({
      ok: false,
      code: 'NOT_A_MEMBER',
    })
    await expect(harness.call('member', 'card', {}, { as: 'o-stranger' })).resolves.toMatchObject({
      ok: false,
      code: 'NOT_A_MEMBER',
    })
    await expect(harness.call('member', 'history', {}, { as: 'o-stranger' })).resolves.toMatchObject({
      ok: false,
      code: 'NOT_A_MEMBER',
    })
  })

  it('shows in the history the balance the card shows, and what expired, not the stored balance', async () => {
    const nowMs = Date.UTC(2026, 10, 23, 4)
    const member = await seedMember(harness, {
      prefix: 'o-expired',
      points: 70,
      expiresAtMs: nowMs - 1,
      atMs: nowMs - 86_400_000,
    })
    const checkedIn = await harness.call('checkin', 'checkIn', {}, { as: member.openid, atMs: nowMs })
    expect(checkedIn).toMatchObject({ ok: true, data: { points: 5 } })
    const card = await harness.call('member', 'card', {}, { as: member.openid, atMs: nowMs })
    const page = await harness.call('member', 'history', {}, { as: member.openid, atMs: nowMs })
    expect(card).toMatchObject({ ok: true, data: { balance: 5 } })
    expect(page).toMatchObject({ ok: true, data: { balance: { usable: 5, expired: 70 } } })
  })

  it('pages the history newest first without skipping or repeating entries', async () => {
    const memberId = await join('o-history')
    const entries = zeroPointLines(memberId, { count: 25, balanceAfter: 50, fromMs: Date.UTC(2026, 10, 1) })
    await harness.db.collection('ledger').add({ data: entries })
    const seen: string[] = []
    let cursor: string | undefined
    do {
      const page = await harness.call(
        'member',
        'history',
        { pageSize: 7, ...(cursor ? { cursor } : {}) },
        { as: 'o-history' },
      )
      if (!page.ok) throw new Error(page.message)
      seen.push(...page.data.entries.map((entry) => entry.id))
      cursor = page.data.nextCursor ?? undefined
    } while (cursor)
    expect(seen).toHaveLength(26)
    expect(new Set(seen).size).toBe(26)
    expect(seen[0]).toBe(`join_${memberId}`)
    expect(seen.slice(1)).toEqual(entries.map((entry) => entry._id).reverse())
  })

  it('names each history line for the member', async () => {
    await join('o-titles')
    const page = await harness.call('member', 'history', {}, { as: 'o-titles' })
    expect(page).toMatchObject({
      ok: true,
      data: { entries: [{ type: 'earn', amount: 50, title: '入会礼' }], balance: { usable: 50, expired: 0 } },
    })
  })

  it.each<[string, unknown]>([
    ['history', { pageSize: 1000 }],
    ['history', { cursor: 'garbage' }],
    ['updateProfile', { nickname: '' }],
    ['updateProfile', { birthday: '02-30' }],
    ['updateProfile', { nickname: 'x'.repeat(21) }],
    ['updateProfile', { avatarUrl: 'javascript:alert(1)' }],
    ['updateProfile', { nickname: '\u202etxt.exe' }],
    ['updateProfile', { nickname: '小满\u0000' }],
    ['updateProfile', { nickname: '小\u200b满' }],
    ['join', { storeId: { $ne: null } }],
    ['card', { memberId: 'someone-else' }],
  ])('answers INVALID_INPUT for member.%s with %p and changes nothing', async (action, input) => {
    await join('o-bad-input')
    const before = await harness.db.collection('members').where({ openid: 'o-bad-input' }).get()
    const answer = await harness.callRaw('member', { action, input }, { as: 'o-bad-input' })
    expect(answer).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    const after = await harness.db.collection('members').where({ openid: 'o-bad-input' }).get()
    expect(after.data).toEqual(before.data)
  })
})
