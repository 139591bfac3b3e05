import type { Page } from 'playwright-core'
import { type LocalStack, startLocalStack } from './support/localStack'

jest.setTimeout(90_000)

/** Counts the toasts that say `title`, from now on: Taro's H5 toast is one element whose title is rewritten. */
async function countToasts(page: Page, title: string): Promise<() => Promise<number>> {
  await page.evaluate((text) => {
    const counter = window as unknown as { toastCount: number }
    counter.toastCount = 0
    new MutationObserver((records) => {
      for (const record of records) {
        const target = record.target instanceof Element ? record.target : record.target.parentElement
        for (const node of Array.from(record.addedNodes)) {
          // The first toast appends the element; later ones rewrite the title inside it.
          const inToast = (node instanceof Element && node.matches('.taro__toast')) || target?.closest('.taro__toast')
          if (inToast && node.textContent?.includes(text)) counter.toastCount += 1
        }
      }
    }).observe(document.body, { childList: true, subtree: true })
  }, title)
  return () => page.evaluate(() => (window as unknown as { toastCount: number }).toastCount)
}

describe('the check-in button in the H5 app', () => {
  let stack: LocalStack

  beforeAll(async () => {
    stack = await startLocalStack()
  })

  afterAll(() => stack?.stop())

  it('sends one check-in and shows one 签到成功 for five taps in one task', async () => {
    const context = await stack.newPhone('customerB')
    const page = await context.newPage()
    await stack.joinFromStoreQr(page)
    await page.locator('#link-checkin').click()
    const button = page.locator('#checkin-button')
    await button.getByText('签到领', { exact: false }).waitFor()

    const checkIns: string[] = []
    page.on('request', (request) => {
      if (/\/api\/functions\/checkin$/.test(request.url()) && request.postData()?.includes('"checkIn"')) {
        checkIns.push(request.url())
      }
    })
    const toasts = await countToasts(page, '签到成功')
    // Five taps before the page can re-render: the disabled button cannot stop the later ones.
    await button.evaluate((element: HTMLElement) => {
      for (let tap = 0; tap < 5; tap += 1) element.click()
    })
    await button.getByText('今日已签到').waitFor()
    await page.locator('#checkin-result').getByText('签到成功', { exact: false }).waitFor()

    expect(checkIns).toHaveLength(1)
    await expect(toasts()).resolves.toBe(1)
    const { data: members } = await stack.db.collection('members').where({ openid: 'o-demo-customer-b' }).get()
    expect(members[0]).toMatchObject({ points: { balance: 55 } })
    await context.close()
  })
})
