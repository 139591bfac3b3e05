import type { MemberCode } from '@shared/contracts'
import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen } from '@testing-library/react'
import CardPage from '@/pages/card/index'
import { answerCloudFunctions } from '../support/cloudFunctions'
import { cardOf, PROGRAMME } from '../support/fixtures'
import { resetStores } from '../support/stores'
import { firePageEvent } from '../support/taro'

const START_MS = Date.UTC(2026, 4, 1, 2, 0, 0)

/** A member code issued now by a server whose clock is `skewMs` ahead of the device's. */
function codeAnswer(tokens: string[], skewMs = 0) {
  let issued = 0
  return async () => {
    const token = tokens[Math.min(issued, tokens.length - 1)] ?? 'token'
    issued += 1
    const nowMs = Date.now() + skewMs
    const numericCode = `88${String(issued).padStart(16, '0')}`
    const code: MemberCode = { token, numericCode, expiresAtMs: nowMs + 60_000, refreshAtMs: nowMs + 30_000 }
    return { ok: true, data: code }
  }
}

function memberAnswers(overrides: Record<string, unknown> = {}) {
  return answerCloudFunctions({
    'member.card': { ok: true, data: cardOf() },
    'programme.get': { ok: true, data: PROGRAMME },
    'member.memberCode': codeAnswer(['TOKEN-A', 'TOKEN-B', 'TOKEN-C']),
    ...overrides,
  })
}

function callsOf(callFunction: jest.Mock, action: string): number {
  return callFunction.mock.calls.filter(([options]) => options.data.action === action).length
}

function qr(container: HTMLElement): HTMLImageElement | null {
  return container.querySelector('#member-code-qr')
}

async function advance(ms: number) {
  await act(async () => {
    await jest.advanceTimersByTimeAsync(ms)
  })
}

describe('the member card page', () => {
  beforeEach(() => {
    resetStores()
    jest.clearAllMocks()
    jest.useFakeTimers({ now: START_MS })
  })

  afterEach(() => jest.useRealTimers())

  it('shows a loading state until the card arrives', async () => {
    let deliver: (value: unknown) => void = () => undefined
    memberAnswers({ 'member.card': () => new Promise((resolve) => (deliver = resolve)) })
    const { container } = render(<CardPage />)
    expect(container.querySelector('#load-state-loading')).not.toBeNull()
    expect(container.querySelector('#card-balance')).toBeNull()
    await act(async () => deliver({ ok: true, data: cardOf() }))
    expect(container.querySelector('#load-state-loading')).toBeNull()
    expect(container.querySelector('#card-balance')?.textContent).toBe('1280')
  })

  it('shows the tier, balance, growth progress, expiring points and coupons', async () => {
    memberAnswers()
    const { container } = render(<CardPage />)
    await advance(0)
    expect(container.querySelector('#card-tier')?.textContent).toBe('银卡会员')
    expect(container.querySelector('#card-balance')?.textContent).toBe('1280')
    expect(container.querySelector('#growth-progress-caption')?.textContent).toBe(
      '成长值 1620 · 再得 380 成长值升级金卡会员',
    )
    expect(container.querySelector('.growth-progress__fill')?.getAttribute('style')).toContain('width: 75%')
    expect(container.querySelector('#card-expiring')?.textContent).toBe('120 积分将于 2026年12月31日 过期')
    expect(container.querySelector('#card-coupons')?.textContent).toContain('3 张')
    expect(container.querySelector('.member-card__brand')?.textContent).toBe('小满咖啡')
    expect(container.querySelector('#member-card')?.className).toContain('member-card--rank-1')
  })

  it('says nothing about expiry when no points expire soon, and marks the top tier', async () => {
    memberAnswers({
      'member.card': {
        ok: true,
        data: cardOf({ expiringSoon: null, tier: { id: 'black', name: '黑金会员' }, nextTier: null, growth: 7000 }),
      },
    })
    const { container } = render(<CardPage />)
    await advance(0)
    expect(container.querySelector('#card-expiring')).toBeNull()
    expect(container.querySelector('#growth-progress-caption')?.textContent).toBe('成长值 7000 · 已是最高等级')
    expect(container.querySelector('#card-tier-change')).toBeNull()
  })

  it('says in one line that the tier went down at the period end, until the member taps it', async () => {
    const tierChange = {
      id: 'tier_m1_2027-01-01',
      from: { id: 'gold', name: '金卡会员' },
      to: { id: 'silver', name: '银卡会员' },
      atMs: 0,
    }
    const callFunction = memberAnswers({
      'member.card': { ok: true, data: cardOf({ tierChange }) },
      'member.dismissTierNotice': { ok: true, data: { dismissed: true } },
    })
    const { container } = render(<CardPage />)
    await advance(0)
    const line = container.querySelector('#card-tier-change')
    expect(line?.textContent).toBe('会员等级已由金卡会员调整为银卡会员 · 知道了')
    fireEvent.click(line as Element)
    await advance(0)
    expect(container.querySelector('#card-tier-change')).toBeNull()
    expect(callFunction).toHaveBeenCalledWith(
      expect.objectContaining({
        name: 'member',
        data: { action: 'dismissTierNotice', input: { historyId: 'tier_m1_2027-01-01' } },
      }),
    )
  })

  it('shows the member code as a QR image of the token and a barcode of the numeric code, digits under it', async () => {
    const callFunction = memberAnswers()
    const { container } = render(<CardPage />)
    await advance(0)
    const image = qr(container)
    expect(image?.getAttribute('data-token')).toBe('TOKEN-A')
    expect(image?.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/)
    const barcode = container.querySelector('#member-code-barcode')
    expect(barcode?.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/)
    expect(barcode?.getAttribute('data-value')).toBe('880000000000000001')
    expect(container.querySelector('#member-code-digits')?.textContent).toBe('88 0000 0000 0000 0001')
    expect(callFunction).toHaveBeenCalledWith({ name: 'member', data: { action: 'memberCode', input: {} } })
  })

  it('counts down and fetches a fresh code every 30 s', async () => {
    const callFunction = memberAnswers()
    const { container } = render(<CardPage />)
    await advance(0)
    expect(screen.getByText('30 秒后自动刷新 · 点击放大')).toBeTruthy()
    await advance(10_000)
    expect(container.querySelector('#member-code-countdown')?.textContent).toContain('20 秒后自动刷新')
    expect(callsOf(callFunction, 'memberCode')).toBe(1)
    const firstImage = qr(container)?.getAttribute('src')

    await advance(20_000)
    expect(callsOf(callFunction, 'memberCode')).toBe(2)
    expect(qr(container)?.getAttribute('data-token')).toBe('TOKEN-B')
    expect(qr(container)?.getAttribute('src')).not.toBe(firstImage)
    expect(container.querySelector('#member-code-countdown')?.textContent).toContain('30 秒后自动刷新')

    await advance(30_000)
    expect(qr(container)?.getAttribute('data-token')).toBe('TOKEN-C')
  })

  it('refreshes on its own schedule when the phone clock is minutes off the server', async () => {
    const callFunction = memberAnswers({ 'member.memberCode': codeAnswer(['A', 'B'], -5 * 60_000) })
    const { container } = render(<CardPage />)
    await advance(0)
    expect(container.querySelector('#member-code-countdown')?.textContent).toContain('30 秒后')
    await advance(29_000)
    expect(callsOf(callFunction, 'memberCode')).toBe(1)
    await advance(1_000)
    expect(callsOf(callFunction, 'memberCode')).toBe(2)
  })

  it('stops refreshing while hidden and starts again, with a fresh card, when shown', async () => {
    const callFunction = memberAnswers()
    const { container } = render(<CardPage />)
    await advance(0)
    act(() => firePageEvent('didHide'))
    await advance(120_000)
    expect(callsOf(callFunction, 'memberCode')).toBe(1)
    expect(callsOf(callFunction, 'card')).toBe(1)

    answerCloudFunctions({
      'member.card': { ok: true, data: cardOf({ balance: 1290 }) },
      'programme.get': { ok: true, data: PROGRAMME },
      'member.memberCode': codeAnswer(['TOKEN-AFTER-SHOW']),
    })
    act(() => firePageEvent('didShow'))
    await advance(0)
    expect(container.querySelector('#card-balance')?.textContent).toBe('1290')
    expect(qr(container)?.getAttribute('data-token')).toBe('TOKEN-AFTER-SHOW')
  })

  it('stops its timer when the page goes away', async () => {
    const callFunction = memberAnswers()
    const { unmount } = render(<CardPage />)
    await advance(0)
    unmount()
    await advance(120_000)
    expect(callsOf(callFunction, 'memberCode')).toBe(1)
    expect(jest.getTimerCount()).toBe(0)
  })

  it('enlarges the code on tap and closes it on a second tap', async () => {
    memberAnswers()
    const { container } = render(<CardPage />)
    await advance(0)
    expect(container.querySelector('#member-code-enlarged')).toBeNull()
    fireEvent.click(container.querySelector('#member-code') as Element)
    const enlarged = container.querySelector('#member-code-enlarged')
    expect(enlarged?.querySelector('#member-code-enlarged-qr')?.getAttribute('data-token')).toBe('TOKEN-A')
    fireEvent.click(enlarged as Element)
    expect(container.querySelector('#member-code-enlarged')).toBeNull()
  })

  it('offers a retry when the code cannot be fetched', async () => {
    memberAnswers({ 'member.memberCode': { ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试' } })
    const { container } = render(<CardPage />)
    await advance(0)
    expect(container.querySelector('#member-code-error')?.textContent).toContain('系统繁忙，请稍后再试')
    memberAnswers()
    fireEvent.click(container.querySelector('#member-code-retry') as Element)
    await advance(0)
    expect(qr(container)?.getAttribute('data-token')).toBe('TOKEN-A')
  })

  it('sends a customer who is not a member to the join page', async () => {
    const callFunction = memberAnswers({ 'member.card': { ok: false, code: 'NOT_A_MEMBER', message: '请先加入会员' } })
    render(<CardPage />)
    await advance(0)
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/join/index' })
    expect(callsOf(callFunction, 'memberCode')).toBe(0)
  })

  it('shows the error message and loads again on retry', async () => {
    memberAnswers({ 'member.card': { ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试' } })
    const { container } = render(<CardPage />)
    await advance(0)
    expect(container.querySelector('#load-state-error')?.textContent).toContain('系统繁忙，请稍后再试')
    memberAnswers()
    fireEvent.click(container.querySelector('#load-state-retry') as Element)
    await advance(0)
    expect(container.querySelector('#card-balance')?.textContent).toBe('1280')
  })

  it.each([
    ['link-checkin', 'navigateTo', '/pages/checkin/index'],
    ['link-history', 'navigateTo', '/pages/history/index'],
    ['link-tiers', 'navigateTo', '/pages/tiers/index'],
    ['link-profile', 'switchTab', '/pages/profile/index'],
    ['link-mall', 'switchTab', '/pages/mall/index'],
    ['card-coupons', 'navigateTo', '/pages/wallet/index'],
  ] as const)('opens the page behind %s', async (id, method, url) => {
    memberAnswers()
    const { container } = render(<CardPage />)
    await advance(0)
    fireEvent.click(container.querySelector(`#${id}`) as Element)
    expect(Taro[method]).toHaveBeenCalledWith({ url })
  })
})
