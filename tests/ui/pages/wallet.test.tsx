import type { Wallet } from '@shared/contracts'
import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen } from '@testing-library/react'
import WalletPage from '@/pages/wallet/index'
import { answerCloudFunctions } from '../support/cloudFunctions'
import { couponOf, ISSUED_AT_MS } from '../support/mallFixtures'
import { resetStores } from '../support/stores'

const WALLET: Wallet = {
  coupons: [
    couponOf(),
    couponOf({
      id: 'coupon-2',
      title: '美式咖啡兑换券',
      benefit: { kind: 'exchange', itemName: '美式咖啡', valueFen: 2200 },
      state: 'notYetValid',
    }),
    couponOf({ id: 'coupon-3', title: '饮品 8.5 折', state: 'used', usedAtMs: ISSUED_AT_MS + 3_600_000 }),
    couponOf({ id: 'coupon-4', state: 'expired' }),
  ],
  counts: { available: 2, used: 1, expired: 1 },
  storeNames: {},
}

function byId(container: HTMLElement, id: string): HTMLElement {
  const element = container.querySelector<HTMLElement>(`#${id}`)
  if (element === null) throw new Error(`#${id} is not on the page`)
  return element
}

function shownIds(container: HTMLElement): string[] {
  return [...container.querySelectorAll('.coupon-ticket')].map((ticket) => ticket.id)
}

describe('the coupon wallet', () => {
  beforeEach(() => {
    resetStores()
    jest.clearAllMocks()
  })

  it('shows a loading state, then the usable coupons with what they give and until when', async () => {
    let deliver: (value: unknown) => void = () => undefined
    answerCloudFunctions({ 'coupon.wallet': () => new Promise((resolve) => (deliver = resolve)) })
    const { container } = render(<WalletPage />)
    expect(container.querySelector('#load-state-loading')).not.toBeNull()
    await act(async () => deliver({ ok: true, data: WALLET }))
    expect(shownIds(container)).toEqual(['wallet-coupon-coupon-1', 'wallet-coupon-coupon-2'])
    expect(byId(container, 'wallet-coupon-coupon-1').textContent).toContain('满 30 减 5')
    expect(byId(container, 'wallet-coupon-coupon-1').textContent).toContain('有效期至 2026-05-30 23:59')
    expect(byId(container, 'wallet-coupon-coupon-2').textContent).toContain('兑换：美式咖啡')
    expect(byId(container, 'wallet-coupon-coupon-2').textContent).toContain('未生效')
    expect(byId(container, 'wallet-tab-available').textContent).toBe('可使用 (2)')
    expect(byId(container, 'wallet-tab-available').className).toContain('wallet-tabs__tab--active')
  })

  it('filters by tab: used coupons show when they were used, expired ones are greyed', async () => {
    answerCloudFunctions({ 'coupon.wallet': { ok: true, data: WALLET } })
    const { container } = render(<WalletPage />)
    fireEvent.click(await screen.findByText('已使用 (1)'))
    expect(shownIds(container)).toEqual(['wallet-coupon-coupon-3'])
    expect(byId(container, 'wallet-coupon-coupon-3').textContent).toContain('使用时间 2026-05-01 11:00')
    expect(byId(container, 'wallet-coupon-coupon-3').textContent).toContain('已使用')
    expect(byId(container, 'wallet-tab-used').className).toContain('wallet-tabs__tab--active')
    expect(byId(container, 'wallet-tab-available').className).not.toContain('active')

    fireEvent.click(byId(container, 'wallet-tab-expired'))
    expect(shownIds(container)).toEqual(['wallet-coupon-coupon-4'])
    expect(byId(container, 'wallet-coupon-coupon-4').className).toContain('coupon-ticket--muted')
    expect(byId(container, 'wallet-coupon-coupon-4').textContent).toContain('已过期')
  })

  it('says a tab is empty, and points an empty wallet at the claim centre', async () => {
    answerCloudFunctions({
      'coupon.wallet': {
        ok: true,
        data: { coupons: [], counts: { available: 0, used: 0, expired: 0 }, storeNames: {} },
      },
    })
    const { container } = render(<WalletPage />)
    await screen.findByText('暂无可使用的优惠券')
    fireEvent.click(byId(container, 'wallet-link-centre'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/couponCentre/index' })
    fireEvent.click(byId(container, 'wallet-tab-expired'))
    await screen.findByText('暂无已过期的优惠券')
    expect(container.querySelector('#wallet-link-centre')).toBeNull()
  })

  it('says where a coupon limited to stores may be used, by store name, while it can still be used', async () => {
    const limited: Wallet = {
      coupons: [
        couponOf({ id: 'coupon-limited', storeIds: ['store-1', 'store-2'] }),
        couponOf({ id: 'coupon-unnamed', storeIds: ['store-gone'], state: 'notYetValid' }),
        couponOf({ id: 'coupon-partly', storeIds: ['store-1', 'store-gone'] }),
        couponOf({ id: 'coupon-anywhere' }),
        couponOf({ id: 'coupon-used', storeIds: ['store-1'], state: 'used', usedAtMs: ISSUED_AT_MS }),
      ],
      counts: { available: 4, used: 1, expired: 0 },
      storeNames: { 'store-1': '望京店', 'store-2': '三里屯店' },
    }
    answerCloudFunctions({ 'coupon.wallet': { ok: true, data: limited } })
    const { container } = render(<WalletPage />)
    await screen.findByText('可使用 (4)')
    expect(byId(container, 'wallet-coupon-coupon-limited').textContent).toContain('限 望京店、三里屯店 使用')
    expect(byId(container, 'wallet-coupon-coupon-unnamed').textContent).toContain('限指定门店使用')
    expect(byId(container, 'wallet-coupon-coupon-partly').textContent).toContain('限 望京店 等 2 家门店 使用')
    expect(byId(container, 'wallet-coupon-coupon-anywhere').textContent).not.toMatch(/限.*使用/)
    fireEvent.click(byId(container, 'wallet-tab-used'))
    expect(byId(container, 'wallet-coupon-coupon-used').textContent).not.toContain('望京店')
  })

  it('opens a coupon with its id', async () => {
    answerCloudFunctions({ 'coupon.wallet': { ok: true, data: WALLET } })
    const { container } = render(<WalletPage />)
    await screen.findByText('可使用 (2)')
    fireEvent.click(byId(container, 'wallet-coupon-coupon-1'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/couponDetail/index?id=coupon-1' })
  })

  it('shows the error with a retry', async () => {
    let fail = true
    answerCloudFunctions({
      'coupon.wallet': async () =>
        fail ? { ok: false, code: 'NOT_A_MEMBER', message: '请先加入会员' } : { ok: true, data: WALLET },
    })
    const { container } = render(<WalletPage />)
    await screen.findByText('请先加入会员')
    fail = false
    fireEvent.click(byId(container, 'load-state-retry'))
    await screen.findByText('可使用 (2)')
  })
})
