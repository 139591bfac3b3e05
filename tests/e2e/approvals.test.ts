import path from 'node:path'
import { ARTIFACTS_DIR, type LocalStack, startLocalStack } from './support/localStack'

jest.setTimeout(120_000)

describe('a clerk’s over-limit purchase approved by the manager', () => {
  let stack: LocalStack

  beforeAll(async () => {
    stack = await startLocalStack()
  })

  afterAll(() => stack?.stop())

  it('is refused at the counter, submitted, approved on 审批, credited once and found in 操作日志', async () => {
    const memberPhone = await stack.newPhone('customerA')
    const staffPhone = await stack.newPhone('staff')
    const managerPhone = await stack.newPhone('manager')
    const member = await memberPhone.newPage()
    const staff = await staffPhone.newPage()
    const manager = await managerPhone.newPage()

    await stack.joinFromStoreQr(member)
    const qr = member.locator('#member-code-qr')
    await qr.waitFor()
    const memberToken = (await qr.getAttribute('data-token')) ?? ''

    // ¥6000 is above the clerk's per-purchase limit: refused, then submitted to the manager.
    await staff.goto(`${stack.url}/#/staff/pages/counter/index`)
    await staff.locator('#counter-staff').getByText('小林').waitFor()
    await staff.locator('#counter-code-input input').fill(memberToken)
    await staff.locator('#counter-code-submit').click()
    await staff.locator('#member-name').waitFor()
    for (const key of ['6', '0', '0', '0']) await staff.locator(`#keypad-${key}`).click()
    await staff.locator('#purchase-preview-approval').waitFor()
    await staff.locator('#purchase-submit').click()
    await staff.locator('.taro-model__confirm').click()
    await staff.locator('#purchase-error').getByText('超出限额，请店长操作').waitFor()
    await staff.locator('#purchase-approval-submit').click()
    await staff.locator('#purchase-approval-title').getByText('已提交店长审批').waitFor()
    // Tapping again files nothing more: one approval below.
    const again = staff.locator('#purchase-approval-submit')
    await expect(again.textContent()).resolves.toBe('已提交')
    await again.click()
    await staff.screenshot({ path: path.join(ARTIFACTS_DIR, 'staff-approval-submitted.png') })

    await manager.goto(`${stack.url}/#/admin/pages/approvals/index`)
    const row = manager.locator('.admin-approval').filter({ hasText: '¥6000.00 · 小林' })
    await row.waitFor()
    await manager.screenshot({ path: path.join(ARTIFACTS_DIR, 'admin-approvals-pending.png') })
    await row.locator('[id$="-approve"]').click()
    await manager.locator('.taro-model__confirm').click()
    const notice = manager.locator('#approvals-notice')
    await notice.getByText('已批准小林 提交的 ¥6000.00 消费').waitFor()
    const points = Number(/会员获得 (\d+) 积分/.exec((await notice.textContent()) ?? '')?.[1])
    expect(points).toBeGreaterThan(0)
    await manager.getByText('暂无待审批').waitFor()
    await manager.screenshot({ path: path.join(ARTIFACTS_DIR, 'admin-approvals-decided.png') })

    const { data: members } = await stack.db.collection('members').where({ openid: 'o-demo-customer-a' }).get()
    // The 50-point join gift, this purchase's points, and any upgrade gifts it crossed.
    expect(members[0].points.balance).toBeGreaterThanOrEqual(50 + points)
    const { data: approvals } = await stack.db.collection('approvals').where({ memberId: members[0]._id }).get()
    expect(approvals).toEqual([expect.objectContaining({ status: 'approved' })])

    await manager.goto(`${stack.url}/#/admin/pages/audit/index`)
    // The member by nickname where they have one, always with their number.
    await manager
      .locator('#audit-list')
      .getByText(new RegExp(`^审批超额消费 · .*${members[0]._id}`))
      .waitFor()
    await memberPhone.close()
    await staffPhone.close()
    await managerPhone.close()
  })
})
