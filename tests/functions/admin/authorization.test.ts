/**
 * The admin console's authorisation matrix: every `admin` and `jobs` action called as someone who
 * never joined, a member, another store's clerk, a clerk, a manager and an admin. Roles come from
 * `staff/<OPENID>` only; a refusal changes nothing. An action missing from the table fails the test.
 */
import { API, type ApiEnvelope } from '@shared/contracts'
import { DEMO_PROGRAMME_INPUT } from '../../../emulator/seed/demo/programme'
import { insertTemplate } from '../coupon/testTemplates'
import { insertItem } from '../mall/testItems'
import { ADMIN, bindStoreTwo, NOW, seedCustomer, snapshotOf } from '../staff/staffFixtures'
import { adminItemEdit, adminStoreEdit, adminTemplateEdit, pendingApproval } from '../support/actionScenarios'
import { type Expectations, matrixCallers, matrixRows } from '../support/authorisationMatrix'
import { type FunctionHarness, useFunctionHarness } from '../support/functionHarness'
import { DRY_RUN_SAMPLE } from '../support/programmeScenarios'

jest.setTimeout(120_000)

const MEMBER_PREFIX = 'o-admin-matrix-member'
const CALLERS = matrixCallers(MEMBER_PREFIX)

const ADMINS_ONLY: Expectations = {
  stranger: 'NOT_STAFF',
  member: 'NOT_STAFF',
  otherStore: 'FORBIDDEN',
  staff: 'FORBIDDEN',
  manager: 'FORBIDDEN',
  admin: 'ok',
}
const MANAGERS_AND_ADMINS: Expectations = { ...ADMINS_ONLY, manager: 'ok' }

interface Case {
  readonly functionName: 'admin' | 'jobs'
  readonly action: string
  readonly expectations: Expectations
  /** Writes what the action needs and answers its input. */
  setup(harness: FunctionHarness, memberId: string): Promise<Record<string, unknown>>
}

/** The programme editor: managers read, admins write; a publish needs a draft, a restore an old version. */
const PROGRAMME_CASES: readonly Case[] = [
  { functionName: 'admin', action: 'programmeDraft', expectations: MANAGERS_AND_ADMINS, setup: async () => ({}) },
  {
    functionName: 'admin',
    action: 'saveProgrammeDraft',
    expectations: ADMINS_ONLY,
    setup: async () => ({ requestId: 'matrix-draft-001', basedOnVersion: 0, programme: DEMO_PROGRAMME_INPUT }),
  },
  {
    functionName: 'admin',
    action: 'publishProgramme',
    expectations: ADMINS_ONLY,
    setup: async (harness) => {
      const draft = { requestId: 'matrix-draft-002', basedOnVersion: 0, programme: DEMO_PROGRAMME_INPUT }
      await harness.call('admin', 'saveProgrammeDraft', draft, { as: ADMIN, atMs: NOW })
      return { requestId: 'matrix-publish-1', note: '发布' }
    },
  },
  {
    functionName: 'admin',
    action: 'restoreProgrammeVersion',
    expectations: ADMINS_ONLY,
    setup: async (harness) => {
      const published = { openid: ADMIN, name: '管理员', atMs: NOW }
      await harness.db.collection('programme_versions').add({
        data: { _id: '7', version: 7, programme: DEMO_PROGRAMME_INPUT, note: '旧版本', published, restoredFrom: null },
      })
      return { requestId: 'matrix-restore-2', version: 7, liveVersion: 0, note: '恢复' }
    },
  },
  { functionName: 'admin', action: 'programmeVersions', expectations: MANAGERS_AND_ADMINS, setup: async () => ({}) },
  {
    functionName: 'admin',
    action: 'programmeDryRun',
    expectations: MANAGERS_AND_ADMINS,
    setup: async () => DRY_RUN_SAMPLE,
  },
]

const CASES: readonly Case[] = [
  { functionName: 'admin', action: 'listItems', expectations: MANAGERS_AND_ADMINS, setup: async () => ({}) },
  {
    functionName: 'admin',
    action: 'saveItem',
    expectations: ADMINS_ONLY,
    setup: async () => ({ requestId: 'matrix-save-0001', item: adminItemEdit('item-matrix') }),
  },
  {
    functionName: 'admin',
    action: 'prepareUpload',
    expectations: ADMINS_ONLY,
    setup: async () => ({ purpose: 'item', type: 'png' }),
  },
  {
    functionName: 'admin',
    action: 'retireItem',
    expectations: ADMINS_ONLY,
    setup: async (harness) => ({
      requestId: 'matrix-retire-01',
      itemId: await insertItem(harness, { id: 'item-matrix-retire' }),
    }),
  },
  {
    functionName: 'admin',
    action: 'restoreItem',
    expectations: ADMINS_ONLY,
    setup: async (harness) => ({
      requestId: 'matrix-restore-1',
      itemId: await insertItem(harness, { id: 'item-matrix-restore', status: 'offSale' }),
    }),
  },
  {
    functionName: 'admin',
    action: 'adjustStock',
    expectations: ADMINS_ONLY,
    setup: async () => ({ requestId: 'matrix-stock-001', itemId: 'item-tote-bag', delta: 1 }),
  },
  {
    functionName: 'admin',
    action: 'searchMembers',
    expectations: MANAGERS_AND_ADMINS,
    setup: async () => ({ query: '13800138000' }),
  },
  {
    functionName: 'admin',
    action: 'memberDetail',
    expectations: MANAGERS_AND_ADMINS,
    setup: async (_harness, memberId) => ({ memberId }),
  },
  {
    functionName: 'admin',
    action: 'memberLedger',
    expectations: MANAGERS_AND_ADMINS,
    setup: async (_harness, memberId) => ({ memberId }),
  },
  {
    functionName: 'admin',
    action: 'adjustPoints',
    expectations: MANAGERS_AND_ADMINS,
    setup: async (_harness, memberId) => ({ requestId: 'matrix-adjust-01', memberId, amount: 10, reason: '补发' }),
  },
  {
    functionName: 'admin',
    action: 'correctBirthday',
    expectations: MANAGERS_AND_ADMINS,
    setup: async (_harness, memberId) => ({
      requestId: 'matrix-birthday1',
      memberId,
      birthday: '06-01',
      reason: '更正',
    }),
  },
  { functionName: 'admin', action: 'auditLog', expectations: MANAGERS_AND_ADMINS, setup: async () => ({}) },
  { functionName: 'admin', action: 'listStaff', expectations: MANAGERS_AND_ADMINS, setup: async () => ({}) },
  {
    functionName: 'admin',
    action: 'changeStaffRole',
    expectations: ADMINS_ONLY,
    setup: async (harness) => {
      const openid = 'o-matrix-promoted'
      await harness.db.collection('staff').add({
        data: { _id: openid, openid, role: 'staff', storeId: 'store-1', name: '小升', boundAtMs: 0 },
      })
      return { requestId: 'matrix-promote-1', openid, role: 'manager', storeId: 'store-1' }
    },
  },
  {
    functionName: 'admin',
    action: 'grantTier',
    expectations: MANAGERS_AND_ADMINS,
    setup: async (_harness, memberId) => ({
      requestId: 'matrix-grant-tier',
      memberId,
      tierId: 'gold',
      endsOn: '2026-12-31',
      reason: '补偿',
    }),
  },
  { functionName: 'admin', action: 'listApprovals', expectations: MANAGERS_AND_ADMINS, setup: async () => ({}) },
  {
    functionName: 'admin',
    action: 'memberList',
    expectations: MANAGERS_AND_ADMINS,
    setup: async () => ({ list: 'dormant', days: 30 }),
  },
  {
    functionName: 'admin',
    action: 'dashboard',
    expectations: MANAGERS_AND_ADMINS,
    setup: async () => ({ from: '2026-11-01', to: '2026-11-07' }),
  },
  {
    functionName: 'admin',
    action: 'requestExport',
    expectations: MANAGERS_AND_ADMINS,
    setup: async () => ({ requestId: 'matrix-export-01', kind: 'members' }),
  },
  {
    functionName: 'admin',
    action: 'continueExport',
    // The admin's export: another caller, a manager included, is told it is not there.
    expectations: { ...ADMINS_ONLY, manager: 'EXPORT_NOT_FOUND' },
    setup: async (harness) => {
      const requested = await harness.call(
        'admin',
        'requestExport',
        { requestId: 'matrix-export-02', kind: 'members' },
        { as: ADMIN, atMs: NOW },
      )
      if (!requested.ok) throw new Error(requested.code)
      return { exportId: requested.data.exportId }
    },
  },
  { functionName: 'admin', action: 'exports', expectations: MANAGERS_AND_ADMINS, setup: async () => ({}) },
  {
    functionName: 'admin',
    action: 'saveRfmThresholds',
    expectations: ADMINS_ONLY,
    setup: async () => ({
      requestId: 'matrix-rfm-0001',
      thresholds: { recencyDays: 45, frequency: 2, monetaryFen: 10_000 },
    }),
  },
  {
    functionName: 'admin',
    action: 'decideApproval',
    expectations: MANAGERS_AND_ADMINS,
    setup: async (harness, memberId) => ({
      approvalId: await pendingApproval(harness, memberId),
      decision: 'reject',
      reason: '金额不符',
      requestId: 'matrix-decide-approval',
    }),
  },
  { functionName: 'admin', action: 'listCouponTemplates', expectations: MANAGERS_AND_ADMINS, setup: async () => ({}) },
  {
    functionName: 'admin',
    action: 'saveCouponTemplate',
    expectations: ADMINS_ONLY,
    setup: async () => ({ requestId: 'matrix-template1', template: adminTemplateEdit('tpl-matrix') }),
  },
  {
    functionName: 'admin',
    action: 'retireCouponTemplate',
    expectations: ADMINS_ONLY,
    setup: async (harness) => ({
      requestId: 'matrix-tpl-retire',
      templateId: await insertTemplate(harness, { id: 'tpl-matrix-retire' }),
    }),
  },
  {
    functionName: 'admin',
    action: 'restoreCouponTemplate',
    expectations: ADMINS_ONLY,
    setup: async (harness) => ({
      requestId: 'matrix-tpl-restore',
      templateId: await insertTemplate(harness, { id: 'tpl-matrix-restore', status: 'retired' }),
    }),
  },
  {
    functionName: 'admin',
    action: 'issueCoupon',
    // The matrix's member joined no store: a manager is answered per member (MEMBER_OF_OTHER_STORE), not refused.
    expectations: MANAGERS_AND_ADMINS,
    setup: async (_harness, memberId) => ({
      requestId: 'matrix-issue-001',
      templateId: 'fifteen-percent-off',
      memberIds: [memberId],
    }),
  },
  { functionName: 'admin', action: 'listStores', expectations: MANAGERS_AND_ADMINS, setup: async () => ({}) },
  {
    functionName: 'admin',
    action: 'saveStore',
    expectations: MANAGERS_AND_ADMINS,
    setup: async () => ({ requestId: 'matrix-store-001', store: adminStoreEdit('store-1') }),
  },
  {
    functionName: 'admin',
    action: 'storeQrCode',
    expectations: MANAGERS_AND_ADMINS,
    setup: async () => ({ storeId: 'store-1' }),
  },
  ...PROGRAMME_CASES,
  {
    functionName: 'jobs',
    action: 'run',
    expectations: ADMINS_ONLY,
    setup: async () => ({ job: 'expirePoints', dryRun: false }),
  },
  { functionName: 'jobs', action: 'status', expectations: ADMINS_ONLY, setup: async () => ({}) },
]

const MATRIX = matrixRows(CASES, (testCase) => `${testCase.functionName}.${testCase.action}`)

/** Everything an admin action may write, besides what `snapshotOf` covers. */
async function adminSnapshot(harness: FunctionHarness) {
  const [items, runs, templates, stores, programme, versions, exports] = await Promise.all(
    ['mall_items', 'job_runs', 'coupon_templates', 'stores', 'programme', 'programme_versions', 'exports'].map(
      async (name) => (await harness.db.collection(name).limit(1000).get()).data,
    ),
  )
  return { ...(await snapshotOf(harness)), items, runs, templates, stores, programme, versions, exports }
}

describe('admin and jobs: the authorisation matrix', () => {
  const harness = useFunctionHarness()

  beforeEach(async () => {
    await bindStoreTwo(harness)
  })

  it('covers every admin and jobs action', () => {
    const covered = new Set(CASES.map((testCase) => `${testCase.functionName}.${testCase.action}`))
    const actions = [
      ...Object.keys(API.admin).map((action) => `admin.${action}`),
      ...Object.keys(API.jobs).map((action) => `jobs.${action}`),
    ]
    expect([...covered].sort()).toEqual(actions.sort())
  })

  it.each(MATRIX)('%s as %s answers %s', async (_name, caller, expected, testCase) => {
    const member = await seedCustomer(harness, { prefix: MEMBER_PREFIX, points: 100 })
    const input = await testCase.setup(harness, member.memberId)
    const before = await adminSnapshot(harness)
    const answer = (await harness.callRaw(
      testCase.functionName,
      { action: testCase.action, input },
      { as: CALLERS[caller], atMs: NOW + 1000 },
    )) as ApiEnvelope<unknown>
    if (expected === 'ok') {
      expect(answer).toMatchObject({ ok: true })
    } else {
      expect(answer).toMatchObject({ ok: false, code: expected })
      await expect(adminSnapshot(harness)).resolves.toEqual(before)
    }
  })
})
