import path from 'node:path'
import type { Page } from 'playwright-core'
import { ARTIFACTS_DIR, type LocalStack, startLocalStack } from './support/localStack'

jest.setTimeout(120_000)

/** The text of a figure on the jobs screen, once it is there. */
async function figure(page: Page, id: string): Promise<string | null> {
  const element = page.locator(`#${id}`)
  await element.waitFor()
  return element.textContent()
}

describe('the admin console’s jobs screen', () => {
  let stack: LocalStack

  beforeAll(async () => {
    stack = await startLocalStack()
  })

  afterAll(() => stack?.stop())

  /** Customer A joins (the 50-point gift is one lot) and that lot is moved a minute into the past. */
  async function memberWithExpiredLot(): Promise<string> {
    const phone = await stack.newPhone('customerA')
    await stack.joinFromStoreQr(await phone.newPage())
    await phone.close()
    const { data } = await stack.db.collection('members').where({ openid: 'o-demo-customer-a' }).get()
    const member = data[0] as { _id: string; points: { lots: { expiresAtMs: number | null }[] } }
    const lots = member.points.lots.map((lot) => ({ ...lot, expiresAtMs: Date.now() - 60_000 }))
    await stack.db
      .collection('members')
      .doc(member._id)
      .update({ data: { 'points.lots': lots } })
    return member._id
  }

  async function expireEntriesOf(memberId: string): Promise<{ amount: number }[]> {
    const { data } = await stack.db.collection('ledger').where({ memberId, type: 'expire' }).get()
    return data
  }

  it('lets the admin open 我的 → 管理后台 → 任务, dry-run expirePoints, then run it, and see the figures', async () => {
    const memberId = await memberWithExpiredLot()
    const adminPhone = await stack.newPhone('admin')
    const admin = await adminPhone.newPage()
    await admin.goto(`${stack.url}/#/pages/profile/index`)
    await admin.locator('#profile-link-admin').click()
    await admin.locator('#admin-section-jobs').click()
    await admin.locator('#job-expirePoints').getByText('积分过期').waitFor()

    // A dry run counts the member's one expired lot of 50 points and writes nothing.
    await admin.locator('#job-expirePoints-dry-run').click()
    await admin.locator('#job-expirePoints-result-outcome').getByText('试运行：已完成').waitFor()
    await expect(figure(admin, 'job-expirePoints-result-affected')).resolves.toBe('1')
    await expect(figure(admin, 'job-expirePoints-result-effects')).resolves.toBe('1')
    await expect(figure(admin, 'job-expirePoints-result-points')).resolves.toBe('50')
    await expect(expireEntriesOf(memberId)).resolves.toEqual([])
    await admin.screenshot({ path: path.join(ARTIFACTS_DIR, 'admin-jobs-dry-run.png') })

    // The real run, once confirmed, writes the expire entry; the job's run for the period shows it.
    await admin.locator('#job-expirePoints-run').click()
    await admin.locator('.taro-model__confirm').click()
    await admin.locator('#job-expirePoints-result-outcome').getByText('运行：已完成').waitFor()
    await expect(figure(admin, 'job-expirePoints-result-points')).resolves.toBe('50')
    await admin.locator('#job-expirePoints-status').getByText('已完成').waitFor()
    await expect(figure(admin, 'job-expirePoints-figure-effects')).resolves.toBe('1')
    await expect(figure(admin, 'job-expirePoints-figure-points')).resolves.toBe('50')
    await expect(figure(admin, 'job-expirePoints-figure-invocations')).resolves.toBe('1')
    await admin.screenshot({ path: path.join(ARTIFACTS_DIR, 'admin-jobs-run.png') })
    await expect(expireEntriesOf(memberId)).resolves.toEqual([expect.objectContaining({ amount: -50 })])
    const { data: member } = await stack.db.collection('members').doc(memberId).get()
    expect(member.points.balance).toBe(0)

    // Running it again in the same period does nothing and says so.
    await admin.locator('#job-expirePoints-run').click()
    await admin.locator('.taro-model__confirm').click()
    await admin.locator('#job-expirePoints-result-outcome').getByText('运行：本期已运行完毕，无需再次运行').waitFor()
    await expect(expireEntriesOf(memberId)).resolves.toHaveLength(1)
    await adminPhone.close()
  })

  it('lets the admin edit an item: a field error next to the field, then saved, and its stock topped up', async () => {
    const adminPhone = await stack.newPhone('admin')
    const admin = await adminPhone.newPage()
    await admin.goto(`${stack.url}/#/pages/profile/index`)
    await admin.locator('#profile-link-admin').click()
    await admin.locator('#admin-section-items').click()
    await admin.locator('#admin-item-item-tote-bag').click()
    const title = admin.locator('#item-form-title input')
    await expect(title.inputValue()).resolves.toBe('小满帆布袋')

    await title.fill('')
    await admin.locator('#item-save').click()
    await admin.locator('#item-form-title-error').getByText('标题不能为空').waitFor()
    await title.fill('小满帆布袋 · 新款')
    await admin.locator('#item-save').click()
    await admin.locator('#item-notice').getByText('已保存').waitFor()

    await admin.locator('#item-stock-delta input').fill('5')
    await admin.locator('#item-stock-submit').click()
    await admin.locator('#item-notice').getByText('库存已调整为 55').waitFor()
    await admin.locator('#item-stock-figures').getByText('库存 55').waitFor()
    await admin.screenshot({ path: path.join(ARTIFACTS_DIR, 'admin-item.png') })
    const { data: item } = await stack.db.collection('mall_items').doc('item-tote-bag').get()
    expect(item).toMatchObject({ title: '小满帆布袋 · 新款', stock: 55 })
    await adminPhone.close()
  })

  it('shows a customer no 管理后台 on 我的, and refuses the jobs screen', async () => {
    const customerPhone = await stack.newPhone('customerB')
    const customer = await customerPhone.newPage()
    const staffAnswered = customer.waitForResponse((response) => response.url().endsWith('/api/functions/staff'))
    await customer.goto(`${stack.url}/#/pages/profile/index`)
    await staffAnswered
    await customer.locator('#profile-not-member').waitFor()
    await expect(customer.locator('#profile-link-admin').count()).resolves.toBe(0)
    await expect(customer.locator('#profile-link-staff').count()).resolves.toBe(0)
    await customer.goto(`${stack.url}/#/admin/pages/jobs/index`)
    await customer.locator('#admin-refused').getByText('仅限品牌管理员使用').waitFor()
    await expect(customer.locator('#job-expirePoints').count()).resolves.toBe(0)
    await customerPhone.close()
  })
})
