/**
 * 数据看板 after the demo's fortnight of activity (played through the functions, folded by the
 * seed's 数据汇总 run): every tile of 近 30 天 shows what the raw documents recount to.
 */
import path from 'node:path'
import { derivedOf } from '@shared/stats/dashboard'
import { type StatFigures, ZERO_FIGURES } from '@shared/stats/figures'
import type { Page } from 'playwright-core'
import { DASHBOARD_TILES } from '../../miniprogram/admin/utils/dashboardText'
import { chainTotalOf, rawDocumentsOf, recountFigures } from '../support/statsRecount'
import { ARTIFACTS_DIR, type LocalStack, startLocalStack } from './support/localStack'

jest.setTimeout(180_000)

describe('the admin console’s dashboard', () => {
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
    await admin.locator('#dashboard-trend-chart[data-drawn="drawn"]').waitFor()
    const pixels = await admin.locator('#dashboard-trend-chart canvas').evaluate((canvas: HTMLCanvasElement) => {
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
    expect(pixels.width).toBeGreaterThan(0)
    expect(pixels.inked).toBeGreaterThan(500)
    expect(pixels.brown).toBeGreaterThan(20)
    // The page scrolls inside its shell: the chart is brought into view for the screenshot.
    await admin.locator('#dashboard-trend').scrollIntoViewIfNeeded()
    await admin.screenshot({ path: path.join(ARTIFACTS_DIR, 'admin-dashboard.png'), fullPage: true })
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
})
