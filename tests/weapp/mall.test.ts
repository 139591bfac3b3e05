import { itemOf, PROGRAMME } from '../ui/support/fixtures'
import { answerCloudFunctions, loadCompiledPage } from './support'

const MALL = 'pages/mall/index'

const item = itemOf({ stock: 3 })
/** A black-tier item, sold out: not redeemable, badged 黑金会员专享. */
const mug = itemOf({
  id: 'item-mug',
  title: '黑金限定马克杯',
  pointsPrice: 800,
  stock: 0,
  tierIds: ['black'],
  canRedeem: false,
  reason: 'TIER_REQUIRED',
})
const programme = PROGRAMME

describe('the compiled points mall page', () => {
  it('shows the balance and each item with its price, stock state and badges', async () => {
    const callFunction = answerCloudFunctions({
      'mall.catalogue': { ok: true, data: { balance: 1280, items: [item, mug] } },
      'programme.get': { ok: true, data: programme },
    })
    const page = loadCompiledPage(MALL)
    const balance = await page.waitFor(() => page.byId('mall-balance'))
    expect(balance.text).toContain('1280')
    expect(page.byId('mall-item-item-tote-bag')?.text).toContain('300 积分')
    expect(page.byId('mall-item-item-tote-bag')?.text).toContain('仅剩 3 件')
    expect(page.byId('mall-item-item-tote-bag')?.text).toContain('可兑换')
    const mugCard = await page.waitFor(() => {
      const card = page.byId('mall-item-item-mug')
      return card?.text.includes('黑金会员专享') ? card : null
    })
    expect(mugCard.text).toContain('售罄')
    expect(mugCard.text).not.toContain('可兑换')
    expect(page.allByClass('mall-item__badge--redeemable')).toHaveLength(1)
    expect(callFunction).toHaveBeenCalledWith({ name: 'mall', data: { action: 'catalogue', input: {} } })
    page.unload()
  })

  it('shows a failed catalogue with a retry', async () => {
    answerCloudFunctions({
      'mall.catalogue': { ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试' },
      'programme.get': { ok: true, data: programme },
    })
    const page = loadCompiledPage(MALL)
    await page.waitFor(() => page.byId('load-state-retry'))
    expect(page.text()).toContain('系统繁忙，请稍后再试')
    page.unload()
  })
})
