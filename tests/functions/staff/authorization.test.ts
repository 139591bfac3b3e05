/**
 * The authorisation matrix: every staff action called as someone who never joined, a member, staff
 * of another store, staff, a manager and an admin. Roles come from `staff/<OPENID>` only; a refusal
 * changes nothing.
 */
import type { ApiEnvelope } from '@shared/contracts'
import { dataOf } from '../support/answers'
import { type Expectations, matrixCallers, matrixRows } from '../support/authorisationMatrix'
import { type FunctionHarness, useFunctionHarness } from '../support/functionHarness'
import {
  ADMIN,
  bindStoreTwo,
  codeFor,
  insertCoupon,
  insertOrder,
  NOW,
  OTHER_STORE_STAFF,
  purchaseBy,
  STAFF,
  seedCustomer,
  sessionFor,
  snapshotOf,
} from './staffFixtures'

jest.setTimeout(120_000)

const MEMBER_PREFIX = 'o-matrix-member'
const CALLERS = matrixCallers(MEMBER_PREFIX)

const COUNTER: Expectations = {
  stranger: 'NOT_STAFF',
  member: 'NOT_STAFF',
  otherStore: 'ok',
  staff: 'ok',
  manager: 'ok',
  admin: 'ok',
}
const STORE_MANAGEMENT: Expectations = {
  stranger: 'NOT_STAFF',
  member: 'NOT_STAFF',
  otherStore: 'FORBIDDEN',
  staff: 'FORBIDDEN',
  manager: 'ok',
  admin: 'ok',
}

interface Case {
  readonly action: string
  readonly expectations: Expectations
  /** Writes what the action needs and answers its input, as `caller` (an OPENID) would send it. */
  setup(harness: FunctionHarness, memberId: string, caller: string): Promise<Record<string, unknown>>
}

const CASES: readonly Case[] = [
  { action: 'me', expectations: COUNTER, setup: async () => ({}) },
  {
    action: 'createInvite',
    expectations: STORE_MANAGEMENT,
    setup: async () => ({ role: 'staff', storeId: 'store-1' }),
  },
  {
    action: 'acceptInvite',
    expectations: {
      stranger: 'ok',
      member: 'ok',
      otherStore: 'ALREADY_STAFF',
      staff: 'ALREADY_STAFF',
      manager: 'ALREADY_STAFF',
      admin: 'ALREADY_STAFF',
    },
    setup: async (harness) => {
      const answer = await harness.call(
        'staff',
        'createInvite',
        { role: 'staff', storeId: 'store-1' },
        { as: ADMIN, atMs: NOW },
      )
      return { code: dataOf(answer).code }
    },
  },
  {
    action: 'unbind',
    // The target is a clerk of store-1: the manager's own store.
    expectations: STORE_MANAGEMENT,
    setup: async (harness) => {
      await harness.db.collection('staff').add({
        data: { _id: 'o-target', openid: 'o-target', role: 'staff', storeId: 'store-1', name: '小目标', boundAtMs: 0 },
      })
      return { openid: 'o-target', reason: '离职' }
    },
  },
  {
    action: 'resolveMemberCode',
    expectations: COUNTER,
    setup: async (_harness, memberId) => ({ token: codeFor('member', memberId) }),
  },
  {
    action: 'previewPurchase',
    expectations: COUNTER,
    // A session answered to the caller: the refusals come from the caller's role, not the session.
    setup: async (_harness, memberId, caller) => ({ session: sessionFor(memberId, caller), amountFen: 8800 }),
  },
  {
    action: 'recordPurchase',
    expectations: COUNTER,
    setup: async (_harness, memberId, caller) => ({
      session: sessionFor(memberId, caller),
      amountFen: 8800,
      receiptNo: 'M-1',
      requestId: 'matrix-request',
    }),
  },
  {
    action: 'verifyCoupon',
    expectations: COUNTER,
    setup: async (harness, memberId) => {
      await insertCoupon(harness, { id: 'matrix-coupon', memberId })
      return { token: codeFor('coupon', 'matrix-coupon') }
    },
  },
  {
    action: 'verifyPickup',
    expectations: COUNTER,
    setup: async (harness, memberId) => {
      await insertOrder(harness, { id: 'matrix-order', memberId, pickupCode: '20261123' })
      return { pickupCode: '20261123' }
    },
  },
  {
    action: 'reversePurchase',
    expectations: STORE_MANAGEMENT,
    setup: async (harness, memberId) => {
      const answer = await harness.call(
        'staff',
        'recordPurchase',
        purchaseBy(STAFF, { memberId, amountFen: 8800, requestId: 'matrix-purchase' }),
        { as: STAFF, atMs: NOW },
      )
      return { purchaseEntryId: dataOf(answer).purchaseEntryId, reason: '退款' }
    },
  },
  {
    action: 'today',
    expectations: STORE_MANAGEMENT,
    setup: async () => ({ scope: 'store' }),
  },
  {
    action: 'today',
    expectations: COUNTER,
    setup: async () => ({ scope: 'mine' }),
  },
]

const MATRIX = matrixRows(CASES, (testCase) => testCase.action)

describe('staff: the authorisation matrix', () => {
  const harness = useFunctionHarness()

  beforeEach(async () => {
    await bindStoreTwo(harness)
  })

  it.each(MATRIX)('%s as %s answers %s', async (action, caller, expected, testCase) => {
    const member = await seedCustomer(harness, { prefix: MEMBER_PREFIX, points: 100 })
    const input = await testCase.setup(harness, member.memberId, CALLERS[caller])
    const before = await snapshotOf(harness)
    const answer = (await harness.callRaw(
      'staff',
      { action, input },
      { as: CALLERS[caller], atMs: NOW + 1000 },
    )) as ApiEnvelope<unknown>
    if (expected === 'ok') {
      expect(answer).toMatchObject({ ok: true })
    } else {
      expect(answer).toMatchObject({ ok: false, code: expected })
      await expect(snapshotOf(harness)).resolves.toEqual(before)
    }
  })

  it('records a purchase by another store’s staff for their own store, not the payload’s', async () => {
    const member = await seedCustomer(harness, { prefix: MEMBER_PREFIX, points: 100 })
    const answer = await harness.callRaw(
      'staff',
      {
        action: 'recordPurchase',
        input: {
          ...purchaseBy(OTHER_STORE_STAFF, { memberId: member.memberId, amountFen: 100, requestId: 'store-claim-1' }),
          storeId: 'store-1',
        },
      },
      { as: OTHER_STORE_STAFF, atMs: NOW },
    )
    // A payload naming a store (or a role) is not even accepted: inputs are strict.
    expect(answer).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    const recorded = await harness.call(
      'staff',
      'recordPurchase',
      purchaseBy(OTHER_STORE_STAFF, { memberId: member.memberId, amountFen: 100, requestId: 'store-claim-2' }),
      { as: OTHER_STORE_STAFF, atMs: NOW },
    )
    expect(recorded).toMatchObject({ ok: true, data: { storeId: 'store-2' } })
  })
})
