import { CASHIER, counterMemberOf, MEMBER_TOKEN, previewOf, todayOf } from '../ui/support/fixtures'
import { answerCloudFunctions, loadCompiledPage } from './support'

const COUNTER = 'staff/pages/counter/index'
const MEMBER_PANEL = 'staff/pages/member/index'

const cashier = CASHIER
const today = todayOf([])
const member = counterMemberOf({ coupons: [] })
const token = MEMBER_TOKEN

describe('the compiled staff subpackage', () => {
  it('renders the counter from the subpackage with the camera scan button, not the H5 paste field', async () => {
    answerCloudFunctions({ 'staff.me': { ok: true, data: cashier }, 'staff.today': { ok: true, data: today } })
    const page = loadCompiledPage(COUNTER)
    const header = await page.waitFor(() => page.byId('counter-staff'))
    expect(header.text).toContain('小林')
    expect(header.text).toContain('1 号店 · 店员')
    expect(page.byId('counter-code-scan')?.text).toBe('扫码')
    expect(page.byId('counter-code-input')).toBeNull()
    await page.waitFor(() => page.byId('today-total'))
    expect(page.byId('today-total')?.text).toBe('今日消费合计 ¥0.00')
    page.unload()
  })

  it('turns away someone who is not staff', async () => {
    answerCloudFunctions({ 'staff.me': { ok: false, code: 'NOT_STAFF', message: '仅限已绑定的门店员工使用' } })
    const page = loadCompiledPage(COUNTER)
    const title = await page.waitFor(() => page.byId('accept-invite-title'))
    expect(title.text).toBe('此页面仅限已绑定的门店员工使用')
    expect(page.byId('counter-code-scan')).toBeNull()
    page.unload()
  })

  it('shows the member panel and takes an amount on the keypad', async () => {
    answerCloudFunctions({
      'staff.me': { ok: true, data: cashier },
      'staff.resolveMemberCode': { ok: true, data: member },
      'staff.previewPurchase': {
        ok: true,
        data: previewOf(8800, { points: 88, growth: 88, lines: [{ kind: 'base', points: 88 }] }),
      },
    })
    const page = loadCompiledPage(MEMBER_PANEL, { query: { token } })
    const balance = await page.waitFor(() => page.byId('member-balance'))
    expect(balance.text).toBe('可用积分 1280')
    for (const key of ['8', '8', 'dot', '5']) page.tap(`keypad-${key}`)
    await page.waitFor(() => page.byId('purchase-amount')?.text === '88.5', { description: 'the amount 88.5' })
    const preview = await page.waitFor(() => page.byId('purchase-preview-points'))
    expect(preview.text).toBe('预计获得 88 积分 · 成长值 88')
    page.unload()
  })
})
