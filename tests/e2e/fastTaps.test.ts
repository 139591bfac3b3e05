/**
 * Five fast taps on a button that writes send one request, in Chromium against the local cloud. The
 * taps land in one task, before the page can re-render a disabled button, so only the stores'
 * `submitOnce` can hold the line (check-in has its own test, with its toasts, in checkInTaps).
 */
import type { Page } from 'playwright-core'
import { type LocalStack, startLocalStack } from './support/localStack'

jest.setTimeout(120_000)

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

describe('five fast taps on a button that writes, in the H5 app', () => {
  let stack: LocalStack

  beforeAll(async () => {
    stack = await startLocalStack()
  })

  afterAll(() => stack?.stop())

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
})
