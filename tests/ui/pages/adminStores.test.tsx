import type { StoreView } from '@shared/contracts'
import Taro from '@tarojs/taro'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import AdminStorePage from '@/admin/pages/store/index'
import AdminStoreQrPage from '@/admin/pages/storeQr/index'
import AdminStoresPage from '@/admin/pages/stores/index'
import { ADMIN } from '../support/adminFixtures'
import { answerCloudFunctions } from '../support/cloudFunctions'
import { MANAGER } from '../support/staffFixtures'
import { resetStores } from '../support/stores'

const STORE_1: StoreView = {
  id: 'store-1',
  name: '小满咖啡 · 国贸店',
  address: '建国门外大街 1 号',
  phone: '',
  hours: '',
}
const STORE_2: StoreView = {
  id: 'store-2',
  name: '小满咖啡 · 西湖店',
  address: '南山路 12 号',
  phone: '0571-1',
  hours: '',
}
const ALL = { ok: true, data: { stores: [STORE_1, STORE_2], canCreate: true } }
const OWN = { ok: true, data: { stores: [STORE_1], canCreate: false } }
const QR = {
  storeId: 'store-1',
  scene: 'store-1',
  page: 'pages/join/index',
  fileId: 'cloud://env.bucket/qrcodes/store-1.png',
  imageUrl: 'http://127.0.0.1:9/cos/qrcodes/store-1.png?sign=abc&t=1',
  reused: true,
}

function openWith(params: Record<string, string>) {
  ;(Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params } })
}

function inputsOf(callFunction: jest.Mock, action: string): Record<string, unknown>[] {
  return callFunction.mock.calls.filter(([o]) => o.data.action === action).map(([o]) => o.data.input)
}

function type(container: HTMLElement, id: string, value: string) {
  fireEvent.change(container.querySelector(`#${id}`) as Element, { target: { value } })
}

beforeEach(() => {
  resetStores()
  jest.clearAllMocks()
})

describe('the stores screen', () => {
  it('lists every store for an admin; a row opens its form, 二维码 its code, 新建门店 a new form', async () => {
    answerCloudFunctions({ 'staff.me': { ok: true, data: ADMIN }, 'admin.listStores': ALL })
    const { container } = render(<AdminStoresPage />)
    await screen.findByText('小满咖啡 · 西湖店')
    expect(container.querySelector('#admin-store-store-2')?.textContent).toContain('南山路 12 号 · 0571-1')
    fireEvent.click(screen.getByText('小满咖啡 · 国贸店'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/admin/pages/store/index?id=store-1' })
    fireEvent.click(container.querySelector('#admin-store-store-2-qr') as Element)
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/admin/pages/storeQr/index?id=store-2' })
    fireEvent.click(container.querySelector('#admin-store-create') as Element)
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/admin/pages/store/index' })
  })

  it('shows a manager their own store and no 新建门店', async () => {
    answerCloudFunctions({ 'staff.me': { ok: true, data: MANAGER }, 'admin.listStores': OWN })
    const { container } = render(<AdminStoresPage />)
    await screen.findByText('小满咖啡 · 国贸店')
    expect(container.querySelector('#admin-store-store-2')).toBeNull()
    expect(container.querySelector('#admin-store-create')).toBeNull()
  })
})

describe('the store form', () => {
  it('shows each problem next to its field, in Chinese, and sends nothing', async () => {
    openWith({})
    const callFunction = answerCloudFunctions({ 'staff.me': { ok: true, data: ADMIN }, 'admin.listStores': ALL })
    const { container } = render(<AdminStorePage />)
    await screen.findByText('创建门店')
    type(container, 'store-form-id', 'x'.repeat(33))
    type(container, 'store-form-phone', '电话')
    fireEvent.click(container.querySelector('#store-save') as Element)
    await screen.findByText('请按提示修改后再保存')
    expect(container.querySelector('#store-form-id-error')?.textContent).toBe(
      '门店编号只能包含字母、数字、- 和 _，最多 32 位',
    )
    expect(container.querySelector('#store-form-name-error')?.textContent).toBe('请填写门店名称')
    expect(container.querySelector('#store-form-phone-error')?.textContent).toMatch(/^电话只能包含数字/)
    expect(inputsOf(callFunction, 'saveStore')).toEqual([])
  })

  it('saves a manager’s edit of their store and says so', async () => {
    openWith({ id: 'store-1' })
    const saved = { ...STORE_1, hours: '08:00-21:00' }
    const callFunction = answerCloudFunctions({
      'staff.me': { ok: true, data: MANAGER },
      'admin.listStores': OWN,
      'admin.saveStore': { ok: true, data: { store: saved, changes: {}, created: false } },
    })
    const { container } = render(<AdminStorePage />)
    await screen.findByText('门店编号 store-1')
    expect(container.querySelector('#store-form-id')).toBeNull()
    type(container, 'store-form-hours', ' 08:00-21:00 ')
    fireEvent.click(container.querySelector('#store-save') as Element)
    await screen.findByText('已保存')
    expect(inputsOf(callFunction, 'saveStore')).toEqual([{ requestId: expect.any(String), store: saved }])
  })

  it('tells a manager who opens a new store form that only admins create stores', async () => {
    openWith({})
    answerCloudFunctions({ 'staff.me': { ok: true, data: MANAGER }, 'admin.listStores': OWN })
    render(<AdminStorePage />)
    await screen.findByText('仅品牌管理员可以新建门店')
  })
})

describe('the store QR code screen', () => {
  it('shows the code and saves it to the album', async () => {
    openWith({ id: 'store-1' })
    const callFunction = answerCloudFunctions({
      'staff.me': { ok: true, data: ADMIN },
      'admin.storeQrCode': { ok: true, data: QR },
    })
    const { container } = render(<AdminStoreQrPage />)
    await waitFor(() => expect(container.querySelector('#store-qr-image')?.getAttribute('src')).toBe(QR.imageUrl))
    expect(inputsOf(callFunction, 'storeQrCode')).toEqual([{ storeId: 'store-1' }])
    fireEvent.click(screen.getByText('保存到相册'))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '已保存到相册', icon: 'none' }))
    expect(Taro.downloadFile).toHaveBeenCalledWith({ url: QR.imageUrl })
    expect(Taro.saveImageToPhotosAlbum).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/downloaded.png' })
  })

  it('tells another store’s manager they may only see their own store’s code', async () => {
    openWith({ id: 'store-2' })
    answerCloudFunctions({
      'staff.me': { ok: true, data: MANAGER },
      'admin.storeQrCode': { ok: false, code: 'FORBIDDEN', message: '店长只能管理本店' },
    })
    render(<AdminStoreQrPage />)
    await screen.findByText('只能查看本店的二维码')
  })
})
