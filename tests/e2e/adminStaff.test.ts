/** The 员工 and 操作日志 screens in Chromium: a role change made by the admin, found again in the audit log. */
import path from 'node:path'
import { ARTIFACTS_DIR, type LocalStack, startLocalStack } from './support/localStack'

jest.setTimeout(120_000)

const CLERK = 'o-demo-staff-store-1'

describe('the admin console’s 员工 and 操作日志 screens', () => {
  let stack: LocalStack

  beforeAll(async () => {
    stack = await startLocalStack()
  })

  afterAll(() => stack?.stop())

  it('lets the admin make the 1 号店 clerk its manager, then find the change in 操作日志', async () => {
    const adminPhone = await stack.newPhone('admin')
    const admin = await adminPhone.newPage()
    await admin.goto(`${stack.url}/#/pages/profile/index`)
    await admin.locator('#profile-link-admin').click()
    await admin.locator('#admin-section-staff').click()
    await admin.locator(`#staff-${CLERK}`).getByText('店员', { exact: false }).waitFor()

    await admin.locator(`#staff-${CLERK}-role`).click()
    await admin.locator('#staff-role-manager').click()
    await admin.locator('#staff-role-confirm').click()
    await admin.locator('.taro-model__confirm').click()
    await admin.locator('#staff-notice').getByText('已更改角色').waitFor()
    const { data: binding } = await stack.db.collection('staff').doc(CLERK).get()
    expect(binding).toMatchObject({ role: 'manager', storeId: 'store-1' })

    await admin.goto(`${stack.url}/#/admin/pages/audit/index`)
    await admin.locator('#audit-action-changeStaffRole').click()
    // The log names the clerk as the demo seed does, not by OPENID.
    const row = admin.locator('.admin-row', { hasText: '更改员工角色 · 小林' })
    await row.getByText('角色 店员 → 店长').waitFor()
    await admin.screenshot({ path: path.join(ARTIFACTS_DIR, 'admin-audit-role-change.png') })
    await adminPhone.close()
  })
})
