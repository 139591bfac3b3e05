import { useFunctionHarness } from '../support/functionHarness'

jest.setTimeout(60_000)

/** Noon in Shanghai on a day of November 2026 (the host clock is UTC). */
const shanghaiNoon = (day: number) => Date.UTC(2026, 10, day, 4)

describe('checkin.checkIn', () => {
  const harness = useFunctionHarness()

  async function join(openid: string, atMs = shanghaiNoon(1)): Promise<string> {
    const answer = await harness.call('member', 'join', {}, { as: openid, atMs })
    if (!answer.ok) throw new Error(answer.message)
    return answer.data.card.memberId
  }

  it('checks in once a day: the second tap changes nothing', async () => {
    await join('o-daily')
    const first = await harness.call('checkin', 'checkIn', {}, { as: 'o-daily', atMs: shanghaiNoon(23) })
    expect(first).toMatchObject({ ok: true, data: { day: '2026-11-23', streak: 1, points: 5, balance: 55 } })
    const second = await harness.call('checkin', 'checkIn', {}, { as: 'o-daily', atMs: shanghaiNoon(23) + 60_000 })
    expect(second).toMatchObject({ ok: false, code: 'ALREADY_CHECKED_IN', message: '今天已经签到过了' })
  })

  it('gives exactly one reward for 20 concurrent check-ins by one member', async () => {
    const memberId = await join('o-double-tap')
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        harness.call('checkin', 'checkIn', {}, { as: 'o-double-tap', atMs: shanghaiNoon(23) }),
      ),
    )
    expect(answers.filter((answer) => answer.ok)).toHaveLength(1)
    expect(answers.filter((answer) => !answer.ok && answer.code === 'ALREADY_CHECKED_IN')).toHaveLength(19)
    const { data: entries } = await harness.db
      .collection('ledger')
      .where({ memberId, source: 'checkin:2026-11-23' })
      .get()
    expect(entries).toHaveLength(1)
  })

  it('starts a new business day at midnight in Shanghai, with the host in UTC', async () => {
    await join('o-midnight')
    const lateNight = await harness.call(
      'checkin',
      'checkIn',
      {},
      { as: 'o-midnight', atMs: Date.UTC(2026, 10, 23, 15, 59, 59) },
    )
    const justAfter = await harness.call(
      'checkin',
      'checkIn',
      {},
      { as: 'o-midnight', atMs: Date.UTC(2026, 10, 23, 16, 0, 0) },
    )
    expect(lateNight).toMatchObject({ ok: true, data: { day: '2026-11-23', streak: 1 } })
    expect(justAfter).toMatchObject({ ok: true, data: { day: '2026-11-24', streak: 2 } })
  })

  it('pays the streak bonuses over a simulated fortnight', async () => {
    await join('o-fortnight')
    const rewards: number[] = []
    const streaks: number[] = []
    for (let day = 1; day <= 14; day += 1) {
      const answer = await harness.call('checkin', 'checkIn', {}, { as: 'o-fortnight', atMs: shanghaiNoon(day + 9) })
      if (!answer.ok) throw new Error(answer.message)
      rewards.push(answer.data.points)
      streaks.push(answer.data.streak)
    }
    expect(streaks).toEqual([1, 2, 3, 4, 5, 6, 7, 1, 2, 3, 4, 5, 6, 7])
    expect(rewards).toEqual([5, 5, 15, 5, 5, 5, 35, 5, 5, 15, 5, 5, 5, 35])
    await expect(
      harness.call('member', 'card', {}, { as: 'o-fortnight', atMs: shanghaiNoon(24) }),
    ).resolves.toMatchObject({
      ok: true,
      data: { balance: 50 + 150, growth: 14 + 10 },
    })
  })

  it('upgrades the tier in the same check-in that crosses the threshold, with the gift exactly once', async () => {
    const memberId = await join('o-climber')
    await harness.db
      .collection('members')
      .doc(memberId)
      .update({ data: { growth: 499 } })
    const crossing = await harness.call('checkin', 'checkIn', {}, { as: 'o-climber', atMs: shanghaiNoon(23) })
    expect(crossing).toMatchObject({
      ok: true,
      data: { upgradedTo: { id: 'silver', name: '银卡会员' }, balance: 50 + 5 + 100 },
    })
    const next = await harness.call('checkin', 'checkIn', {}, { as: 'o-climber', atMs: shanghaiNoon(24) })
    expect(next).toMatchObject({ ok: true, data: { upgradedTo: null, balance: 50 + 5 + 100 + 5 } })
    const { data: gifts } = await harness.db.collection('ledger').where({ memberId, source: 'upgrade:silver' }).get()
    expect(gifts).toHaveLength(1)
  })

  it('costs at most 7 database requests, 6 without an upgrade', async () => {
    await join('o-counted')
    await Promise.all(
      Array.from({ length: 16 }, () =>
        harness.call('checkin', 'status', {}, { as: 'o-counted', atMs: shanghaiNoon(23) }),
      ),
    )
    const requests = await harness.countRequests(() =>
      harness.call('checkin', 'checkIn', {}, { as: 'o-counted', atMs: shanghaiNoon(23) }),
    )
    expect(requests).toBe(6)
  })

  it('refuses a call that carries no user, and callers who have not joined', async () => {
    await expect(harness.call('checkin', 'checkIn', {}, { as: null })).resolves.toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    await expect(harness.call('checkin', 'checkIn', {}, { as: 'o-nobody' })).resolves.toMatchObject({
      ok: false,
      code: 'NOT_A_MEMBER',
    })
  })
})
