import path from 'node:path'
import { ARTIFACTS_DIR, type LocalStack, startLocalStack } from './support/localStack'

jest.setTimeout(60_000)

describe('the H5 app against the local stack', () => {
  let stack: LocalStack

  beforeAll(async () => {
    stack = await startLocalStack()
  })

  afterAll(() => stack?.stop())

  it('loads the programme through the dev server and a real cloud function', async () => {
    const context = await stack.newPhone()
    const page = await context.newPage()
    await page.goto(`${stack.url}/#/pages/tiers/index`)
    await page.locator('#brand-name').getByText('小满咖啡').waitFor()
    await expect(page.locator('.tier-ladder__name').allTextContents()).resolves.toEqual([
      '普通会员',
      '银卡会员',
      '金卡会员',
      '黑金会员',
    ])
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'tiers.png') })
    await context.close()
  })

  it('shows the identity switcher and switches who the app plays', async () => {
    const context = await stack.newPhone()
    const page = await context.newPage()
    await page.goto(`${stack.url}/#/pages/tiers/index`)
    const toggle = page.locator('#identity-switcher-toggle')
    await toggle.getByText('本地身份：顾客 A').waitFor()
    await toggle.click()
    await page.locator('#identity-staff').click()
    await page.locator('#identity-switcher-toggle').getByText('本地身份：店员（1 号店）').waitFor()
    await expect(page.evaluate(() => localStorage.getItem('store-loyalty.local-identity'))).resolves.toBe('staff')
    await context.close()
  })
})
