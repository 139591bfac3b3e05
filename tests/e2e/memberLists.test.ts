/**
 * 会员名单 → 发券 in Chromium after the demo's fortnight of activity: the month's birthday member
 * (the demo has one per month) handed to 发券 and given a coupon, once however often 发放 is tapped.
 */
import { type LocalStack, startLocalStack } from './support/localStack'

jest.setTimeout(180_000)

describe('a member list handed to 发券', () => {
  let stack: LocalStack

  beforeAll(async () => {
    stack = await startLocalStack({ demoActivity: true })
  })

  afterAll(() => stack?.stop())

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
