/**
 * Five fast taps on a button that writes send one request, in Chromium against the local cloud. The
 * taps land in one task, before the page can re-render a disabled button, so only the stores'
 * `submitOnce` can hold the line (check-in has its own test, with its toasts, in checkInTaps).
 */
import type { Member } from '@shared/member'
import { businessDayRuleOf } from '@shared/programme/businessDayRule'
import { parseProgramme } from '@shared/programme/parseProgramme'
import type { Programme } from '@shared/programme/schema'
import { decidePurchase, receiptPurchaseKey, reversalKeyOf } from '@shared/staff'
import { businessDayOf } from '@shared/time/businessDay'
import { addDays, monthKeyOf } from '@shared/time/calendarDay'
import type { Page } from 'playwright-core'
import { demoIdentityFor } from '../../emulator/seed/demoIdentities'
import { type LocalStack, startLocalStack } from './support/localStack'

jest.setTimeout(120_000)

const DAY_MS = 24 * 60 * 60 * 1000

/** Taps `selector` five times in one task. */
async function tapFiveTimes(page: Page, selector: string): Promise<void> {
  await page.locator(selector).evaluate((element: HTMLElement) => {
    for (let tap = 0; tap < 5; tap += 1) element.click()
  })
}

/** The requests of `functionName.action` the page sends from now on. */
function requestsOf(page: Page, functionName: string, action: string): string[] {
  const sent: string[] = []
  page.on('request', (request) => {
    const body = request.postData() ?? ''
    if (request.url().endsWith(`/api/functions/${functionName}`) && body.includes(`"action":"${action}"`)) {
      sent.push(body)
    }
  })
  return sent
}

/**
 * Taps `selector` and then 确认 on the confirmation dialog it opens, five times over in one task.
 * Taro's H5 dialog answers only the last of several dialogs opened at once, so tapping the button
 * five times and then 确认 would let the dialog hold the line; answering each tap's dialog before the
 * next tap leaves five confirmed intents, and only `submitOnce` can turn them into one request.
 */
async function tapAndConfirmFiveTimes(page: Page, selector: string): Promise<void> {
  await page.locator(selector).evaluate((element: HTMLElement) => {
    for (let tap = 0; tap < 5; tap += 1) {
      element.click()
      const confirm = document.querySelector<HTMLElement>('.taro-model__confirm')
      if (confirm === null) throw new Error('the tap opened no confirmation dialog')
      confirm.click()
    }
  })
}

describe('five fast taps on a button that writes, in the H5 app', () => {
  let stack: LocalStack

  beforeAll(async () => {
    stack = await startLocalStack()
  })

  afterAll(() => stack?.stop())

  // biome-ignore lint/suspicious/noExplicitAny: the SDK's documents are untyped.
  async function documents(collection: string, condition: Record<string, unknown>): Promise<any[]> {
    const { data } = await stack.db.collection(collection).where(condition).get()
    return data
  }

  /** The identity's member document, after joining from store 1's QR code on `page` if it has none yet. */
  async function memberFor(page: Page, identityKey: string): Promise<Member> {
    const { openid } = demoIdentityFor(identityKey)
    if ((await documents('members', { openid })).length === 0) await stack.joinFromStoreQr(page)
    const [member] = await documents('members', { openid })
    return member
  }

  async function programme(): Promise<Programme> {
    const parsed = parseProgramme((await stack.db.collection('programme').doc('current').get()).data)
    if (!parsed.ok) throw new Error(parsed.message)
    return parsed.data
  }

  async function memberById(memberId: string): Promise<Member> {
    const { data } = await stack.db.collection('members').doc(memberId).get()
    return data
  }

  /** Credits points the way an admin adjustment does: a ledger entry, and the balance and first lot together. */
  async function creditPoints(memberId: string, points: number): Promise<number> {
    const member = await memberById(memberId)
    const [first, ...rest] = member.points.lots
    if (first === undefined) throw new Error(`${memberId} has no points lot to credit`)
    const balance = member.points.balance + points
    const key = `adjust_${memberId}_${Date.now()}`
    await stack.db.collection('ledger').add({
      data: {
        _id: key,
        memberId,
        type: 'adjust',
        amount: points,
        balanceAfter: balance,
        lotChanges: [{ expiresAtMs: first.expiresAtMs, delta: points }],
        shortfall: 0,
        source: 'adjust',
        operatorId: 'o-demo-admin',
        idempotencyKey: key,
        reason: 'e2e',
        createdAtMs: Date.now(),
      },
    })
    const lots = [{ ...first, amount: first.amount + points }, ...rest]
    await stack.db
      .collection('members')
      .doc(memberId)
      .update({ data: { points: { balance, lots } } })
    return balance
  }

  it('claims one coupon (coupon.claim)', async () => {
    const phone = await stack.newPhone('customerA')
    const page = await phone.newPage()
    await stack.joinFromStoreQr(page)
    await page.goto(`${stack.url}/#/pages/couponCentre/index`)
    await page.locator('#claim-five-off-thirty').waitFor()
    const claims = requestsOf(page, 'coupon', 'claim')
    await tapFiveTimes(page, '#claim-five-off-thirty')
    await page.waitForResponse((response) => response.url().endsWith('/api/functions/coupon'))
    await page.waitForLoadState('networkidle')
    expect(claims).toHaveLength(1)
    const { total } = await stack.db.collection('coupons').where({ templateId: 'five-off-thirty' }).count()
    expect(total).toBe(1)
    await phone.close()
  })

  it('saves a nickname once (member.updateProfile)', async () => {
    const phone = await stack.newPhone('customerB')
    const page = await phone.newPage()
    await stack.joinFromStoreQr(page)
    await page.goto(`${stack.url}/#/pages/profile/index`)
    await page.locator('#profile-nickname input').fill('阿满')
    const saves = requestsOf(page, 'member', 'updateProfile')
    await tapFiveTimes(page, '#profile-nickname-save')
    await page.waitForResponse((response) => response.url().endsWith('/api/functions/member'))
    await page.waitForLoadState('networkidle')
    expect(saves).toHaveLength(1)
    await phone.close()
  })

  it('hands over an order once at the counter (staff.verifyPickup)', async () => {
    const phone = await stack.newPhone('staff')
    const page = await phone.newPage()
    await page.goto(`${stack.url}/#/staff/pages/counter/index`)
    await page.locator('#counter-staff').getByText('小林').waitFor()
    await page.locator('#pickup-code-input input').fill('12345678')
    const pickups = requestsOf(page, 'staff', 'verifyPickup')
    await tapFiveTimes(page, '#pickup-submit')
    await page.waitForResponse((response) => response.url().endsWith('/api/functions/staff'))
    await page.waitForLoadState('networkidle')
    expect(pickups).toHaveLength(1)
    await phone.close()
  })

  // Here the confirmation dialog is a second guard: it answers once however often its button is hit.
  it('records one purchase for five taps on 记录 and five on the confirmation (staff.recordPurchase)', async () => {
    const memberPhone = await stack.newPhone('manager')
    const member = await memberPhone.newPage()
    await stack.joinFromStoreQr(member)
    const qr = member.locator('#member-code-qr')
    await qr.waitFor()
    const token = (await qr.getAttribute('data-token')) ?? ''
    const staffPhone = await stack.newPhone('staff')
    const staff = await staffPhone.newPage()
    await staff.goto(`${stack.url}/#/staff/pages/counter/index`)
    await staff.locator('#counter-staff').getByText('小林').waitFor()
    await staff.locator('#counter-code-input input').fill(token)
    await staff.locator('#counter-code-submit').click()
    await staff.locator('#member-name').waitFor()
    for (const key of ['2', '0']) await staff.locator(`#keypad-${key}`).click()
    await staff.locator('#purchase-preview-points').waitFor()
    const records = requestsOf(staff, 'staff', 'recordPurchase')
    await tapFiveTimes(staff, '#purchase-submit')
    await tapFiveTimes(staff, '.taro-model__confirm')
    await staff.locator('#purchase-result').waitFor()
    await staff.waitForLoadState('networkidle')
    expect(records).toHaveLength(1)
    const { data } = await stack.db.collection('audit').where({ action: 'purchase', amountFen: 2000 }).get()
    expect(data).toHaveLength(1)
    await Promise.all([memberPhone.close(), staffPhone.close()])
  })

  it('makes up a missed day once for five taps on the day, each confirmed (checkin.makeup)', async () => {
    const phone = await stack.newPhone('admin')
    const page = await phone.newPage()
    const member = await memberFor(page, 'admin')
    // Joined three days ago, so that yesterday is a missed day the makeup window still reaches.
    await stack.db
      .collection('members')
      .doc(member._id)
      .update({ data: { joinedAtMs: Date.now() - 3 * DAY_MS } })
    const rules = await programme()
    const today = businessDayOf(Date.now(), businessDayRuleOf(rules))
    const yesterday = addDays(today, -1)
    const { costPoints } = rules.checkIn.makeup
    const balanceBefore = (await memberById(member._id)).points.balance

    await page.goto(`${stack.url}/#/pages/checkin/index`)
    await page.locator('#checkin-month').waitFor()
    if (monthKeyOf(yesterday) !== monthKeyOf(today)) await page.locator('#checkin-prev-month').click()
    const day = `#checkin-day-${yesterday}`
    await page.locator(`${day}.checkin-day--makeup`).waitFor()
    const makeups = requestsOf(page, 'checkin', 'makeup')
    await tapAndConfirmFiveTimes(page, day)
    await page.locator(`${day}.checkin-day--checked`).waitFor()
    await page.waitForLoadState('networkidle')

    expect(makeups).toHaveLength(1)
    const entries = await documents('ledger', { memberId: member._id, source: `makeup:${yesterday}` })
    expect(entries.map((entry) => `${entry.type} ${entry.amount}`).sort()).toEqual([
      expect.stringMatching(/^earn \d+$/),
      `spend -${costPoints}`,
    ])
    const earned = entries.find((entry) => entry.type === 'earn').amount
    const after = await memberById(member._id)
    expect(after.checkIn.makeupsByMonth).toEqual({ [monthKeyOf(today)]: 1 })
    expect(after.points.balance).toBe(balanceBefore - costPoints + earned)
    await phone.close()
  })

  it('redeems one coupon item for five taps on 兑换, each confirmed (mall.redeem)', async () => {
    const phone = await stack.newPhone('customerB')
    const page = await phone.newPage()
    const member = await memberFor(page, 'customerB')
    // Enough for five redemptions of the 100-point item (its limit is five a member): only one may happen.
    const balance = await creditPoints(member._id, 500)
    const couponsBefore = (await documents('coupons', { memberId: member._id })).length
    const spendsBefore = (await documents('ledger', { memberId: member._id, type: 'spend' })).length

    await page.goto(`${stack.url}/#/pages/mallItem/index?id=item-five-off-coupon`)
    await page.locator('#item-balance').getByText(`我的积分 ${balance}`).waitFor()
    await page.locator('#redeem-button').getByText('100 积分兑换').waitFor()
    const redeems = requestsOf(page, 'mall', 'redeem')
    await tapAndConfirmFiveTimes(page, '#redeem-button')
    await page.locator('#redeem-coupon-result').waitFor()
    await page.waitForLoadState('networkidle')

    expect(redeems).toHaveLength(1)
    await expect(documents('coupons', { memberId: member._id })).resolves.toHaveLength(couponsBefore + 1)
    await expect(documents('ledger', { memberId: member._id, type: 'spend' })).resolves.toHaveLength(spendsBefore + 1)
    await expect(memberById(member._id)).resolves.toMatchObject({ points: { balance: balance - 100 } })
    await phone.close()
  })

  it('cancels an order once for five taps on 取消订单, each confirmed (mall.cancelOrder)', async () => {
    const phone = await stack.newPhone('customerA')
    const page = await phone.newPage()
    const member = await memberFor(page, 'customerA')
    const balance = await creditPoints(member._id, 300)
    // The order to cancel: the 300-point tote bag, redeemed with one tap.
    await page.goto(`${stack.url}/#/pages/mallItem/index?id=item-tote-bag`)
    await page.locator('#item-balance').getByText(`我的积分 ${balance}`).waitFor()
    await page.locator('#redeem-button').click()
    await page.locator('.taro-model__confirm').click()
    await page.locator('#redeem-pickup-code').waitFor()
    const [order] = await documents('orders', { memberId: member._id, status: 'awaitingPickup' })
    const ledgerBefore = (await documents('ledger', { memberId: member._id })).length

    await page.goto(`${stack.url}/#/pages/orders/index`)
    await page.locator(`#cancel-${order._id}`).waitFor()
    const cancels = requestsOf(page, 'mall', 'cancelOrder')
    await tapAndConfirmFiveTimes(page, `#cancel-${order._id}`)
    await page.locator(`#order-${order._id}.order--closed`).waitFor()
    await page.waitForLoadState('networkidle')

    expect(cancels).toHaveLength(1)
    await expect(page.locator('#orders-notice').textContent()).resolves.toContain('订单已取消，已退回 300 积分')
    const { data: cancelled } = await stack.db.collection('orders').doc(order._id).get()
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelledAtMs: expect.any(Number) })
    const ledger = await documents('ledger', { memberId: member._id })
    expect(ledger).toHaveLength(ledgerBefore + 1)
    expect(ledger.filter((entry) => entry._id === `cancel_${order._id}`)).toHaveLength(1)
    await expect(memberById(member._id)).resolves.toMatchObject({ points: { balance } })
    await phone.close()
  })

  it('verifies a coupon once for five taps on 确定 at the counter (staff.verifyCoupon)', async () => {
    const memberPhone = await stack.newPhone('customerB')
    const memberPage = await memberPhone.newPage()
    const member = await memberFor(memberPage, 'customerB')
    // The coupon: the free Americano, claimed with one tap.
    await memberPage.goto(`${stack.url}/#/pages/couponCentre/index`)
    await memberPage.locator('#claim-free-americano').waitFor()
    const claimed = memberPage.waitForResponse((response) => response.url().endsWith('/api/functions/coupon'))
    await memberPage.locator('#claim-free-americano').click()
    await claimed
    const [coupon] = await documents('coupons', { memberId: member._id, templateId: 'free-americano' })
    await memberPage.goto(`${stack.url}/#/pages/couponDetail/index?id=${coupon._id}`)
    const qr = memberPage.locator('#coupon-code-qr')
    await qr.waitFor()
    const token = (await qr.getAttribute('data-token')) ?? ''
    expect(token).toMatch(/^C1\./)

    const staffPhone = await stack.newPhone('staff')
    const staff = await staffPhone.newPage()
    await staff.goto(`${stack.url}/#/staff/pages/counter/index`)
    await staff.locator('#counter-staff').getByText('小林').waitFor()
    await staff.locator('#counter-code-input input').fill(token)
    const verifications = requestsOf(staff, 'staff', 'verifyCoupon')
    await tapFiveTimes(staff, '#counter-code-submit')
    await staff.locator('#verify-result-title').getByText('核销成功').waitFor()
    await staff.waitForLoadState('networkidle')

    expect(verifications).toHaveLength(1)
    const { data: used } = await stack.db.collection('coupons').doc(coupon._id).get()
    expect(used.usedAtMs).toEqual(expect.any(Number))
    await expect(documents('audit', { action: 'verifyCoupon', subjectId: coupon._id })).resolves.toHaveLength(1)
    await Promise.all([memberPhone.close(), staffPhone.close()])
  })

  it('reverses a purchase once for five taps on 撤销, each confirmed (staff.reversePurchase)', async () => {
    const memberPhone = await stack.newPhone('customerA')
    const member = await memberFor(await memberPhone.newPage(), 'customerA')
    await memberPhone.close()
    // The purchase 小林 recorded at store 1: its member, ledger and audit documents as recordPurchase writes them.
    const nowMs = Date.now()
    const rules = await programme()
    const { data: clerk } = await stack.db.collection('staff').doc(demoIdentityFor('staff').openid).get()
    const receiptNo = `E2E${nowMs}`
    const key = receiptPurchaseKey({ storeId: 'store-1', receiptNo }) ?? ''
    const day = businessDayOf(nowMs, businessDayRuleOf(rules))
    const purchase = decidePurchase(
      { staff: clerk, member: await memberById(member._id), referrer: null },
      {
        programme: rules,
        input: { key, memberId: member._id, amountFen: 3000, receiptNo, requestId: `e2e-${nowMs}` },
        day,
        nowMs,
      },
    )
    if (!purchase.ok) throw new Error(purchase.code)
    const { _id: memberId, ...memberFields } = purchase.data.member
    await stack.db.collection('members').doc(memberId).set({ data: memberFields })
    for (const entry of purchase.data.entries) await stack.db.collection('ledger').add({ data: entry })
    await stack.db.collection('audit').add({ data: purchase.data.audit })
    const points = purchase.data.audit.points
    expect(points).toBeGreaterThan(0)
    const balance = (await memberById(member._id)).points.balance

    const managerPhone = await stack.newPhone('manager')
    const manager = await managerPhone.newPage()
    await manager.goto(`${stack.url}/#/staff/pages/counter/index`)
    await manager.locator('#counter-staff').getByText('王店长').waitFor()
    await manager.locator('#today-scope-store').click()
    await manager.locator(`#today-reverse-${key}`).click()
    await manager.locator('#reverse-reason input').fill('顾客退货')
    const reversals = requestsOf(manager, 'staff', 'reversePurchase')
    await tapAndConfirmFiveTimes(manager, '#reverse-confirm')
    await manager.locator('#reverse-result').getByText(`已撤销，扣回 ${points} 积分`).waitFor()
    await manager.waitForLoadState('networkidle')

    expect(reversals).toHaveLength(1)
    const { data: reversed } = await stack.db.collection('audit').doc(key).get()
    expect(reversed.reversedAtMs).toEqual(expect.any(Number))
    await expect(documents('audit', { action: 'reversePurchase', subjectId: key })).resolves.toHaveLength(1)
    const taken = await documents('ledger', { memberId: member._id, type: 'reverse' })
    expect(taken.map((entry) => entry._id)).toEqual([reversalKeyOf(key)])
    await expect(memberById(member._id)).resolves.toMatchObject({ points: { balance: balance - points } })
    await managerPhone.close()
  })
})
