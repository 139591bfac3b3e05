import { COUPON_CODE_TTL_MS } from '@shared/codes'
import type { Wallet } from '@shared/contracts'
import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import CouponDetailPage from '@/pages/couponDetail/index'
import { useWalletStore } from '@/stores/walletStore'
import { COUPON_CODE_REFRESH_MARGIN_MS } from '@/utils/couponCodeTiming'
import { answerCloudFunctions } from '../support/cloudFunctions'
import { couponOf, ISSUED_AT_MS } from '../support/mallFixtures'
import { resetStores } from '../support/stores'

const WALLET: Wallet = {
  coupons: [couponOf(), couponOf({ id: 'coupon-used', state: 'used', usedAtMs: ISSUED_AT_MS + 3_600_000 })],
  counts: { available: 1, used: 1, expired: 0 },
  storeNames: {},
}

function openCoupon(couponId: string) {
  ;(Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: { id: couponId } } })
}

function byId(container: HTMLElement, id: string): HTMLElement {
  const element = container.querySelector<HTMLElement>(`#${id}`)
  if (element === null) throw new Error(`#${id} is not on the page`)
  return element
}

function codeAnswer(tokens: string[]) {
  let issued = 0
  return async () => {
    const token = tokens[Math.min(issued, tokens.length - 1)] ?? 'token'
    issued += 1
    return { ok: true, data: { token, expiresAtMs: Date.now() + COUPON_CODE_TTL_MS } }
  }
}

/** `coupon.get`'s answer for a coupon of WALLET, or COUPON_NOT_FOUND. */
function getAnswer(couponId: string, wallet: Wallet = WALLET) {
  const coupon = wallet.coupons.find((candidate) => candidate.id === couponId)
  return coupon
    ? { ok: true, data: { coupon, storeNames: wallet.storeNames } }
    : { ok: false, code: 'COUPON_NOT_FOUND', message: '找不到这张优惠券' }
}

function detailAnswers(overrides: Record<string, unknown> = {}) {
  return answerCloudFunctions({
    'coupon.get': getAnswer('coupon-1'),
    'coupon.couponCode': codeAnswer(['C1.coupon-1.first', 'C1.coupon-1.second']),
    ...overrides,
  })
}

function typeAmount(container: HTMLElement, text: string) {
  fireEvent.change(byId(container, 'preview-amount'), { target: { value: text } })
  fireEvent.click(byId(container, 'preview-button'))
}

describe('the coupon detail page', () => {
  beforeEach(() => {
    resetStores()
    jest.clearAllMocks()
    openCoupon('coupon-1')
  })

  it('shows a loading state, then the coupon, its validity and its counter code as QR and barcode', async () => {
    let deliver: (value: unknown) => void = () => undefined
    const callFunction = detailAnswers({ 'coupon.get': () => new Promise((resolve) => (deliver = resolve)) })
    const { container } = render(<CouponDetailPage />)
    expect(container.querySelector('#load-state-loading')).not.toBeNull()
    await act(async () => deliver(getAnswer('coupon-1')))
    expect(byId(container, 'coupon-title').textContent).toBe('满 30 减 5 元')
    expect(byId(container, 'coupon-benefit').textContent).toBe('满 30 减 5')
    expect(byId(container, 'coupon-validity').textContent).toBe('有效期至 2026-05-30 23:59')
    expect(container.querySelector('#coupon-stores')).toBeNull()
    await waitFor(() => expect(byId(container, 'coupon-code-qr').getAttribute('data-token')).toBe('C1.coupon-1.first'))
    expect(byId(container, 'coupon-code-qr').getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/)
    expect(byId(container, 'coupon-code-barcode').getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/)
    expect(callFunction).toHaveBeenCalledWith({
      name: 'coupon',
      data: { action: 'couponCode', input: { couponId: 'coupon-1' } },
    })
  })

  it('says where a coupon limited to stores may be used, and nothing of stores for one valid everywhere', async () => {
    const limited: Wallet = {
      ...WALLET,
      coupons: [couponOf({ storeIds: ['store-2'] })],
      storeNames: { 'store-2': '小满咖啡 · 西湖店' },
    }
    detailAnswers({ 'coupon.get': getAnswer('coupon-1', limited) })
    const { container } = render(<CouponDetailPage />)
    await screen.findByText('限 小满咖啡 · 西湖店 使用')
    expect(byId(container, 'coupon-stores').textContent).toBe('限 小满咖啡 · 西湖店 使用')
  })

  it('uses the wallet already loaded instead of asking again', async () => {
    useWalletStore.setState({ state: { status: 'ready', data: WALLET } })
    const callFunction = detailAnswers()
    const { container } = render(<CouponDetailPage />)
    await waitFor(() => expect(container.querySelector('#coupon-code-qr')).not.toBeNull())
    expect(callFunction.mock.calls.map(([options]) => options.data.action)).toEqual(['couponCode'])
  })

  it('replaces the code before it expires', async () => {
    jest.useFakeTimers({ now: ISSUED_AT_MS })
    try {
      detailAnswers()
      const { container } = render(<CouponDetailPage />)
      await act(async () => {
        await jest.advanceTimersByTimeAsync(0)
      })
      expect(byId(container, 'coupon-code-qr').getAttribute('data-token')).toBe('C1.coupon-1.first')
      await act(async () => {
        await jest.advanceTimersByTimeAsync(COUPON_CODE_TTL_MS - COUPON_CODE_REFRESH_MARGIN_MS + 1_000)
      })
      expect(byId(container, 'coupon-code-qr').getAttribute('data-token')).toBe('C1.coupon-1.second')
    } finally {
      jest.useRealTimers()
    }
  })

  it('shows a used coupon without a code, saying when it was used', async () => {
    openCoupon('coupon-used')
    const callFunction = detailAnswers({ 'coupon.get': getAnswer('coupon-used') })
    const { container } = render(<CouponDetailPage />)
    await screen.findByText('已于 2026-05-01 11:00 使用')
    expect(container.querySelector('#coupon-code-qr')).toBeNull()
    expect(container.querySelector('#preview-amount')).toBeNull()
    expect(callFunction.mock.calls.map(([options]) => options.data.action)).not.toContain('couponCode')
  })

  it('shows a code that cannot be issued with a retry', async () => {
    let fail = true
    detailAnswers({
      'coupon.couponCode': async () =>
        fail
          ? { ok: false, code: 'COUPON_EXPIRED', message: '优惠券已过期' }
          : { ok: true, data: { token: 'C1.again', expiresAtMs: Date.now() + COUPON_CODE_TTL_MS } },
    })
    const { container } = render(<CouponDetailPage />)
    await screen.findByText('优惠券已过期')
    fail = false
    fireEvent.click(byId(container, 'coupon-code-retry'))
    await waitFor(() => expect(byId(container, 'coupon-code-qr').getAttribute('data-token')).toBe('C1.again'))
  })

  it('previews the discount for an amount in yuan', async () => {
    const callFunction = detailAnswers({
      'coupon.preview': {
        ok: true,
        data: { couponId: 'coupon-1', orderAmountFen: 3650, discountFen: 500, payableFen: 3150 },
      },
    })
    const { container } = render(<CouponDetailPage />)
    await screen.findByText('满 30 减 5 元')
    typeAmount(container, '36.5')
    await screen.findByText('优惠 ¥5.00 / 实付 ¥31.50')
    expect(callFunction).toHaveBeenCalledWith({
      name: 'coupon',
      data: { action: 'preview', input: { couponId: 'coupon-1', orderAmountFen: 3650 } },
    })
  })

  it('shows the threshold still to reach, and refuses an amount that is not yuan without asking', async () => {
    const callFunction = detailAnswers({
      'coupon.preview': { ok: false, code: 'COUPON_THRESHOLD_NOT_MET', message: '满 ¥30.00 可用，还差 ¥10.00' },
    })
    const { container } = render(<CouponDetailPage />)
    await screen.findByText('满 30 减 5 元')
    typeAmount(container, '20')
    await screen.findByText('满 ¥30.00 可用，还差 ¥10.00')
    typeAmount(container, '12.345')
    await screen.findByText('请输入正确的订单金额（元，最多两位小数）')
    expect(callFunction.mock.calls.filter(([options]) => options.data.action === 'preview')).toHaveLength(1)
  })

  it('asks for a coupon that is not in the wallet in memory, and names its stores from that answer', async () => {
    useWalletStore.setState({ state: { status: 'ready', data: { ...WALLET, coupons: [] } } })
    const limited: Wallet = {
      ...WALLET,
      coupons: [couponOf({ storeIds: ['store-2'] })],
      storeNames: { 'store-2': '小满咖啡 · 西湖店' },
    }
    const callFunction = detailAnswers({ 'coupon.get': getAnswer('coupon-1', limited) })
    const { container } = render(<CouponDetailPage />)
    await screen.findByText('限 小满咖啡 · 西湖店 使用')
    expect(byId(container, 'coupon-title').textContent).toBe('满 30 减 5 元')
    expect(callFunction).toHaveBeenCalledWith({
      name: 'coupon',
      data: { action: 'get', input: { couponId: 'coupon-1' } },
    })
  })

  it('says a coupon that is not found cannot be found, and shows a load error with a retry', async () => {
    openCoupon('coupon-gone')
    detailAnswers({ 'coupon.get': getAnswer('coupon-gone') })
    const first = render(<CouponDetailPage />)
    await screen.findByText('找不到这张优惠券')
    first.unmount()
    resetStores()

    openCoupon('coupon-1')
    let fail = true
    detailAnswers({
      'coupon.get': async () =>
        fail ? { ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试' } : getAnswer('coupon-1'),
    })
    const { container } = render(<CouponDetailPage />)
    await screen.findByText('系统繁忙，请稍后再试')
    fail = false
    fireEvent.click(byId(container, 'load-state-retry'))
    await screen.findByText('满 30 减 5 元')
  })
})
