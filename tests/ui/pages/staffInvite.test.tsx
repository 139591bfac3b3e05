import Taro from '@tarojs/taro'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import InvitePage from '@/staff/pages/invite/index'
import { answerCloudFunctions } from '../support/cloudFunctions'
import { inputsOf } from '../support/formEvents'
import { CASHIER, MANAGER, MORNING_MS } from '../support/staffFixtures'
import { resetStores } from '../support/stores'

const ADMIN = { role: 'admin', storeId: null, storeName: null, name: '品牌管理员' }
const NOT_STAFF = { ok: false, code: 'NOT_STAFF', message: '仅限已绑定的门店员工使用' }

function openInvite(params: Record<string, string> = {}) {
  ;(Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params } })
}

async function findById(container: HTMLElement, id: string): Promise<HTMLElement> {
  return waitFor(() => {
    const element = container.querySelector<HTMLElement>(`#${id}`)
    if (element === null) throw new Error(`#${id} is not on the page`)
    return element
  })
}

function inviteOf(role: 'staff' | 'manager', storeId: string, storeName = '1 号店') {
  return {
    code: 'Ab3dE5gH9k',
    role,
    storeId,
    storeName,
    expiresAtMs: MORNING_MS + 86_400_000,
    path: 'staff/pages/invite/index?code=Ab3dE5gH9k',
  }
}

describe('the invite page', () => {
  beforeEach(() => {
    resetStores()
    jest.clearAllMocks()
    openInvite()
  })

  it('lets a manager invite a cashier to their store and shows the invite as a QR code and a code', async () => {
    const callFunction = answerCloudFunctions({
      'staff.me': { ok: true, data: MANAGER },
      'staff.createInvite': { ok: true, data: inviteOf('staff', 'store-1') },
    })
    const { container } = render(<InvitePage />)
    expect((await findById(container, 'invite-store')).textContent).toBe('门店：1 号店')
    // A manager invites clerks only: the 店长 choice would only be refused.
    expect(container.querySelector('#invite-role-manager')).toBeNull()
    fireEvent.click(await findById(container, 'invite-create'))
    expect((await findById(container, 'invite-code-text')).textContent).toBe('Ab3dE5gH9k')
    expect((await findById(container, 'invite-result-title')).textContent).toBe('店员邀请 · 1 号店')
    expect((await findById(container, 'invite-code-qr')).getAttribute('data-token')).toBe(
      'staff/pages/invite/index?code=Ab3dE5gH9k',
    )
    expect((await findById(container, 'invite-expiry')).textContent).toBe('有效期至 2026-05-02 10:00，仅可使用一次')
    expect(inputsOf(callFunction, 'createInvite')).toEqual([{ role: 'staff', storeId: 'store-1' }])
  })

  it('lets an admin invite a manager to a store they name, and says why an invite was refused', async () => {
    const callFunction = answerCloudFunctions({
      'staff.me': { ok: true, data: ADMIN },
      'staff.createInvite': { ok: false, code: 'STORE_NOT_FOUND', message: '门店不存在' },
    })
    const { container } = render(<InvitePage />)
    const create = (await findById(container, 'invite-create')) as HTMLButtonElement
    expect(create.disabled).toBe(true)
    fireEvent.click(await findById(container, 'invite-role-manager'))
    fireEvent.change(await findById(container, 'invite-store'), { target: { value: ' store-9 ' } })
    fireEvent.click(create)
    expect((await findById(container, 'invite-error')).textContent).toBe('门店不存在')
    expect(inputsOf(callFunction, 'createInvite')).toEqual([{ role: 'manager', storeId: 'store-9' }])
  })

  it('starts an admin’s invite at the store the link names, and invites to it', async () => {
    openInvite({ storeId: 'store-2' })
    const callFunction = answerCloudFunctions({
      'staff.me': { ok: true, data: ADMIN },
      'staff.createInvite': { ok: true, data: inviteOf('manager', 'store-2', '2 号店') },
    })
    const { container } = render(<InvitePage />)
    expect(((await findById(container, 'invite-store')) as HTMLInputElement).value).toBe('store-2')
    fireEvent.click(await findById(container, 'invite-role-manager'))
    fireEvent.click(await findById(container, 'invite-create'))
    expect((await findById(container, 'invite-result-title')).textContent).toBe('店长邀请 · 2 号店')
    expect(inputsOf(callFunction, 'createInvite')).toEqual([{ role: 'manager', storeId: 'store-2' }])
  })

  it('keeps a manager’s invite to their own store whatever store the link names', async () => {
    openInvite({ storeId: 'store-2' })
    const callFunction = answerCloudFunctions({
      'staff.me': { ok: true, data: MANAGER },
      'staff.createInvite': { ok: true, data: inviteOf('staff', 'store-1') },
    })
    const { container } = render(<InvitePage />)
    expect((await findById(container, 'invite-store')).textContent).toBe('门店：1 号店')
    fireEvent.click(await findById(container, 'invite-create'))
    await findById(container, 'invite-result')
    expect(inputsOf(callFunction, 'createInvite')).toEqual([{ role: 'staff', storeId: 'store-1' }])
  })

  it('tells a cashier that only managers invite', async () => {
    answerCloudFunctions({ 'staff.me': { ok: true, data: CASHIER } })
    const { container } = render(<InvitePage />)
    await screen.findByText('仅店长和管理员可以邀请店员')
    expect(container.querySelector('#invite-create')).toBeNull()
  })

  it('binds an invitee who opened the invite’s path, then leads to the counter', async () => {
    openInvite({ code: 'Ab3dE5gH9k' })
    const callFunction = answerCloudFunctions({
      'staff.me': NOT_STAFF,
      'staff.acceptInvite': { ok: true, data: { staff: CASHIER } },
    })
    const { container } = render(<InvitePage />)
    expect((await findById(container, 'accept-invite-title')).textContent).toBe('邀请你成为门店员工')
    fireEvent.click(await findById(container, 'invite-accept-submit'))
    expect((await findById(container, 'invite-bound')).textContent).toContain('你已是1 号店的店员')
    expect(inputsOf(callFunction, 'acceptInvite')).toEqual([{ code: 'Ab3dE5gH9k' }])
    fireEvent.click(await findById(container, 'invite-go-counter'))
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/staff/pages/counter/index' })
  })
})
