import type { ExportView } from '@shared/contracts'
import Taro from '@tarojs/taro'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import AdminExportsPage from '@/admin/pages/exports/index'
import { ADMIN } from '../support/adminFixtures'
import { answerCloudFunctions } from '../support/cloudFunctions'
import { CASHIER, MANAGER } from '../support/staffFixtures'
import { resetStores } from '../support/stores'

const STORES = {
  ok: true,
  data: { stores: [{ id: 'store-1', name: '国贸店', address: '', phone: '', hours: '' }] },
}

function viewOf(changes: Partial<ExportView> = {}): ExportView {
  return {
    exportId: 'x000000000000000000000001',
    kind: 'members',
    storeId: null,
    from: null,
    to: null,
    status: 'done',
    rows: 42,
    phonesMasked: false,
    requestedAtMs: Date.UTC(2026, 10, 23, 4),
    finishedAtMs: Date.UTC(2026, 10, 23, 4, 0, 2),
    downloadUrl: 'https://bucket.example/exports/x1/members.csv?sign=abc',
    ...changes,
  }
}

const textOf = (container: HTMLElement, id: string) => container.querySelector(`#${id}`)?.textContent

function inputsOf(callFunction: jest.Mock, action: string): unknown[] {
  return callFunction.mock.calls
    .filter(([call]) => call.name === 'admin' && call.data.action === action)
    .map(([call]) => call.data.input)
}

function type(container: HTMLElement, id: string, text: string) {
  fireEvent.change(container.querySelector(`#${id}`) as Element, { target: { value: text } })
}

describe('the exports screen', () => {
  beforeEach(() => {
    resetStores()
    jest.clearAllMocks()
  })

  it('lists the exports with their state, and copies a done one’s link in WeChat', async () => {
    const done = viewOf()
    const ledger = viewOf({
      exportId: 'x000000000000000000000002',
      kind: 'ledger',
      storeId: 'store-1',
      from: '2026-11-01',
      to: '2026-11-07',
      phonesMasked: true,
      rows: 7,
    })
    answerCloudFunctions({
      'staff.me': { ok: true, data: ADMIN },
      'admin.listStores': STORES,
      'admin.exports': { ok: true, data: { exports: [done, ledger] } },
    })
    const { container } = render(<AdminExportsPage />)
    await screen.findByText('会员 · 全部门店')
    expect(screen.getByText('积分流水 · 国贸店 · 2026-11-01 至 2026-11-07')).not.toBeNull()
    expect(textOf(container, `export-${done.exportId}-status`)).toBe('已完成，共 42 行 · 2026-11-23 12:00')
    expect(textOf(container, `export-${ledger.exportId}-status`)).toContain('手机号已隐藏中间四位')
    fireEvent.click(container.querySelector(`#export-${done.exportId}-download`) as Element)
    await waitFor(() => expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: done.downloadUrl }))
    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith({
        title: '下载链接已复制，请在浏览器中打开（2 小时内有效）',
        icon: 'none',
      }),
    )
  })

  it('shows an empty list, then an export asked for that is done at once', async () => {
    const callFunction = answerCloudFunctions({
      'staff.me': { ok: true, data: ADMIN },
      'admin.listStores': STORES,
      'admin.exports': { ok: true, data: { exports: [] } },
      'admin.requestExport': { ok: true, data: viewOf({ storeId: 'store-1', rows: 3 }) },
    })
    const { container } = render(<AdminExportsPage />)
    await screen.findByText('还没有导出记录')
    await screen.findByText('国贸店')
    fireEvent.click(container.querySelector('#export-store-store-1') as Element)
    fireEvent.click(container.querySelector('#export-submit') as Element)
    await screen.findByText('已生成，共 3 行')
    const [input] = inputsOf(callFunction, 'requestExport') as Record<string, unknown>[]
    expect(input).toMatchObject({ kind: 'members', storeId: 'store-1' })
    expect(input).not.toHaveProperty('from')
    expect(container.querySelector('#exports-empty')).toBeNull()
    expect(textOf(container, `export-${viewOf().exportId}-status`)).toContain('已完成，共 3 行')
  })

  it('checks the range at its fields before asking: a ledger needs one, and at most 92 days', async () => {
    const callFunction = answerCloudFunctions({
      'staff.me': { ok: true, data: ADMIN },
      'admin.listStores': STORES,
      'admin.exports': { ok: true, data: { exports: [] } },
    })
    const { container } = render(<AdminExportsPage />)
    await screen.findByText('还没有导出记录')
    fireEvent.click(container.querySelector('#export-kind-ledger') as Element)
    fireEvent.click(container.querySelector('#export-submit') as Element)
    await screen.findByText('请选择日期范围')
    expect(container.querySelector('#export-from-error')).not.toBeNull()
    type(container, 'export-from', '2026-01-01')
    type(container, 'export-to', '2026-11-23')
    fireEvent.click(container.querySelector('#export-submit') as Element)
    await waitFor(() => expect(textOf(container, 'export-to-error')).toBe('一次最多导出 92 天'))
    expect(inputsOf(callFunction, 'requestExport')).toEqual([])
  })

  it('continues an export that is still running until it is done, for a manager of their own store', async () => {
    const running = viewOf({ status: 'running', rows: 1000, downloadUrl: null, storeId: 'store-1', phonesMasked: true })
    const answers = [
      { ok: true, data: { ...running, rows: 2000 } },
      { ok: true, data: { ...running, status: 'done', rows: 2500, downloadUrl: 'https://bucket.example/f.csv' } },
    ]
    const callFunction = answerCloudFunctions({
      'staff.me': { ok: true, data: MANAGER },
      'admin.exports': { ok: true, data: { exports: [] } },
      'admin.requestExport': { ok: true, data: running },
      'admin.continueExport': async () => answers.shift(),
    })
    const { container } = render(<AdminExportsPage />)
    await screen.findByText('还没有导出记录')
    expect(container.querySelector('#export-stores')).toBeNull()
    expect(textOf(container, 'export-own-store')).toContain('1 号店')
    type(container, 'export-from', '2026-11-01')
    type(container, 'export-to', '2026-11-07')
    fireEvent.click(container.querySelector('#export-submit') as Element)
    await waitFor(() => expect(textOf(container, `export-${running.exportId}-status`)).toContain('已完成，共 2500 行'))
    expect(inputsOf(callFunction, 'requestExport')).toEqual([
      expect.objectContaining({ kind: 'members', from: '2026-11-01', to: '2026-11-07' }),
    ])
    expect(inputsOf(callFunction, 'continueExport')).toEqual([
      { exportId: running.exportId },
      { exportId: running.exportId },
    ])
    expect(container.querySelector(`#export-${running.exportId}-download`)).not.toBeNull()
  })

  it('says why an export was refused, and keeps the form', async () => {
    answerCloudFunctions({
      'staff.me': { ok: true, data: MANAGER },
      'admin.exports': { ok: true, data: { exports: [] } },
      'admin.requestExport': { ok: false, code: 'FORBIDDEN', message: '店长只能导出本店数据' },
    })
    const { container } = render(<AdminExportsPage />)
    await screen.findByText('还没有导出记录')
    fireEvent.click(container.querySelector('#export-submit') as Element)
    await waitFor(() => expect(textOf(container, 'export-notice')).toBe('店长只能导出本店数据'))
  })

  it('offers 重试 when the list cannot be loaded, and refuses a clerk', async () => {
    answerCloudFunctions({
      'staff.me': { ok: true, data: ADMIN },
      'admin.listStores': STORES,
      'admin.exports': { ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试' },
    })
    const { container, unmount } = render(<AdminExportsPage />)
    await waitFor(() => expect(container.querySelector('#load-state-retry')).not.toBeNull())
    unmount()
    resetStores()
    answerCloudFunctions({ 'staff.me': { ok: true, data: CASHIER } })
    render(<AdminExportsPage />)
    await screen.findByText('仅限店长和品牌管理员使用')
  })
})
