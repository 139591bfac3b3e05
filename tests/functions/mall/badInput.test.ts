import { useFunctionHarness } from '../support/functionHarness'
import { seedMember } from './seededMembers'

jest.setTimeout(60_000)

const NOW = Date.UTC(2026, 10, 23, 4)

describe('mall: bad input', () => {
  const harness = useFunctionHarness()
  let openid: string

  beforeEach(async () => {
    const member = await seedMember(harness, { prefix: 'o-bad-input', points: 1000, atMs: NOW })
    openid = member.openid
  })

  it.each([
    ['catalogue', { page: 2 }, 'page'],
    ['item', {}, 'itemId'],
    ['item', { itemId: 'ITEM WITH SPACES' }, 'itemId'],
    ['redeem', { itemId: 'item-tote-bag' }, 'requestId'],
    ['redeem', { itemId: 'item-tote-bag', requestId: 'short' }, 'requestId'],
    ['redeem', { itemId: 'item-tote-bag', requestId: 'x'.repeat(65) }, 'requestId'],
    ['redeem', { itemId: 'item-tote-bag', requestId: 'has spaces in it' }, 'requestId'],
    ['redeem', { itemId: 'item-tote-bag', requestId: 'valid-request-1', pointsPrice: 1 }, 'pointsPrice'],
    ['redeem', { itemId: 42, requestId: 'valid-request-1' }, 'itemId'],
    ['orders', { memberId: 'someone-else' }, 'memberId'],
    ['cancelOrder', {}, 'orderId'],
    ['cancelOrder', { orderId: '../orders' }, 'orderId'],
  ])('%s refuses %o with INVALID_INPUT naming %s, before touching the database', async (action, input, field) => {
    let answer: unknown
    const requests = await harness.countRequests(async () => {
      answer = await harness.callRaw('mall', { action, input }, { as: openid, atMs: NOW })
    })
    expect(answer).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining(field) })
    expect(requests).toBe(0)
  })

  it('answers an unknown action with UNKNOWN_ACTION', async () => {
    await expect(harness.callRaw('mall', { action: 'refund', input: {} }, { as: openid })).resolves.toMatchObject({
      ok: false,
      code: 'UNKNOWN_ACTION',
    })
  })
})
