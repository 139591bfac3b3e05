import path from 'node:path'
import jsQR from 'jsqr'
import type { Page } from 'playwright-core'
import { PNG } from 'pngjs'
import { ARTIFACTS_DIR, type LocalStack, startLocalStack } from './support/localStack'

jest.setTimeout(90_000)

/** Points the test adds on top of the join gift, as an admin adjustment would. */
const ADJUSTMENT_POINTS = 200

/** Reads the QR code an element shows, from a screenshot, as a phone camera would. */
async function decodeQrOf(page: Page, selector: string): Promise<string | null> {
  const image = PNG.sync.read(await page.locator(selector).screenshot())
  const framed = new PNG({ width: image.width + 40, height: image.height + 40 })
  framed.data.fill(255)
  PNG.bitblt(image, framed, 0, 0, image.width, image.height, 20, 20)
  return jsQR(new Uint8ClampedArray(framed.data), framed.width, framed.height)?.data ?? null
}

describe('a member in the points mall', () => {
  let stack: LocalStack

  beforeAll(async () => {
    stack = await startLocalStack()
  })

  afterAll(() => stack?.stop())

  /** Credits points the way an admin adjustment does: a ledger entry and the member's balance and lot together. */
  async function creditPoints(openid: string, points: number): Promise<number> {
    const { data: members } = await stack.db.collection('members').where({ openid }).get()
    const member = members[0]
    const lot = member.points.lots[0]
    const balance = member.points.balance + points
    await stack.db.collection('ledger').add({
      data: {
        _id: `adjust_${member._id}`,
        memberId: member._id,
        type: 'adjust',
        amount: points,
        balanceAfter: balance,
        lotChanges: [{ expiresAtMs: lot.expiresAtMs, delta: points }],
        shortfall: 0,
        source: 'adjust',
        operatorId: 'o-demo-admin',
        idempotencyKey: `adjust_${member._id}`,
        reason: 'e2e',
        createdAtMs: Date.now(),
      },
    })
    await stack.db
      .collection('members')
      .doc(member._id)
      .update({ data: { points: { balance, lots: [{ expiresAtMs: lot.expiresAtMs, amount: lot.amount + points }] } } })
    return balance
  }

  it('redeems a coupon item for points, finds it in the wallet and opens its counter code', async () => {
    const context = await stack.newPhone('customerA')
    const page = await context.newPage()
    await page.goto(`${stack.url}/#/pages/join/index?scene=store-1`)
    await page.locator('#join-button').click()
    await page.locator('#card-balance').waitFor()
    const balance = await creditPoints('o-demo-customer-a', ADJUSTMENT_POINTS)

    await page.goto(`${stack.url}/#/pages/mall/index`)
    await page.locator('#mall-balance').getByText(String(balance)).waitFor()
    const couponCard = page.locator('#mall-item-item-five-off-coupon')
    await couponCard.getByText('可兑换').waitFor()
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'mall.png') })
    await couponCard.click()

    await page.locator('#redeem-button').getByText('100 积分兑换').waitFor()
    await page.locator('#redeem-button').click()
    await page.locator('.taro-model__confirm').click()
    await page.locator('#redeem-coupon-result').getByText('已放入卡券包', { exact: false }).waitFor()
    await page
      .locator('#item-balance')
      .getByText(`我的积分 ${balance - 100}`)
      .waitFor()

    await page.locator('#redeem-link-wallet').click()
    const ticket = page.locator('.coupon-ticket').filter({ hasText: '满 30 减 5' })
    await ticket.first().waitFor()
    await expect(ticket.count()).resolves.toBe(1)
    await expect(page.locator('#wallet-tab-available').textContent()).resolves.toBe('可使用 (1)')
    await ticket.first().click()

    const qr = page.locator('#coupon-code-qr')
    await qr.waitFor()
    const token = await qr.getAttribute('data-token')
    expect(token).toBeTruthy()
    await expect(decodeQrOf(page, '#coupon-code-qr')).resolves.toBe(token)
    await expect(page.locator('#coupon-validity').textContent()).resolves.toMatch(
      /^有效期至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/,
    )
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'coupon-detail.png') })

    const { data: members } = await stack.db.collection('members').where({ openid: 'o-demo-customer-a' }).get()
    expect(members[0]).toMatchObject({ points: { balance: balance - 100 } })
    const { data: coupons } = await stack.db.collection('coupons').where({ memberId: members[0]._id }).get()
    expect(coupons).toHaveLength(1)
    await context.close()
  })
})
