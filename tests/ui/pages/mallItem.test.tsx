import type { MallItemDetail } from '@shared/contracts'
import { ERROR_MESSAGES } from '@shared/errors'
import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import MallItemPage from '@/pages/mallItem/index'
import { answerCloudFunctions } from '../support/cloudFunctions'
import { PROGRAMME } from '../support/fixtures'
import { couponItemOf, couponRedemption, detailOf, itemOf, pickupRedemption } from '../support/mallFixtures'
import { resetStores } from '../support/stores'

const BAG = detailOf(itemOf())

function openItem(itemId: string) {
  ;(Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: { id: itemId } } })
}

function itemAnswers(detail: MallItemDetail, overrides: Record<string, unknown> = {}) {
  return answerCloudFunctions({
    'mall.item': { ok: true, data: detail },
    'programme.get': { ok: true, data: PROGRAMME },
    ...overrides,
  })
}

function redeemInputs(callFunction: jest.Mock): { itemId: string; requestId: string }[] {
  return callFunction.mock.calls.filter(([options]) => options.data.action === 'redeem').map(([o]) => o.data.input)
}

function byId(container: HTMLElement, id: string): HTMLElement {
  const element = container.querySelector<HTMLElement>(`#${id}`)
  if (element === null) throw new Error(`#${id} is not on the page`)
  return element
}

describe('the mall item page', () => {
  beforeEach(() => {
    resetStores()
    jest.clearAllMocks()
    openItem('item-tote-bag')
  })

  it('shows a loading state, then everything about the item', async () => {
    let deliver: (value: unknown) => void = () => undefined
    const callFunction = itemAnswers(BAG, { 'mall.item': () => new Promise((resolve) => (deliver = resolve)) })
    const { container } = render(<MallItemPage />)
    expect(container.querySelector('#load-state-loading')).not.toBeNull()
    await act(async () => deliver({ ok: true, data: BAG }))
    expect(byId(container, 'item-title').textContent).toBe('小满帆布袋')
    expect(byId(container, 'item-price').textContent).toBe('300 积分')
    expect(byId(container, 'item-description').textContent).toBe('到店出示取货码领取')
    expect(byId(container, 'item-kind').textContent).toContain('取货码')
    expect(byId(container, 'item-stock').textContent).toBe('库存 50 件')
    expect(byId(container, 'item-limit').textContent).toBe('每人限兑 1 件，已兑换 0 件')
    expect(byId(container, 'item-balance').textContent).toBe('我的积分 1280')
    expect(container.querySelector('#item-reason')).toBeNull()
    expect(byId(container, 'redeem-button').textContent).toBe('300 积分兑换')
    expect(callFunction).toHaveBeenCalledWith({
      name: 'mall',
      data: { action: 'item', input: { itemId: 'item-tote-bag' } },
    })
  })

  it('shows what a coupon item puts in the wallet', async () => {
    openItem('item-five-off-coupon')
    itemAnswers(detailOf(couponItemOf()))
    const { container } = render(<MallItemPage />)
    await screen.findByText('¥5 代金券')
    expect(byId(container, 'item-coupon-benefit').textContent).toBe('满 30 减 5')
    expect(byId(container, 'item-coupon').textContent).toContain('领取后 30 天内有效')
  })

  it('shows the error with a retry', async () => {
    let fail = true
    itemAnswers(BAG, {
      'mall.item': async () =>
        fail ? { ok: false, code: 'ITEM_NOT_FOUND', message: '商品不存在或已下架' } : { ok: true, data: BAG },
    })
    const { container } = render(<MallItemPage />)
    await screen.findByText('商品不存在或已下架')
    fail = false
    fireEvent.click(byId(container, 'load-state-retry'))
    await screen.findByText('小满帆布袋')
  })

  it.each([
    ['too few points', { reason: 'POINTS_INSUFFICIENT', pointsPrice: 1500 }, '积分不足，还差 220 积分'],
    ['a tier restriction', { reason: 'TIER_REQUIRED', tierIds: ['black'] }, '仅限黑金会员兑换'],
    ['the limit', { reason: 'LIMIT_REACHED', redeemedByMember: 1 }, '每人限兑 1 件，你已兑换 1 件'],
    ['no stock', { reason: 'OUT_OF_STOCK', stock: 0 }, '已兑完，暂无库存'],
  ] as const)('says why it cannot be redeemed (%s) and disables the button', async (_case, overrides, text) => {
    itemAnswers(detailOf(itemOf({ canRedeem: false, affordable: false, ...overrides })))
    const { container } = render(<MallItemPage />)
    await waitFor(() => expect(byId(container, 'item-reason').textContent).toBe(text))
    expect((byId(container, 'redeem-button') as HTMLButtonElement).disabled).toBe(true)
    expect(byId(container, 'redeem-button').className).toContain('button--disabled')
  })

  it('redeems a pickup gift after the member confirms the price and the balance after, and shows the pickup code', async () => {
    let redeemed = false
    const callFunction = itemAnswers(BAG, {
      'mall.item': async () => ({ ok: true, data: redeemed ? { ...BAG, balance: 980, redeemedByMember: 1 } : BAG }),
      'mall.redeem': async () => {
        redeemed = true
        return { ok: true, data: pickupRedemption() }
      },
    })
    const { container } = render(<MallItemPage />)
    fireEvent.click(await screen.findByText('300 积分兑换'))
    await screen.findByText('48213906')
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({
        title: '确认兑换',
        content: '兑换「小满帆布袋」将消耗 300 积分，兑换后剩余 980 积分。',
      }),
    )
    expect(byId(container, 'redeem-pickup-code').textContent).toBe('48213906')
    expect(byId(container, 'redeem-result').textContent).toContain('兑换成功，消耗 300 积分，剩余 980 积分')
    await screen.findByText('我的积分 980')
    const [input] = redeemInputs(callFunction)
    expect(input?.itemId).toBe('item-tote-bag')
    expect(input?.requestId).toMatch(/^[A-Za-z0-9_-]{16}$/)
    fireEvent.click(byId(container, 'redeem-link-orders'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/orders/index' })
  })

  it('puts a coupon item into the wallet and links there', async () => {
    openItem('item-five-off-coupon')
    itemAnswers(detailOf(couponItemOf()), { 'mall.redeem': { ok: true, data: couponRedemption() } })
    const { container } = render(<MallItemPage />)
    fireEvent.click(await screen.findByText('100 积分兑换'))
    await screen.findByText('「满 30 减 5 元」已放入卡券包')
    expect(container.querySelector('#redeem-pickup-code')).toBeNull()
    fireEvent.click(byId(container, 'redeem-link-wallet'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/wallet/index' })
  })

  it('redeems nothing when the member cancels the confirmation', async () => {
    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true })
    const callFunction = itemAnswers(BAG)
    render(<MallItemPage />)
    fireEvent.click(await screen.findByText('300 积分兑换'))
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled())
    expect(redeemInputs(callFunction)).toEqual([])
  })

  it.each([
    ['POINTS_INSUFFICIENT', '可用 250 积分，需要 300 积分', '积分不足，暂不能兑换（可用 250 积分，需要 300 积分）'],
    ['OUT_OF_STOCK', ERROR_MESSAGES.OUT_OF_STOCK, '库存不足，该商品已被兑完'],
    ['LIMIT_REACHED', '每人限兑 1 件', '已达到每人兑换上限（每人限兑 1 件）'],
    ['TIER_REQUIRED', ERROR_MESSAGES.TIER_REQUIRED, '会员等级不足，暂不能兑换'],
    ['NOT_ON_SALE', ERROR_MESSAGES.NOT_ON_SALE, '商品不在兑换时间内'],
    ['NOT_A_MEMBER', ERROR_MESSAGES.NOT_A_MEMBER, '请先加入会员再兑换'],
  ])('tells the member plainly when the redemption is refused with %s', async (code, message, text) => {
    const callFunction = itemAnswers(BAG, { 'mall.redeem': { ok: false, code, message } })
    const { container } = render(<MallItemPage />)
    fireEvent.click(await screen.findByText('300 积分兑换'))
    await screen.findByText(text)
    expect(byId(container, 'redeem-error').textContent).toBe(text)
    expect(container.querySelector('#redeem-retry')).toBeNull()
    expect(container.querySelector('#redeem-pickup-code')).toBeNull()
    // A definite refusal reloads the item, so the page shows the current stock, balance and reason.
    expect(callFunction.mock.calls.filter(([options]) => options.data.action === 'item')).toHaveLength(2)
  })

  it('retries a redemption lost to a network error with the same request id, and a new confirmation gets a new one', async () => {
    let attempts = 0
    const callFunction = itemAnswers(BAG, {
      'mall.redeem': async () => {
        attempts += 1
        if (attempts === 1) throw new Error('request:fail timeout')
        return { ok: true, data: pickupRedemption({ replayed: attempts === 2 }) }
      },
    })
    const { container } = render(<MallItemPage />)
    fireEvent.click(await screen.findByText('300 积分兑换'))
    await screen.findByText('网络异常，兑换结果未确认，请点击重试')
    expect(container.querySelector('#redeem-button')).toBeNull()
    fireEvent.click(byId(container, 'redeem-retry'))
    await screen.findByText('48213906')
    expect(Taro.showModal).toHaveBeenCalledTimes(1)

    fireEvent.click(byId(container, 'redeem-button'))
    await waitFor(() => expect(redeemInputs(callFunction)).toHaveLength(3))
    const [first, retry, next] = redeemInputs(callFunction)
    expect(retry?.requestId).toBe(first?.requestId)
    expect(next?.requestId).not.toBe(first?.requestId)
  })

  it('disables the button while a redemption is on its way', async () => {
    let deliver: (value: unknown) => void = () => undefined
    itemAnswers(BAG, { 'mall.redeem': () => new Promise((resolve) => (deliver = resolve)) })
    const { container } = render(<MallItemPage />)
    fireEvent.click(await screen.findByText('300 积分兑换'))
    await screen.findByText('兑换中…')
    expect((byId(container, 'redeem-button') as HTMLButtonElement).disabled).toBe(true)
    await act(async () => deliver({ ok: true, data: pickupRedemption() }))
    await screen.findByText('48213906')
  })
})
