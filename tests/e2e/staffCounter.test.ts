import path from 'node:path'
import type { Page } from 'playwright-core'
import { ARTIFACTS_DIR, type LocalStack, startLocalStack } from './support/localStack'

jest.setTimeout(120_000)

/** What a member code or coupon code shows: the signed token its QR code carries. */
async function tokenOf(page: Page, selector: string): Promise<string> {
  const qr = page.locator(selector)
  await qr.waitFor()
  const token = await qr.getAttribute('data-token')
  if (token === null) throw new Error(`${selector} carries no token`)
  return token
}

/** Pastes a code into the counter's scan field (H5 has no camera) and submits it. */
async function pasteCode(page: Page, prefix: string, token: string): Promise<void> {
  await page.locator(`#${prefix}-input input`).fill(token)
  await page.locator(`#${prefix}-submit`).click()
}

describe('a purchase and a coupon at the counter', () => {
  let stack: LocalStack

  beforeAll(async () => {
    stack = await startLocalStack()
  })

  afterAll(() => stack?.stop())

  it('records 88.00 yuan from the member code, and verifies the member’s coupon exactly once', async () => {
    const memberPhone = await stack.newPhone('customerA')
    const staffPhone = await stack.newPhone('staff')
    const member = await memberPhone.newPage()
    const staff = await staffPhone.newPage()

    // The member joins and shows the member code.
    await stack.joinFromStoreQr(member)
    const memberToken = await tokenOf(member, '#member-code-qr')
    expect(memberToken).toMatch(/^M1\./)

    // The cashier pastes it at the counter and records 88.00 yuan.
    await staff.goto(`${stack.url}/#/staff/pages/counter/index`)
    await staff.locator('#counter-staff').getByText('小林').waitFor()
    await pasteCode(staff, 'counter-code', memberToken)
    await staff.locator('#member-name').waitFor()
    await expect(staff.locator('#member-balance').textContent()).resolves.toBe('可用积分 50')
    for (const key of ['8', '8', 'dot', '0', '0']) await staff.locator(`#keypad-${key}`).click()
    await expect(staff.locator('#purchase-amount').textContent()).resolves.toBe('88.00')
    const previewPoints = staff.locator('#purchase-preview-points')
    await previewPoints.waitFor()
    const previewText = (await previewPoints.textContent()) ?? ''
    const points = Number(/预计获得 (\d+) 积分/.exec(previewText)?.[1])
    expect(points).toBeGreaterThan(0)
    await staff.screenshot({ path: path.join(ARTIFACTS_DIR, 'staff-keypad.png') })
    await staff.locator('#purchase-submit').click()
    await staff.locator('.taro-model__confirm').click()
    const result = staff.locator('#purchase-result')
    await result.waitFor()
    await expect(result.textContent()).resolves.toContain(
      `已记录消费 ¥88.00获得 ${points} 积分，积分 50 → ${50 + points}`,
    )
    await staff
      .locator('#member-balance')
      .getByText(`可用积分 ${50 + points}`)
      .waitFor()
    await staff.screenshot({ path: path.join(ARTIFACTS_DIR, 'staff-purchase.png') })

    // The member's card and history show it.
    await member.goto(`${stack.url}/#/pages/card/index`)
    await member.reload()
    await member
      .locator('#card-balance')
      .getByText(String(50 + points))
      .waitFor()
    await member.goto(`${stack.url}/#/pages/history/index`)
    const entries = member.locator('#history-list .history-entry__title')
    await entries.first().waitFor()
    await expect(entries.first().textContent()).resolves.toBe('消费积分')

    // The member claims a coupon and shows its code.
    await member.goto(`${stack.url}/#/pages/couponCentre/index`)
    await member.locator('#claim-five-off-thirty').click()
    await member.goto(`${stack.url}/#/pages/wallet/index`)
    const ticket = member.locator('.coupon-ticket').filter({ hasText: '满 30 减 5' })
    await ticket.first().waitFor()
    await ticket.first().click()
    const couponToken = await tokenOf(member, '#coupon-code-qr')
    expect(couponToken).toMatch(/^C1\./)

    // The cashier verifies it at the counter; a second verification is refused, saying who, when and where.
    await staff.goto(`${stack.url}/#/staff/pages/counter/index`)
    await staff.locator('#counter-staff').waitFor()
    await pasteCode(staff, 'counter-code', couponToken)
    await staff.locator('#verify-result-title').getByText('核销成功').waitFor()
    await pasteCode(staff, 'counter-code', couponToken)
    await staff.locator('#verify-result-title').getByText('该券已核销，不能重复使用').waitFor()
    await expect(staff.locator('#verify-result').textContent()).resolves.toMatch(
      /已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 由 小林 在 .+核销/,
    )
    await staff.locator('#today-list').getByText('核销优惠券').waitFor()
    await staff.screenshot({ path: path.join(ARTIFACTS_DIR, 'staff-counter.png') })

    const { data: members } = await stack.db.collection('members').where({ openid: 'o-demo-customer-a' }).get()
    expect(members[0]).toMatchObject({ points: { balance: 50 + points } })
    const { data: coupons } = await stack.db.collection('coupons').where({ memberId: members[0]._id }).get()
    expect(coupons).toHaveLength(1)
    expect(coupons[0].usedAtMs).toEqual(expect.any(Number))
    await memberPhone.close()
    await staffPhone.close()
  })

  it('finds the member from the barcode’s digits, typed when a scanner fails, and records with its session', async () => {
    const memberPhone = await stack.newPhone('customerB')
    const staffPhone = await stack.newPhone('staff')
    const member = await memberPhone.newPage()
    const staff = await staffPhone.newPage()
    await stack.joinFromStoreQr(member)
    const barcode = member.locator('#member-code-barcode')
    await barcode.waitFor()
    const digits = (await barcode.getAttribute('data-value')) ?? ''
    expect(digits).toMatch(/^88\d{16}$/)
    const shown = (await member.locator('#member-code-digits').textContent()) ?? ''
    expect(shown.replaceAll(' ', '')).toBe(digits)
    await member.screenshot({ path: path.join(ARTIFACTS_DIR, 'member-code-digits.png') })

    await staff.goto(`${stack.url}/#/staff/pages/counter/index`)
    await staff.locator('#counter-staff').getByText('小林').waitFor()
    await pasteCode(staff, 'counter-code', shown)
    await staff.locator('#member-name').waitFor()
    await expect(staff.locator('#member-balance').textContent()).resolves.toBe('可用积分 50')
    for (const key of ['2', '0']) await staff.locator(`#keypad-${key}`).click()
    await staff.locator('#purchase-preview-points').waitFor()
    await staff.locator('#purchase-submit').click()
    await staff.locator('.taro-model__confirm').click()
    await staff.locator('#purchase-result').waitFor()
    await expect(staff.locator('#purchase-result').textContent()).resolves.toContain('已记录消费 ¥20.00')
    await memberPhone.close()
    await staffPhone.close()
  })
})
