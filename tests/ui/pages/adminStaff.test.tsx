import type { StaffView } from '@shared/contracts'
import Taro from '@tarojs/taro'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import AdminStaffPage from '@/admin/pages/staff/index'
import { ADMIN } from '../support/adminFixtures'
import { answerCloudFunctions } from '../support/cloudFunctions'
import { BOUND_MS, click, inputsOf, LIN, TWO_STORES } from '../support/staffAdminFixtures'
import { CASHIER, MANAGER } from '../support/staffFixtures'
import { resetStores } from '../support/stores'

const BOSS: StaffView = {
  openid: 'o-boss',
  name: '品牌管理员',
  role: 'admin',
  storeId: null,
  storeName: null,
  boundAtMs: BOUND_MS,
}
const WANG: StaffView = {
  openid: 'o-wang',
  name: '王店长',
  role: 'manager',
  storeId: 'store-1',
  storeName: '1 号店',
  boundAtMs: BOUND_MS,
}
const listOf = (storeId: string | null, staff: StaffView[]) => ({ ok: true, data: { storeId, staff } })

beforeEach(() => {
  resetStores()
  jest.clearAllMocks()
})

describe('the 员工 screen', () => {
  it('lists every store’s staff for an admin with role and since; an admin’s row offers 解绑, never 更改角色', async () => {
    answerCloudFunctions({
      'staff.me': { ok: true, data: ADMIN },
      'admin.listStores': TWO_STORES,
      'admin.listStaff': listOf(null, [BOSS, WANG, LIN]),
    })
    const { container } = render(<AdminStaffPage />)
    await screen.findByText('小林')
    expect(container.querySelector('#staff-o-lin')?.textContent).toContain('店员 · 1 号店 · 绑定于 2026-05-01')
    expect(container.querySelector('#staff-o-wang')?.textContent).toContain('店长')
    expect(container.querySelector('#staff-o-lin-role')).not.toBeNull()
    expect(container.querySelector('#staff-o-lin-unbind')).not.toBeNull()
    expect(container.querySelector('#staff-o-boss-role')).toBeNull()
    expect(container.querySelector('#staff-o-boss-unbind')).not.toBeNull()
  })

  it('sends the store an admin picks', async () => {
    const callFunction = answerCloudFunctions({
      'staff.me': { ok: true, data: ADMIN },
      'admin.listStores': TWO_STORES,
      'admin.listStaff': listOf(null, [LIN]),
    })
    const { container } = render(<AdminStaffPage />)
    await screen.findByText('2 号店')
    click(container, 'staff-store-store-2')
    await waitFor(() => expect(inputsOf(callFunction, 'listStaff')).toEqual([{}, { storeId: 'store-2' }]))
  })

  it('invites to the store an admin is viewing, and to none in particular from 全部门店', async () => {
    answerCloudFunctions({
      'staff.me': { ok: true, data: ADMIN },
      'admin.listStores': TWO_STORES,
      'admin.listStaff': async () => listOf(null, [LIN]),
    })
    const { container } = render(<AdminStaffPage />)
    await screen.findByText('小林')
    click(container, 'staff-invite')
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/staff/pages/invite/index' })
    click(container, 'staff-store-store-2')
    await screen.findByText('小林')
    click(container, 'staff-invite')
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/staff/pages/invite/index?storeId=store-2' })
  })

  it('shows a manager their store with 解绑 on clerks only, no 更改角色 and no store picker', async () => {
    answerCloudFunctions({ 'staff.me': { ok: true, data: MANAGER }, 'admin.listStaff': listOf('store-1', [WANG, LIN]) })
    const { container } = render(<AdminStaffPage />)
    await screen.findByText('小林')
    expect(container.querySelector('#staff-stores')).toBeNull()
    expect(container.querySelector('#staff-o-lin-unbind')).not.toBeNull()
    expect(container.querySelector('#staff-o-lin-role')).toBeNull()
    expect(container.querySelector('#staff-o-wang-unbind')).toBeNull()
    click(container, 'staff-invite')
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/staff/pages/invite/index' })
  })

  it('tells a clerk the screen is not theirs', async () => {
    answerCloudFunctions({ 'staff.me': { ok: true, data: CASHIER } })
    render(<AdminStaffPage />)
    await screen.findByText('仅限店长和品牌管理员使用')
  })

  it('asks for a reason before unbinding, names the person, sends the reason and refreshes', async () => {
    let staff = [WANG, LIN]
    const callFunction = answerCloudFunctions({
      'staff.me': { ok: true, data: MANAGER },
      'admin.listStaff': async () => listOf('store-1', staff),
      'staff.unbind': async () => {
        staff = [WANG]
        return { ok: true, data: { openid: 'o-lin', unbound: true } }
      },
    })
    const { container } = render(<AdminStaffPage />)
    await screen.findByText('小林')
    click(container, 'staff-o-lin-unbind')
    click(container, 'staff-unbind-confirm')
    await screen.findByText('请填写解绑原因')
    expect(inputsOf(callFunction, 'unbind')).toEqual([])
    fireEvent.change(container.querySelector('#staff-unbind-reason') as Element, { target: { value: ' 已离职 ' } })
    click(container, 'staff-unbind-confirm')
    await screen.findByText('已解绑')
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: expect.stringContaining('小林') }))
    expect(inputsOf(callFunction, 'unbind')).toEqual([{ openid: 'o-lin', reason: '已离职' }])
    await waitFor(() => expect(container.querySelector('#staff-o-lin')).toBeNull())
  })

  it('sends nothing when the unbind dialog is cancelled', async () => {
    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true })
    const callFunction = answerCloudFunctions({
      'staff.me': { ok: true, data: MANAGER },
      'admin.listStaff': listOf('store-1', [LIN]),
    })
    const { container } = render(<AdminStaffPage />)
    await screen.findByText('小林')
    click(container, 'staff-o-lin-unbind')
    fireEvent.change(container.querySelector('#staff-unbind-reason') as Element, { target: { value: '已离职' } })
    click(container, 'staff-unbind-confirm')
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled())
    expect(inputsOf(callFunction, 'unbind')).toEqual([])
  })

  it('changes a clerk’s role and store after confirming, then lists them anew', async () => {
    let staff = [LIN]
    const promoted: StaffView = { ...LIN, role: 'manager', storeId: 'store-2', storeName: '2 号店' }
    const callFunction = answerCloudFunctions({
      'staff.me': { ok: true, data: ADMIN },
      'admin.listStores': TWO_STORES,
      'admin.listStaff': async () => listOf(null, staff),
      'admin.changeStaffRole': async () => {
        staff = [promoted]
        return { ok: true, data: { staff: promoted, changes: {}, replayed: false } }
      },
    })
    const { container } = render(<AdminStaffPage />)
    await screen.findByText('小林')
    click(container, 'staff-o-lin-role')
    click(container, 'staff-role-manager')
    click(container, 'staff-role-staff-store-store-2')
    click(container, 'staff-role-confirm')
    await screen.findByText('已更改角色')
    expect(inputsOf(callFunction, 'changeStaffRole')).toEqual([
      { requestId: expect.any(String), openid: 'o-lin', role: 'manager', storeId: 'store-2' },
    ])
    await waitFor(() => expect(container.querySelector('#staff-o-lin')?.textContent).toContain('店长 · 2 号店'))
  })

  it('shows the refusal’s message when a change is refused', async () => {
    answerCloudFunctions({
      'staff.me': { ok: true, data: ADMIN },
      'admin.listStores': TWO_STORES,
      'admin.listStaff': listOf(null, [LIN]),
      'staff.unbind': { ok: false, code: 'FORBIDDEN', message: '不能解绑自己' },
    })
    const { container } = render(<AdminStaffPage />)
    await screen.findByText('小林')
    click(container, 'staff-o-lin-unbind')
    fireEvent.change(container.querySelector('#staff-unbind-reason') as Element, { target: { value: '调岗' } })
    click(container, 'staff-unbind-confirm')
    await screen.findByText('不能解绑自己')
  })

  it('shows an error with 重试 when the list fails', async () => {
    answerCloudFunctions({
      'staff.me': { ok: true, data: MANAGER },
      'admin.listStaff': { ok: false, code: 'INTERNAL', message: '服务繁忙，请稍后再试' },
    })
    render(<AdminStaffPage />)
    await screen.findByText('服务繁忙，请稍后再试')
    expect(screen.getByText('重试')).toBeTruthy()
  })
})
