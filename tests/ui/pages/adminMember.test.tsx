import type { MemberLedgerLine } from '@shared/contracts'
import Taro from '@tarojs/taro'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import AdminMemberPage from '@/admin/pages/member/index'
import { ADMIN } from '../support/adminFixtures'
import { answerCloudFunctions } from '../support/cloudFunctions'
import { inputsOf, textOf, type } from '../support/formEvents'
import { MEMBER_ID, memberDetailOf, memberSummaryOf } from '../support/memberFixtures'
import { MANAGER } from '../support/staffFixtures'
import { resetStores } from '../support/stores'

const MANAGER_ME = { ok: true, data: MANAGER }

function openMember(id: string = MEMBER_ID) {
  ;(Taro.getCurrentInstance as jest.Mock).mockReturnValue({ router: { params: { id } } })
}

describe('the member detail page', () => {
  beforeEach(() => {
    resetStores()
    jest.clearAllMocks()
    openMember()
  })

  it('shows card figures, lots with their expiry, history with reasons, coupons, orders and staff actions', async () => {
    answerCloudFunctions({ 'staff.me': MANAGER_ME, 'admin.memberDetail': { ok: true, data: memberDetailOf() } })
    const { container } = render(<AdminMemberPage />)
    await screen.findByText('积分批次')
    expect(textOf(container, 'member-balance')).toBe('可用积分 320 · 已过期 15')
    expect(textOf(container, 'member-lot-0')).toBe('200 积分 · 2027-01-01 00:00 过期')
    expect(textOf(container, 'member-lot-1')).toBe('120 积分 · 永久有效')
    expect(textOf(container, 'member-ledger-adjust_req-1')).toContain('调整 +20 积分 · 积分调整（补录积分）')
    expect(textOf(container, 'member-coupon-coupon-1')).toContain('满 30 减 5 元')
    expect(textOf(container, 'member-order-order-1')).toContain('拿铁随行杯 · 500 积分 · 待领取')
    expect(textOf(container, 'member-action-admin_req-1')).toContain('调整积分 · +20 积分 · 补录积分 · 王店长')
    expect(textOf(container, 'member-grant')).toBe('无手动授予等级')
    expect(textOf(container, 'member-adjust')).toContain('单次最多 500')
    fireEvent.click(container.querySelector('#member-issue-coupon') as Element)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/admin/pages/couponIssue/index?memberId=${MEMBER_ID}` })
  })

  it('adjusts with amount, reason and a request id, then shows the new balance and history line', async () => {
    const before = memberDetailOf()
    const line = { ...before.ledger[0], id: 'adjust_new', amount: 50, reason: '活动补发' } as MemberLedgerLine
    const after = memberDetailOf({ member: memberSummaryOf({ usablePoints: 370 }), ledger: [line, ...before.ledger] })
    let detail = memberDetailOf()
    const callFunction = answerCloudFunctions({
      'staff.me': MANAGER_ME,
      'admin.memberDetail': async () => ({ ok: true, data: detail }),
      'admin.adjustPoints': async () => {
        detail = after
        return {
          ok: true,
          data: { memberId: MEMBER_ID, amount: 50, usableBefore: 320, usableAfter: 370, replayed: false },
        }
      },
    })
    const { container } = render(<AdminMemberPage />)
    await screen.findByText('积分调整')
    type(container, 'member-adjust-amount', '+50')
    fireEvent.click(container.querySelector('#member-adjust-submit') as Element)
    await screen.findByText('请填写调整原因')
    expect(textOf(container, 'member-adjust-reason-error')).toBe('请填写调整原因')
    expect(inputsOf(callFunction, 'adjustPoints')).toEqual([])
    type(container, 'member-adjust-reason', '活动补发')
    fireEvent.click(container.querySelector('#member-adjust-submit') as Element)
    await screen.findByText('积分已调整')
    expect(textOf(container, 'member-balance')).toBe('可用积分 370 · 已过期 15')
    expect(textOf(container, 'member-ledger-adjust_new')).toContain('调整 +50 积分 · 积分调整（活动补发）')
    const [input] = inputsOf(callFunction, 'adjustPoints')
    expect(input).toEqual({
      requestId: expect.stringMatching(/^[A-Za-z0-9_-]{16}$/),
      memberId: MEMBER_ID,
      amount: 50,
      reason: '活动补发',
    })
  })

  it('refuses an amount over the role’s limit next to the field, sending nothing', async () => {
    const callFunction = answerCloudFunctions({
      'staff.me': MANAGER_ME,
      'admin.memberDetail': { ok: true, data: memberDetailOf() },
    })
    const { container } = render(<AdminMemberPage />)
    await screen.findByText('积分调整')
    type(container, 'member-adjust-amount', '-501')
    type(container, 'member-adjust-reason', '扣错了')
    fireEvent.click(container.querySelector('#member-adjust-submit') as Element)
    expect(textOf(container, 'member-adjust-amount-error')).toBe('单次调整不能超过 500 积分')
    expect(inputsOf(callFunction, 'adjustPoints')).toEqual([])
  })

  it('keeps the request id after a network failure and reuses it on retry; a new adjustment gets a new one', async () => {
    let answer: unknown = { ok: false, code: 'NETWORK_ERROR', message: '网络异常' }
    const callFunction = answerCloudFunctions({
      'staff.me': MANAGER_ME,
      'admin.memberDetail': { ok: true, data: memberDetailOf() },
      'admin.adjustPoints': async () => answer,
    })
    const { container } = render(<AdminMemberPage />)
    await screen.findByText('积分调整')
    type(container, 'member-adjust-amount', '-20')
    type(container, 'member-adjust-reason', '扣回误加')
    fireEvent.click(container.querySelector('#member-adjust-submit') as Element)
    await screen.findByText('网络异常')
    answer = {
      ok: true,
      data: { memberId: MEMBER_ID, amount: -20, usableBefore: 320, usableAfter: 300, replayed: false },
    }
    fireEvent.click(container.querySelector('#member-adjust-submit') as Element)
    await screen.findByText('积分已调整')
    type(container, 'member-adjust-amount', '10')
    type(container, 'member-adjust-reason', '另一笔')
    fireEvent.click(container.querySelector('#member-adjust-submit') as Element)
    await waitFor(() => expect(inputsOf(callFunction, 'adjustPoints')).toHaveLength(3))
    const [first, retry, next] = inputsOf(callFunction, 'adjustPoints').map((input) => input.requestId)
    expect(retry).toBe(first)
    expect(next).not.toBe(first)
  })

  it('grants a tier through a picked last day, and takes an active grant away', async () => {
    const granted = memberDetailOf({
      grantedTier: {
        tier: { id: 'gold', name: '金卡' },
        endsOn: '2026-05-31',
        untilMs: Date.UTC(2026, 4, 31, 16, 0),
        active: true,
        grantedBy: 'o-admin',
        grantedByName: '品牌管理员',
        reason: '合作客户',
      },
    })
    const callFunction = answerCloudFunctions({
      'staff.me': { ok: true, data: ADMIN },
      'admin.memberDetail': { ok: true, data: granted },
      'admin.grantTier': {
        ok: true,
        data: {
          memberId: MEMBER_ID,
          before: null,
          after: null,
          heldTier: { id: 'gold', name: '金卡' },
          replayed: false,
        },
      },
    })
    const { container } = render(<AdminMemberPage />)
    await screen.findByText('手动授予等级')
    expect(textOf(container, 'member-grant')).toBe('手动授予：金卡 · 至 2026-05-31 · 品牌管理员：合作客户')
    type(container, 'member-grant-reason', '合作客户续期')
    fireEvent.click(container.querySelector('#member-grant-submit') as Element)
    await screen.findByText('请选择等级')
    expect(textOf(container, 'member-grant-tierId-error')).toBe('请选择等级')
    fireEvent.click(container.querySelector('#member-grant-tier-gold') as Element)
    fireEvent.change(container.querySelector('#member-grant-endsOn .picker-stand-in__value') as Element, {
      target: { value: '2026-06-01' },
    })
    fireEvent.click(container.querySelector('#member-grant-submit') as Element)
    await screen.findByText('等级授予已更新')
    type(container, 'member-grant-reason', '合作结束')
    fireEvent.click(container.querySelector('#member-grant-revoke') as Element)
    await waitFor(() => expect(inputsOf(callFunction, 'grantTier')).toHaveLength(2))
    const [grant, revoke] = inputsOf(callFunction, 'grantTier')
    expect(grant).toMatchObject({ memberId: MEMBER_ID, tierId: 'gold', endsOn: '2026-06-01', reason: '合作客户续期' })
    expect(revoke).toMatchObject({ memberId: MEMBER_ID, tierId: null, endsOn: null, reason: '合作结束' })
    expect(revoke?.requestId).not.toBe(grant?.requestId)
  })

  it('hides the grant form when no tier is grantable', async () => {
    const limits = { adjustmentPointsMax: 500, tierGrantDaysMax: 30, grantableTiers: [], today: '2026-05-02' }
    answerCloudFunctions({
      'staff.me': MANAGER_ME,
      'admin.memberDetail': { ok: true, data: memberDetailOf({ limits }) },
    })
    const { container } = render(<AdminMemberPage />)
    await screen.findByText('积分调整')
    expect(container.querySelector('#member-grant-submit')).toBeNull()
    expect(container.querySelector('#member-birthday-form')).not.toBeNull()
  })

  it('corrects the birthday with its reason', async () => {
    const callFunction = answerCloudFunctions({
      'staff.me': MANAGER_ME,
      'admin.memberDetail': { ok: true, data: memberDetailOf() },
      'admin.correctBirthday': {
        ok: true,
        data: { memberId: MEMBER_ID, before: '05-20', after: '06-02', replayed: false },
      },
    })
    const { container } = render(<AdminMemberPage />)
    await screen.findByText('生日更正')
    type(container, 'member-birthday-birthday', '13-40')
    type(container, 'member-birthday-reason', '登记错误')
    fireEvent.click(container.querySelector('#member-birthday-submit') as Element)
    await screen.findByText('生日格式应为 MM-DD')
    expect(textOf(container, 'member-birthday-birthday-error')).toBe('生日格式应为 MM-DD')
    type(container, 'member-birthday-birthday', '06-02')
    fireEvent.click(container.querySelector('#member-birthday-submit') as Element)
    await screen.findByText('生日已更正')
    expect(inputsOf(callFunction, 'correctBirthday')).toEqual([
      { requestId: expect.any(String), memberId: MEMBER_ID, birthday: '06-02', reason: '登记错误' },
    ])
  })

  it('brings in older history lines with 加载更多, a page at a time, until there are no more', async () => {
    const older = (id: string, amount: number): MemberLedgerLine => ({
      id,
      type: 'spend',
      amount,
      title: '兑换商品',
      reason: null,
      operatorId: null,
      createdAtMs: Date.UTC(2026, 3, 1, 2, 0),
    })
    const pages = [
      { ok: false, code: 'NETWORK_ERROR', message: '网络不给力' },
      { ok: true, data: { entries: [older('spend_1', -100)], nextCursor: 'cursor-2' } },
      { ok: true, data: { entries: [older('spend_2', -200)], nextCursor: null } },
    ]
    const callFunction = answerCloudFunctions({
      'staff.me': MANAGER_ME,
      'admin.memberDetail': { ok: true, data: memberDetailOf({ ledgerNextCursor: 'cursor-1' }) },
      'admin.memberLedger': async () => pages.shift(),
    })
    const { container } = render(<AdminMemberPage />)
    await screen.findByText('加载更多')
    fireEvent.click(container.querySelector('#member-ledger-more') as Element)
    await screen.findByText('网络不给力')
    expect(container.querySelector('#member-ledger-earn_1')).not.toBeNull()
    fireEvent.click(container.querySelector('#member-ledger-more') as Element)
    await screen.findByText(/使用 -100 积分/)
    expect(container.querySelector('#member-ledger-more-error')).toBeNull()
    fireEvent.click(container.querySelector('#member-ledger-more') as Element)
    await screen.findByText(/使用 -200 积分/)
    const lines = [...container.querySelectorAll('#member-ledger [id^="member-ledger-"]')].map((line) => line.id)
    expect(lines).toEqual([
      'member-ledger-adjust_req-1',
      'member-ledger-earn_1',
      'member-ledger-spend_1',
      'member-ledger-spend_2',
    ])
    expect(container.querySelector('#member-ledger-more')).toBeNull()
    expect(inputsOf(callFunction, 'memberLedger')).toEqual([
      { memberId: MEMBER_ID, cursor: 'cursor-1' },
      { memberId: MEMBER_ID, cursor: 'cursor-1' },
      { memberId: MEMBER_ID, cursor: 'cursor-2' },
    ])
  })

  it('starts the history over from its first page when an adjustment reloads the member', async () => {
    const before = memberDetailOf({ ledgerNextCursor: 'cursor-1' })
    const line = { ...before.ledger[0], id: 'adjust_new', amount: 50, reason: '活动补发' } as MemberLedgerLine
    let detail = before
    const callFunction = answerCloudFunctions({
      'staff.me': MANAGER_ME,
      'admin.memberDetail': async () => ({ ok: true, data: detail }),
      'admin.memberLedger': {
        ok: true,
        data: { entries: [{ ...line, id: 'spend_old', type: 'spend', amount: -10 }], nextCursor: 'cursor-2' },
      },
      'admin.adjustPoints': async () => {
        detail = memberDetailOf({ ledger: [line, ...before.ledger], ledgerNextCursor: 'cursor-new' })
        return {
          ok: true,
          data: { memberId: MEMBER_ID, amount: 50, usableBefore: 320, usableAfter: 370, replayed: false },
        }
      },
    })
    const { container } = render(<AdminMemberPage />)
    await screen.findByText('加载更多')
    fireEvent.click(container.querySelector('#member-ledger-more') as Element)
    await screen.findByText(/使用 -10 积分/)
    type(container, 'member-adjust-amount', '50')
    type(container, 'member-adjust-reason', '活动补发')
    fireEvent.click(container.querySelector('#member-adjust-submit') as Element)
    await screen.findByText('积分已调整')
    await waitFor(() => expect(container.querySelector('#member-ledger-adjust_new')).not.toBeNull())
    // The line pushed past the first page's end would be missing between it and the older page.
    expect(container.querySelector('#member-ledger-spend_old')).toBeNull()
    fireEvent.click(container.querySelector('#member-ledger-more') as Element)
    await screen.findByText(/使用 -10 积分/)
    expect(inputsOf(callFunction, 'memberLedger').map((input) => input.cursor)).toEqual(['cursor-1', 'cursor-new'])
  })

  it('offers no 加载更多 when the first page is the whole history', async () => {
    answerCloudFunctions({ 'staff.me': MANAGER_ME, 'admin.memberDetail': { ok: true, data: memberDetailOf() } })
    const { container } = render(<AdminMemberPage />)
    await screen.findByText('积分批次')
    expect(container.querySelector('#member-ledger-earn_1')).not.toBeNull()
    expect(container.querySelector('#member-ledger-more')).toBeNull()
  })

  it('shows a failed load with 重试, and an unknown member as such', async () => {
    answerCloudFunctions({
      'staff.me': MANAGER_ME,
      'admin.memberDetail': { ok: false, code: 'INTERNAL', message: '系统繁忙' },
    })
    const first = render(<AdminMemberPage />)
    await screen.findByText('系统繁忙')
    expect(first.container.querySelector('#load-state-retry')).not.toBeNull()
    first.unmount()
    resetStores()
    answerCloudFunctions({
      'staff.me': MANAGER_ME,
      'admin.memberDetail': { ok: false, code: 'MEMBER_NOT_FOUND', message: '会员不存在' },
    })
    render(<AdminMemberPage />)
    await screen.findByText('没有这位会员')
  })
})
