/**
 * Issue 11's "done when", in Chromium with a phone per person: the admin publishes a double-points
 * campaign for today, a clerk records a purchase and the member's card and history show the doubled
 * points with the campaign named; the admin uploads a picture and creates an item, which the member
 * sees and redeems; the admin issues a coupon to the member, which is then in the wallet.
 */
import path from 'node:path'
import type { Page } from 'playwright-core'
import { PNG } from 'pngjs'
import { ARTIFACTS_DIR, type LocalStack, startLocalStack } from './support/localStack'

jest.setTimeout(180_000)

const CAMPAIGN = '店庆双倍积分'
const ITEM_ID = 'e2e-tote'
const DAY_MS = 86_400_000

/** A day in the programme's time zone, YYYY-MM-DD. */
function shanghaiDay(atMs: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(atMs))
}

/** A small orange square, as a photo of the item would be. */
function pictureBytes(): Buffer {
  const png = new PNG({ width: 48, height: 48 })
  for (let offset = 0; offset < png.data.length; offset += 4) png.data.set([230, 120, 40, 255], offset)
  return PNG.sync.write(png)
}

async function openAdminSection(page: Page, url: string, section: string): Promise<void> {
  await page.goto(`${url}/#/pages/profile/index`)
  await page.locator('#profile-link-admin').click()
  await page.locator(`#admin-section-${section}`).click()
}

async function fill(page: Page, id: string, value: string): Promise<void> {
  await page.locator(`#${id} input`).fill(value)
}

describe('the admin console, end to end', () => {
  let stack: LocalStack

  beforeAll(async () => {
    stack = await startLocalStack()
  })

  afterAll(() => stack?.stop())

  /** The admin replaces the weekly campaign (it would tie on a Wednesday) with one that runs from yesterday to tomorrow. */
  async function publishCampaignForToday(admin: Page): Promise<void> {
    await openAdminSection(admin, stack.url, 'programme')
    await admin.locator('#programme-campaign-0').waitFor()
    await admin.locator('#programme-campaign-0-remove').click()
    await admin.locator('#programme-campaign-add').click()
    const field = (name: string) => `programme-earning-campaigns-1-${name}`
    await fill(admin, field('name'), CAMPAIGN)
    await admin.locator(`#${field('rule')}-dateRange`).click()
    await fill(admin, field('rule-fromDay'), shanghaiDay(Date.now() - DAY_MS))
    await fill(admin, field('rule-toDay'), shanghaiDay(Date.now() + DAY_MS))
    await admin.locator('#programme-note input').fill('店庆：今天双倍积分')
    await admin.locator('#programme-publish-submit').click()
    await admin.locator('#programme-notice').getByText('各门店将在 1 分钟内生效', { exact: false }).waitFor()
    await admin.screenshot({ path: path.join(ARTIFACTS_DIR, 'admin-programme-published.png') })
  }

  /** The clerk records 88 yuan from the member's code; answers the points the counter said it earned. */
  async function recordPurchase(staff: Page, memberToken: string): Promise<number> {
    await staff.goto(`${stack.url}/#/staff/pages/counter/index`)
    await staff.locator('#counter-staff').getByText('小林').waitFor()
    await staff.locator('#counter-code-input input').fill(memberToken)
    await staff.locator('#counter-code-submit').click()
    await staff.locator('#member-name').waitFor()
    for (const key of ['8', '8']) await staff.locator(`#keypad-${key}`).click()
    await staff.locator('#purchase-preview-points').waitFor()
    await staff.locator('.panel-preview__lines').getByText(`${CAMPAIGN} 2 倍 +88`, { exact: false }).waitFor()
    await staff.locator('#purchase-submit').click()
    await staff.locator('.taro-model__confirm').click()
    const result = staff.locator('#purchase-result')
    await result.waitFor()
    const points = Number(/获得 (\d+) 积分/.exec((await result.textContent()) ?? '')?.[1])
    await staff.screenshot({ path: path.join(ARTIFACTS_DIR, 'admin-console-doubled-purchase.png') })
    return points
  }

  async function createItemWithPicture(admin: Page): Promise<void> {
    await openAdminSection(admin, stack.url, 'items')
    await admin.locator('#admin-item-create').click()
    await fill(admin, 'item-form-id', ITEM_ID)
    await fill(admin, 'item-form-title', '店庆帆布袋')
    await fill(admin, 'item-form-description', '店庆限定，到店领取')
    await admin.locator('#item-form-kind-pickup').click()
    await fill(admin, 'item-form-pointsPrice', '100')
    await fill(admin, 'item-form-initialStock', '10')
    const chooser = admin.waitForEvent('filechooser')
    await admin.locator('#item-form-image-choose').click()
    await (await chooser).setFiles({ name: 'tote.png', mimeType: 'image/png', buffer: pictureBytes() })
    await admin.locator('#item-form-image-preview img').waitFor()
    await admin.locator('#item-save').click()
    // Created, the form becomes the item's own page, with its stock.
    await admin.locator('#item-stock-figures').getByText('库存 10', { exact: false }).waitFor()
    await admin.screenshot({ path: path.join(ARTIFACTS_DIR, 'admin-item-created.png') })
  }

  async function issueCoupon(admin: Page, memberId: string): Promise<void> {
    await openAdminSection(admin, stack.url, 'coupons')
    await admin.locator('#admin-template-issue').click()
    await admin.locator('#issue-template-free-americano').click()
    await admin.locator('#issue-members textarea').fill(memberId)
    await admin.locator('#issue-submit').click()
    await admin.locator('#issue-result-count').getByText('1', { exact: false }).waitFor()
  }

  it('runs a double-points day, a new item with its picture and a coupon issued by hand, as the member sees them', async () => {
    const [adminPhone, staffPhone, memberPhone] = await Promise.all([
      stack.newPhone('admin'),
      stack.newPhone('staff'),
      stack.newPhone('customerA'),
    ])
    const [admin, staff, member] = await Promise.all([
      adminPhone.newPage(),
      staffPhone.newPage(),
      memberPhone.newPage(),
    ])
    await stack.joinFromStoreQr(member)
    const memberToken = (await member.locator('#member-code-qr').getAttribute('data-token')) ?? ''
    const { data: members } = await stack.db.collection('members').where({ openid: 'o-demo-customer-a' }).get()
    const memberId = members[0]._id as string

    await publishCampaignForToday(admin)
    const points = await recordPurchase(staff, memberToken)
    // The regular tier earns 1 point per yuan; the campaign doubles it.
    expect(points).toBe(176)

    await member.goto(`${stack.url}/#/pages/card/index`)
    await member.reload()
    await member
      .locator('#card-balance')
      .getByText(String(50 + points))
      .waitFor()
    await member.goto(`${stack.url}/#/pages/history/index`)
    const newest = member.locator('#history-list .history-entry').first()
    await newest.locator('.history-entry__title').getByText('消费积分').waitFor()
    await expect(newest.locator('.history-entry__amount').textContent()).resolves.toBe(`+${points}`)
    await expect(newest.locator('.history-entry__lines').textContent()).resolves.toBe(
      `基础积分 88 · ${CAMPAIGN} 2 倍 +88`,
    )
    await member.screenshot({ path: path.join(ARTIFACTS_DIR, 'member-history-campaign.png') })

    await createItemWithPicture(admin)
    await member.goto(`${stack.url}/#/pages/mall/index`)
    const card = member.locator(`#mall-item-${ITEM_ID}`)
    await card.getByText('可兑换').waitFor()
    const picture = card.locator('img')
    await expect(picture.getAttribute('src')).resolves.toContain('/api/storage/file?fileID=cloud')
    // The picture the admin uploaded, loaded from the storage emulator, not a placeholder.
    const loadedWidth = picture.evaluate(
      (image: HTMLImageElement) =>
        new Promise<number>((resolve) => {
          if (image.complete) resolve(image.naturalWidth)
          else image.addEventListener('load', () => resolve(image.naturalWidth))
        }),
    )
    await expect(loadedWidth).resolves.toBe(48)
    await member.screenshot({ path: path.join(ARTIFACTS_DIR, 'member-mall-new-item.png') })
    await card.click()
    await member.locator('#redeem-button').getByText('100 积分兑换').waitFor()
    await member.locator('#redeem-button').click()
    await member.locator('.taro-model__confirm').click()
    await member.locator('#redeem-pickup-code').waitFor()
    const { data: item } = await stack.db.collection('mall_items').doc(ITEM_ID).get()
    expect(item).toMatchObject({ stock: 9, image: expect.stringMatching(/^cloud:\/\//) })

    await issueCoupon(admin, memberId)
    await member.goto(`${stack.url}/#/pages/wallet/index`)
    await member.locator('.coupon-ticket').filter({ hasText: '美式咖啡兑换券' }).first().waitFor()
    await member.screenshot({ path: path.join(ARTIFACTS_DIR, 'member-wallet-issued.png') })
    const { data: after } = await stack.db.collection('members').doc(memberId).get()
    expect(after.points.balance).toBe(50 + points - 100)
    await Promise.all([adminPhone.close(), staffPhone.close(), memberPhone.close()])
  })
})
