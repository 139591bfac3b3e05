/**
 * The `expiryReminders` job through the real SDK and the emulator's outbox (which refuses values
 * longer than WeChat allows): one message per points lot or coupon expiring within the programme's
 * reminder days, however many daily runs see it; none without an opt-in (recorded as not
 * subscribed); one opt-in spent per message; nothing twice when run again or twice at once; a dry
 * run writes nothing.
 */
import type { JobOutcome } from '@shared/contracts'
import { memberIdOf } from '../../../cloudfunctions/common/memberId'
import { DEVELOPMENT_TEMPLATE_IDS } from '../../../emulator/developmentSecrets'
import { seedMembers } from '../mall/seededMembers'
import { ADMIN, insertCoupon, insertOrder } from '../staff/staffFixtures'
import { dataOf } from '../support/answers'
import { useFunctionHarness } from '../support/functionHarness'
import { memberWithHistory } from './walletHistories'

jest.setTimeout(90_000)

const DAY_MS = 86_400_000
/** 2027-01-01 00:00 in Shanghai: the lots below expire then (last usable day 2026-12-31). */
const EXPIRY = Date.UTC(2026, 11, 31, 16)
const EARNED = Date.UTC(2025, 11, 1)
/** Three days before, at 10:00 in Shanghai: within the demo programme's 7 reminder days. */
const THREE_DAYS_BEFORE = EXPIRY - 3 * DAY_MS + 10 * 3_600_000
const POINTS_TEMPLATE = DEVELOPMENT_TEMPLATE_IDS.SUBSCRIBE_TEMPLATE_POINTS_EXPIRY
const COUPON_TEMPLATE = DEVELOPMENT_TEMPLATE_IDS.SUBSCRIBE_TEMPLATE_COUPON_EXPIRY
const PICKUP_TEMPLATE = DEVELOPMENT_TEMPLATE_IDS.SUBSCRIBE_TEMPLATE_PICKUP_REMINDER

interface Sent {
  touser: string
  templateId: string
  page: string
  data: Record<string, { value: string }>
}

describe('jobs.expiryReminders', () => {
  const harness = useFunctionHarness()

  const runAt = async (atMs: number, dryRun = false): Promise<JobOutcome> =>
    dataOf(await harness.call('jobs', 'run', { job: 'expiryReminders', dryRun }, { as: ADMIN, atMs }))

  const optIn = (openid: string, requestId: string, templateId: string = POINTS_TEMPLATE) =>
    harness.call(
      'member',
      'recordSubscriptions',
      { requestId, answers: { [templateId]: 'accept' } },
      { as: openid, atMs: THREE_DAYS_BEFORE - DAY_MS },
    )

  const seedExpiring = (prefix: string, count: number) =>
    seedMembers(harness, { prefix, count, points: 30, expiresAtMs: EXPIRY, atMs: EARNED })

  async function outboxOf(openid: string): Promise<Sent[]> {
    const { data } = await harness.db.collection('outbox').where({ touser: openid }).get()
    return data as Sent[]
  }

  async function optInsLeft(openid: string, templateKey = 'pointsExpiry'): Promise<number | null> {
    const { data } = await harness.db
      .collection('subscriptions')
      .doc(`${memberIdOf(openid)}:${templateKey}`)
      .get()
    return data === null ? null : (data as { count: number }).count
  }

  it('reminds of a lot once over the daily runs of its window, spending one opt-in', async () => {
    const [member] = await seedExpiring('o-remind-once', 1)
    const openid = member?.openid ?? ''
    await optIn(openid, 'opt-in-0001')
    await optIn(openid, 'opt-in-0002')
    // Eight days before: outside the window, nothing is due.
    await expect(runAt(EXPIRY - 8 * DAY_MS)).resolves.toMatchObject({ summary: { scanned: 0, effects: 0 } })
    await expect(runAt(THREE_DAYS_BEFORE)).resolves.toMatchObject({
      outcome: 'finished',
      summary: { scanned: 1, affected: 1, effects: 1, points: 30, skipped: 0 },
    })
    await expect(runAt(THREE_DAYS_BEFORE + DAY_MS)).resolves.toMatchObject({ summary: { scanned: 1, effects: 0 } })
    await expect(runAt(THREE_DAYS_BEFORE + 2 * DAY_MS)).resolves.toMatchObject({ summary: { effects: 0 } })
    const sent = await outboxOf(openid)
    expect(sent).toEqual([
      expect.objectContaining({
        templateId: POINTS_TEMPLATE,
        page: 'pages/mall/index',
        data: {
          thing1: { value: '小满咖啡' },
          number2: { value: '30' },
          date3: { value: '2026年12月31日' },
          thing4: { value: '积分即将到期，去积分商城兑换吧' },
        },
      }),
    ])
    await expect(optInsLeft(openid)).resolves.toBe(1)
  })

  it('sends nothing without an opt-in and records the member as not subscribed; a later opt-in is used', async () => {
    const [member] = await seedExpiring('o-remind-declined', 1)
    const openid = member?.openid ?? ''
    await expect(runAt(THREE_DAYS_BEFORE)).resolves.toMatchObject({ summary: { scanned: 1, effects: 0, skipped: 1 } })
    await expect(outboxOf(openid)).resolves.toEqual([])
    const record = await harness.db.collection('reminders').doc(`points:${member?.memberId}:${EXPIRY}`).get()
    expect(record.data).toMatchObject({ status: 'notSubscribed', templateKey: 'pointsExpiry' })
    // Still not subscribed the next day: skipped again, nothing more written.
    await expect(runAt(THREE_DAYS_BEFORE + DAY_MS)).resolves.toMatchObject({ summary: { effects: 0, skipped: 1 } })
    await expect(harness.db.collection('reminders').count()).resolves.toMatchObject({ total: 1 })
    await optIn(openid, 'opt-in-late')
    await expect(runAt(THREE_DAYS_BEFORE + 2 * DAY_MS)).resolves.toMatchObject({ summary: { effects: 1, skipped: 0 } })
    await expect(outboxOf(openid)).resolves.toHaveLength(1)
    await expect(optInsLeft(openid)).resolves.toBe(0)
  })

  it('spends one opt-in per message: two lots and one opt-in remind of the sooner lot only', async () => {
    const openid = 'o-remind-two-lots-0'
    await memberWithHistory(harness, 'o-remind-two-lots', [
      { earn: 10, expiresAtMs: EXPIRY + 2 * DAY_MS, atMs: EARNED },
      { earn: 20, expiresAtMs: EXPIRY, atMs: EARNED },
    ])
    await optIn(openid, 'opt-in-two-lots')
    await expect(runAt(THREE_DAYS_BEFORE)).resolves.toMatchObject({
      summary: { affected: 1, effects: 1, points: 20, skipped: 1 },
    })
    const [sent] = await outboxOf(openid)
    expect(sent?.data.number2).toEqual({ value: '20' })
    await expect(optInsLeft(openid)).resolves.toBe(0)
  })

  it('reminds of a coupon once, its long title cut to fit, and not of a used one', async () => {
    const [member] = await seedMembers(harness, { prefix: 'o-remind-coupon', count: 1, points: 10, atMs: EARNED })
    const { memberId = '', openid = '' } = member ?? {}
    await insertCoupon(harness, { id: 'coupon-expiring', memberId, validUntilMs: EXPIRY })
    await insertCoupon(harness, { id: 'coupon-used', memberId, validUntilMs: EXPIRY })
    await harness.db
      .collection('coupons')
      .doc('coupon-used')
      .update({ data: { usedAtMs: EARNED } })
    await harness.db
      .collection('coupons')
      .doc('coupon-expiring')
      .update({ data: { title: '满30减5元：全场手工饮品通用券☕️（周末可用）🎉' } })
    await optIn(openid, 'opt-in-coupon-1', COUPON_TEMPLATE)
    await optIn(openid, 'opt-in-coupon-2', COUPON_TEMPLATE)
    await expect(runAt(THREE_DAYS_BEFORE)).resolves.toMatchObject({ summary: { effects: 1, skipped: 0 } })
    await expect(runAt(THREE_DAYS_BEFORE + DAY_MS)).resolves.toMatchObject({ summary: { effects: 0 } })
    const sent = await outboxOf(openid)
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({
      templateId: COUPON_TEMPLATE,
      page: 'pages/wallet/index',
      data: { thing1: { value: '满30减5元：全场手工饮品通用券☕️（…' }, date2: { value: '2026年12月31日' } },
    })
    expect([...(sent[0]?.data.thing1?.value ?? '')]).toHaveLength(20)
    await expect(optInsLeft(openid, 'couponExpiry')).resolves.toBe(1)
  })

  it('reminds of a pickup order once before its window ends, not of one collected or far from it', async () => {
    const [member] = await seedMembers(harness, { prefix: 'o-remind-pickup', count: 1, points: 10, atMs: EARNED })
    const { memberId = '', openid = '' } = member ?? {}
    // The demo's window is 30 days: created 27 days before the run, it ends 3 days after it.
    const dueCreatedAtMs = THREE_DAYS_BEFORE - 27 * DAY_MS
    const place = async (id: string, pickupCode: string, createdAtMs: number, status?: string) => {
      await insertOrder(harness, { id, memberId, pickupCode, ...(status ? { status } : {}) })
      await harness.db.collection('orders').doc(id).update({ data: { createdAtMs } })
    }
    await place('order-due', '31000001', dueCreatedAtMs)
    await place('order-collected', '31000002', dueCreatedAtMs, 'pickedUp')
    await place('order-fresh', '31000003', THREE_DAYS_BEFORE - DAY_MS)
    await optIn(openid, 'opt-in-pickup-1', PICKUP_TEMPLATE)
    await optIn(openid, 'opt-in-pickup-2', PICKUP_TEMPLATE)
    await expect(runAt(THREE_DAYS_BEFORE)).resolves.toMatchObject({ summary: { effects: 1, skipped: 0 } })
    await expect(runAt(THREE_DAYS_BEFORE + DAY_MS)).resolves.toMatchObject({ summary: { effects: 0 } })
    const sent = await outboxOf(openid)
    expect(sent).toEqual([
      expect.objectContaining({
        templateId: PICKUP_TEMPLATE,
        page: 'pages/orders/index',
        data: {
          thing1: { value: '帆布袋' },
          character_string2: { value: '31000001' },
          thing3: { value: '小满咖啡' },
          // Created at 10:00 on 2 Dec (Shanghai), the order can be collected until 10:00 on 1 Jan.
          date4: { value: '2027年01月01日' },
        },
      }),
    ])
    await expect(optInsLeft(openid, 'pickupReminder')).resolves.toBe(1)
  })

  it('sends nothing twice when the run starts over after its messages went out', async () => {
    const members = await seedExpiring('o-remind-again', 3)
    for (const { openid } of members) await optIn(openid, `opt-in-${openid}`)
    await runAt(THREE_DAYS_BEFORE)
    await expect(runAt(THREE_DAYS_BEFORE + 60_000)).resolves.toMatchObject({ outcome: 'alreadyDone' })
    // As if the invocation died after its last send but before saving: running, no cursor, lease lapsed.
    await harness.db
      .collection('job_runs')
      .doc(`expiryReminders:${new Date(THREE_DAYS_BEFORE + 8 * 3_600_000).toISOString().slice(0, 10)}`)
      .update({ data: { status: 'running', cursor: null, leaseUntilMs: 0, finishedAtMs: null } })
    await expect(runAt(THREE_DAYS_BEFORE + 2 * 60_000)).resolves.toMatchObject({
      outcome: 'finished',
      summary: { effects: 3 },
    })
    await expect(harness.db.collection('outbox').count()).resolves.toMatchObject({ total: 3 })
    for (const { openid } of members) await expect(optInsLeft(openid)).resolves.toBe(0)
  })

  it('never sends again a message whose send may have happened (a claim left by a dead invocation)', async () => {
    const [member] = await seedExpiring('o-remind-claimed', 1)
    const { memberId = '', openid = '' } = member ?? {}
    await optIn(openid, 'opt-in-claimed')
    // What an invocation that died between its claim and WeChat's answer leaves: the record `sending`.
    await harness.db.collection('reminders').add({
      data: {
        _id: `points:${memberId}:${EXPIRY}`,
        memberId,
        templateKey: 'pointsExpiry',
        status: 'sending',
        updatedAtMs: THREE_DAYS_BEFORE - DAY_MS,
        errCode: null,
      },
    })
    await expect(runAt(THREE_DAYS_BEFORE)).resolves.toMatchObject({ summary: { scanned: 1, effects: 0, skipped: 0 } })
    await expect(outboxOf(openid)).resolves.toEqual([])
    await expect(optInsLeft(openid)).resolves.toBe(1)
  })

  it('gives the opt-in back and tries again later when WeChat refuses the message', async () => {
    const [member] = await seedExpiring('o-remind-refused', 1)
    const { memberId = '' } = member ?? {}
    // WeChat refuses a message without a recipient (40003): a member record without an openid.
    await harness.db
      .collection('members')
      .doc(memberId)
      .update({ data: { openid: '' } })
    await harness.db.collection('subscriptions').add({
      data: {
        _id: `${memberId}:pointsExpiry`,
        memberId,
        templateKey: 'pointsExpiry',
        count: 1,
        requestIds: ['opt-in-refused'],
        updatedAtMs: THREE_DAYS_BEFORE - DAY_MS,
      },
    })
    await expect(runAt(THREE_DAYS_BEFORE)).resolves.toMatchObject({ summary: { effects: 0 } })
    const record = await harness.db.collection('reminders').doc(`points:${memberId}:${EXPIRY}`).get()
    expect(record.data).toMatchObject({ status: 'failed', errCode: 40003 })
    await expect(harness.db.collection('subscriptions').doc(`${memberId}:pointsExpiry`).get()).resolves.toMatchObject({
      data: { count: 1 },
    })
    await expect(harness.db.collection('outbox').count()).resolves.toMatchObject({ total: 0 })
    // Once WeChat can deliver it, the next day's run sends the refused reminder with the opt-in given back.
    await harness.db
      .collection('members')
      .doc(memberId)
      .update({ data: { openid: member?.openid } })
    await expect(runAt(THREE_DAYS_BEFORE + DAY_MS)).resolves.toMatchObject({ summary: { effects: 1 } })
    await expect(outboxOf(member?.openid ?? '')).resolves.toHaveLength(1)
    await expect(optInsLeft(member?.openid ?? '')).resolves.toBe(0)
  })

  it('lets one of four runs fired at once send; the others send nothing', async () => {
    const members = await seedExpiring('o-remind-overlap', 12)
    for (const { openid } of members) await optIn(openid, `opt-in-${openid}`)
    await harness.warm('jobs')
    const outcomes = await Promise.all(Array.from({ length: 4 }, () => runAt(THREE_DAYS_BEFORE)))
    expect(outcomes.filter((outcome) => outcome.outcome === 'finished')).toHaveLength(1)
    for (const outcome of outcomes.filter((o) => o.outcome !== 'finished')) {
      expect(['leased', 'alreadyDone']).toContain(outcome.outcome)
      expect(outcome.summary.effects).toBe(0)
    }
    for (const { openid } of members) await expect(outboxOf(openid)).resolves.toHaveLength(1)
  })

  it('counts in a dry run what it would send, and writes nothing', async () => {
    const members = await seedExpiring('o-remind-dry', 3)
    await optIn(members[0]?.openid ?? '', 'opt-in-dry')
    await expect(runAt(THREE_DAYS_BEFORE, true)).resolves.toMatchObject({
      dryRun: true,
      outcome: 'finished',
      summary: { scanned: 3, affected: 1, effects: 1, points: 30, skipped: 2 },
    })
    await expect(harness.db.collection('outbox').count()).resolves.toMatchObject({ total: 0 })
    await expect(harness.db.collection('reminders').count()).resolves.toMatchObject({ total: 0 })
    await expect(harness.db.collection('job_runs').count()).resolves.toMatchObject({ total: 0 })
    await expect(optInsLeft(members[0]?.openid ?? '')).resolves.toBe(1)
  })
})
