import { cardOf, MEMBER_TOKEN, NOT_A_MEMBER_REFUSAL } from '../ui/support/fixtures'
import { answerCloudFunctions, loadCompiledPage } from './support'

const CARD = 'pages/card/index'

/** The shared silver member, with the balance the page must show. */
const card = cardOf({ balance: 1288 })
const token = MEMBER_TOKEN

describe('the compiled member card page', () => {
  it('shows the tier, balance, expiring points and the member code as QR and barcode', async () => {
    const now = Date.now()
    const callFunction = answerCloudFunctions({
      'member.card': { ok: true, data: card },
      'member.memberCode': { ok: true, data: { token, expiresAtMs: now + 60_000, refreshAtMs: now + 30_000 } },
    })
    const page = loadCompiledPage(CARD)
    const balance = await page.waitFor(() => page.byId('card-balance'))
    expect(balance.text).toContain('1288')
    expect(page.byId('card-tier')?.text).toContain('银卡会员')
    expect(page.byId('card-expiring')?.text).toContain('120')
    const qr = await page.waitFor(() => page.byId('member-code-qr'))
    expect(qr).not.toBeNull()
    expect(page.byId('member-code-barcode')).not.toBeNull()
    const names = callFunction.mock.calls.map(
      ([options]) => `${options.name}.${(options.data as { action: string }).action}`,
    )
    expect(names).toEqual(expect.arrayContaining(['member.card', 'member.memberCode']))
    page.unload()
  })

  it('sends a visitor who has not joined to the join page instead of showing a card', async () => {
    answerCloudFunctions({
      'member.card': NOT_A_MEMBER_REFUSAL,
      'member.memberCode': NOT_A_MEMBER_REFUSAL,
    })
    const page = loadCompiledPage(CARD)
    const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx
    const reLaunch = jest.fn((options: { success?: (result: unknown) => void }) =>
      options.success?.({ errMsg: 'reLaunch:ok' }),
    )
    wx.reLaunch = reLaunch
    await page.waitFor(() => reLaunch.mock.calls.length > 0)
    expect(reLaunch.mock.calls[0]?.[0]).toMatchObject({ url: expect.stringMatching(/^\/?pages\/join\/index/) })
    expect(page.byId('card-balance')).toBeNull()
    page.unload()
  })
})
