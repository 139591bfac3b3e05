/**
 * The admin console after the demo's fortnight of activity (played through the functions, folded and
 * snapshotted by the seed's job runs): every tile of 数据看板's 近 30 天 shows what the raw documents
 * recount to, its charts are drawn, and 会员名单 hands a list to 发券. One stack for all: the play takes
 * half a minute.
 */
import path from 'node:path'
import { derivedOf } from '@shared/stats/dashboard'
import { type StatFigures, ZERO_FIGURES } from '@shared/stats/figures'
import type { Page } from 'playwright-core'
import { DASHBOARD_TILES } from '../../miniprogram/admin/utils/dashboardText'
import { chainTotalOf, rawDocumentsOf, recountFigures } from '../support/statsRecount'
import { ARTIFACTS_DIR, type LocalStack, startLocalStack } from './support/localStack'

jest.setTimeout(180_000)

describe('the admin console’s dashboard and member lists after the demo fortnight', () => {
  let stack: LocalStack

  beforeAll(async () => {
    stack = await startLocalStack({ demoActivity: true })
  })

  afterAll(() => stack?.stop())

  async function openDashboard(identity: string): Promise<Page> {
    const page = await (await stack.newPhone(identity)).newPage()
    await page.goto(`${stack.url}/#/pages/profile/index`)
    await page.locator('#profile-link-admin').click()
    await page.locator('#admin-section-dashboard').click()
    await page.locator('#dashboard-range-30').click()
    return page
  }

  async function expectTiles(page: Page, total: StatFigures, tileIds: readonly string[]): Promise<void> {
    const current = { total, derived: derivedOf(total) }
    for (const tile of DASHBOARD_TILES.filter((candidate) => tileIds.includes(candidate.id))) {
      const value = tile.read(current)
      const expected = value === null ? '—' : tile.format(value)
      await expect(page.locator(`#dashboard-tile-${tile.id}-value`).textContent()).resolves.toBe(expected)
    }
  }

  /** Once the chart says it is drawn: its canvas's size, how many pixels are not white and how many in the series brown. */
  async function drawnPixels(page: Page, chartId: string) {
    await page.locator(`#${chartId}[data-drawn="drawn"]`).waitFor()
    return page.locator(`#${chartId} canvas`).evaluate((canvas: HTMLCanvasElement) => {
      const context = canvas.getContext('2d') as CanvasRenderingContext2D
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height)
      let inked = 0
      let brown = 0
      for (let index = 0; index < data.length; index += 4) {
        const [red, green, blue] = [data[index] ?? 0, data[index + 1] ?? 0, data[index + 2] ?? 0]
        if (red < 250 || green < 250 || blue < 250) inked += 1
        // #8b5a2b, give or take antialiasing.
        if (Math.abs(red - 0x8b) < 24 && Math.abs(green - 0x5a) < 24 && Math.abs(blue - 0x2b) < 24) brown += 1
      }
      return { width: canvas.width, height: canvas.height, inked, brown }
    })
  }

  it('shows the seeded fortnight as the raw documents recount it, tile by tile', async () => {
    const total = chainTotalOf(recountFigures(await rawDocumentsOf(stack.db), 0))
    // The play did something of each kind the tiles count.
    for (const figure of ['newMembers', 'checkIns', 'purchases', 'reversals', 'redemptions', 'couponsVerified']) {
      expect(total[figure as keyof typeof total]).toBeGreaterThan(0)
    }
    const admin = await openDashboard('admin')
    await admin
      .locator('#dashboard-range')
      .getByText(/^全部门店 · /)
      .waitFor()
    await expectTiles(
      admin,
      total,
      DASHBOARD_TILES.map((tile) => tile.id),
    )
    // The trend chart under the tiles: drawn by uCharts on the 2d canvas, in the first series' colour.
    const trend = await drawnPixels(admin, 'dashboard-trend-chart')
    expect(trend.width).toBeGreaterThan(0)
    expect(trend.inked).toBeGreaterThan(500)
    expect(trend.brown).toBeGreaterThan(20)
    // The page scrolls inside its shell: the chart is brought into view for the screenshot.
    await admin.locator('#dashboard-trend').scrollIntoViewIfNeeded()
    await admin.screenshot({ path: path.join(ARTIFACTS_DIR, 'admin-dashboard.png'), fullPage: true })

    // The seed's snapshot: the members as the raw documents have them, per tier as a table and a ring.
    const { members } = await rawDocumentsOf(stack.db)
    await expect(admin.locator('#dashboard-snapshot-members-value').textContent()).resolves.toBe(
      members.length.toLocaleString('en'),
    )
    const balances = members.reduce((sum, member) => sum + (member.points as { balance: number }).balance, 0)
    await expect(admin.locator('#dashboard-snapshot-pointsOutstanding-value').textContent()).resolves.toBe(
      balances.toLocaleString('en'),
    )
    for (const tierId of new Set(members.map((member) => member.tierId as string))) {
      const held = members.filter((member) => member.tierId === tierId).length
      await expect(admin.locator(`#dashboard-tiers-${tierId}-count`).textContent()).resolves.toBe(String(held))
    }
    const ring = await drawnPixels(admin, 'dashboard-tier-chart')
    expect(ring.inked).toBeGreaterThan(500)
    await admin.locator('#dashboard-tier-distribution').scrollIntoViewIfNeeded()
    await admin.screenshot({ path: path.join(ARTIFACTS_DIR, 'admin-dashboard-tiers.png') })
    await admin.context().close()
  })

  it('shows a manager their own store only, as its raw documents recount it', async () => {
    const storeOne = recountFigures(await rawDocumentsOf(stack.db), 0).get('store-1') ?? { ...ZERO_FIGURES }
    expect(storeOne.purchases).toBeGreaterThan(0)
    const manager = await openDashboard('manager')
    await manager
      .locator('#dashboard-range')
      .getByText(/^小满咖啡 · 国贸店 · /)
      .waitFor()
    await expect(manager.locator('#dashboard-store-all').count()).resolves.toBe(0)
    // Points are recounted chain-wide only (raw entries don't all name their store): the store's own figures.
    await expectTiles(manager, storeOne, ['newMembers', 'checkIns', 'purchases', 'purchaseAmount', 'averageTicket'])
    await manager.context().close()
  })

  // Last: the coupon it issues is an event the folded figures above have not counted.
  it('issues one coupon to the birthday member of the month, once', async () => {
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(5, 7)
    const { data: born } = await stack.db
      .collection('members')
      .where({ 'profile.birthday': stack.db.RegExp({ regexp: `^${month}-` }) })
      .get()
    expect(born).toHaveLength(1)
    const [member] = born as { _id: string; profile: { nickname: string } }[]

    const page = await (await stack.newPhone('admin')).newPage()
    await page.goto(`${stack.url}/#/pages/profile/index`)
    await page.locator('#profile-link-admin').click()
    await page.locator('#admin-section-memberLists').click()
    await page.locator('#member-list-birthdays').click()
    await page
      .locator(`#member-list-${member?._id}`)
      .getByText(member?.profile.nickname as string)
      .waitFor()
    await page.locator('#member-list-issue').getByText('给这 1 位会员发券').click()

    await expect(page.locator('#issue-members textarea, textarea#issue-members').first().inputValue()).resolves.toBe(
      member?._id,
    )
    await page.locator('#issue-template-free-americano').click()
    await page.locator('#issue-submit').click()
    await page.locator('#issue-result-count').getByText('已向 1 位会员发放，共 1 位').waitFor()
    // A second tap of 发放 is the same request: replayed, nothing issued twice.
    await page.locator('#issue-submit').click()
    await page.locator('#issue-result-count').getByText('已向 1 位会员发放，共 1 位').waitFor()
    const { data: coupons } = await stack.db
      .collection('coupons')
      .where({ memberId: member?._id, source: 'admin' })
      .get()
    expect(coupons).toHaveLength(1)
    await page.context().close()
  })
})
