import { lotExpiryMs } from '@shared/ledger'
import {
  decideCancellation,
  decideRedemption,
  type PickupOrder,
  type RedemptionCounter,
  redemptionCounterIdOf,
} from '@shared/mall'
import type { Member } from '@shared/member'
import { businessDayRuleOf } from '@shared/programme/businessDayRule'
import fc from 'fast-check'
import { DEMO_PROGRAMME } from '../../../emulator/seed/demo/programme'
import { DAY_MS, itemWith, memberWith, T, walletWith } from './fixtures'

const SOON = T + DAY_MS
const LATER = T + 10 * DAY_MS
const options = { memberId: 'm1', programme: DEMO_PROGRAMME, nowMs: T + 60_000 }

/** A member who redeemed the item: the member after the spend, the order and the counter. */
function redeemed(member: Member, item = itemWith()) {
  const request = {
    requestId: 'q',
    redemptionId: 'r-1',
    item,
    template: null,
    programme: DEMO_PROGRAMME,
    pickupCode: '12345678',
  }
  const decided = decideRedemption({ member, counter: null }, request, T)
  if (!decided.ok || decided.data.created.kind !== 'pickup') throw new Error('the fixture redemption failed')
  return { member: decided.data.member, order: decided.data.created.order, counter: decided.data.counter }
}

describe('decideCancellation', () => {
  const before = memberWith(
    walletWith([
      { amount: 100, expiresAtMs: SOON },
      { amount: 500, expiresAtMs: LATER },
    ]),
  )

  it('cancels the order, refunds every point to its lot and counts the order off', () => {
    const state = redeemed(before)
    const decided = decideCancellation(state, options)
    if (!decided.ok || decided.data.alreadyCancelled) throw new Error('not cancelled')
    expect(decided.data.member.points).toEqual(before.points)
    expect(decided.data.order).toMatchObject({
      status: 'cancelled',
      cancelledAtMs: options.nowMs,
      cancelledBy: 'member',
    })
    expect(decided.data.entry).toMatchObject({ _id: 'cancel_r-1', type: 'earn', amount: 300, source: 'cancel:r-1' })
    expect(decided.data.counter).toMatchObject({ _id: redemptionCounterIdOf('m1', 'tote'), count: 0 })
  })

  it('records the expiry job as the canceller, with the same refund under the same key', () => {
    const state = redeemed(before)
    const byMember = decideCancellation(state, options)
    const byExpiry = decideCancellation(state, { ...options, by: 'expiry' })
    if (!byExpiry.ok || byExpiry.data.alreadyCancelled || !byMember.ok || byMember.data.alreadyCancelled)
      throw new Error('not cancelled')
    expect(byExpiry.data.order.cancelledBy).toBe('expiry')
    expect(byExpiry.data.entry).toEqual(byMember.data.entry)
    expect(byExpiry.data.member).toEqual(byMember.data.member)
  })

  it('leaves the counter alone for an order that was never counted', () => {
    const state = redeemed(before, itemWith({ perMemberLimit: null }))
    const decided = decideCancellation({ ...state, counter: null }, options)
    expect(decided).toMatchObject({ ok: true, data: { alreadyCancelled: false, counter: null } })
  })

  it('counts off an order written before orders said whether they counted', () => {
    const { countsTowardLimit: _, ...older } = redeemed(before).order
    const counter: RedemptionCounter = { _id: 'm1_tote', memberId: 'm1', itemId: 'tote', count: 1, updatedAtMs: T }
    const decided = decideCancellation({ order: older, member: before, counter }, options)
    expect(decided).toMatchObject({ ok: true, data: { counter: { count: 0 } } })
  })

  it('gives an expired lot’s points the expiry of points earned now', () => {
    const state = redeemed(before)
    const nowMs = SOON + DAY_MS
    const decided = decideCancellation(state, { ...options, nowMs })
    if (!decided.ok || decided.data.alreadyCancelled) throw new Error('not cancelled')
    const fallback = lotExpiryMs({
      policy: DEMO_PROGRAMME.pointsExpiry,
      earnedAtMs: nowMs,
      ...businessDayRuleOf(DEMO_PROGRAMME),
    })
    expect(decided.data.entry.lotChanges).toEqual([
      { expiresAtMs: LATER, delta: 200 },
      { expiresAtMs: fallback, delta: 100 },
    ])
  })

  it('answers an order cancelled before as alreadyCancelled, changing nothing', () => {
    const state = redeemed(before)
    const cancelled: PickupOrder = { ...state.order, status: 'cancelled', cancelledAtMs: T }
    expect(decideCancellation({ ...state, order: cancelled }, options)).toEqual({
      ok: true,
      data: { alreadyCancelled: true, order: cancelled, member: state.member },
    })
  })

  it.each([
    ['ORDER_NOT_FOUND', 'a missing order', (state: ReturnType<typeof redeemed>) => ({ ...state, order: null })],
    [
      'ORDER_NOT_FOUND',
      'someone else’s order',
      (state: ReturnType<typeof redeemed>) => ({ ...state, order: { ...state.order, memberId: 'm2' } }),
    ],
    ['NOT_A_MEMBER', 'a missing member', (state: ReturnType<typeof redeemed>) => ({ ...state, member: null })],
    [
      'ORDER_NOT_CANCELLABLE',
      'a picked-up order',
      (state: ReturnType<typeof redeemed>) => ({ ...state, order: { ...state.order, status: 'pickedUp' as const } }),
    ],
  ])('refuses with %s for %s', (code, _, stateOf) => {
    expect(decideCancellation(stateOf(redeemed(before)), options)).toMatchObject({ ok: false, code })
  })

  it('gives back exactly what was spent, whatever the lots', () => {
    const lots = fc.array(
      fc.record({
        amount: fc.integer({ min: 1, max: 1000 }),
        expiresAtMs: fc.option(fc.integer({ min: T + 1, max: T + 400 * DAY_MS })),
      }),
      { minLength: 1, maxLength: 6 },
    )
    fc.assert(
      fc.property(lots, fc.integer({ min: 1, max: 500 }), (walletLots, price) => {
        const member = memberWith(walletWith(walletLots))
        fc.pre(member.points.balance >= price)
        const state = redeemed(member, itemWith({ pointsPrice: price }))
        const decided = decideCancellation(state, { ...options, nowMs: T })
        if (!decided.ok || decided.data.alreadyCancelled) throw new Error('not cancelled')
        expect(decided.data.entry.amount).toBe(price)
        expect(decided.data.member.points).toEqual(member.points)
      }),
    )
  })
})
