import type { DecideApprovalResult } from '@shared/contracts'
import { ERROR_MESSAGES } from '@shared/errors'
import Taro from '@tarojs/taro'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import AdminApprovalsPage from '@/admin/pages/approvals/index'
import { ADMIN } from '../support/adminFixtures'
import { answerCloudFunctions } from '../support/cloudFunctions'
import { click, inputsOf } from '../support/staffAdminFixtures'
import { approvalViewOf, CASHIER, MANAGER, MORNING_MS } from '../support/staffFixtures'
import { resetStores } from '../support/stores'

const LIN_REQUEST = approvalViewOf({ approvalId: 'o-lin_req-1' })
const ZHOU_REQUEST = approvalViewOf({
  approvalId: 'o-zhou_req-2',
  clerkName: '小周',
  memberId: 'm_b2',
  // A member without a nickname (or an approval asked before nicknames were kept): the number alone.
  memberNickname: null,
  amountFen: 520_050,
  receiptNo: null,
  requestedAtMs: MORNING_MS + 30 * 60_000,
  expiresAtMs: MORNING_MS + 30 * 60_000 + 86_400_000,
})
const listed = { ok: true, data: { approvals: [ZHOU_REQUEST, LIN_REQUEST] } }

function decidedOf(overrides: Partial<DecideApprovalResult> = {}): DecideApprovalResult {
  return {
    approvalId: LIN_REQUEST.approvalId,
    status: 'approved',
    purchaseEntryId: 'purchase_store-1_req-1',
    points: 7200,
    replayed: false,
    ...overrides,
  }
}

/** A manager's screen, answering `decideApproval` with `decide` (a value, or a function for answers in turn). */
function answerManager(decide: unknown = { ok: true, data: decidedOf() }) {
  return answerCloudFunctions({
    'staff.me': { ok: true, data: MANAGER },
    'admin.listApprovals': listed,
    'admin.decideApproval': decide,
  })
}

function textOf(container: HTMLElement, id: string): string {
  return container.querySelector(`#${id}`)?.textContent ?? ''
}

beforeEach(() => {
  resetStores()
  jest.clearAllMocks()
})

describe('the 审批 screen', () => {
  it('lists the pending requests: amount, clerk, member, receipt, when asked and until when', async () => {
    const callFunction = answerManager()
    const { container } = render(<AdminApprovalsPage />)
    await screen.findByText('¥6000.00 · 小林')
    expect(textOf(container, 'approval-o-lin_req-1-member')).toBe('会员 阿满（m_a1） · 小票号 A-9')
    expect(textOf(container, 'approval-o-lin_req-1-times')).toBe('提交于 2026-05-01 10:00 · 2026-05-02 10:00 前有效')
    expect(textOf(container, 'approval-o-zhou_req-2-amount')).toBe('¥5200.50 · 小周')
    expect(textOf(container, 'approval-o-zhou_req-2-member')).toBe('会员 m_b2')
    expect(textOf(container, 'approval-o-zhou_req-2-times')).toBe('提交于 2026-05-01 10:30 · 2026-05-02 10:30 前有效')
    // In the order the function answered: newest first.
    const rows = [...container.querySelectorAll('.admin-approval')].map((row) => row.id)
    expect(rows).toEqual(['approval-o-zhou_req-2', 'approval-o-lin_req-1'])
    expect(inputsOf(callFunction, 'listApprovals')).toEqual([{}])
  })

  it('approves after a confirmation, says the points credited, and takes the row off the list', async () => {
    const callFunction = answerManager()
    const { container } = render(<AdminApprovalsPage />)
    await screen.findByText('¥6000.00 · 小林')
    click(container, 'approval-o-lin_req-1-approve')
    await screen.findByText('已批准小林 提交的 ¥6000.00 消费，会员获得 7200 积分')
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '批准消费', content: expect.stringContaining('¥6000.00') }),
    )
    const [input] = inputsOf(callFunction, 'decideApproval')
    expect(input).toEqual({ approvalId: 'o-lin_req-1', decision: 'approve', requestId: expect.any(String) })
    expect(input?.requestId).toMatch(/^[A-Za-z0-9_-]{16}$/)
    expect(container.querySelector('#approval-o-lin_req-1')).toBeNull()
    expect(container.querySelector('#approval-o-zhou_req-2')).not.toBeNull()
  })

  it('sends nothing when the manager cancels the confirmation', async () => {
    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true })
    const callFunction = answerManager()
    const { container } = render(<AdminApprovalsPage />)
    await screen.findByText('¥6000.00 · 小林')
    click(container, 'approval-o-lin_req-1-approve')
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled())
    expect(inputsOf(callFunction, 'decideApproval')).toEqual([])
    expect(container.querySelector('#approval-o-lin_req-1')).not.toBeNull()
  })

  it('rejects only with a reason of at most 100 characters, said at the field, and sends it trimmed', async () => {
    const callFunction = answerManager({
      ok: true,
      data: decidedOf({ status: 'rejected', points: 0, purchaseEntryId: null }),
    })
    const { container } = render(<AdminApprovalsPage />)
    await screen.findByText('¥6000.00 · 小林')
    click(container, 'approval-o-lin_req-1-reject')
    click(container, 'approval-o-lin_req-1-reject-confirm')
    expect(textOf(container, 'approval-o-lin_req-1-reason-error')).toBe('请填写驳回原因')
    const reason = container.querySelector('#approval-o-lin_req-1-reason') as Element
    fireEvent.change(reason, { target: { value: '长'.repeat(101) } })
    expect(container.querySelector('#approval-o-lin_req-1-reason-error')).toBeNull()
    click(container, 'approval-o-lin_req-1-reject-confirm')
    await waitFor(() => expect(textOf(container, 'approval-o-lin_req-1-reason-error')).toBe('原因不能超过 100 个字'))
    expect(inputsOf(callFunction, 'decideApproval')).toEqual([])
    fireEvent.change(reason, { target: { value: ' 小票金额不符 ' } })
    click(container, 'approval-o-lin_req-1-reject-confirm')
    await screen.findByText('已驳回小林 提交的 ¥6000.00 消费')
    expect(inputsOf(callFunction, 'decideApproval')).toEqual([
      { approvalId: 'o-lin_req-1', decision: 'reject', reason: '小票金额不符', requestId: expect.any(String) },
    ])
    expect(container.querySelector('#approval-o-lin_req-1')).toBeNull()
  })

  it.each([
    ['decided by someone else', 'APPROVAL_DECIDED', '该申请已由其他人处理，本次操作未生效'],
    ['expired', 'APPROVAL_EXPIRED', '该申请已过期，请店员重新提交'],
  ] as const)('says so when the request was %s, and takes it off the list', async (_case, code, text) => {
    answerManager({ ok: false, code, message: ERROR_MESSAGES[code] })
    const { container } = render(<AdminApprovalsPage />)
    await screen.findByText('¥6000.00 · 小林')
    click(container, 'approval-o-lin_req-1-approve')
    await screen.findByText(text)
    expect(container.querySelector('#approvals-notice')?.className).toContain('admin-notice--failed')
    expect(container.querySelector('#approval-o-lin_req-1')).toBeNull()
    expect(container.querySelector('#approval-o-zhou_req-2')).not.toBeNull()
  })

  it('decides again with the same request id when the outcome is unknown, and says a replay credited nothing new', async () => {
    const answers: unknown[] = [
      { ok: false, code: 'NETWORK_ERROR', message: ERROR_MESSAGES.NETWORK_ERROR },
      { ok: true, data: decidedOf({ points: 0, replayed: true }) },
      { ok: true, data: decidedOf({ approvalId: ZHOU_REQUEST.approvalId }) },
    ]
    const callFunction = answerManager(async () => answers.shift())
    const { container } = render(<AdminApprovalsPage />)
    await screen.findByText('¥6000.00 · 小林')
    click(container, 'approval-o-lin_req-1-approve')
    await screen.findByText('网络异常，审批结果未确认，请重试')
    expect(container.querySelector('#approval-o-lin_req-1')).not.toBeNull()
    click(container, 'approval-o-lin_req-1-approve')
    await screen.findByText('小林 提交的 ¥6000.00 消费此前已批准，积分已发放，未重复发放')
    click(container, 'approval-o-zhou_req-2-approve')
    await screen.findByText('已批准小周 提交的 ¥5200.50 消费，会员获得 7200 积分')
    const [first, retry, next] = inputsOf(callFunction, 'decideApproval')
    expect(retry?.requestId).toBe(first?.requestId)
    expect(next?.requestId).not.toBe(first?.requestId)
  })

  it('says 暂无待审批 when nothing waits, and the list is empty after the last decision', async () => {
    answerCloudFunctions({
      'staff.me': { ok: true, data: ADMIN },
      'admin.listApprovals': { ok: true, data: { approvals: [LIN_REQUEST] } },
      'admin.decideApproval': { ok: true, data: decidedOf() },
    })
    const { container } = render(<AdminApprovalsPage />)
    await screen.findByText('¥6000.00 · 小林')
    click(container, 'approval-o-lin_req-1-approve')
    await screen.findByText('暂无待审批')
  })

  it('shows an error with 重试 when the list cannot be loaded', async () => {
    const answers: unknown[] = [{ ok: false, code: 'INTERNAL', message: '服务繁忙，请稍后再试' }, listed]
    answerCloudFunctions({
      'staff.me': { ok: true, data: MANAGER },
      'admin.listApprovals': async () => answers.shift(),
    })
    render(<AdminApprovalsPage />)
    await screen.findByText('服务繁忙，请稍后再试')
    fireEvent.click(screen.getByText('重试'))
    await screen.findByText('¥6000.00 · 小林')
  })

  it('refuses a clerk without asking for the list', async () => {
    const callFunction = answerCloudFunctions({
      'staff.me': { ok: true, data: CASHIER },
      'admin.listApprovals': listed,
    })
    render(<AdminApprovalsPage />)
    await screen.findByText('仅限店长和品牌管理员使用')
    expect(inputsOf(callFunction, 'listApprovals')).toEqual([])
  })
})
