import { useFunctionHarness } from '../support/functionHarness'
import { ADMIN, MANAGER, NOW, sessionFor, snapshotOf } from './staffFixtures'

jest.setTimeout(60_000)

const MEMBER = 'm0123456789abcdef01234567'
const SESSION = sessionFor(MEMBER, MANAGER)
const good = { session: SESSION, amountFen: 8800, requestId: 'valid-request-1' }

const amountCases = (action: string) =>
  [
    ['negative', -100],
    ['zero', 0],
    ['NaN', Number.NaN],
    ['infinite', Number.POSITIVE_INFINITY],
    ['huge', 100_000_001],
    ['fractional', 88.5],
    ['a string', '88.00'],
  ].map(([label, amountFen]) => [action, { ...good, amountFen }, `amountFen ${label}`] as const)

const CASES: readonly (readonly [string, unknown, string])[] = [
  ['me', { role: 'admin' }, 'me with a role claim'],
  ['createInvite', { role: 'admin', storeId: 'store-1' }, 'an admin invite'],
  ['createInvite', { role: 'staff', storeId: 'store 1' }, 'a store id with a space'],
  ['createInvite', { role: 'staff', storeId: 's'.repeat(41) }, 'an over-long store id'],
  ['createInvite', { role: 'staff' }, 'no store'],
  ['acceptInvite', { code: 'short' }, 'a short code'],
  ['acceptInvite', { code: 'A'.repeat(11) }, 'a long code'],
  ['acceptInvite', { code: 'AAAAAAAAAA', name: 'n'.repeat(21) }, 'an over-long name'],
  ['acceptInvite', { code: 'AAAAAAAAAA', name: '   ' }, 'a blank name'],
  ['unbind', { openid: '', reason: '离职' }, 'an empty openid'],
  ['unbind', { openid: 'o'.repeat(65), reason: '离职' }, 'an over-long openid'],
  ['unbind', { openid: 'o-demo-staff-store-1' }, 'no reason'],
  ['unbind', { openid: 'o-demo-staff-store-1', reason: 'r'.repeat(101) }, 'an over-long reason'],
  ['resolveMemberCode', { token: '' }, 'an empty token'],
  ['resolveMemberCode', { token: 'M'.repeat(121) }, 'an over-long token'],
  ['resolveMemberCode', { token: 42 }, 'a numeric token'],
  ['previewPurchase', { session: SESSION, amountFen: -1 }, 'a negative amount'],
  ['previewPurchase', { memberId: MEMBER, amountFen: 100 }, 'a member id instead of a session'],
  ['previewPurchase', { session: 'S'.repeat(121), amountFen: 100 }, 'an over-long session'],
  ...amountCases('recordPurchase'),
  ['recordPurchase', { ...good, receiptNo: 'R'.repeat(33) }, 'an over-long receipt'],
  ['recordPurchase', { ...good, receiptNo: 'R_1' }, 'a receipt with an underscore'],
  ['recordPurchase', { ...good, receiptNo: '' }, 'an empty receipt'],
  ['recordPurchase', { ...good, requestId: 'short' }, 'a short request id'],
  ['recordPurchase', { ...good, requestId: 'x'.repeat(65) }, 'an over-long request id'],
  ['recordPurchase', { session: SESSION, amountFen: 100 }, 'no request id'],
  ['recordPurchase', { ...good, storeId: 'store-2' }, 'a store claim'],
  ['recordPurchase', { ...good, memberId: MEMBER }, 'a member id beside the session'],
  ['recordPurchase', { memberId: MEMBER, amountFen: 100, requestId: 'valid-request-2' }, 'a member id, no session'],
  ['recordPurchase', { ...good, session: '' }, 'an empty session'],
  ['verifyCoupon', { token: 'C'.repeat(121) }, 'an over-long token'],
  ['verifyCoupon', {}, 'no token'],
  ['verifyPickup', { pickupCode: '1234567' }, 'seven digits'],
  ['verifyPickup', { pickupCode: '123456789' }, 'nine digits'],
  ['verifyPickup', { pickupCode: 12345678 }, 'a number'],
  ['reversePurchase', { purchaseEntryId: 'purchase_store-1_R1', reason: '' }, 'no reason'],
  ['reversePurchase', { purchaseEntryId: 'purchase_store-1_R1', reason: '理'.repeat(101) }, 'an over-long reason'],
  ['reversePurchase', { purchaseEntryId: 'p'.repeat(65), reason: '退款' }, 'an over-long entry id'],
  ['today', { scope: 'all' }, 'an unknown scope'],
  ['today', {}, 'no scope'],
]

describe('staff: bad input', () => {
  const harness = useFunctionHarness()

  it.each(CASES)('%s refuses %o (%s) with INVALID_INPUT, before touching the database', async (action, input) => {
    const before = await snapshotOf(harness)
    let answer: unknown
    const requests = await harness.countRequests(async () => {
      answer = await harness.callRaw('staff', { action, input }, { as: MANAGER, atMs: NOW })
    })
    expect(answer).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(requests).toBe(0)
    await expect(snapshotOf(harness)).resolves.toEqual(before)
  })

  it('answers an unknown action with UNKNOWN_ACTION', async () => {
    await expect(harness.callRaw('staff', { action: 'grantPoints', input: {} }, { as: ADMIN })).resolves.toMatchObject({
      ok: false,
      code: 'UNKNOWN_ACTION',
    })
  })
})
