import Taro from '@tarojs/taro'
import { fireEvent, render, screen } from '@testing-library/react'
import AdminItemsPage from '@/admin/pages/items/index'
import { ADMIN, adminItemOf } from '../support/adminFixtures'
import { answerCloudFunctions } from '../support/cloudFunctions'
import { MANAGER } from '../support/staffFixtures'
import { resetStores } from '../support/stores'

const ITEMS = [adminItemOf(), adminItemOf({ id: 'old-mug', title: '旧款马克杯', status: 'offSale', stock: 0 })]

describe('the catalogue screen', () => {
  beforeEach(() => {
    resetStores()
    jest.clearAllMocks()
  })

  it('lists every item, retired ones too, with stock, held and sold units; an admin opens one', async () => {
    answerCloudFunctions({
      'staff.me': { ok: true, data: ADMIN },
      'admin.listItems': { ok: true, data: { items: ITEMS } },
    })
    const { container } = render(<AdminItemsPage />)
    await screen.findByText('拿铁随行杯')
    expect(container.querySelector('#admin-item-latte-cup-stock')?.textContent).toBe('库存 40 · 待取 3 · 已兑 12')
    expect(container.querySelector('#admin-item-old-mug')?.textContent).toContain('已下架')
    fireEvent.click(container.querySelector('#admin-item-latte-cup') as Element)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/admin/pages/item/index?id=latte-cup' })
    fireEvent.click(container.querySelector('#admin-item-create') as Element)
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/admin/pages/item/index' })
  })

  it('shows a manager the list read only: no 新建商品, and a tap opens nothing', async () => {
    answerCloudFunctions({
      'staff.me': { ok: true, data: MANAGER },
      'admin.listItems': { ok: true, data: { items: ITEMS } },
    })
    const { container } = render(<AdminItemsPage />)
    await screen.findByText('店长可查看商品，修改请联系品牌管理员')
    await screen.findByText('拿铁随行杯')
    expect(container.querySelector('#admin-item-create')).toBeNull()
    fireEvent.click(container.querySelector('#admin-item-latte-cup') as Element)
    expect(Taro.navigateTo).not.toHaveBeenCalled()
  })

  it('offers the first item to an admin with an empty catalogue', async () => {
    answerCloudFunctions({
      'staff.me': { ok: true, data: ADMIN },
      'admin.listItems': { ok: true, data: { items: [] } },
    })
    const { container } = render(<AdminItemsPage />)
    await screen.findByText('还没有商品')
    expect(container.querySelector('#admin-item-create')).not.toBeNull()
  })

  it('shows a failed load with 重试', async () => {
    answerCloudFunctions({
      'staff.me': { ok: true, data: ADMIN },
      'admin.listItems': { ok: false, code: 'INTERNAL', message: '系统繁忙' },
    })
    const { container } = render(<AdminItemsPage />)
    await screen.findByText('系统繁忙')
    expect(container.querySelector('#load-state-retry')).not.toBeNull()
  })
})
