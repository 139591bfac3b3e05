import { answerCloudFunctions, loadCompiledPage } from './support'

const MALL = 'pages/mall/index'

const item = {
  id: 'item-tote-bag',
  kind: 'pickup',
  title: '小满帆布袋',
  description: '到店出示取货码领取',
  image: null,
  pointsPrice: 300,
  stock: 3,
  perMemberLimit: 1,
  redeemedByMember: 0,
  tierIds: [],
  saleStartsAtMs: null,
  saleEndsAtMs: null,
  canRedeem: true,
  reason: null,
  affordable: true,
}
const mug = {
  ...item,
  id: 'item-mug',
  title: '黑金限定马克杯',
  pointsPrice: 800,
  stock: 0,
  tierIds: ['black'],
  canRedeem: false,
  reason: 'TIER_REQUIRED',
  affordable: true,
}
const programme = {
  brandName: '小满咖啡',
  tiers: [{ id: 'black', name: '黑金会员', growthThreshold: 10000, benefits: [] }],
  joinGift: { points: 50, couponCount: 0 },
  profileCompletionPoints: 20,
}

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
