import Taro from '@tarojs/taro'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import AdminMembersPage from '@/admin/pages/members/index'
import { ADMIN } from '../support/adminFixtures'
import { answerCloudFunctions } from '../support/cloudFunctions'
import { inputsOf, type } from '../support/formEvents'
import { MEMBER_ID, memberSummaryOf } from '../support/memberFixtures'
import { resetStores } from '../support/stores'

function search(container: HTMLElement, query: string) {
  type(container, 'member-search-query', query)
  fireEvent.click(container.querySelector('#member-search-submit') as Element)
}

describe('the 会员 search page', () => {
  beforeEach(() => {
    resetStores()
    jest.clearAllMocks()
  })

  it('sends the one query, lists nickname, masked phone, tier and balance, and opens a member', async () => {
    const callFunction = answerCloudFunctions({
      'staff.me': { ok: true, data: ADMIN },
      'admin.searchMembers': { ok: true, data: { matchedBy: 'phone', members: [memberSummaryOf()] } },
    })
    const { container } = render(<AdminMembersPage />)
    await screen.findByText('搜索')
    search(container, ' 13800001234 ')
    await screen.findByText('小美')
    expect(container.querySelector(`#admin-member-${MEMBER_ID}`)?.textContent).toContain('138****1234')
    expect(container.querySelector(`#admin-member-${MEMBER_ID}-figures`)?.textContent).toBe('银卡 · 320 积分')
    expect(inputsOf(callFunction, 'searchMembers')).toEqual([{ query: '13800001234' }])
    fireEvent.click(container.querySelector(`#admin-member-${MEMBER_ID}`) as Element)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/admin/pages/member/index?id=${MEMBER_ID}` })
  })

  it('asks for a query instead of sending an empty one', async () => {
    const callFunction = answerCloudFunctions({ 'staff.me': { ok: true, data: ADMIN } })
    const { container } = render(<AdminMembersPage />)
    await screen.findByText('搜索')
    search(container, '  ')
    expect(container.querySelector('#member-search-query-error')?.textContent).toBe('请输入手机号、会员编号或昵称')
    expect(inputsOf(callFunction, 'searchMembers')).toEqual([])
  })

  it('says so when no one matches, and shows a failed search with 重试', async () => {
    let answer: unknown = { ok: true, data: { matchedBy: 'nickname', members: [] } }
    answerCloudFunctions({ 'staff.me': { ok: true, data: ADMIN }, 'admin.searchMembers': async () => answer })
    const { container } = render(<AdminMembersPage />)
    await screen.findByText('搜索')
    search(container, '无此人')
    await screen.findByText('没有找到会员')
    answer = { ok: false, code: 'INTERNAL', message: '系统繁忙' }
    search(container, '还是无此人')
    await screen.findByText('系统繁忙')
    await waitFor(() => expect(container.querySelector('#load-state-retry')).not.toBeNull())
  })
})
