import Taro from '@tarojs/taro'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import AdminHomePage from '@/admin/pages/home/index'
import { ADMIN } from '../support/adminFixtures'
import { answerCloudFunctions } from '../support/cloudFunctions'
import { CASHIER, MANAGER } from '../support/staffFixtures'
import { resetStores } from '../support/stores'

describe('the admin home page', () => {
  beforeEach(() => {
    resetStores()
    jest.clearAllMocks()
  })

  it('lists 任务, 数据看板, 会员名单, 审批, 商品管理, 优惠券模板, 门店, 会员规则, 员工, 操作日志 and 会员 for an admin, and opens the jobs screen', async () => {
    answerCloudFunctions({ 'staff.me': { ok: true, data: ADMIN } })
    const { container } = render(<AdminHomePage />)
    await screen.findByText('品牌管理员')
    expect(container.querySelector('#admin-identity')?.textContent).toContain('管理员 · 全部门店')
    const titles = [...container.querySelectorAll('.admin-link__title')].map((title) => title.textContent)
    expect(titles).toEqual([
      '任务',
      '数据看板',
      '会员名单',
      '审批',
      '商品管理',
      '优惠券模板',
      '门店',
      '会员规则',
      '员工',
      '操作日志',
      '会员',
    ])
    fireEvent.click(container.querySelector('#admin-section-jobs') as Element)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/admin/pages/jobs/index' })
  })

  it('shows a manager the catalogue, read only, and no jobs', async () => {
    answerCloudFunctions({ 'staff.me': { ok: true, data: MANAGER } })
    const { container } = render(<AdminHomePage />)
    await screen.findByText('王店长')
    expect(container.querySelector('#admin-section-jobs')).toBeNull()
    expect(container.querySelector('#admin-section-items')?.textContent).toContain('只读')
    expect(container.querySelector('#admin-section-stores')?.textContent).toContain('本店信息与入会二维码')
    expect(container.querySelector('#admin-section-programme')?.textContent).toContain('只读')
    expect(container.querySelector('#admin-section-staff')?.textContent).toContain('本店员工')
    expect(container.querySelector('#admin-section-audit')?.textContent).toContain('本店的操作记录')
    expect(container.querySelector('#admin-section-members')).not.toBeNull()
    expect(container.querySelector('#admin-section-approvals')?.textContent).toContain('本店店员超出限额的消费')
    expect(container.querySelector('#admin-section-dashboard')?.textContent).toContain('本店的会员、消费、积分和券')
    expect(container.querySelector('#admin-section-memberLists')?.textContent).toContain('本店沉睡')
    fireEvent.click(container.querySelector('#admin-section-approvals') as Element)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/admin/pages/approvals/index' })
    fireEvent.click(container.querySelector('#admin-section-stores') as Element)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/admin/pages/stores/index' })
  })

  it.each([
    ['a clerk', { ok: true, data: CASHIER }],
    ['someone not bound', { ok: false, code: 'NOT_STAFF', message: '仅限已绑定的门店员工使用' }],
  ])('refuses %s', async (_who, answer) => {
    answerCloudFunctions({ 'staff.me': answer })
    const { container } = render(<AdminHomePage />)
    await screen.findByText('仅限店长和品牌管理员使用')
    expect(container.querySelector('.admin-link')).toBeNull()
  })

  it('offers 重试 when who is asking cannot be loaded', async () => {
    answerCloudFunctions({ 'staff.me': { ok: false, code: 'INTERNAL', message: '系统繁忙' } })
    const { container } = render(<AdminHomePage />)
    await waitFor(() => expect(container.querySelector('#load-state-retry')).not.toBeNull())
  })
})
