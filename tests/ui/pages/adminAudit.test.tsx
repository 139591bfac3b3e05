import type { AuditLogEntry, AuditLogNames } from '@shared/contracts'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import AdminAuditPage from '@/admin/pages/audit/index'
import { ADMIN } from '../support/adminFixtures'
import { answerCloudFunctions } from '../support/cloudFunctions'
import { BOUND_MS, click, inputsOf, LIN, TWO_STORES } from '../support/staffAdminFixtures'
import { MANAGER } from '../support/staffFixtures'
import { resetStores } from '../support/stores'

const STAFF = { ok: true, data: { storeId: null, staff: [LIN] } }

function entry(id: string, overrides: Partial<AuditLogEntry> = {}): AuditLogEntry {
  return {
    id,
    action: 'changeStaffRole',
    operatorOpenid: 'o-boss',
    operatorName: '品牌管理员',
    operatorRole: 'admin',
    storeId: 'store-2',
    memberId: null,
    amountFen: null,
    points: null,
    balanceBefore: null,
    balanceAfter: null,
    subjectId: 'o-lin',
    note: '小林',
    reversed: false,
    createdAtMs: BOUND_MS,
    changes: {
      role: { before: 'staff', after: 'manager' },
      storeId: { before: 'store-1', after: 'store-2' },
    },
    ...overrides,
  }
}

const NO_NAMES: AuditLogNames = { stores: {}, staff: {}, members: {} }

const page = (entries: AuditLogEntry[], nextCursor: string | null, names: AuditLogNames = NO_NAMES) => ({
  ok: true,
  data: { entries, nextCursor, names },
})

/** An admin's screen, with the log answering `auditLog` (a value, or a function for answers in turn). */
function answerAdmin(auditLog: unknown) {
  return answerCloudFunctions({
    'staff.me': { ok: true, data: ADMIN },
    'admin.listStores': TWO_STORES,
    'admin.listStaff': STAFF,
    'admin.auditLog': auditLog,
  })
}

beforeEach(() => {
  resetStores()
  jest.clearAllMocks()
})

describe('the 操作日志 screen', () => {
  it('shows when, who, the action, its subject, what changed and the note', async () => {
    answerAdmin(page([entry('admin_r1')], null))
    const { container } = render(<AdminAuditPage />)
    await screen.findByText('更改员工角色 · o-lin')
    const row = container.querySelector('#audit-admin_r1')?.textContent ?? ''
    expect(row).toContain('2026-05-01')
    expect(row).toContain('管理员 小林 · 品牌管理员')
    expect(container.querySelector('#audit-admin_r1-changes')?.textContent).toBe(
      '角色 店员 → 店长；门店 store-1 → store-2',
    )
    expect(container.querySelector('#audit-more')).toBeNull()
  })

  it('names an approval decision in Chinese: the action, the amount, the reason and the status it left', async () => {
    const decision = entry('approval_a1', {
      action: 'decideApproval',
      operatorName: '王店长',
      operatorRole: 'manager',
      storeId: 'store-1',
      memberId: 'm_a1',
      amountFen: 600_000,
      subjectId: 'o-lin_req-1',
      note: '申请人 小林；驳回原因 小票金额不符',
      changes: { status: { before: 'pending', after: 'rejected' } },
    })
    answerAdmin(page([decision], null))
    const { container } = render(<AdminAuditPage />)
    await screen.findByText('审批超额消费 · m_a1')
    expect(container.querySelector('#audit-approval_a1')?.textContent).toContain(
      '店长 ¥6000.00 · 申请人 小林；驳回原因 小票金额不符 · 王店长',
    )
    expect(container.querySelector('#audit-approval_a1-changes')?.textContent).toBe('状态 待审批 → 已驳回')
  })

  it('names stores, staff members and members where the API answered their names', async () => {
    const adjustment = entry('admin_adj', {
      action: 'adjustPoints',
      storeId: 'store-1',
      memberId: 'm-ann',
      subjectId: 'm-ann',
      points: 5,
      note: '补发',
      changes: {},
    })
    const names: AuditLogNames = {
      stores: { 'store-1': '国贸店', 'store-2': '西湖店' },
      staff: { 'o-lin': '小林' },
      members: { 'm-ann': '阿满' },
    }
    const pages = [
      page([entry('admin_r1'), adjustment], 'cursor-1', names),
      page(
        [
          entry('admin_r2', { action: 'adjustPoints', memberId: 'm-bo', subjectId: 'm-bo', changes: {} }),
          // An id that reads like an object's own member names nothing.
          entry('unbind_x', { action: 'unbind', subjectId: 'constructor', storeId: 'toString', changes: {} }),
        ],
        null,
        { stores: {}, staff: {}, members: {} },
      ),
    ]
    answerAdmin(async () => pages.shift())
    const { container } = render(<AdminAuditPage />)
    await screen.findByText('更改员工角色 · 小林')
    expect(container.querySelector('#audit-admin_r1-changes')?.textContent).toBe(
      '角色 店员 → 店长；门店 国贸店 → 西湖店',
    )
    expect(container.querySelector('#audit-admin_r1-store')?.textContent).toBe('门店 西湖店')
    await screen.findByText('调整积分 · 阿满（m-ann）')
    expect(container.querySelector('#audit-admin_adj-store')?.textContent).toBe('门店 国贸店')
    click(container, 'audit-more')
    // A member without a nickname is their member number; the first page keeps its names.
    await screen.findByText('调整积分 · m-bo')
    expect(screen.getByText('调整积分 · 阿满（m-ann）')).not.toBeNull()
    expect(screen.getByText('解除绑定 · constructor')).not.toBeNull()
    expect(container.querySelector('#audit-unbind_x-store')?.textContent).toBe('门店 toString')
  })

  it('sends each filter as the API names it, and starts again from the first page', async () => {
    const callFunction = answerAdmin(page([], null))
    const { container } = render(<AdminAuditPage />)
    await screen.findByText('没有符合条件的操作记录')
    click(container, 'audit-store-store-1')
    await waitFor(() => expect(container.querySelector('#audit-operator-o-lin')).not.toBeNull())
    click(container, 'audit-operator-o-lin')
    click(container, 'audit-action-unbind')
    const day = container.querySelector('#audit-day') as Element
    fireEvent.change(day, { target: { value: '2026-05-01' } })
    fireEvent.blur(day)
    await waitFor(() =>
      expect(inputsOf(callFunction, 'auditLog').at(-1)).toEqual({
        storeId: 'store-1',
        operatorOpenid: 'o-lin',
        action: 'unbind',
        day: '2026-05-01',
      }),
    )
    expect(inputsOf(callFunction, 'auditLog')[0]).toEqual({})
  })

  it('says what is wrong with a day and does not ask', async () => {
    const callFunction = answerAdmin(page([], null))
    const { container } = render(<AdminAuditPage />)
    await screen.findByText('没有符合条件的操作记录')
    const day = container.querySelector('#audit-day') as Element
    fireEvent.change(day, { target: { value: '5月1日' } })
    fireEvent.blur(day)
    await screen.findByText('日期格式应为 YYYY-MM-DD')
    expect(inputsOf(callFunction, 'auditLog')).toEqual([{}])
  })

  it('hides the store filter from a manager', async () => {
    const callFunction = answerCloudFunctions({
      'staff.me': { ok: true, data: MANAGER },
      'admin.listStaff': { ok: true, data: { storeId: 'store-1', staff: [LIN] } },
      'admin.auditLog': page([entry('admin_r1')], null),
    })
    const { container } = render(<AdminAuditPage />)
    await screen.findByText('更改员工角色 · o-lin')
    expect(container.querySelector('#audit-stores')).toBeNull()
    // Their log is their own store's: no store line on each entry.
    expect(container.querySelector('#audit-admin_r1-store')).toBeNull()
    expect(container.querySelector('#audit-operator-o-lin')).not.toBeNull()
    expect(inputsOf(callFunction, 'listStores')).toEqual([])
  })

  it('appends the next page with the cursor the API answered', async () => {
    const pages = [page([entry('a1')], 'cursor-1'), page([entry('a2', { action: 'unbind', changes: {} })], null)]
    const callFunction = answerAdmin(async () => pages.shift())
    const { container } = render(<AdminAuditPage />)
    await screen.findByText('加载更多')
    click(container, 'audit-more')
    await screen.findByText('解除绑定 · o-lin')
    expect(container.querySelector('#audit-a1')).not.toBeNull()
    expect(container.querySelector('#audit-a2-changes')).toBeNull()
    expect(container.querySelector('#audit-more')).toBeNull()
    expect(inputsOf(callFunction, 'auditLog')).toEqual([{}, { cursor: 'cursor-1' }])
  })

  it('shows an error with 重试 when the log fails, and keeps the page shown when 加载更多 fails', async () => {
    const answers = [
      { ok: false, code: 'INTERNAL', message: '服务繁忙，请稍后再试' },
      page([entry('a1')], 'cursor-1'),
      { ok: false, code: 'NETWORK_ERROR', message: '网络不给力' },
    ]
    answerAdmin(async () => answers.shift())
    const { container } = render(<AdminAuditPage />)
    await screen.findByText('服务繁忙，请稍后再试')
    fireEvent.click(screen.getByText('重试'))
    await screen.findByText('加载更多')
    click(container, 'audit-more')
    await screen.findByText('网络不给力')
    expect(container.querySelector('#audit-a1')).not.toBeNull()
  })
})
