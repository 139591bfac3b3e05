import path from 'node:path'
import jsQR from 'jsqr'
import type { Page } from 'playwright-core'
import { PNG } from 'pngjs'
import { ARTIFACTS_DIR, type LocalStack, startLocalStack } from './support/localStack'

jest.setTimeout(90_000)

/** Reads the QR code an element shows, from a screenshot, as a phone camera would. */
async function decodeQrOf(page: Page, selector: string): Promise<string | null> {
  const image = PNG.sync.read(await page.locator(selector).screenshot())
  // A white frame around the code, like the quiet zone a scanner expects.
  const framed = new PNG({ width: image.width + 40, height: image.height + 40 })
  framed.data.fill(255)
  PNG.bitblt(image, framed, 0, 0, image.width, image.height, 20, 20)
  return jsQR(new Uint8ClampedArray(framed.data), framed.width, framed.height)?.data ?? null
}

describe('a new customer in the H5 app', () => {
  let stack: LocalStack

  beforeAll(async () => {
    stack = await startLocalStack()
  })

  afterAll(() => stack?.stop())

  it('joins from the store QR link, sees a live member code, checks in and finds the points in the history', async () => {
    const context = await stack.newPhone('customerB')
    const page = await context.newPage()
    await page.goto(`${stack.url}/#/pages/join/index?scene=store-1`)
    await page.locator('#join-button').click()

    const balance = page.locator('#card-balance')
    await balance.getByText('50').waitFor()
    const qr = page.locator('#member-code-qr')
    await qr.waitFor()
    const token = await qr.getAttribute('data-token')
    expect(token).toMatch(/^M1\./)
    await expect(decodeQrOf(page, '#member-code-qr')).resolves.toBe(token)
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'member-card.png') })

    await page.locator('#link-checkin').click()
    await page.locator('#checkin-button').click()
    await page.locator('#checkin-result').getByText('5 积分', { exact: false }).waitFor()
    await page.locator('#checkin-button').getByText('今日已签到').waitFor()

    await page.goto(`${stack.url}/#/pages/history/index`)
    const entries = page.locator('#history-list .history-entry__title')
    await entries.first().waitFor()
    await expect(entries.allTextContents()).resolves.toEqual(['每日签到', '入会礼'])

    const { data: members } = await stack.db.collection('members').where({ openid: 'o-demo-customer-b' }).get()
    expect(members).toHaveLength(1)
    expect(members[0]).toMatchObject({ joinedStoreId: 'store-1', points: { balance: 55 } })
    await context.close()
  })
})
