import path from 'node:path'
import { ARTIFACTS_DIR, type LocalStack, startLocalStack } from './support/localStack'

jest.setTimeout(120_000)

describe('the admin console’s dashboard', () => {
  let stack: LocalStack

  beforeAll(async () => {
    stack = await startLocalStack()
  })

  afterAll(() => stack?.stop())

  it('shows a member who joined today once 数据汇总 has run, as the database has them', async () => {
    const phone = await stack.newPhone('customerB')
    await stack.joinFromStoreQr(await phone.newPage())
    await phone.close()

    const adminPhone = await stack.newPhone('admin')
    const admin = await adminPhone.newPage()
    await admin.goto(`${stack.url}/#/pages/profile/index`)
    await admin.locator('#profile-link-admin').click()
    // The timer folds the stat events every 10 minutes; 立即运行 does it now (or finds this slot's run done).
    await admin.locator('#admin-section-jobs').click()
    await admin.locator('#job-foldStats-run').click()
    await admin.locator('.taro-model__confirm').click()
    await admin
      .locator('#job-foldStats-result-outcome')
      .getByText(/^运行：/)
      .waitFor()
    await expect(stack.db.collection('stat_events').count()).resolves.toMatchObject({ total: 0 })

    await admin.goBack()
    await admin.locator('#admin-section-dashboard').click()
    await admin.locator('#dashboard-range-1').click()
    await admin
      .locator('#dashboard-range')
      .getByText(/^全部门店 · /)
      .waitFor()
    const { data: folded } = await stack.db.collection('stats_daily').get()
    const newMembers = (folded as { figures: { newMembers: number } }[]).reduce(
      (sum, daily) => sum + daily.figures.newMembers,
      0,
    )
    // The seed writes its members directly; customer B is the one member who joined through the app.
    expect(newMembers).toBe(1)
    await expect(admin.locator('#dashboard-tile-newMembers-value').textContent()).resolves.toBe(String(newMembers))
    // The trend chart under the tiles: drawn by uCharts on the 2d canvas, in the trend's colour.
    await admin.locator('#dashboard-trend-chart[data-drawn="drawn"]').waitFor()
    const pixels = await admin.locator('#dashboard-trend-chart canvas').evaluate((canvas: HTMLCanvasElement) => {
      const context = canvas.getContext('2d') as CanvasRenderingContext2D
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height)
      let inked = 0
      let brown = 0
      for (let index = 0; index < data.length; index += 4) {
        const [red, green, blue] = [data[index] ?? 0, data[index + 1] ?? 0, data[index + 2] ?? 0]
        if (red < 250 || green < 250 || blue < 250) inked += 1
        // #8b5a2b, the first series' colour, give or take antialiasing.
        if (Math.abs(red - 0x8b) < 24 && Math.abs(green - 0x5a) < 24 && Math.abs(blue - 0x2b) < 24) brown += 1
      }
      return { width: canvas.width, height: canvas.height, inked, brown }
    })
    expect(pixels.width).toBeGreaterThan(0)
    expect(pixels.inked).toBeGreaterThan(500)
    expect(pixels.brown).toBeGreaterThan(20)
    // The screenshot: the last 7 days' trend (the page scrolls inside its shell, so the chart is brought into view).
    await admin.locator('#dashboard-range-7').click()
    // The figures reload (the chart with them) for the 7 days: wait for their rows, then for the new chart.
    await admin.waitForFunction(() => document.querySelectorAll('[id^="dashboard-day-"]').length === 7)
    await admin.locator('#dashboard-trend-chart[data-drawn="drawn"]').waitFor()
    await admin.locator('#dashboard-trend').scrollIntoViewIfNeeded()
    await admin.screenshot({ path: path.join(ARTIFACTS_DIR, 'admin-dashboard.png'), fullPage: true })
    await adminPhone.close()
  })
})
