import type { MemberListPage, MemberListRow } from '@shared/contracts'
import Taro from '@tarojs/taro'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import AdminCouponIssuePage from '@/admin/pages/couponIssue/index'
import AdminMemberListsPage from '@/admin/pages/memberLists/index'
import { ADMIN } from '../support/adminFixtures'
import { answerCloudFunctions } from '../support/cloudFunctions'
import { CASHIER, MANAGER } from '../support/staffFixtures'
import { resetStores } from '../support/stores'

const rowOf = (memberId: string, nickname: string | null, reason: MemberListRow['reason']): MemberListRow => ({
  member: {
    memberId,
    nickname,
    avatarUrl: null,
    phoneNumber: null,
    tier: { id: 'silver', name: '银卡会员' },
    growth: 600,
    usablePoints: 120,
    joinedAtMs: 0,
    joinedStoreId: 'store-1',
  },
  reason,
})

const pageOf = (rows: MemberListRow[], nextAfter: string | null = null, list = rows[0]?.reason.list ?? 'dormant') =>
  ({ list, storeId: 'store-1', rows, nextAfter }) as MemberListPage

const DORMANT = pageOf(
  [
    rowOf('m0000000000000000000001', '阿满', { list: 'dormant', lastVisitAtMs: Date.UTC(2026, 9, 20, 4) }),
    rowOf('m0000000000000000000002', null, { list: 'dormant', lastVisitAtMs: Date.UTC(2026, 9, 1, 4) }),
  ],
  'm0000000000000000000002',
)

function listInputs(callFunction: jest.Mock): unknown[] {
  return callFunction.mock.calls
    .filter(([call]) => call.name === 'admin' && call.data.action === 'memberList')
    .map(([call]) => call.data.input)
}

const textOf = (container: HTMLElement, id: string) => container.querySelector(`#${id}`)?.textContent

describe('the member lists screen', () => {
  beforeEach(() => {
    resetStores()
    jest.clearAllMocks()
  })

  it('shows a manager the dormant members of 30 days, why each is there, and pages on', async () => {
    const callFunction = answerCloudFunctions({
      'staff.me': { ok: true, data: MANAGER },
      'admin.memberList': { ok: true, data: DORMANT },
    })
    const { container } = render(<AdminMemberListsPage />)
    await screen.findByText('阿满')
    expect(listInputs(callFunction)).toEqual([{ list: 'dormant', days: 30 }])
    expect(textOf(container, 'member-list-m0000000000000000000001-reason')).toBe('最近到店 2026-10-20')
    expect(screen.getByText('未设置昵称')).not.toBeNull()
    expect(container.querySelector('#member-list-stores')).toBeNull()
    expect(textOf(container, 'member-list-issue')).toBe('给这 2 位会员发券')
    fireEvent.click(container.querySelector('#member-list-next') as Element)
    await waitFor(() => expect(listInputs(callFunction)).toHaveLength(2))
    expect(listInputs(callFunction)[1]).toEqual({ list: 'dormant', days: 30, after: 'm0000000000000000000002' })
    await waitFor(() => expect(container.querySelector('#member-list-previous')).not.toBeNull())
  })

  it('asks for each list with its own number, and refuses a number out of bounds at the field', async () => {
    const callFunction = answerCloudFunctions({
      'staff.me': { ok: true, data: ADMIN },
      'admin.listStores': {
        ok: true,
        data: { stores: [{ id: 'store-2', name: '西湖店', address: '', phone: '', hours: '' }] },
      },
      'admin.memberList': {
        ok: true,
        data: pageOf([
          rowOf('m0000000000000000000003', '小雨', { list: 'nearTier', growthShort: 40, nextTier: '金卡会员' }),
        ]),
      },
    })
    const { container } = render(<AdminMemberListsPage />)
    await screen.findByText('小雨')
    fireEvent.click(container.querySelector('#member-list-nearTier') as Element)
    await waitFor(() => expect(listInputs(callFunction).at(-1)).toEqual({ list: 'nearTier', growthShort: 100 }))
    expect(textOf(container, 'member-list-m0000000000000000000003-reason')).toBe('再得 40 成长值升级金卡会员')
    fireEvent.click(container.querySelector('#member-list-birthdays') as Element)
    await waitFor(() => expect(listInputs(callFunction).at(-1)).toEqual({ list: 'birthdays' }))
    expect(container.querySelector('#member-list-parameter')).toBeNull()
    fireEvent.click(await screen.findByText('西湖店'))
    await waitFor(() => expect(listInputs(callFunction).at(-1)).toEqual({ list: 'birthdays', storeId: 'store-2' }))

    fireEvent.click(container.querySelector('#member-list-expiringPoints') as Element)
    const asked = listInputs(callFunction).length
    await waitFor(() => expect(listInputs(callFunction)).toHaveLength(asked))
    fireEvent.input(container.querySelector('#member-list-parameter') as Element, { target: { value: '91' } })
    fireEvent.click(container.querySelector('#member-list-submit') as Element)
    await screen.findByText('请输入 1–90 的整数')
    expect(listInputs(callFunction)).toHaveLength(asked)
  })

  it('hands the page on screen to 发券 whole', async () => {
    answerCloudFunctions({
      'staff.me': { ok: true, data: MANAGER },
      'admin.memberList': { ok: true, data: DORMANT },
      'admin.listCouponTemplates': { ok: true, data: { templates: [] } },
    })
    const { container, unmount } = render(<AdminMemberListsPage />)
    await screen.findByText('阿满')
    fireEvent.click(container.querySelector('#member-list-issue') as Element)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/admin/pages/couponIssue/index' })
    unmount()
    const issue = render(<AdminCouponIssuePage />)
    await waitFor(() =>
      expect((issue.container.querySelector('#issue-members') as HTMLTextAreaElement | null)?.value).toBe(
        'm0000000000000000000001\nm0000000000000000000002',
      ),
    )
  })

  it('says so when a list is empty, and refuses clerks', async () => {
    answerCloudFunctions({
      'staff.me': { ok: true, data: MANAGER },
      'admin.memberList': { ok: true, data: pageOf([]) },
    })
    render(<AdminMemberListsPage />)
    await screen.findByText('名单里没有会员')
    resetStores()
    answerCloudFunctions({ 'staff.me': { ok: true, data: CASHIER } })
    render(<AdminMemberListsPage />)
    await screen.findAllByText('仅限店长和品牌管理员使用')
  })
})
