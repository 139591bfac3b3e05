import type { ProgrammeDryRun, ProgrammeVersionsPage, PublishedProgramme } from '@shared/contracts'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import AdminProgrammePage from '@/admin/pages/programme/index'
import { DEMO_PROGRAMME_INPUT } from '../../../emulator/seed/demo/programme'
import { ADMIN } from '../support/adminFixtures'
import { answerCloudFunctions } from '../support/cloudFunctions'
import { MANAGER } from '../support/staffFixtures'
import { resetStores } from '../support/stores'

const PUBLISHED_AT_MS = Date.UTC(2026, 10, 20, 4)
const author = { openid: 'o-demo-admin', name: '品牌管理员', atMs: PUBLISHED_AT_MS }
const DRAFT = { ok: true, data: { programme: DEMO_PROGRAMME_INPUT, liveVersion: 2, draft: null } }
const VERSIONS: { ok: true; data: ProgrammeVersionsPage } = {
  ok: true,
  data: {
    liveVersion: 2,
    versions: [
      { version: 2, note: '银卡门槛 300', published: author, restoredFrom: null },
      { version: 1, note: '首次发布', published: author, restoredFrom: null },
    ],
    nextCursor: null,
  },
}
const SAVED = { ok: true, data: { basedOnVersion: 2, saved: author, changedSections: ['earning'] } }
const published = (version: number, restoredFrom: number | null = null): { ok: true; data: PublishedProgramme } => ({
  ok: true,
  data: {
    version,
    note: '发布',
    published: author,
    restoredFrom,
    effectiveByMs: PUBLISHED_AT_MS + 60_000,
    replayed: false,
  },
})

function inputsOf(callFunction: jest.Mock, action: string): Record<string, unknown>[] {
  return callFunction.mock.calls.filter(([o]) => o.data.action === action).map(([o]) => o.data.input)
}
function type(container: HTMLElement, id: string, value: string) {
  fireEvent.change(container.querySelector(`#${id}`) as Element, { target: { value } })
}
function click(container: HTMLElement, id: string) {
  fireEvent.click(container.querySelector(`#${id}`) as Element)
}
function textOf(container: HTMLElement, id: string): string | null | undefined {
  return container.querySelector(`#${id}`)?.textContent
}

describe('the 会员规则 editor', () => {
  beforeEach(() => {
    resetStores()
    jest.clearAllMocks()
  })

  const base = { 'admin.programmeDraft': DRAFT, 'admin.programmeVersions': VERSIONS }

  it('shows each problem next to its field, in Chinese, and saves nothing', async () => {
    const callFunction = answerCloudFunctions({ 'staff.me': { ok: true, data: ADMIN }, ...base })
    const { container } = render(<AdminProgrammePage />)
    await screen.findByText('当前为第 2 版，没有未发布的草稿')
    type(container, 'programme-tiers-2-growthThreshold', '100')
    type(container, 'programme-earning-points-perYuan', '1.5')
    type(container, 'programme-businessDayCutoffHour', '30')
    click(container, 'programme-save')
    await screen.findByText('请按提示修改后再保存')
    expect(textOf(container, 'programme-earning-points-perYuan-error')).toBe('请填写整数')
    expect(textOf(container, 'programme-businessDayCutoffHour-error')).toBe('不能大于 23')
    type(container, 'programme-businessDayCutoffHour', '4')
    expect(container.querySelector('#programme-businessDayCutoffHour-error')).toBeNull()
    // The rules across fields are checked once every field is well formed, as the schema does.
    type(container, 'programme-earning-points-perYuan', '1')
    click(container, 'programme-save')
    await waitFor(() =>
      expect(textOf(container, 'programme-tiers-2-growthThreshold-error')).toContain('等级门槛必须递增'),
    )
    expect(inputsOf(callFunction, 'saveProgrammeDraft')).toEqual([])
  })

  it('puts the problems the function names next to their fields', async () => {
    answerCloudFunctions({
      'staff.me': { ok: true, data: ADMIN },
      ...base,
      'admin.saveProgrammeDraft': {
        ok: false,
        code: 'INVALID_PROGRAMME',
        message: '会员方案配置有误：tiers.1.name: 名称不能为空\ncheckIn.basePoints: 不能为负数',
      },
    })
    const { container } = render(<AdminProgrammePage />)
    await screen.findByText('当前为第 2 版，没有未发布的草稿')
    click(container, 'programme-save')
    await waitFor(() => expect(textOf(container, 'programme-tiers-1-name-error')).toBe('名称不能为空'))
    expect(textOf(container, 'programme-checkIn-basePoints-error')).toBe('不能为负数')
  })

  it('saves the edited draft and publishes it with a note: live within a minute', async () => {
    const callFunction = answerCloudFunctions({
      'staff.me': { ok: true, data: ADMIN },
      ...base,
      'admin.saveProgrammeDraft': SAVED,
      'admin.publishProgramme': published(3),
    })
    const { container } = render(<AdminProgrammePage />)
    await screen.findByText('当前为第 2 版，没有未发布的草稿')
    type(container, 'programme-earning-points-amount', '2')
    click(container, 'programme-publish-submit')
    await screen.findByText('请填写发布说明')
    type(container, 'programme-note', '双倍积分')
    click(container, 'programme-publish-submit')
    await screen.findByText('第 3 版已发布，各门店将在 1 分钟内生效')
    const [saved] = inputsOf(callFunction, 'saveProgrammeDraft')
    expect(saved).toMatchObject({ basedOnVersion: 2, programme: { earning: { points: { amount: 2, perYuan: 1 } } } })
    expect(inputsOf(callFunction, 'publishProgramme')).toEqual([{ requestId: expect.any(String), note: '双倍积分' }])
  })

  it('runs the 试算 side by side, following the member count to its end', async () => {
    const page = (nextCursor: string | null, upgrades: number): { ok: true; data: ProgrammeDryRun } => ({
      ok: true,
      data: {
        liveVersion: 2,
        hasDraft: true,
        live: { purchasePoints: 45, purchaseGrowth: 45, checkInPoints: 75, checkInGrowth: 5 },
        draft: { purchasePoints: 91, purchaseGrowth: 45, checkInPoints: 75, checkInGrowth: 5 },
        tierChanges: { upgrades, downgradesAtPeriodEnd: 1, downgradesAtPeriodEndLive: 0, onRemovedTier: 0 },
        membersCounted: 1000,
        nextCursor,
      },
    })
    const answers = [page('m-1000', 3), page(null, 4)]
    const callFunction = answerCloudFunctions({
      'staff.me': { ok: true, data: ADMIN },
      ...base,
      'admin.programmeDryRun': async () => answers.shift(),
    })
    const { container } = render(<AdminProgrammePage />)
    await screen.findByText('当前为第 2 版，没有未发布的草稿')
    click(container, 'dry-run-submit')
    await waitFor(() => expect(textOf(container, 'dry-run-day-error')).toBe('日期格式应为 YYYY-MM-DD'))
    type(container, 'dry-run-amountYuan', '45.67')
    type(container, 'dry-run-tierId', 'regular')
    type(container, 'dry-run-day', '2026-11-23')
    click(container, 'dry-run-submit')
    await waitFor(() => expect(textOf(container, 'dry-run-tiers')).toContain('已统计 2000 位会员'))
    expect(textOf(container, 'dry-run-purchasePoints-live')).toBe('45')
    expect(textOf(container, 'dry-run-purchasePoints-draft')).toBe('91')
    expect(textOf(container, 'dry-run-tiers')).toContain('7 位会员在下次获得成长值时升级')
    const inputs = inputsOf(callFunction, 'programmeDryRun')
    expect(inputs[0]).toEqual({
      purchase: { amountFen: 4567, tierId: 'regular', purchasedAtMs: Date.UTC(2026, 10, 23, 4) },
      checkInDays: 7,
    })
    expect(inputs[1]).toMatchObject({ cursor: 'm-1000' })
  })

  it('restores an old version against the live one', async () => {
    const callFunction = answerCloudFunctions({
      'staff.me': { ok: true, data: ADMIN },
      ...base,
      'admin.restoreProgrammeVersion': published(3, 1),
    })
    const { container } = render(<AdminProgrammePage />)
    await screen.findByText('首次发布 · 品牌管理员 · 2026-11-20 12:00')
    expect(container.querySelector('#programme-version-2-restore')).toBeNull()
    click(container, 'programme-version-1-restore')
    await screen.findByText('第 3 版已发布，各门店将在 1 分钟内生效')
    expect(inputsOf(callFunction, 'restoreProgrammeVersion')).toEqual([
      { requestId: expect.any(String), version: 1, liveVersion: 2, note: '恢复第 1 版' },
    ])
  })

  it('shows managers the rules read only', async () => {
    answerCloudFunctions({ 'staff.me': { ok: true, data: MANAGER }, ...base })
    const { container } = render(<AdminProgrammePage />)
    await screen.findByText('店长只能查看会员规则，修改请联系品牌管理员')
    expect(container.querySelector('#programme-tiers-1-growthThreshold')?.hasAttribute('disabled')).toBe(true)
    expect(container.querySelector('#programme-publish')).toBeNull()
    expect(container.querySelector('#programme-campaign-add')).toBeNull()
    await screen.findByText('首次发布 · 品牌管理员 · 2026-11-20 12:00')
    expect(container.querySelector('#programme-version-1-restore')).toBeNull()
  })
})
