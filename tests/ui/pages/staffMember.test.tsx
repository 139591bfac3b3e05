import { ERROR_MESSAGES } from '@shared/errors'
import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import MemberPanelPage from '@/staff/pages/member/index'
import { answerCloudFunctions, routeLocalFetchToCloudFunctions } from '../support/cloudFunctions'
import {
  approvalViewOf,
  CASHIER,
  COUNTER_SESSION,
  COUPON_TOKEN,
  COUPON_USED_REFUSAL,
  counterMemberOf,
  MEMBER_TOKEN,
  previewOf,
  recordedOf,
  verifiedCouponOf,
} from '../support/staffFixtures'
import { resetStores } from '../support/stores'

function openPanel(params: Record<string, string> = { token: MEMBER_TOKEN }) {
  ;(Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params } })
}

async function findById(container: HTMLElement, id: string): Promise<HTMLElement> {
  return waitFor(() => {
    const element = container.querySelector<HTMLElement>(`#${id}`)
    if (element === null) throw new Error(`#${id} is not on the page`)
    return element
  })
}

function inputsOf(callFunction: jest.Mock, action: string): Record<string, unknown>[] {
  return callFunction.mock.calls.filter(([o]) => o.data.action === action).map(([o]) => o.data.input)
}

/** Taps keypad keys in order: `88.5` taps 8, 8, dot, 5; `<` taps delete. */
async function typeOnKeypad(container: HTMLElement, keys: string) {
  for (const key of keys) {
    const id = key === '.' ? 'keypad-dot' : key === '<' ? 'keypad-delete' : `keypad-${key}`
    fireEvent.click(await findById(container, id))
  }
}

/** Answers a cashier's panel: the member, previews computed from the amount, and the given overrides. */
function panelAnswers(overrides: Record<string, unknown> = {}) {
  return answerCloudFunctions({
    'staff.me': { ok: true, data: CASHIER },
    'staff.resolveMemberCode': { ok: true, data: counterMemberOf() },
    'staff.previewPurchase': async () => {
      const { amountFen } = (Taro.cloud.callFunction as jest.Mock).mock.lastCall[0].data.input
      return { ok: true, data: previewOf(amountFen) }
    },
    ...overrides,
  })
}

describe('the member panel', () => {
  const originalEnv = process.env.TARO_ENV

  beforeEach(() => {
    resetStores()
    jest.clearAllMocks()
    openPanel()
  })

  afterEach(() => {
    process.env.TARO_ENV = originalEnv
    delete (globalThis as { fetch?: unknown }).fetch
  })

  it('shows a loading state, then who is at the counter: name, tier, balance and usable coupons', async () => {
    let deliver: (value: unknown) => void = () => undefined
    const callFunction = panelAnswers({
      'staff.resolveMemberCode': () => new Promise((resolve) => (deliver = resolve)),
    })
    const { container } = render(<MemberPanelPage />)
    await waitFor(() => expect(inputsOf(callFunction, 'resolveMemberCode')).toEqual([{ token: MEMBER_TOKEN }]))
    expect(container.querySelector('#load-state-loading')).not.toBeNull()
    await act(async () => deliver({ ok: true, data: counterMemberOf() }))
    expect((await findById(container, 'member-name')).textContent).toBe('小满')
    expect((await findById(container, 'member-tier')).textContent).toBe('银卡会员')
    expect((await findById(container, 'member-balance')).textContent).toBe('可用积分 1280')
    expect((await findById(container, 'member-coupon-c_77')).textContent).toBe(
      '满 30 减 5满 30 减 5 元有效期至 2026-05-31 09:59',
    )
    expect((await findById(container, 'purchase-amount')).textContent).toBe('0.00')
    expect((await findById(container, 'purchase-submit')) as HTMLButtonElement).toHaveProperty('disabled', true)
  })

  it('says so when the member has no usable coupons', async () => {
    panelAnswers({ 'staff.resolveMemberCode': { ok: true, data: counterMemberOf({ coupons: [], nickname: null }) } })
    const { container } = render(<MemberPanelPage />)
    expect((await findById(container, 'member-coupons-empty')).textContent).toBe('暂无可用优惠券')
    expect((await findById(container, 'member-name')).textContent).toBe('会员')
  })

  it('says why a member code was refused and leads back to the counter to scan again', async () => {
    panelAnswers({
      'staff.resolveMemberCode': { ok: false, code: 'CODE_EXPIRED', message: ERROR_MESSAGES.CODE_EXPIRED },
    })
    const { container } = render(<MemberPanelPage />)
    await screen.findByText('二维码已过期，请刷新后重试')
    fireEvent.click(await findById(container, 'member-back'))
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/staff/pages/counter/index' })
  })

  it('asks for a scan when opened without a member code', async () => {
    openPanel({})
    const callFunction = panelAnswers()
    render(<MemberPanelPage />)
    await screen.findByText('请先在收银台扫描会员码')
    expect(inputsOf(callFunction, 'resolveMemberCode')).toEqual([])
  })

  it('shows nothing of the member to someone who is not staff', async () => {
    const callFunction = panelAnswers({
      'staff.me': { ok: false, code: 'NOT_STAFF', message: '仅限已绑定的门店员工使用' },
    })
    const { container } = render(<MemberPanelPage />)
    await screen.findByText('仅限已绑定的门店员工使用')
    expect(container.querySelector('#staff-not-staff')).not.toBeNull()
    expect(inputsOf(callFunction, 'resolveMemberCode')).toEqual([])
  })

  it('takes yuan with two decimals on the keypad and previews the points once the keypad rests', async () => {
    const callFunction = panelAnswers()
    const { container } = render(<MemberPanelPage />)
    await typeOnKeypad(container, '0088.005<')
    expect((await findById(container, 'purchase-amount')).textContent).toBe('88.0')
    await typeOnKeypad(container, '0.')
    expect((await findById(container, 'purchase-amount')).textContent).toBe('88.00')
    await waitFor(async () =>
      expect((await findById(container, 'purchase-preview-points')).textContent).toBe('预计获得 105 积分 · 成长值 88'),
    )
    expect((await findById(container, 'purchase-preview')).textContent).toContain('基础积分 88；等级加成 1.2 倍 +17')
    expect(inputsOf(callFunction, 'previewPurchase')).toEqual([{ session: COUNTER_SESSION, amountFen: 8800 }])
  })

  it('records the purchase after the cashier confirms, and says what it gave', async () => {
    const callFunction = panelAnswers({
      'staff.recordPurchase': { ok: true, data: recordedOf({ receiptNo: 'A-1' }) },
    })
    const { container } = render(<MemberPanelPage />)
    await typeOnKeypad(container, '88')
    fireEvent.change(await findById(container, 'purchase-receipt'), { target: { value: ' A-1 ' } })
    await findById(container, 'purchase-preview-points')
    fireEvent.click(await findById(container, 'purchase-submit'))
    const result = await findById(container, 'purchase-result')
    expect(result.textContent).toBe('已记录消费 ¥88.00获得 105 积分，积分 1280 → 1385小票号 A-1继续记录')
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '确认记录消费', content: '为 小满 记录消费 ¥88.00，预计获得 105 积分。' }),
    )
    const [input] = inputsOf(callFunction, 'recordPurchase')
    expect(input).toEqual({
      session: COUNTER_SESSION,
      amountFen: 8800,
      receiptNo: 'A-1',
      requestId: expect.any(String),
    })
    expect(input?.requestId).toMatch(/^[A-Za-z0-9_-]{16}$/)
    expect((await findById(container, 'member-balance')).textContent).toBe('可用积分 1385')
    fireEvent.click(await findById(container, 'purchase-next'))
    expect((await findById(container, 'purchase-amount')).textContent).toBe('0.00')
    expect(((await findById(container, 'purchase-receipt')) as HTMLInputElement).value).toBe('')
  })

  it('announces a tier upgrade and its gift, and a replayed receipt that awarded nothing new', async () => {
    const upgraded = recordedOf({ upgradedTo: { id: 'gold', name: '金卡会员' }, upgradeGiftPoints: 200 })
    let answer: unknown = { ok: true, data: upgraded }
    panelAnswers({ 'staff.recordPurchase': async () => answer })
    const { container } = render(<MemberPanelPage />)
    await typeOnKeypad(container, '88')
    fireEvent.click(await findById(container, 'purchase-submit'))
    expect((await findById(container, 'purchase-result-upgrade')).textContent).toBe('会员升级为金卡会员，赠送 200 积分')
    expect((await findById(container, 'member-tier')).textContent).toBe('金卡会员')
    answer = { ok: true, data: recordedOf({ replayed: true }) }
    fireEvent.click(await findById(container, 'purchase-next'))
    await typeOnKeypad(container, '88')
    fireEvent.click(await findById(container, 'purchase-submit'))
    await waitFor(async () =>
      expect((await findById(container, 'purchase-result-title')).textContent).toBe(
        '该笔消费此前已记录，未重复发放积分',
      ),
    )
  })

  it('records nothing when the cashier cancels the confirmation', async () => {
    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true })
    const callFunction = panelAnswers({ 'staff.recordPurchase': { ok: true, data: recordedOf() } })
    const { container } = render(<MemberPanelPage />)
    await typeOnKeypad(container, '88')
    fireEvent.click(await findById(container, 'purchase-submit'))
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled())
    expect(inputsOf(callFunction, 'recordPurchase')).toEqual([])
  })

  it('sends a purchase above the cashier’s limit to the manager', async () => {
    panelAnswers({
      'staff.previewPurchase': { ok: true, data: previewOf(600_000, { needsManagerApproval: true }) },
      'staff.recordPurchase': {
        ok: false,
        code: 'MANAGER_APPROVAL_REQUIRED',
        message: ERROR_MESSAGES.MANAGER_APPROVAL_REQUIRED,
      },
    })
    const { container } = render(<MemberPanelPage />)
    await typeOnKeypad(container, '6000')
    expect((await findById(container, 'purchase-preview-approval')).textContent).toBe('超出店员限额，需店长操作')
    fireEvent.click(await findById(container, 'purchase-submit'))
    expect((await findById(container, 'purchase-error')).textContent).toBe('超出限额，请店长操作')
    expect(container.querySelector('#purchase-result')).toBeNull()
    expect((await findById(container, 'member-balance')).textContent).toBe('可用积分 1280')
  })

  /** The over-limit refusal of ¥6000.00 with receipt A-9, on the panel; answers the recordPurchase input. */
  async function refusedOverLimit(container: HTMLElement, callFunction: jest.Mock) {
    await typeOnKeypad(container, '6000')
    fireEvent.change(await findById(container, 'purchase-receipt'), { target: { value: 'A-9' } })
    fireEvent.click(await findById(container, 'purchase-submit'))
    expect((await findById(container, 'purchase-error')).textContent).toBe('超出限额，请店长操作')
    const [recorded] = inputsOf(callFunction, 'recordPurchase')
    return recorded
  }

  const OVER_LIMIT = {
    'staff.previewPurchase': { ok: true, data: previewOf(600_000, { needsManagerApproval: true }) },
    'staff.recordPurchase': {
      ok: false,
      code: 'MANAGER_APPROVAL_REQUIRED',
      message: ERROR_MESSAGES.MANAGER_APPROVAL_REQUIRED,
    },
  }

  it('submits a refused over-limit purchase to the manager, as it was sent, once', async () => {
    let deliver: (value: unknown) => void = () => undefined
    const callFunction = panelAnswers({
      ...OVER_LIMIT,
      'staff.requestApproval': () => new Promise((resolve) => (deliver = resolve)),
    })
    const { container } = render(<MemberPanelPage />)
    const recorded = await refusedOverLimit(container, callFunction)
    const submit = (await findById(container, 'purchase-approval-submit')) as HTMLButtonElement
    expect(submit.textContent).toBe('提交店长审批')
    fireEvent.click(submit)
    await waitFor(() => expect(submit.disabled).toBe(true))
    expect(submit.textContent).toBe('提交中…')
    // A second tap while the first is on its way sends nothing.
    fireEvent.click(submit)
    expect(inputsOf(callFunction, 'requestApproval')).toEqual([
      { session: COUNTER_SESSION, amountFen: 600_000, receiptNo: 'A-9', requestId: recorded?.requestId },
    ])
    await act(async () => deliver({ ok: true, data: { approval: approvalViewOf(), replayed: false } }))
    expect((await findById(container, 'purchase-approval-title')).textContent).toBe('已提交店长审批')
    expect((await findById(container, 'purchase-approval-amount')).textContent).toBe(
      '消费 ¥6000.00 待店长审批，批准后积分自动发放',
    )
    expect((await findById(container, 'purchase-approval-pending')).textContent).toContain('2026-05-02 10:00 前有效')
    expect(submit.disabled).toBe(true)
    expect(submit.textContent).toBe('已提交')
    expect(((await findById(container, 'purchase-submit')) as HTMLButtonElement).disabled).toBe(true)
    fireEvent.click(submit)
    expect(inputsOf(callFunction, 'requestApproval')).toHaveLength(1)
    expect((await findById(container, 'member-balance')).textContent).toBe('可用积分 1280')
    fireEvent.click(await findById(container, 'purchase-approval-next'))
    expect((await findById(container, 'purchase-amount')).textContent).toBe('0.00')
    expect(container.querySelector('#purchase-approval-submit')).toBeNull()
  })

  it('says why a submission failed, and submits again under the same request id, which answers the same approval', async () => {
    let fail = true
    const callFunction = panelAnswers({
      ...OVER_LIMIT,
      'staff.requestApproval': async () => {
        if (fail) throw new Error('request:fail timeout')
        return { ok: true, data: { approval: approvalViewOf(), replayed: true } }
      },
    })
    const { container } = render(<MemberPanelPage />)
    await refusedOverLimit(container, callFunction)
    fireEvent.click(await findById(container, 'purchase-approval-submit'))
    expect((await findById(container, 'purchase-approval-error')).textContent).toBe('网络异常，提交结果未确认，请重试')
    expect(container.querySelector('#purchase-approval-pending')).toBeNull()
    fail = false
    fireEvent.click(await findById(container, 'purchase-approval-submit'))
    expect((await findById(container, 'purchase-approval-pending')).textContent).toContain(
      '该笔消费此前已提交，未重复提交',
    )
    const [first, second] = inputsOf(callFunction, 'requestApproval')
    expect(second).toEqual(first)
    expect(container.querySelector('#purchase-approval-error')).toBeNull()
  })

  it('shows the refusal text of a submission the server turns down', async () => {
    const callFunction = panelAnswers({
      ...OVER_LIMIT,
      'staff.requestApproval': { ok: false, code: 'SELF_PURCHASE', message: ERROR_MESSAGES.SELF_PURCHASE },
    })
    const { container } = render(<MemberPanelPage />)
    await refusedOverLimit(container, callFunction)
    fireEvent.click(await findById(container, 'purchase-approval-submit'))
    expect((await findById(container, 'purchase-approval-error')).textContent).toBe(ERROR_MESSAGES.SELF_PURCHASE)
    expect(container.querySelector('#purchase-approval-pending')).toBeNull()
  })

  it('offers no submission for other refusals', async () => {
    panelAnswers({
      'staff.recordPurchase': { ok: false, code: 'REQUEST_ID_REUSED', message: ERROR_MESSAGES.REQUEST_ID_REUSED },
    })
    const { container } = render(<MemberPanelPage />)
    await typeOnKeypad(container, '88')
    fireEvent.click(await findById(container, 'purchase-submit'))
    expect((await findById(container, 'purchase-error')).textContent).toBe('本次记录请求已失效，请重新记录')
    expect(container.querySelector('#purchase-approval-submit')).toBeNull()
  })

  it('asks for the member code again when the counter session has run out', async () => {
    panelAnswers({
      'staff.recordPurchase': {
        ok: false,
        code: 'COUNTER_SESSION_EXPIRED',
        message: ERROR_MESSAGES.COUNTER_SESSION_EXPIRED,
      },
    })
    const { container } = render(<MemberPanelPage />)
    await typeOnKeypad(container, '88')
    fireEvent.click(await findById(container, 'purchase-submit'))
    expect((await findById(container, 'purchase-error')).textContent).toBe('扫码已超过 5 分钟，请重新扫描会员码')
    expect(container.querySelector('#purchase-retry')).toBeNull()
    expect(container.querySelector('#panel-code-scan')).not.toBeNull()
  })

  it('retries a purchase whose outcome is unknown with the same request id', async () => {
    let fail = true
    const callFunction = panelAnswers({
      'staff.recordPurchase': async () => {
        if (fail) throw new Error('request:fail timeout')
        return { ok: true, data: recordedOf() }
      },
    })
    const { container } = render(<MemberPanelPage />)
    await typeOnKeypad(container, '88')
    fireEvent.click(await findById(container, 'purchase-submit'))
    expect((await findById(container, 'purchase-error')).textContent).toBe('网络异常，记录结果未确认，请点击重试')
    // The keypad is locked while the first attempt may have gone through.
    await typeOnKeypad(container, '1')
    expect((await findById(container, 'purchase-amount')).textContent).toBe('88')
    fail = false
    fireEvent.click(await findById(container, 'purchase-retry'))
    await findById(container, 'purchase-result')
    const [first, second] = inputsOf(callFunction, 'recordPurchase')
    expect(second?.requestId).toBe(first?.requestId)
  })

  it('in the H5 build, verifies the member’s coupon from its pasted code, then refuses it with who, when and where', async () => {
    process.env.TARO_ENV = 'h5'
    routeLocalFetchToCloudFunctions()
    let used = false
    panelAnswers({
      'staff.verifyCoupon': async () => {
        if (used) return COUPON_USED_REFUSAL
        used = true
        return { ok: true, data: verifiedCouponOf() }
      },
    })
    const { container } = render(<MemberPanelPage />)
    await findById(container, 'member-coupon-c_77')
    fireEvent.change(await findById(container, 'panel-code-input'), { target: { value: COUPON_TOKEN } })
    fireEvent.click(await findById(container, 'panel-code-submit'))
    await waitFor(async () => expect((await findById(container, 'verify-result-title')).textContent).toBe('核销成功'))
    expect(container.querySelector('#member-coupon-c_77')).toBeNull()
    fireEvent.change(await findById(container, 'panel-code-input'), { target: { value: COUPON_TOKEN } })
    fireEvent.click(await findById(container, 'panel-code-submit'))
    await waitFor(async () =>
      expect((await findById(container, 'verify-result')).textContent).toBe(
        '该券已核销，不能重复使用已于 2026-05-01 10:00 由 小林 在 1 号店核销',
      ),
    )
  })

  it('switches to another member when their code is scanned', async () => {
    const other = 'M1.m_b2.t5x9q0.t5x9r0.cZ3-_x9Q.Yk2aaaaaaaaaaaaaaaaaaa'
    const callFunction = panelAnswers({
      'staff.resolveMemberCode': async () => {
        const { token } = (Taro.cloud.callFunction as jest.Mock).mock.lastCall[0].data.input
        return {
          ok: true,
          data: token === other ? counterMemberOf({ memberId: 'm_b2', nickname: '阿福' }) : counterMemberOf(),
        }
      },
    })
    ;(Taro.scanCode as jest.Mock).mockResolvedValueOnce({ result: other })
    const { container } = render(<MemberPanelPage />)
    await screen.findByText('小满')
    fireEvent.click(await findById(container, 'panel-code-scan'))
    await screen.findByText('阿福')
    expect(inputsOf(callFunction, 'resolveMemberCode')).toEqual([{ token: MEMBER_TOKEN }, { token: other }])
  })
})
