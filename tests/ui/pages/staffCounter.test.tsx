import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import CounterPage from '@/staff/pages/counter/index'
import { answerCloudFunctions, routeLocalFetchToCloudFunctions } from '../support/cloudFunctions'
import {
  auditEntryOf,
  CASHIER,
  COUPON_TOKEN,
  COUPON_USED_REFUSAL,
  MANAGER,
  MEMBER_TOKEN,
  MORNING_MS,
  todayOf,
  verifiedCouponOf,
} from '../support/staffFixtures'
import { resetStores } from '../support/stores'

const NOT_STAFF = { ok: false, code: 'NOT_STAFF', message: '仅限已绑定的门店员工使用' }
const EMPTY_TODAY = { ok: true, data: todayOf([]) }

function openCounter(params: Record<string, string> = {}) {
  ;(Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params } })
}

async function findById(container: HTMLElement, id: string): Promise<HTMLElement> {
  return waitFor(() => {
    const element = container.querySelector<HTMLElement>(`#${id}`)
    if (element === null) throw new Error(`#${id} is not on the page`)
    return element
  })
}

function inputsOf(callFunction: jest.Mock, action: string): unknown[] {
  return callFunction.mock.calls.filter(([o]) => o.data.action === action).map(([o]) => o.data.input)
}

function type(element: HTMLElement, value: string) {
  fireEvent.change(element, { target: { value } })
}

describe('the counter page', () => {
  const originalEnv = process.env.TARO_ENV

  beforeEach(() => {
    resetStores()
    jest.clearAllMocks()
    openCounter()
  })

  afterEach(() => {
    process.env.TARO_ENV = originalEnv
    delete (globalThis as { fetch?: unknown }).fetch
  })

  it('shows a loading state, then who is at the counter and an empty day', async () => {
    let deliver: (value: unknown) => void = () => undefined
    answerCloudFunctions({
      'staff.me': () => new Promise((resolve) => (deliver = resolve)),
      'staff.today': EMPTY_TODAY,
    })
    const { container } = render(<CounterPage />)
    expect(container.querySelector('#load-state-loading')).not.toBeNull()
    expect(container.querySelector('#counter-code-scan')).toBeNull()
    await act(async () => deliver({ ok: true, data: CASHIER }))
    expect((await findById(container, 'counter-staff')).textContent).toContain('小林1 号店 · 店员')
    await screen.findByText('今天还没有操作记录')
    expect((await findById(container, 'today-total')).textContent).toBe('今日消费合计 ¥0.00')
    expect(container.querySelector('#counter-link-invite')).toBeNull()
    expect(container.querySelector('#today-scope-store')).toBeNull()
  })

  it('shows an error with a retry when the binding cannot be checked', async () => {
    let fail = true
    answerCloudFunctions({
      'staff.me': async () =>
        fail ? { ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试' } : { ok: true, data: CASHIER },
      'staff.today': EMPTY_TODAY,
    })
    const { container } = render(<CounterPage />)
    await screen.findByText('系统繁忙，请稍后再试')
    fail = false
    fireEvent.click(await findById(container, 'load-state-retry'))
    await findById(container, 'counter-staff')
  })

  it('turns away someone who is not staff, without the scan button or today’s actions', async () => {
    const callFunction = answerCloudFunctions({ 'staff.me': NOT_STAFF })
    const { container } = render(<CounterPage />)
    expect((await findById(container, 'accept-invite-title')).textContent).toBe('此页面仅限已绑定的门店员工使用')
    expect(container.querySelector('#counter-code-scan')).toBeNull()
    expect(container.querySelector('#counter-code-input')).toBeNull()
    expect(inputsOf(callFunction, 'today')).toEqual([])
    expect((container.querySelector('#invite-accept-submit') as HTMLButtonElement).disabled).toBe(true)
  })

  it('binds an invitee who opened an invite, then shows the counter', async () => {
    openCounter({ code: 'Ab3dE5gH9k' })
    let bound = false
    const callFunction = answerCloudFunctions({
      'staff.me': async () => (bound ? { ok: true, data: CASHIER } : NOT_STAFF),
      'staff.acceptInvite': async () => {
        bound = true
        return { ok: true, data: { staff: CASHIER } }
      },
      'staff.today': EMPTY_TODAY,
    })
    const { container } = render(<CounterPage />)
    expect(((await findById(container, 'invite-accept-code')) as HTMLInputElement).value).toBe('Ab3dE5gH9k')
    type(await findById(container, 'invite-accept-name'), ' 小林 ')
    fireEvent.click(await findById(container, 'invite-accept-submit'))
    await findById(container, 'counter-staff')
    expect(inputsOf(callFunction, 'acceptInvite')).toEqual([{ code: 'Ab3dE5gH9k', name: '小林' }])
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已绑定为1 号店店员', icon: 'none' })
  })

  it('says why an invite was refused', async () => {
    answerCloudFunctions({
      'staff.me': NOT_STAFF,
      'staff.acceptInvite': { ok: false, code: 'INVITE_EXPIRED', message: '邀请码已过期' },
    })
    const { container } = render(<CounterPage />)
    type(await findById(container, 'invite-accept-code'), 'staff/pages/counter/index?code=Ab3dE5gH9k')
    fireEvent.click(await findById(container, 'invite-accept-submit'))
    expect((await findById(container, 'invite-accept-error')).textContent).toBe('邀请码已过期')
  })

  it('scans a member code with the camera and opens the member panel for it', async () => {
    answerCloudFunctions({ 'staff.me': { ok: true, data: CASHIER }, 'staff.today': EMPTY_TODAY })
    ;(Taro.scanCode as jest.Mock).mockResolvedValueOnce({ result: MEMBER_TOKEN })
    const { container } = render(<CounterPage />)
    fireEvent.click(await findById(container, 'counter-code-scan'))
    await waitFor(() =>
      expect(Taro.navigateTo).toHaveBeenCalledWith({
        url: `/staff/pages/member/index?token=${encodeURIComponent(MEMBER_TOKEN)}`,
      }),
    )
    expect(Taro.scanCode).toHaveBeenCalledWith({ onlyFromCamera: true, scanType: ['qrCode', 'barCode'] })
  })

  it('says nothing when the cashier closes the camera, and asks again when scanning failed', async () => {
    answerCloudFunctions({ 'staff.me': { ok: true, data: CASHIER }, 'staff.today': EMPTY_TODAY })
    ;(Taro.scanCode as jest.Mock).mockRejectedValueOnce({ errMsg: 'scanCode:fail cancel' })
    const { container } = render(<CounterPage />)
    fireEvent.click(await findById(container, 'counter-code-scan'))
    await waitFor(() => expect(Taro.scanCode).toHaveBeenCalledTimes(1))
    expect(container.querySelector('#counter-code-message')).toBeNull()
    ;(Taro.scanCode as jest.Mock).mockRejectedValueOnce({ errMsg: 'scanCode:fail camera' })
    fireEvent.click(await findById(container, 'counter-code-scan'))
    expect((await findById(container, 'counter-code-message')).textContent).toBe('扫码失败，请重试')
    expect(Taro.navigateTo).not.toHaveBeenCalled()
  })

  it('in the H5 build, verifies a pasted coupon code, and a second attempt says who verified it, when and where', async () => {
    process.env.TARO_ENV = 'h5'
    routeLocalFetchToCloudFunctions()
    let used = false
    const callFunction = answerCloudFunctions({
      'staff.me': { ok: true, data: CASHIER },
      'staff.today': EMPTY_TODAY,
      'staff.verifyCoupon': async () => {
        if (used) return COUPON_USED_REFUSAL
        used = true
        return { ok: true, data: verifiedCouponOf() }
      },
    })
    const { container } = render(<CounterPage />)
    expect(container.querySelector('#counter-code-scan')).toBeNull()
    type(await findById(container, 'counter-code-input'), ` ${COUPON_TOKEN} `)
    fireEvent.click(await findById(container, 'counter-code-submit'))
    await waitFor(async () =>
      expect((await findById(container, 'verify-result')).textContent).toBe(
        '核销成功「满 30 减 5 元」满 30 减 5核销时间 2026-05-01 10:00',
      ),
    )
    expect(((await findById(container, 'counter-code-input')) as HTMLInputElement).value).toBe('')
    type(await findById(container, 'counter-code-input'), COUPON_TOKEN)
    fireEvent.click(await findById(container, 'counter-code-submit'))
    await waitFor(async () =>
      expect((await findById(container, 'verify-result')).textContent).toBe(
        '该券已核销，不能重复使用已于 2026-05-01 10:00 由 小林 在 1 号店核销',
      ),
    )
    expect(inputsOf(callFunction, 'verifyCoupon')).toEqual([{ token: COUPON_TOKEN }, { token: COUPON_TOKEN }])
    expect(Taro.navigateTo).not.toHaveBeenCalled()
  })

  it('in the H5 build, refuses a code of no known kind without calling anything', async () => {
    process.env.TARO_ENV = 'h5'
    routeLocalFetchToCloudFunctions()
    const callFunction = answerCloudFunctions({ 'staff.me': { ok: true, data: CASHIER }, 'staff.today': EMPTY_TODAY })
    const { container } = render(<CounterPage />)
    fireEvent.click(await findById(container, 'counter-code-submit'))
    expect((await findById(container, 'counter-code-message')).textContent).toBe('请先扫描或粘贴二维码内容')
    type(await findById(container, 'counter-code-input'), 'https://example.com/')
    fireEvent.click(await findById(container, 'counter-code-submit'))
    await waitFor(async () =>
      expect((await findById(container, 'counter-code-message')).textContent).toBe(
        '无法识别的二维码，请扫描会员码、优惠券码或取货码',
      ),
    )
    expect(callFunction.mock.calls.map(([o]) => o.data.action).filter((a) => a !== 'me' && a !== 'today')).toEqual([])
  })

  it('hands over a pickup order from its 8-digit code, and says who did when it was already collected', async () => {
    let collected = false
    const callFunction = answerCloudFunctions({
      'staff.me': { ok: true, data: CASHIER },
      'staff.today': EMPTY_TODAY,
      'staff.verifyPickup': async () => {
        if (collected) {
          return {
            ok: false,
            code: 'ALREADY_PICKED_UP',
            message: '该订单已领取',
            details: { byOpenid: 'o-x', byName: '王店长', storeId: 'store-1', storeName: '1 号店', atMs: MORNING_MS },
          }
        }
        collected = true
        return {
          ok: true,
          data: {
            orderId: 'order_1',
            memberId: 'm_a1',
            title: '小满帆布袋',
            pickupCode: '48213906',
            pickedUpAtMs: MORNING_MS,
            storeId: 'store-1',
          },
        }
      },
    })
    const { container } = render(<CounterPage />)
    const submit = (await findById(container, 'pickup-submit')) as HTMLButtonElement
    type(await findById(container, 'pickup-code-input'), '4821')
    expect(submit.disabled).toBe(true)
    type(await findById(container, 'pickup-code-input'), '48213906')
    fireEvent.click(submit)
    await waitFor(async () =>
      expect((await findById(container, 'pickup-result')).textContent).toContain(
        '取货成功，请将礼品交给会员「小满帆布袋」',
      ),
    )
    type(await findById(container, 'pickup-code-input'), '48213906')
    fireEvent.click(await findById(container, 'pickup-submit'))
    await waitFor(async () =>
      expect((await findById(container, 'pickup-result')).textContent).toBe(
        '该订单已领取，不能重复领取已于 2026-05-01 10:00 由 王店长 在 1 号店领取',
      ),
    )
    expect(inputsOf(callFunction, 'verifyPickup')).toEqual([{ pickupCode: '48213906' }, { pickupCode: '48213906' }])
    // Each hand-over is an action of today: the list is asked again after each.
    await waitFor(() => expect(inputsOf(callFunction, 'today')).toHaveLength(3))
  })

  it('lists today’s actions without 撤销 for a cashier', async () => {
    answerCloudFunctions({
      'staff.me': { ok: true, data: CASHIER },
      'staff.today': {
        ok: true,
        data: todayOf([
          auditEntryOf({ id: 'audit_2', action: 'verifyCoupon', amountFen: null, points: null, note: '满 30 减 5 元' }),
          auditEntryOf({ note: '小票 A-1' }),
        ]),
      },
    })
    const { container } = render(<CounterPage />)
    expect((await findById(container, 'today-entry-audit_1')).textContent).toBe(
      '记录消费10:00¥88.00 · +105 积分 · 小票 A-1 · 小林',
    )
    expect((await findById(container, 'today-entry-audit_2')).textContent).toBe('核销优惠券10:00满 30 减 5 元 · 小林')
    expect((await findById(container, 'today-total')).textContent).toBe('今日消费合计 ¥88.00')
    expect(container.querySelector('#today-reverse-audit_1')).toBeNull()
  })

  it('lets a manager switch to the whole store’s actions', async () => {
    const callFunction = answerCloudFunctions({
      'staff.me': { ok: true, data: MANAGER },
      'staff.today': async () => {
        const { scope } = (Taro.cloud.callFunction as jest.Mock).mock.lastCall[0].data.input
        return { ok: true, data: todayOf(scope === 'store' ? [auditEntryOf()] : [], scope) }
      },
    })
    const { container } = render(<CounterPage />)
    await screen.findByText('今天还没有操作记录')
    expect(container.querySelector('#counter-link-invite')).not.toBeNull()
    fireEvent.click(await findById(container, 'today-scope-store'))
    await findById(container, 'today-entry-audit_1')
    expect((await findById(container, 'today-scope-store')).className).toContain('today-tabs__tab--active')
    expect(inputsOf(callFunction, 'today')).toEqual([{ scope: 'mine' }, { scope: 'store' }])
  })

  it('reverses a purchase after the manager gives a reason and confirms, and shows the shortfall', async () => {
    let reversed = false
    const callFunction = answerCloudFunctions({
      'staff.me': { ok: true, data: MANAGER },
      'staff.today': async () => ({ ok: true, data: todayOf([auditEntryOf({ reversed })]) }),
      'staff.reversePurchase': async () => {
        reversed = true
        return {
          ok: true,
          data: {
            purchaseEntryId: 'purchase_1',
            memberId: 'm_a1',
            points: 105,
            takenBack: 80,
            shortfall: 25,
            growthTakenBack: 88,
            balanceBefore: 80,
            balanceAfter: 0,
            reversedAtMs: MORNING_MS,
          },
        }
      },
    })
    const { container } = render(<CounterPage />)
    fireEvent.click(await findById(container, 'today-reverse-audit_1'))
    const confirm = (await findById(container, 'reverse-confirm')) as HTMLButtonElement
    expect(confirm.disabled).toBe(true)
    type(await findById(container, 'reverse-reason'), '顾客退货')
    fireEvent.click(confirm)
    await waitFor(async () =>
      expect((await findById(container, 'reverse-result')).textContent).toBe(
        '已撤销，扣回 80 积分会员积分 80 → 0会员已使用其中 25 积分，差额无法扣回，已记入撤销记录',
      ),
    )
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({
        title: '确认撤销',
        content: '撤销这笔 ¥88.00 消费，将扣回它发放的 105 积分和成长值，且不能再次撤销。',
      }),
    )
    expect(inputsOf(callFunction, 'reversePurchase')).toEqual([{ purchaseEntryId: 'purchase_1', reason: '顾客退货' }])
    await screen.findByText('已撤销')
    expect(container.querySelector('#today-reverse-audit_1')).toBeNull()
  })

  it('reverses nothing when the manager cancels, and says why a reversal was refused', async () => {
    const callFunction = answerCloudFunctions({
      'staff.me': { ok: true, data: MANAGER },
      'staff.today': { ok: true, data: todayOf([auditEntryOf()]) },
      'staff.reversePurchase': { ok: false, code: 'FORBIDDEN', message: '没有权限执行此操作' },
    })
    const { container } = render(<CounterPage />)
    fireEvent.click(await findById(container, 'today-reverse-audit_1'))
    type(await findById(container, 'reverse-reason'), '录错金额')
    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true })
    fireEvent.click(await findById(container, 'reverse-confirm'))
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
    expect(inputsOf(callFunction, 'reversePurchase')).toEqual([])
    fireEvent.click(await findById(container, 'reverse-confirm'))
    expect((await findById(container, 'reverse-error')).textContent).toBe('撤销失败：没有权限执行此操作')
    fireEvent.click(await findById(container, 'today-reverse-audit_1'))
    fireEvent.click(await findById(container, 'reverse-cancel'))
    expect(container.querySelector('#reverse-form')).toBeNull()
    expect(inputsOf(callFunction, 'reversePurchase')).toHaveLength(1)
  })
})
