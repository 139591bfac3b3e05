import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import CouponCentrePage from '@/pages/couponCentre/index'
import { answerCloudFunctions } from '../support/cloudFunctions'
import { PROGRAMME } from '../support/fixtures'
import { couponOf, templatesOf } from '../support/mallFixtures'
import { resetStores } from '../support/stores'

function byId(container: HTMLElement, id: string): HTMLElement {
  const element = container.querySelector<HTMLElement>(`#${id}`)
  if (element === null) throw new Error(`#${id} is not on the page`)
  return element
}

function centreAnswers(overrides: Record<string, unknown> = {}) {
  return answerCloudFunctions({
    'coupon.claimable': { ok: true, data: { templates: templatesOf() } },
    'programme.get': { ok: true, data: PROGRAMME },
    ...overrides,
  })
}

function claimInputs(callFunction: jest.Mock): { templateId: string; requestId: string }[] {
  return callFunction.mock.calls.filter(([options]) => options.data.action === 'claim').map(([o]) => o.data.input)
}

describe('the coupon claim centre', () => {
  beforeEach(() => {
    resetStores()
    jest.clearAllMocks()
  })

  it('shows a loading state, then each template with its terms and claim button', async () => {
    let deliver: (value: unknown) => void = () => undefined
    centreAnswers({ 'coupon.claimable': () => new Promise((resolve) => (deliver = resolve)) })
    const { container } = render(<CouponCentrePage />)
    expect(container.querySelector('#load-state-loading')).not.toBeNull()
    await act(async () => deliver({ ok: true, data: { templates: templatesOf() } }))
    const fiveOff = byId(container, 'template-five-off-thirty')
    expect(fiveOff.textContent).toContain('满 30 减 5')
    expect(fiveOff.textContent).toContain('领取后 30 天内有效')
    expect(fiveOff.textContent).toContain('剩余 9998 张')
    expect(fiveOff.textContent).toContain('每人限领 2 张，已领 1 张')
    expect((byId(container, 'claim-five-off-thirty') as HTMLButtonElement).disabled).toBe(false)

    const goldOnly = byId(container, 'template-fifteen-percent-off')
    expect(goldOnly.textContent).toContain('8.5 折 最高减 10 元')
    expect(goldOnly.textContent).toContain('仅限金卡会员 / 黑金会员领取')
    expect(goldOnly.textContent).not.toContain('剩余')
    expect(byId(container, 'claim-fifteen-percent-off').textContent).toBe('等级不足')
    expect((byId(container, 'claim-fifteen-percent-off') as HTMLButtonElement).disabled).toBe(true)
    expect(byId(container, 'claim-free-americano').textContent).toBe('已领完')
    expect(byId(container, 'template-free-americano').textContent).toContain('兑换：美式咖啡')
  })

  it('says so when nothing is open for claiming', async () => {
    centreAnswers({ 'coupon.claimable': { ok: true, data: { templates: [] } } })
    render(<CouponCentrePage />)
    await screen.findByText('暂无可领取的优惠券')
  })

  it('shows the error with a retry', async () => {
    let fail = true
    centreAnswers({
      'coupon.claimable': async () =>
        fail
          ? { ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试' }
          : { ok: true, data: { templates: templatesOf() } },
    })
    const { container } = render(<CouponCentrePage />)
    await screen.findByText('系统繁忙，请稍后再试')
    fail = false
    fireEvent.click(byId(container, 'load-state-retry'))
    await waitFor(() => expect(container.querySelector('#claim-five-off-thirty')).not.toBeNull())
  })

  it('claims a coupon, says it is in the wallet and shows the new count', async () => {
    let claimed = false
    const callFunction = centreAnswers({
      'coupon.claimable': async () => {
        const [fiveOff, ...others] = templatesOf()
        const templates = claimed
          ? [{ ...fiveOff, claimedByMember: 2, canClaim: false, reason: 'LIMIT_REACHED' }, ...others]
          : [fiveOff, ...others]
        return { ok: true, data: { templates } }
      },
      'coupon.claim': async () => {
        claimed = true
        return { ok: true, data: { replayed: false, coupon: couponOf() } }
      },
    })
    const { container } = render(<CouponCentrePage />)
    await waitFor(() => expect(container.querySelector('#claim-five-off-thirty')).not.toBeNull())
    fireEvent.click(byId(container, 'claim-five-off-thirty'))
    await waitFor(() => expect(byId(container, 'claim-five-off-thirty').textContent).toBe('已领取'))
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '领取成功，已放入卡券包', icon: 'success' })
    expect(byId(container, 'template-five-off-thirty').textContent).toContain('已领 2 张')
    const [input] = claimInputs(callFunction)
    expect(input?.templateId).toBe('five-off-thirty')
    expect(input?.requestId).toMatch(/^[A-Za-z0-9_-]{16}$/)
  })

  it.each([
    ['SOLD_OUT', '优惠券已领完', '优惠券已领完'],
    ['LIMIT_REACHED', '每人限领 2 张', '已达到每人领取上限（每人限领 2 张）'],
    ['CLAIM_NOT_OPEN', '优惠券不在领取时间内', '优惠券不在领取时间内'],
    ['TIER_REQUIRED', '会员等级不足', '会员等级不足，暂不能领取'],
  ])('tells the member plainly when a claim is refused with %s', async (code, message, text) => {
    const callFunction = centreAnswers({ 'coupon.claim': { ok: false, code, message } })
    const { container } = render(<CouponCentrePage />)
    await waitFor(() => expect(container.querySelector('#claim-five-off-thirty')).not.toBeNull())
    fireEvent.click(byId(container, 'claim-five-off-thirty'))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: text, icon: 'none' }))
    expect(callFunction.mock.calls.filter(([options]) => options.data.action === 'claimable')).toHaveLength(2)
  })

  it('claims again with the same request id after a network error, and with a new one after success', async () => {
    let attempts = 0
    const callFunction = centreAnswers({
      'coupon.claim': async () => {
        attempts += 1
        if (attempts === 1) throw new Error('request:fail')
        return { ok: true, data: { replayed: attempts === 2, coupon: couponOf() } }
      },
    })
    const { container } = render(<CouponCentrePage />)
    await waitFor(() => expect(container.querySelector('#claim-five-off-thirty')).not.toBeNull())
    fireEvent.click(byId(container, 'claim-five-off-thirty'))
    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith({ title: '网络异常，领取结果未确认，请重试', icon: 'none' }),
    )
    fireEvent.click(byId(container, 'claim-five-off-thirty'))
    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith({ title: '领取成功，已放入卡券包', icon: 'success' }),
    )
    fireEvent.click(byId(container, 'claim-five-off-thirty'))
    await waitFor(() => expect(claimInputs(callFunction)).toHaveLength(3))
    const [first, retry, next] = claimInputs(callFunction)
    expect(retry?.requestId).toBe(first?.requestId)
    expect(next?.requestId).not.toBe(first?.requestId)
  })

  it('links to the wallet', async () => {
    centreAnswers()
    const { container } = render(<CouponCentrePage />)
    await screen.findByText('我的卡券包')
    fireEvent.click(byId(container, 'centre-link-wallet'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/wallet/index' })
  })
})
