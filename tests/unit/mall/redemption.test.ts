import { sumOfEntries, usableBalance } from '@shared/ledger'
import { decideRedemption, type RedemptionCounter, type RedemptionRequest, redemptionCounterIdOf } from '@shared/mall'
import fc from 'fast-check'
import { DEMO_PROGRAMME } from '../../../emulator/seed/demo/programme'
import { FIVE_OFF_THIRTY } from '../coupon/fixtures'
import { DAY_MS, itemWith, memberWith, T, walletWith } from './fixtures'

const SOON = T + DAY_MS
const LATER = T + 10 * DAY_MS

const template = FIVE_OFF_THIRTY

const requestFor = (overrides: Partial<RedemptionRequest> = {}): RedemptionRequest => ({
  requestId: 'req-1',
  redemptionId: 'r-1',
  item: itemWith(),
  template: null,
  programme: DEMO_PROGRAMME,
  pickupCode: '12345678',
  ...overrides,
})

const counterAt = (count: number): RedemptionCounter => ({
  _id: redemptionCounterIdOf('m1', 'tote'),
  memberId: 'm1',
  itemId: 'tote',
  count,
  updatedAtMs: T - DAY_MS,
})

describe('decideRedemption', () => {
  const member = memberWith(
    walletWith([
      { amount: 100, expiresAtMs: SOON },
      { amount: 500, expiresAtMs: LATER },
    ]),
  )

  it('spends from the oldest lots, records the spend, creates the order and counts it', () => {
    const decided = decideRedemption({ member, counter: null }, requestFor(), T)
    if (!decided.ok) throw new Error(decided.code)
    expect(decided.data.member.points).toEqual(walletWith([{ amount: 300, expiresAtMs: LATER }]))
    expect(decided.data.entry).toMatchObject({
      _id: 'redeem_r-1',
      memberId: 'm1',
      type: 'spend',
      amount: -300,
      balanceAfter: 300,
      source: 'redeem:tote',
      lotChanges: [
        { expiresAtMs: SOON, delta: -100 },
        { expiresAtMs: LATER, delta: -200 },
      ],
    })
    expect(decided.data.created).toMatchObject({
      kind: 'pickup',
      order: {
        _id: 'r-1',
        pickupCode: '12345678',
        pointsSpent: 300,
        status: 'awaitingPickup',
        countsTowardLimit: true,
        lotChanges: decided.data.entry.lotChanges,
      },
    })
    expect(decided.data.counter).toEqual({ ...counterAt(1), updatedAtMs: T })
  })

  it('keeps no counter for an item without a per-member limit, and marks the order uncounted', () => {
    const decided = decideRedemption(
      { member, counter: null },
      requestFor({ item: itemWith({ perMemberLimit: null }) }),
      T,
    )
    if (!decided.ok) throw new Error(decided.code)
    expect(decided.data.counter).toBeNull()
    expect(decided.data.created).toMatchObject({ kind: 'pickup', order: { countsTowardLimit: false } })
  })

  it('creates a coupon, keyed by the redemption, for a coupon item', () => {
    const item = itemWith({ id: 'coupon-item', kind: 'coupon', couponTemplateId: template.id, pointsPrice: 100 })
    const decided = decideRedemption({ member, counter: null }, requestFor({ item, template }), T)
    expect(decided).toMatchObject({
      ok: true,
      data: {
        created: {
          kind: 'coupon',
          coupon: { _id: 'r-1', source: 'redeem', sourceId: 'coupon-item', requestId: 'req-1' },
        },
        entry: { amount: -100, source: 'redeem:coupon-item' },
      },
    })
  })

  it.each([
    ['NOT_ON_SALE', { item: itemWith({ status: 'offSale' }) }, null],
    ['TIER_REQUIRED', { item: itemWith({ tierIds: ['black'] }) }, null],
    ['LIMIT_REACHED', {}, counterAt(1)],
    ['POINTS_INSUFFICIENT', { item: itemWith({ pointsPrice: 601 }) }, null],
  ] as const)('refuses with %s', (code, overrides, counter) => {
    expect(decideRedemption({ member, counter }, requestFor(overrides), T)).toMatchObject({ ok: false, code })
  })

  it('refuses on points that expired by now, though the balance still holds them', () => {
    const expiring = memberWith(walletWith([{ amount: 400, expiresAtMs: SOON }]))
    expect(decideRedemption({ member: expiring, counter: null }, requestFor(), SOON)).toMatchObject({
      ok: false,
      code: 'POINTS_INSUFFICIENT',
    })
  })

  it('spends exactly the price: points spent plus the balance after equal the balance before', () => {
    const lots = fc.array(
      fc.record({
        amount: fc.integer({ min: 1, max: 1000 }),
        expiresAtMs: fc.option(fc.integer({ min: T + 1, max: T + 400 * DAY_MS })),
      }),
      { maxLength: 6 },
    )
    fc.assert(
      fc.property(lots, fc.integer({ min: 1, max: 3000 }), (walletLots, price) => {
        const before = memberWith(walletWith(walletLots))
        const decided = decideRedemption(
          { member: before, counter: null },
          requestFor({ item: itemWith({ pointsPrice: price }) }),
          T,
        )
        if (!decided.ok) {
          expect(decided.code).toBe('POINTS_INSUFFICIENT')
          expect(usableBalance(before.points, T)).toBeLessThan(price)
          return
        }
        expect(-decided.data.entry.amount).toBe(price)
        expect(price + decided.data.member.points.balance).toBe(before.points.balance)
        expect(sumOfEntries([decided.data.entry])).toBe(decided.data.member.points.balance - before.points.balance)
      }),
    )
  })

  it('never counts a member above the limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 12 }), (limit, attempts) => {
        const item = itemWith({ perMemberLimit: limit, pointsPrice: 1 })
        let state = {
          member: memberWith(walletWith([{ amount: 1000, expiresAtMs: null }])),
          counter: null as RedemptionCounter | null,
        }
        for (let index = 0; index < attempts; index += 1) {
          const decided = decideRedemption(state, requestFor({ item, redemptionId: `r-${index}` }), T)
          if (decided.ok) state = { member: decided.data.member, counter: decided.data.counter }
        }
        expect(state.counter?.count ?? 0).toBe(Math.min(limit, attempts))
        expect(state.member.points.balance).toBe(1000 - Math.min(limit, attempts))
      }),
    )
  })
})
