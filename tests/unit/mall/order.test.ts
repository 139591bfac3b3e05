import { orderCancellability } from '@shared/mall'

describe('orderCancellability', () => {
  it('cancels an order waiting at the counter', () => {
    expect(orderCancellability('awaitingPickup')).toEqual({ ok: true, data: { alreadyCancelled: false } })
  })

  it('answers a second cancel as already done, not as a failure', () => {
    expect(orderCancellability('cancelled')).toEqual({ ok: true, data: { alreadyCancelled: true } })
  })

  it('refuses to cancel a collected order', () => {
    expect(orderCancellability('pickedUp')).toMatchObject({ ok: false, code: 'ORDER_NOT_CANCELLABLE' })
  })
})
