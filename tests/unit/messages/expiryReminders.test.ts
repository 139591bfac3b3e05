import {
  couponReminderKeyOf,
  dueCouponReminder,
  duePickupReminder,
  duePointsReminders,
  pickupReminderKeyOf,
  planReminders,
  pointsReminderKeyOf,
  reminderWindowEndMs,
} from '@shared/messages'
import { DEMO_PROGRAMME } from '../../../emulator/seed/demo/programme'

const DAY_MS = 86_400_000
/** 2027-01-01 00:00 in Shanghai. */
const EXPIRY = Date.UTC(2026, 11, 31, 16)
const NOW = EXPIRY - 3 * DAY_MS
const RULE = { timeZone: 'Asia/Shanghai', cutoffHour: 0 }
const WINDOW = { nowMs: NOW, windowEndMs: reminderWindowEndMs(NOW, 7), rule: RULE }

describe('duePointsReminders', () => {
  it('reminds of each lot expiring within the window, keyed by member and lot', () => {
    const member = {
      _id: 'm1',
      points: {
        balance: 65,
        lots: [
          { expiresAtMs: NOW, amount: 5 },
          { expiresAtMs: EXPIRY, amount: 20 },
          { expiresAtMs: NOW + 7 * DAY_MS, amount: 10 },
          { expiresAtMs: NOW + 7 * DAY_MS + 1, amount: 20 },
          { expiresAtMs: null, amount: 10 },
        ],
      },
    }
    const due = duePointsReminders(member, { ...WINDOW, brandName: '小满咖啡' })
    expect(due.map(({ key, points }) => ({ key, points }))).toEqual([
      { key: pointsReminderKeyOf('m1', EXPIRY), points: 20 },
      { key: pointsReminderKeyOf('m1', NOW + 7 * DAY_MS), points: 10 },
    ])
    expect(due[0]?.message.data.date3).toEqual({ value: '2026年12月31日' })
  })
})

describe('dueCouponReminder', () => {
  const coupon = { _id: 'c1', title: '满30减5', validUntilMs: EXPIRY, usedAtMs: null }

  it('reminds of an unused coupon expiring within the window', () => {
    expect(dueCouponReminder(coupon, WINDOW)).toEqual([
      expect.objectContaining({ key: couponReminderKeyOf('c1'), expiresAtMs: EXPIRY, points: 0 }),
    ])
  })

  it('leaves used, expired and later coupons alone', () => {
    expect(dueCouponReminder({ ...coupon, usedAtMs: NOW - DAY_MS }, WINDOW)).toEqual([])
    expect(dueCouponReminder({ ...coupon, validUntilMs: NOW }, WINDOW)).toEqual([])
    expect(dueCouponReminder({ ...coupon, validUntilMs: NOW + 8 * DAY_MS }, WINDOW)).toEqual([])
  })
})

describe('planReminders', () => {
  const member = {
    _id: 'm1',
    points: { balance: 30, lots: [10, 20, 30].map((days) => ({ expiresAtMs: NOW + days * 3_600_000, amount: 10 })) },
  }
  const due = duePointsReminders(member, { ...WINDOW, brandName: '小满' }).reverse()

  it('sends the soonest the opt-ins cover and leaves the rest as not subscribed', () => {
    const plan = planReminders(due, { optIns: 2, alreadySent: () => false })
    expect(plan.send.map((reminder) => reminder.expiresAtMs)).toEqual([NOW + 10 * 3_600_000, NOW + 20 * 3_600_000])
    expect(plan.notSubscribed.map((reminder) => reminder.expiresAtMs)).toEqual([NOW + 30 * 3_600_000])
  })

  it('drops what was sent before, and covers nothing without opt-ins', () => {
    const sentKey = due.at(-1)?.key
    const plan = planReminders(due, { optIns: 5, alreadySent: (key) => key === sentKey })
    expect(plan.send).toHaveLength(2)
    expect(plan.notSubscribed).toEqual([])
    expect(planReminders(due, { optIns: -1, alreadySent: () => false })).toMatchObject({ send: [] })
  })
})

describe('duePickupReminder', () => {
  const order = (createdAtMs: number, status: 'awaitingPickup' | 'pickedUp' | 'cancelled' = 'awaitingPickup') => ({
    _id: 'order-1',
    title: '帆布袋',
    pickupCode: '31000001',
    status,
    createdAtMs,
  })
  const options = {
    ...WINDOW,
    programme: { ...DEMO_PROGRAMME, automation: { ...DEMO_PROGRAMME.automation, pickupWindowDays: 30 } },
  }

  it('reminds of an order waiting at the counter whose window ends within the reminder window', () => {
    const endsAtWindowEnd = order(WINDOW.windowEndMs - 30 * DAY_MS)
    expect(duePickupReminder(endsAtWindowEnd, options).map(({ key }) => key)).toEqual([pickupReminderKeyOf('order-1')])
    expect(duePickupReminder(order(WINDOW.windowEndMs - 30 * DAY_MS + 1), options)).toEqual([])
  })

  it('says nothing of an order collected, cancelled or already past its window', () => {
    const dueAt = NOW - 27 * DAY_MS
    expect(duePickupReminder(order(dueAt, 'pickedUp'), options)).toEqual([])
    expect(duePickupReminder(order(dueAt, 'cancelled'), options)).toEqual([])
    expect(duePickupReminder(order(NOW - 30 * DAY_MS), options)).toEqual([])
  })

  it('names the last day the order can be collected: the day its window ends on', () => {
    // Created at 00:00 on 1 Dec in Shanghai, it can be collected until the end of 30 Dec.
    const [due] = duePickupReminder(order(Date.UTC(2026, 10, 30, 16)), options)
    expect(due?.message.data.date4).toEqual({ value: '2026年12月30日' })
  })
})
