import { sumOfEntries } from '@shared/ledger'
import { useFunctionHarness } from '../support/functionHarness'

jest.setTimeout(60_000)

describe('member.join', () => {
  const harness = useFunctionHarness()

  async function ledgerOf(memberId: string) {
    const { data } = await harness.db.collection('ledger').where({ memberId }).get()
    return data as { amount: number; source: string }[]
  }

  it('makes the caller a member of the store they scanned, with the join gift', async () => {
    const answer = await harness.call('member', 'join', { storeId: 'store-1' }, { as: 'o-new-customer' })
    expect(answer).toMatchObject({
      ok: true,
      data: { joined: true, gift: { points: 50 }, card: { balance: 50, tier: { name: '普通会员' }, growth: 0 } },
    })
    if (!answer.ok) return
    const { data: member } = await harness.db.collection('members').doc(answer.data.card.memberId).get()
    expect(member).toMatchObject({ openid: 'o-new-customer', joinedStoreId: 'store-1', points: { balance: 50 } })
    expect(sumOfEntries(await ledgerOf(answer.data.card.memberId))).toBe(50)
  })

  it('returns the same member and grants nothing when joining again', async () => {
    const first = await harness.call('member', 'join', {}, { as: 'o-twice' })
    const second = await harness.call('member', 'join', { storeId: 'store-2' }, { as: 'o-twice' })
    expect(second).toMatchObject({ ok: true, data: { joined: false, gift: null, card: { balance: 50 } } })
    expect(first.ok && second.ok && first.data.card.memberId === second.data.card.memberId).toBe(true)
  })

  it('creates one member and one gift when 50 joins from one user arrive at once', async () => {
    await harness.warm('member')
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => harness.call('member', 'join', { storeId: 'store-1' }, { as: 'o-impatient' })),
    )
    expect(answers.every((answer) => answer.ok)).toBe(true)
    expect(answers.filter((answer) => answer.ok && answer.data.joined)).toHaveLength(1)
    const { data: members } = await harness.db.collection('members').where({ openid: 'o-impatient' }).get()
    expect(members).toHaveLength(1)
    const entries = await ledgerOf(members[0]._id)
    expect(entries).toHaveLength(1)
    expect(members[0].points.balance).toBe(sumOfEntries(entries))
  })

  it('never takes the identity from the payload', async () => {
    const answer = await harness.callRaw(
      'member',
      { action: 'join', input: { openid: 'o-victim' } },
      { as: 'o-attacker' },
    )
    expect(answer).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    const { data } = await harness.db.collection('members').get()
    expect(data).toHaveLength(0)
  })

  it('refuses a call that carries no user', async () => {
    await expect(harness.call('member', 'join', {}, { as: null })).resolves.toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
  })
})
