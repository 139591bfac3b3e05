import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen } from '@testing-library/react'
import MallPage from '@/pages/mall/index'
import { answerCloudFunctions } from '../support/cloudFunctions'
import { PROGRAMME } from '../support/fixtures'
import { couponItemOf, itemOf } from '../support/mallFixtures'
import { resetStores } from '../support/stores'
import { firePageEvent } from '../support/taro'

const ITEMS = [
  couponItemOf(),
  itemOf({ stock: 3 }),
  itemOf({
    id: 'item-mug',
    title: '黑金限定马克杯',
    pointsPrice: 800,
    stock: 0,
    tierIds: ['black'],
    canRedeem: false,
    reason: 'TIER_REQUIRED',
    image: 'https://example.com/mug.png',
  }),
]

function mallAnswers(overrides: Record<string, unknown> = {}) {
  return answerCloudFunctions({
    'mall.catalogue': { ok: true, data: { balance: 1280, items: ITEMS } },
    'programme.get': { ok: true, data: PROGRAMME },
    ...overrides,
  })
}

function card(container: HTMLElement, id: string): HTMLElement {
  const element = container.querySelector<HTMLElement>(`#mall-item-${id}`)
  if (element === null) throw new Error(`no card for ${id}`)
  return element
}

describe('the points mall page', () => {
  beforeEach(() => {
    resetStores()
    jest.clearAllMocks()
  })

  it('shows a loading state until the catalogue arrives', async () => {
    let deliver: (value: unknown) => void = () => undefined
    mallAnswers({ 'mall.catalogue': () => new Promise((resolve) => (deliver = resolve)) })
    const { container } = render(<MallPage />)
    expect(container.querySelector('#load-state-loading')).not.toBeNull()
    await act(async () => deliver({ ok: true, data: { balance: 1280, items: ITEMS } }))
    expect(container.querySelector('#mall-balance')?.textContent).toBe('1280')
  })

  it('shows each item with its price, stock state, tier badge and whether it can be redeemed now', async () => {
    mallAnswers()
    const { container: page } = render(<MallPage />)
    await screen.findByText('小满帆布袋')
    const coupon = card(page, 'item-five-off-coupon')
    expect(coupon.querySelector('.mall-item__price')?.textContent).toBe('100 积分')
    expect(coupon.querySelector('.mall-item__badge--redeemable')?.textContent).toBe('可兑换')
    expect(coupon.querySelector('.mall-item__stock')).toBeNull()
    expect(coupon.querySelector('.item-image-placeholder')?.textContent).toBe('券')

    const bag = card(page, 'item-tote-bag')
    expect(bag.querySelector('.mall-item__stock')?.textContent).toBe('仅剩 3 件')

    const mug = card(page, 'item-mug')
    expect(mug.querySelector('.mall-item__stock')?.textContent).toBe('售罄')
    expect(mug.querySelector('.mall-item__badge--redeemable')).toBeNull()
    expect(mug.querySelector('.mall-item__badge--tier')?.textContent).toBe('黑金会员专享')
    expect(mug.querySelector('img')?.getAttribute('src')).toBe('https://example.com/mug.png')
    expect(mug.className).toContain('mall-item--sold-out')
  })

  it('opens an item with its id, and the orders, claim centre and wallet from the links', async () => {
    mallAnswers()
    const { container } = render(<MallPage />)
    await screen.findByText('小满帆布袋')
    fireEvent.click(card(container, 'item-tote-bag'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/mallItem/index?id=item-tote-bag' })
    fireEvent.click(container.querySelector('#mall-link-orders') as Element)
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/orders/index' })
    fireEvent.click(container.querySelector('#mall-link-coupons') as Element)
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/couponCentre/index' })
    fireEvent.click(container.querySelector('#mall-link-wallet') as Element)
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/wallet/index' })
  })

  it('says so when the mall has nothing on sale', async () => {
    mallAnswers({ 'mall.catalogue': { ok: true, data: { balance: 0, items: [] } } })
    const { container } = render(<MallPage />)
    await screen.findByText('商城暂无可兑换的商品')
    expect(container.querySelector('#load-state-empty')).not.toBeNull()
    expect(container.querySelector('#mall-balance')?.textContent).toBe('0')
  })

  it('shows the error with a retry that loads the catalogue again', async () => {
    let fail = true
    const callFunction = mallAnswers({
      'mall.catalogue': async () =>
        fail
          ? { ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试' }
          : { ok: true, data: { balance: 1280, items: ITEMS } },
    })
    const { container } = render(<MallPage />)
    await screen.findByText('系统繁忙，请稍后再试')
    fail = false
    fireEvent.click(container.querySelector('#load-state-retry') as Element)
    await screen.findByText('小满帆布袋')
    expect(callFunction.mock.calls.filter(([options]) => options.name === 'mall')).toHaveLength(2)
  })

  it('invites a visitor to join instead of showing a balance', async () => {
    mallAnswers({
      'mall.catalogue': {
        ok: true,
        data: { balance: null, items: [itemOf({ canRedeem: false, reason: 'NOT_A_MEMBER', affordable: false })] },
      },
    })
    const { container } = render(<MallPage />)
    await screen.findByText('加入会员即可用积分兑换好礼')
    expect(container.querySelector('#mall-balance')).toBeNull()
    expect(container.querySelector('.mall-item__badge--redeemable')).toBeNull()
    fireEvent.click(container.querySelector('#mall-join') as Element)
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/join/index' })
  })

  it('refreshes the balance quietly when the tab is shown again', async () => {
    let balance = 1280
    mallAnswers({ 'mall.catalogue': async () => ({ ok: true, data: { balance, items: ITEMS } }) })
    const { container } = render(<MallPage />)
    await screen.findByText('1280')
    balance = 980
    await act(async () => firePageEvent('didHide'))
    await act(async () => firePageEvent('didShow'))
    await screen.findByText('980')
    expect(container.querySelector('#load-state-loading')).toBeNull()
  })
})
