import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import AdminItemPage from '@/admin/pages/item/index'
import { ADMIN, adminItemOf, itemResultOf } from '../support/adminFixtures'
import { answerCloudFunctions } from '../support/cloudFunctions'
import { MANAGER } from '../support/staffFixtures'
import { resetStores } from '../support/stores'

const ME = { ok: true, data: ADMIN }
const ITEM = adminItemOf()
const LIST = { ok: true, data: { items: [ITEM] } }

function openItem(id?: string) {
  ;(Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: id === undefined ? {} : { id } } })
}

function inputsOf(callFunction: jest.Mock, action: string): Record<string, unknown>[] {
  return callFunction.mock.calls.filter(([o]) => o.data.action === action).map(([o]) => o.data.input)
}

function type(container: HTMLElement, id: string, value: string) {
  fireEvent.change(container.querySelector(`#${id}`) as Element, { target: { value } })
}

function textOf(container: HTMLElement, id: string): string | null | undefined {
  return container.querySelector(`#${id}`)?.textContent
}

describe('the item edit page', () => {
  beforeEach(() => {
    resetStores()
    jest.clearAllMocks()
  })

  it('shows every problem next to its field, in Chinese, and sends nothing', async () => {
    openItem()
    const callFunction = answerCloudFunctions({ 'staff.me': ME, 'admin.listItems': LIST })
    const { container } = render(<AdminItemPage />)
    await screen.findByText('创建商品')
    type(container, 'item-form-id', 'Bad Id')
    type(container, 'item-form-pointsPrice', '12.5')
    fireEvent.click(container.querySelector('#item-save') as Element)
    await screen.findByText('请按提示修改后再保存')
    expect(textOf(container, 'item-form-id-error')).toBe('只能包含小写字母、数字、- 和 _，且不超过 40 个字符')
    expect(textOf(container, 'item-form-title-error')).toBe('标题不能为空')
    expect(textOf(container, 'item-form-pointsPrice-error')).toBe('请填写整数积分')
    type(container, 'item-form-title', '燕麦拿铁券')
    expect(container.querySelector('#item-form-title-error')).toBeNull()
    expect(inputsOf(callFunction, 'saveItem')).toEqual([])
  })

  it('creates a coupon item with its first stock, then edits it at its own address', async () => {
    openItem()
    const created = adminItemOf({ id: 'oat-latte', title: '燕麦拿铁券', kind: 'coupon', couponTemplateId: 'oat' })
    const callFunction = answerCloudFunctions({
      'staff.me': ME,
      'admin.listItems': LIST,
      'admin.saveItem': { ok: true, data: itemResultOf(created, true) },
    })
    const { container } = render(<AdminItemPage />)
    await screen.findByText('创建商品')
    type(container, 'item-form-id', 'oat-latte')
    type(container, 'item-form-title', '燕麦拿铁券')
    fireEvent.click(container.querySelector('#item-form-kind-coupon') as Element)
    type(container, 'item-form-couponTemplateId', 'oat')
    type(container, 'item-form-pointsPrice', '300')
    type(container, 'item-form-initialStock', '50')
    fireEvent.click(container.querySelector('#item-save') as Element)
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/admin/pages/item/index?id=oat-latte' }))
    const [input] = inputsOf(callFunction, 'saveItem')
    expect(input).toMatchObject({
      item: { id: 'oat-latte', kind: 'coupon', couponTemplateId: 'oat', pointsPrice: 300, perMemberLimit: null },
      initialStock: 50,
    })
    expect(input?.requestId).toMatch(/^[A-Za-z0-9_-]{16}$/)
  })

  it('saves an edit again with the same request id after a network error, and a new one after a change', async () => {
    openItem('latte-cup')
    let answer: unknown = { ok: false, code: 'NETWORK_ERROR', message: '网络异常' }
    const callFunction = answerCloudFunctions({
      'staff.me': ME,
      'admin.listItems': LIST,
      'admin.saveItem': async () => answer,
    })
    const { container } = render(<AdminItemPage />)
    await screen.findByText('库存 40 · 待取 3 · 已兑 12')
    expect((container.querySelector('#item-form-title') as HTMLInputElement).value).toBe('拿铁随行杯')
    expect(container.querySelector('#item-form-id')).toBeNull()
    fireEvent.click(container.querySelector('#item-save') as Element)
    await screen.findByText('网络异常')
    answer = { ok: true, data: itemResultOf(ITEM) }
    fireEvent.click(container.querySelector('#item-save') as Element)
    await screen.findByText('已保存')
    type(container, 'item-form-title', '拿铁随行杯 · 新款')
    fireEvent.click(container.querySelector('#item-save') as Element)
    await waitFor(() => expect(inputsOf(callFunction, 'saveItem')).toHaveLength(3))
    const [first, retry, changed] = inputsOf(callFunction, 'saveItem').map((input) => input.requestId)
    expect(retry).toBe(first)
    expect(changed).not.toBe(first)
  })

  it('puts the function’s field refusals next to the fields', async () => {
    openItem('latte-cup')
    answerCloudFunctions({
      'staff.me': ME,
      'admin.listItems': LIST,
      'admin.saveItem': { ok: false, code: 'INVALID_INPUT', message: 'item.title: 标题不能包含不可见字符' },
    })
    const { container } = render(<AdminItemPage />)
    fireEvent.click(await screen.findByText('保存'))
    await waitFor(() => expect(textOf(container, 'item-form-title-error')).toBe('标题不能包含不可见字符'))
    expect(textOf(container, 'item-notice')).toBe('请按提示修改后再保存')
  })

  it('adjusts the stock by a non-zero delta, and shows a refused correction next to the field', async () => {
    openItem('latte-cup')
    let answer: unknown = { ok: false, code: 'STOCK_BELOW_ZERO', message: '调整后库存将小于 0，请核对数量' }
    const callFunction = answerCloudFunctions({
      'staff.me': ME,
      'admin.listItems': LIST,
      'admin.adjustStock': async () => answer,
    })
    const { container } = render(<AdminItemPage />)
    await screen.findByText('调整')
    type(container, 'item-stock-delta', '0')
    fireEvent.click(container.querySelector('#item-stock-submit') as Element)
    await screen.findByText('请填写非 0 的整数：正数补货，负数扣减')
    type(container, 'item-stock-delta', '-50')
    fireEvent.click(container.querySelector('#item-stock-submit') as Element)
    await waitFor(() => expect(textOf(container, 'item-stock-delta-error')).toBe('调整后库存将小于 0，请核对数量'))
    answer = { ok: true, data: { itemId: 'latte-cup', delta: 10, stockAfter: 50 } }
    type(container, 'item-stock-delta', '10')
    await act(async () => fireEvent.click(container.querySelector('#item-stock-submit') as Element))
    await screen.findByText('库存已调整为 50')
    expect(inputsOf(callFunction, 'adjustStock').map(({ delta }) => delta)).toEqual([-50, 10])
  })

  it('retires an item and then puts it back on sale', async () => {
    openItem('latte-cup')
    const callFunction = answerCloudFunctions({
      'staff.me': ME,
      'admin.listItems': LIST,
      'admin.retireItem': { ok: true, data: itemResultOf({ ...ITEM, status: 'offSale' }) },
      'admin.restoreItem': { ok: true, data: itemResultOf(ITEM) },
    })
    const { container } = render(<AdminItemPage />)
    fireEvent.click(await screen.findByText('下架'))
    fireEvent.click(await screen.findByText('恢复上架'))
    await screen.findByText('已恢复上架')
    expect(inputsOf(callFunction, 'retireItem')).toEqual([{ requestId: expect.any(String), itemId: 'latte-cup' }])
    expect(inputsOf(callFunction, 'restoreItem')).toHaveLength(1)
    expect(container.querySelector('#item-retire')).not.toBeNull()
  })

  it('says so for an item that is not in the catalogue', async () => {
    openItem('no-such-item')
    answerCloudFunctions({ 'staff.me': ME, 'admin.listItems': LIST })
    render(<AdminItemPage />)
    await screen.findByText('没有这个商品')
  })

  it('is for admins only', async () => {
    openItem('latte-cup')
    const callFunction = answerCloudFunctions({ 'staff.me': { ok: true, data: MANAGER } })
    render(<AdminItemPage />)
    await screen.findByText('仅限品牌管理员编辑商品')
    expect(inputsOf(callFunction, 'listItems')).toEqual([])
  })
})
