import { expiredOrdersCreatedByMs, isOrderExpired } from '@shared/mall'
import { DEMO_PROGRAMME } from '../../../emulator/seed/demo/programme'
import { DAY_MS, T } from './fixtures'

const programme = { ...DEMO_PROGRAMME, automation: { ...DEMO_PROGRAMME.automation, pickupWindowDays: 7 } }

describe('order expiry', () => {
  it('ends the pickup window a whole number of 24-hour days after the order', () => {
    expect(expiredOrdersCreatedByMs(programme, T + 7 * DAY_MS)).toBe(T)
  })

  it('expires a waiting order from the instant its window ends, not a millisecond before', () => {
    const order = { status: 'awaitingPickup' as const, createdAtMs: T }
    expect(isOrderExpired(order, programme, T + 7 * DAY_MS - 1)).toBe(false)
    expect(isOrderExpired(order, programme, T + 7 * DAY_MS)).toBe(true)
  })

  it('never expires an order that was picked up or cancelled', () => {
    for (const status of ['pickedUp', 'cancelled'] as const)
      expect(isOrderExpired({ status, createdAtMs: T }, programme, T + 100 * DAY_MS)).toBe(false)
  })
})
