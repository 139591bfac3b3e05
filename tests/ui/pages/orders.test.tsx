import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import OrdersPage from '@/pages/orders/index'
import { answerCloudFunctions } from '../support/cloudFunctions'
import { ISSUED_AT_MS, orderOf } from '../support/mallFixtures'
import { resetStores } from '../support/stores'

const WAITING = orderOf()
const PICKED_UP = orderOf({
  id: 'order-0',
  pickupCode: '11112222',
  status: 'pickedUp',
  pickedUpAtMs: ISSUED_AT_MS + 3_600_000,
})
const CANCELLED = {
  ...WAITING,
  status: 'cancelled' as const,
  cancelledAtMs: ISSUED_AT_MS + 60_000,
  cancelledBy: 'member' as const,
}

function byId(container: HTMLElement, id: string): HTMLElement {
  const element = container.querySelector<HTMLElement>(`#${id}`)
  if (element === null) throw new Error(`#${id} is not on the page`)
  return element
}

describe('the orders page', () => {
  beforeEach(() => {
    resetStores()
    jest.clearAllMocks()
  })

  it('shows a loading state, then each order with its pickup code and status', async () => {
    let deliver: (value: unknown) => void = () => undefined
    answerCloudFunctions({ 'mall.orders': () => new Promise((resolve) => (deliver = resolve)) })
    const { container } = render(<OrdersPage />)
    expect(container.querySelector('#load-state-loading')).not.toBeNull()
    await act(async () => deliver({ ok: true, data: { orders: [WAITING, PICKED_UP] } }))
    expect(byId(container, 'order-code-order-1').textContent).toBe('48213906')
    expect(byId(container, 'order-order-1').querySelector('.order__status')?.textContent).toBe('待领取')
    expect(byId(container, 'order-order-1').textContent).toContain('300 积分 · 2026-05-01 10:00')
    expect(byId(container, 'order-order-0').querySelector('.order__status')?.textContent).toBe('已领取')
    expect(byId(container, 'order-order-0').textContent).toContain('领取时间 2026-05-01 11:00')
    expect(container.querySelector('#cancel-order-1')).not.toBeNull()
    expect(container.querySelector('#cancel-order-0')).toBeNull()
  })

  it('shows an order the pickup window ran out on as cancelled by expiry, with no cancel button', async () => {
    const expired = orderOf({
      id: 'order-2',
      status: 'cancelled',
      cancelledAtMs: ISSUED_AT_MS + 30 * 86_400_000,
      cancelledBy: 'expiry',
    })
    answerCloudFunctions({ 'mall.orders': { ok: true, data: { orders: [expired, CANCELLED] } } })
    const { container } = render(<OrdersPage />)
    await screen.findByText('已过期自动取消')
    expect(byId(container, 'order-order-2').textContent).toContain('取消时间 2026-05-31 10:00，积分已退回')
    expect(byId(container, 'order-order-1').querySelector('.order__status')?.textContent).toBe('已取消')
    expect(container.querySelector('#cancel-order-2')).toBeNull()
  })

  it('says so when there are no orders, with a way to the mall', async () => {
    answerCloudFunctions({ 'mall.orders': { ok: true, data: { orders: [] } } })
    const { container } = render(<OrdersPage />)
    await screen.findByText('还没有兑换订单')
    fireEvent.click(byId(container, 'orders-go-mall'))
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/mall/index' })
  })

  it('shows the error with a retry', async () => {
    let fail = true
    answerCloudFunctions({
      'mall.orders': async () =>
        fail
          ? { ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试' }
          : { ok: true, data: { orders: [WAITING] } },
    })
    const { container } = render(<OrdersPage />)
    await screen.findByText('系统繁忙，请稍后再试')
    fail = false
    fireEvent.click(byId(container, 'load-state-retry'))
    await screen.findByText('48213906')
  })

  it('cancels an unclaimed order after the member confirms, and says how many points came back', async () => {
    const callFunction = answerCloudFunctions({
      'mall.orders': { ok: true, data: { orders: [WAITING] } },
      'mall.cancelOrder': {
        ok: true,
        data: { order: CANCELLED, alreadyCancelled: false, refundedPoints: 300, balance: 1280 },
      },
    })
    const { container } = render(<OrdersPage />)
    fireEvent.click(await screen.findByText('取消订单'))
    await screen.findByText('订单已取消，已退回 300 积分，当前积分 1280')
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ content: '取消「小满帆布袋」后，300 积分将退回你的账户。确定取消吗？' }),
    )
    expect(callFunction).toHaveBeenCalledWith({
      name: 'mall',
      data: { action: 'cancelOrder', input: { orderId: 'order-1' } },
    })
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已退回 300 积分', icon: 'none' })
    expect(byId(container, 'order-order-1').querySelector('.order__status')?.textContent).toBe('已取消')
    expect(container.querySelector('#cancel-order-1')).toBeNull()
  })

  it('says an order cancelled twice gave its points back once', async () => {
    answerCloudFunctions({
      'mall.orders': { ok: true, data: { orders: [WAITING] } },
      'mall.cancelOrder': {
        ok: true,
        data: { order: CANCELLED, alreadyCancelled: true, refundedPoints: 0, balance: 1280 },
      },
    })
    render(<OrdersPage />)
    fireEvent.click(await screen.findByText('取消订单'))
    await screen.findByText('订单已取消过，积分此前已退回')
  })

  it('cancels nothing when the member thinks again', async () => {
    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true })
    const callFunction = answerCloudFunctions({ 'mall.orders': { ok: true, data: { orders: [WAITING] } } })
    render(<OrdersPage />)
    fireEvent.click(await screen.findByText('取消订单'))
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled())
    expect(callFunction.mock.calls.map(([options]) => options.data.action)).toEqual(['orders'])
  })

  it('shows a refusal and reloads: the order was picked up meanwhile', async () => {
    let pickedUp = false
    answerCloudFunctions({
      'mall.orders': async () => ({
        ok: true,
        data: { orders: [pickedUp ? { ...WAITING, status: 'pickedUp' } : WAITING] },
      }),
      'mall.cancelOrder': async () => {
        pickedUp = true
        return { ok: false, code: 'ORDER_NOT_CANCELLABLE', message: '订单已领取，无法取消' }
      },
    })
    const { container } = render(<OrdersPage />)
    fireEvent.click(await screen.findByText('取消订单'))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '订单已领取，无法取消', icon: 'none' }))
    expect(byId(container, 'order-order-1').querySelector('.order__status')?.textContent).toBe('已领取')
    expect(container.querySelector('#cancel-order-1')).toBeNull()
  })
})
