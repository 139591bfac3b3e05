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
    await admin.screenshot({ path: path.join(ARTIFACTS_DIR, 'admin-dashboard.png'), fullPage: true })
    await adminPhone.close()
  })
})
