import type { JoinResult } from '@shared/contracts'
import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import JoinPage from '@/pages/join/index'
import { useCardStore } from '@/stores/cardStore'
import { answerCloudFunctions } from '../support/cloudFunctions'
import { cardOf, PROGRAMME } from '../support/fixtures'
import { resetStores } from '../support/stores'

const NOT_A_MEMBER = { ok: false, code: 'NOT_A_MEMBER', message: '请先加入会员' }
const newCard = cardOf({ tier: { id: 'regular', name: '普通会员' }, balance: 50, growth: 0, nickname: null })
const joined: JoinResult = { joined: true, card: newCard, gift: { points: 50, couponTemplateIds: [] } }

function openWith(params: Record<string, string>) {
  ;(Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params } })
}

function guestAnswers(overrides: Record<string, unknown> = {}) {
  return answerCloudFunctions({
    'member.card': NOT_A_MEMBER,
    'programme.get': { ok: true, data: PROGRAMME },
    'member.join': { ok: true, data: joined },
    ...overrides,
  })
}

describe('the join landing page', () => {
  beforeEach(() => {
    resetStores()
    jest.clearAllMocks()
    openWith({})
  })

  it('shows a loading state while it checks whether the customer is already a member', async () => {
    let deliver: (value: unknown) => void = () => undefined
    guestAnswers({ 'member.card': () => new Promise((resolve) => (deliver = resolve)) })
    const { container } = render(<JoinPage />)
    expect(container.querySelector('#load-state-loading')).not.toBeNull()
    expect(container.querySelector('#join-button')).toBeNull()
    await act(async () => deliver(NOT_A_MEMBER))
    expect(container.querySelector('#join-button')).not.toBeNull()
  })

  it('shows the brand, the join gift and the entry tier benefits to a new customer', async () => {
    guestAnswers()
    const { container } = render(<JoinPage />)
    await screen.findByText('一键加入会员')
    expect(container.querySelector('#join-brand')?.textContent).toBe('小满咖啡')
    expect(container.querySelector('#join-gift')?.textContent).toContain('现在加入即送 50 积分')
    expect(container.querySelector('#join-gift')?.textContent).toContain('消费 1 元积 1 分')
  })

  it('sends a returning member straight to the card without joining again', async () => {
    const callFunction = guestAnswers({ 'member.card': { ok: true, data: cardOf() } })
    render(<JoinPage />)
    await waitFor(() => expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/card/index' }))
    expect(callFunction.mock.calls.some(([options]) => options.data.action === 'join')).toBe(false)
  })

  it('joins with the store from the QR scene (URL-encoded) and the referrer, then opens the card', async () => {
    openWith({ scene: encodeURIComponent('store-1'), referrer: 'm-friend' })
    const callFunction = guestAnswers()
    const { container } = render(<JoinPage />)
    await screen.findByText('一键加入会员')
    fireEvent.click(container.querySelector('#join-button') as Element)
    await waitFor(() => expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/card/index' }))
    expect(callFunction).toHaveBeenCalledWith({
      name: 'member',
      data: { action: 'join', input: { storeId: 'store-1', referrerMemberId: 'm-friend' } },
    })
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '入会成功，获得 50 积分', icon: 'none' })
    const state = useCardStore.getState().state
    expect(state.status === 'ready' && state.data.balance).toBe(50)
  })

  it('joins directly, with no attribution, when opened without parameters', async () => {
    const callFunction = guestAnswers()
    const { container } = render(<JoinPage />)
    await screen.findByText('一键加入会员')
    fireEvent.click(container.querySelector('#join-button') as Element)
    await waitFor(() => expect(Taro.switchTab).toHaveBeenCalled())
    expect(callFunction).toHaveBeenCalledWith({ name: 'member', data: { action: 'join', input: {} } })
  })

  it('sends one join for a double tap', async () => {
    let deliver: (value: unknown) => void = () => undefined
    const callFunction = guestAnswers({ 'member.join': () => new Promise((resolve) => (deliver = resolve)) })
    const { container } = render(<JoinPage />)
    await screen.findByText('一键加入会员')
    const button = container.querySelector('#join-button') as HTMLButtonElement
    fireEvent.click(button)
    fireEvent.click(button)
    expect(button.disabled).toBe(true)
    await act(async () => deliver({ ok: true, data: joined }))
    expect(callFunction.mock.calls.filter(([options]) => options.data.action === 'join')).toHaveLength(1)
  })

  it('shows why joining failed and lets the customer try again', async () => {
    guestAnswers({ 'member.join': { ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试' } })
    const { container } = render(<JoinPage />)
    await screen.findByText('一键加入会员')
    fireEvent.click(container.querySelector('#join-button') as Element)
    await screen.findByText('系统繁忙，请稍后再试')
    expect(Taro.switchTab).not.toHaveBeenCalled()
    guestAnswers()
    fireEvent.click(container.querySelector('#join-button') as Element)
    await waitFor(() => expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/card/index' }))
  })

  it('shows an error with a retry when the membership check fails', async () => {
    guestAnswers({ 'member.card': { ok: false, code: 'NETWORK_ERROR', message: '网络异常，请检查网络后重试' } })
    const { container } = render(<JoinPage />)
    await screen.findByText('网络异常，请检查网络后重试')
    guestAnswers()
    fireEvent.click(container.querySelector('#load-state-retry') as Element)
    await screen.findByText('一键加入会员')
  })

  it('shows an error with a retry when the programme cannot be loaded', async () => {
    guestAnswers({ 'programme.get': { ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试' } })
    const { container } = render(<JoinPage />)
    await screen.findByText('系统繁忙，请稍后再试')
    guestAnswers()
    fireEvent.click(container.querySelector('#load-state-retry') as Element)
    await screen.findByText('一键加入会员')
  })
})
