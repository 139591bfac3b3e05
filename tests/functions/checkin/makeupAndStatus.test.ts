import { useFunctionHarness } from '../support/functionHarness'

jest.setTimeout(60_000)

const shanghaiNoon = (day: number) => Date.UTC(2026, 10, day, 4)

describe('checkin.makeup and checkin.status', () => {
  const harness = useFunctionHarness()

  async function checkInOn(openid: string, ...days: number[]) {
    for (const day of days) {
      const answer = await harness.call('checkin', 'checkIn', {}, { as: openid, atMs: shanghaiNoon(day) })
      if (!answer.ok) throw new Error(answer.message)
    }
  }

  it('fills a missed day for 20 points, earns the base, and bridges the streak', async () => {
    await harness.call('member', 'join', {}, { as: 'o-makeup', atMs: shanghaiNoon(1) })
    await checkInOn('o-makeup', 20, 21, 23)
    const makeup = await harness.call(
      'checkin',
      'makeup',
      { day: '2026-11-22' },
      { as: 'o-makeup', atMs: shanghaiNoon(23) },
    )
    expect(makeup).toMatchObject({ ok: true, data: { day: '2026-11-22', streak: 4, points: 5 } })
    const status = await harness.call('checkin', 'status', {}, { as: 'o-makeup', atMs: shanghaiNoon(23) })
    expect(status).toMatchObject({
      ok: true,
      data: { streak: 4, checkedInToday: true, makeup: { remainingThisMonth: 1 } },
    })
    // Joined 50, checked in 5 + 5 + 5, made up: -20 + 5.
    await expect(harness.call('member', 'card', {}, { as: 'o-makeup', atMs: shanghaiNoon(23) })).resolves.toMatchObject(
      {
        ok: true,
        data: { balance: 50 },
      },
    )
  })

  it('refuses makeups outside the window, of checked days, and past the monthly limit, changing nothing', async () => {
    await harness.call('member', 'join', {}, { as: 'o-limits', atMs: shanghaiNoon(1) })
    await checkInOn('o-limits', 23)
    const call = (day: string) => harness.call('checkin', 'makeup', { day }, { as: 'o-limits', atMs: shanghaiNoon(23) })
    await expect(call('2026-11-19')).resolves.toMatchObject({ ok: false, code: 'MAKEUP_OUT_OF_WINDOW' })
    await expect(call('2026-11-23')).resolves.toMatchObject({ ok: false, code: 'MAKEUP_OUT_OF_WINDOW' })
    await expect(call('2026-11-22')).resolves.toMatchObject({ ok: true })
    await expect(call('2026-11-22')).resolves.toMatchObject({ ok: false, code: 'ALREADY_CHECKED_IN' })
    await expect(call('2026-11-21')).resolves.toMatchObject({ ok: true })
    await expect(call('2026-11-20')).resolves.toMatchObject({ ok: false, code: 'MAKEUP_LIMIT_REACHED' })
  })

  it('refuses a makeup the member cannot pay for, changing nothing', async () => {
    const joined = await harness.call('member', 'join', {}, { as: 'o-poor', atMs: shanghaiNoon(1) })
    if (!joined.ok) throw new Error(joined.message)
    const memberId = joined.data.card.memberId
    // An admin took 45 of the 50 join points away: 5 are left, the makeup costs 20.
    const { data: member } = await harness.db.collection('members').doc(memberId).get()
    const lot = member.points.lots[0]
    await harness.db.collection('ledger').add({
      data: {
        _id: `adjust_${memberId}`,
        memberId,
        type: 'adjust',
        amount: -45,
        balanceAfter: 5,
        lotChanges: [{ expiresAtMs: lot.expiresAtMs, delta: -45 }],
        shortfall: 0,
        source: 'adjust',
        operatorId: 'o-demo-admin',
        idempotencyKey: `adjust_${memberId}`,
        reason: 'test',
        createdAtMs: shanghaiNoon(2),
      },
    })
    await harness.db
      .collection('members')
      .doc(memberId)
      .update({ data: { points: { balance: 5, lots: [{ expiresAtMs: lot.expiresAtMs, amount: 5 }] } } })
    await checkInOn('o-poor', 23)
    const answer = await harness.call(
      'checkin',
      'makeup',
      { day: '2026-11-22' },
      { as: 'o-poor', atMs: shanghaiNoon(23) },
    )
    expect(answer).toMatchObject({ ok: false, code: 'POINTS_INSUFFICIENT' })
    await expect(harness.call('member', 'card', {}, { as: 'o-poor', atMs: shanghaiNoon(23) })).resolves.toMatchObject({
      ok: true,
      data: { balance: 10 },
    })
  })

  it('offers no makeup for days before the member joined', async () => {
    await harness.call('member', 'join', {}, { as: 'o-newcomer', atMs: shanghaiNoon(23) })
    const status = await harness.call('checkin', 'status', {}, { as: 'o-newcomer', atMs: shanghaiNoon(23) })
    expect(status.ok && status.data.days.filter((day) => day.canMakeUp)).toEqual([])
    await expect(
      harness.call('checkin', 'makeup', { day: '2026-11-22' }, { as: 'o-newcomer', atMs: shanghaiNoon(23) }),
    ).resolves.toMatchObject({ ok: false, code: 'MAKEUP_OUT_OF_WINDOW' })
  })

  it('shows the month: checked days, today, the streak and the next bonus', async () => {
    await harness.call('member', 'join', {}, { as: 'o-calendar', atMs: shanghaiNoon(1) })
    await checkInOn('o-calendar', 21, 22)
    const status = await harness.call('checkin', 'status', {}, { as: 'o-calendar', atMs: shanghaiNoon(23) })
    expect(status).toMatchObject({
      ok: true,
      data: {
        today: '2026-11-23',
        month: '2026-11',
        leadingBlankDays: 6,
        checkedInToday: false,
        streak: 2,
        todayPoints: 15,
        nextReward: { inDays: 0, cycleDay: 3, points: 15 },
        makeup: { enabled: true, costPoints: 20, remainingThisMonth: 2 },
      },
    })
    if (!status.ok) return
    expect(status.data.days.filter((day) => day.checked).map((day) => day.day)).toEqual(['2026-11-21', '2026-11-22'])
    expect(status.data.days.filter((day) => day.canMakeUp).map((day) => day.day)).toEqual(['2026-11-20'])
  })

  it.each<[string, unknown]>([
    ['status', { month: '2026-13' }],
    ['status', { month: '2025-01' }],
    ['makeup', { day: '2026-02-30' }],
    ['makeup', {}],
    ['checkIn', { day: '2026-11-01' }],
    ['checkIn', { openid: 'o-someone' }],
  ])('answers INVALID_INPUT for checkin.%s with %p and changes nothing', async (action, input) => {
    await harness.call('member', 'join', {}, { as: 'o-bad', atMs: shanghaiNoon(1) })
    const before = (await harness.db.collection('ledger').get()).data
    const answer = await harness.callRaw('checkin', { action, input }, { as: 'o-bad', atMs: shanghaiNoon(23) })
    expect(answer).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect((await harness.db.collection('ledger').get()).data).toEqual(before)
  })
})
