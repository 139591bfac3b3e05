/**
 * Subscribe messages end to end in local mode: after checking in, member A taps 积分到期提醒我 and
 * accepts in the local stand-in for WeChat's dialog, member B taps it and declines; the
 * expiryReminders job, run with the clock a few days before their join points expire, puts exactly
 * one message in the emulator's outbox for A and none for B.
 */
import type { Page } from 'playwright-core'
import { CLOCK_HEADER, IDENTITY_HEADER } from '../../emulator/devServer/server'
import { type LocalStack, startLocalStack } from './support/localStack'

jest.setTimeout(120_000)

const CUSTOMER_A = 'o-demo-customer-a'
const CUSTOMER_B = 'o-demo-customer-b'

describe('expiry reminders in the H5 app', () => {
  let stack: LocalStack

  beforeAll(async () => {
    stack = await startLocalStack()
  })

  afterAll(() => stack?.stop())

  /** Joins, checks in, and answers the opt-in dialog the 积分到期提醒我 button opens. */
  async function checkInAndAnswer(page: Page, choice: '允许' | '拒绝'): Promise<void> {
    await stack.joinFromStoreQr(page)
    await page.locator('#link-checkin').click()
    await page.locator('#checkin-button').getByText('签到领', { exact: false }).waitFor()
    await page.locator('#checkin-button').click()
    await page.locator('#checkin-result').getByText('签到成功', { exact: false }).waitFor()
    await page.locator('#checkin-opt-in').click()
    await page.getByText(choice, { exact: true }).click()
    const outcome = choice === '允许' ? '已开启，到期前会提醒你一次' : '未开启提醒'
    await page.locator('#checkin-opt-in-outcome').getByText(outcome).waitFor()
  }

  async function outboxOf(openid: string): Promise<{ data: Record<string, { value: string }> }[]> {
    const { data } = await stack.db.collection('outbox').where({ touser: openid }).get()
    return data
  }

  it('sends one reminder to the member who accepted and none to the one who declined', async () => {
    for (const [identity, choice] of [
      ['customerA', '允许'],
      ['customerB', '拒绝'],
    ] as const) {
      const context = await stack.newPhone(identity)
      await checkInAndAnswer(await context.newPage(), choice)
      await context.close()
    }
    const { data: members } = await stack.db.collection('members').where({ openid: CUSTOMER_A }).get()
    const lots = (members[0] as { points: { lots: { expiresAtMs: number | null }[] } }).points.lots
    const expiresAtMs = lots[0]?.expiresAtMs
    if (typeof expiresAtMs !== 'number') throw new Error('the join gift should expire')

    // The job as `npm run job -- expiryReminders --at …` runs it: as the admin, three days before the expiry.
    const response = await fetch(`${stack.url}/api/functions/jobs`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [IDENTITY_HEADER]: 'admin',
        [CLOCK_HEADER]: String(expiresAtMs - 3 * 86_400_000),
      },
      body: JSON.stringify({ data: { action: 'run', input: { job: 'expiryReminders', dryRun: false } } }),
    })
    const { result } = (await response.json()) as { result: unknown }
    expect(result).toMatchObject({ ok: true, data: { outcome: 'finished', summary: { effects: 1, skipped: 1 } } })

    const toA = await outboxOf(CUSTOMER_A)
    expect(toA).toHaveLength(1)
    expect(toA[0]?.data).toMatchObject({ thing1: { value: '小满咖啡' }, number2: { value: '55' } })
    await expect(outboxOf(CUSTOMER_B)).resolves.toEqual([])
  })
})
