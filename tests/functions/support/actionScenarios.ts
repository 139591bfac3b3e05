/**
 * One scenario for every action of every cloud function: how to set up the state one invocation needs
 * and how to call it, as data. The request-count pins (`tests/functions/requestCounts.test.ts`) and the
 * actions benchmark (`bench/actions.bench.ts`) both run this table, so they measure the same calls.
 *
 * Every scenario is the action's ordinary success, on the demo seed (`emulator/seed/`) with the test
 * fixtures: `arrange(harness, index)` writes what invocation number `index` needs (its own member, clerk,
 * coupon or order, so that arrangements never collide and many can run at once) and answers the call.
 * State that is shared by nature stays shared: every redemption takes the same tote bag off the shelf.
 * Calls are made at `NOW` (a Monday in November 2026), so the instances' programme cache stays warm.
 */
import type { ActionInput, ActionName, ApiEnvelope, FunctionName } from '@shared/contracts'
import { DEVELOPMENT_TEMPLATE_IDS } from '../../../emulator/developmentSecrets'
import { insertFreshExport } from '../admin/testExports'
import { preparedUpload } from '../admin/testUploads'
import { insertTemplate } from '../coupon/testTemplates'
import { seedMember } from '../mall/seededMembers'
import { insertItem } from '../mall/testItems'
import {
  ADMIN,
  codeFor,
  insertCoupon,
  insertOrder,
  MANAGER,
  NOW,
  purchaseBy,
  STAFF,
  seedCustomer,
  sessionFor,
  shanghaiNoon,
} from '../staff/staffFixtures'
import type { CallOptions, FunctionHarness } from './functionHarness'
import { PROGRAMME_SCENARIOS } from './programmeScenarios'

/** One invocation, as data: which action, with what input, as whom and when. */
export interface ActionCall {
  readonly functionName: FunctionName
  readonly action: string
  readonly input: unknown
  readonly options: CallOptions
}

/** How to set up and call one action. */
export interface ActionScenario {
  /** Once per freshly seeded database, before any `arrange`: what every invocation shares. */
  readonly prepare?: (harness: FunctionHarness) => Promise<void>
  /** Writes the state invocation `index` needs (indexes are unique per database) and answers its call. */
  readonly arrange: (harness: FunctionHarness, index: number) => Promise<ActionCall>
}

/** Enough tote bags for every redemption a benchmark run makes (the demo has 50). */
const TOTE_BAG_STOCK = 100_000
/** What each member starts with: enough for any redemption in the mall. */
const POINTS_TO_SPEND = 1000

function callOf<F extends FunctionName, A extends ActionName<F>>(
  functionName: F,
  action: A,
  input: ActionInput<F, A>,
  as: string | null,
): ActionCall {
  return { functionName, action, input, options: { as, atMs: NOW } }
}

function dataOf<T>(answer: ApiEnvelope<T>): T {
  if (!answer.ok) throw new Error(`arranging failed: ${answer.code}: ${answer.message}`)
  return answer.data
}

/** A store as the console's form sends it: the demo store with opening hours added. */
export const adminStoreEdit = (id: string) => ({
  id,
  name: '小满咖啡 · 国贸店',
  address: '北京市朝阳区建国门外大街 1 号',
  phone: '010-6500 0001',
  hours: '08:00-21:00',
})

/** An item as the admin's form sends it: a pickup gift for 100 points. */
export const adminItemEdit = (id: string) => ({
  id,
  title: '新商品',
  description: '',
  image: null,
  kind: 'pickup' as const,
  couponTemplateId: null,
  pointsPrice: 100,
  perMemberLimit: null,
  tierIds: [],
  saleStartsAtMs: null,
  saleEndsAtMs: null,
})

/** A coupon template as the admin's form sends it: ¥10 off ¥50 for 14 days, 1000 in all. */
export const adminTemplateEdit = (id: string) => ({
  id,
  title: '满50减10',
  description: '',
  benefit: { kind: 'cashOff' as const, amountOffFen: 1000, minSpendFen: 5000 },
  validity: { kind: 'afterIssue' as const, days: 14 },
  totalQuantity: 1000,
  perMemberLimit: 1,
  tierIds: [],
  claimWindow: null,
  storeIds: [],
})

/** A member with `points` (and the ledger entry that granted them), named after the scenario and index. */
const memberFor = (harness: FunctionHarness, scenario: string, index: number, points = POINTS_TO_SPEND) =>
  seedCustomer(harness, { prefix: `o-${scenario}-${index}`, points })

/** A staff member of store 1 of their own, as an accepted invite would bind them. */
async function clerkFor(harness: FunctionHarness, scenario: string, index: number): Promise<string> {
  const openid = `o-clerk-${scenario}-${index}`
  await harness.db.collection('staff').add({
    data: { _id: openid, openid, role: 'staff', storeId: 'store-1', name: '店员', boundAtMs: NOW },
  })
  return openid
}

/** A clerk's over-limit purchase (¥6000) for `memberId`, submitted for approval; answers the approval's id. */
export async function pendingApproval(harness: FunctionHarness, memberId: string, clerk = STAFF, index = 0) {
  const purchase = { memberId, amountFen: 600_000, receiptNo: `AP-${index}`, requestId: `approval-${index}-request` }
  const answer = await harness.call('staff', 'requestApproval', purchaseBy(clerk, purchase), { as: clerk, atMs: NOW })
  return dataOf(answer).approval.approvalId
}

/** A clerk's pending approval and a manager of store 1 of their own to decide it, as a call to decideApproval. */
async function decisionFor(harness: FunctionHarness, index: number, decision: 'approve' | 'reject') {
  const [clerk, member] = await Promise.all([
    clerkFor(harness, `approval-${decision}`, index),
    memberFor(harness, `approval-${decision}`, index, 0),
  ])
  const manager = `o-manager-approval-${decision}-${index}`
  await harness.db.collection('staff').add({
    data: { _id: manager, openid: manager, role: 'manager', storeId: 'store-1', name: '店长', boundAtMs: NOW },
  })
  const approvalId = await pendingApproval(harness, member.memberId, clerk, index)
  const reason = decision === 'reject' ? { reason: '金额不符' } : {}
  return callOf(
    'admin',
    'decideApproval',
    { approvalId, decision, requestId: `decide-${index}-request`, ...reason },
    manager,
  )
}

/** An 8-digit pickup code of its own for each scenario and index. */
const pickupCodeOf = (scenarioBase: number, index: number) => String(scenarioBase + index).padStart(8, '0')

/** A purchase of ¥30 by a clerk of its own, for a reversal to take back; answers its entry id and the clerk. */
async function recordedPurchase(harness: FunctionHarness, index: number, scenario = 'reverse') {
  const [clerk, member] = await Promise.all([
    clerkFor(harness, scenario, index),
    memberFor(harness, scenario, index, 0),
  ])
  const recorded = await harness.call(
    'staff',
    'recordPurchase',
    purchaseBy(clerk, { memberId: member.memberId, amountFen: 3000, requestId: `${scenario}-purchase-${index}` }),
    { as: clerk, atMs: NOW },
  )
  return { purchaseEntryId: dataOf(recorded).purchaseEntryId, clerk }
}

export const ACTION_SCENARIOS = {
  'programme.get': {
    arrange: async (_harness, index) => callOf('programme', 'get', {}, `o-programme-${index}`),
  },
  'member.join': {
    arrange: async (_harness, index) => callOf('member', 'join', { storeId: 'store-1' }, `o-join-${index}`),
  },
  'member.card': {
    arrange: async (harness, index) => callOf('member', 'card', {}, (await memberFor(harness, 'card', index)).openid),
  },
  'member.dismissTierNotice': {
    arrange: async (harness, index) => {
      const member = await memberFor(harness, 'tier-notice', index)
      const notice = {
        historyId: `tier_${member.memberId}_2027-01-01`,
        fromTierId: 'gold',
        toTierId: 'silver',
        atMs: NOW,
      }
      await harness.db
        .collection('members')
        .doc(member.memberId)
        .update({ data: { tierNotice: notice } })
      return callOf('member', 'dismissTierNotice', { historyId: notice.historyId }, member.openid)
    },
  },
  'member.memberCode': {
    arrange: async (harness, index) =>
      callOf('member', 'memberCode', {}, (await memberFor(harness, 'code', index)).openid),
  },
  'member.history': {
    arrange: async (harness, index) =>
      callOf('member', 'history', {}, (await memberFor(harness, 'history', index)).openid),
  },
  'member.profile': {
    arrange: async (harness, index) =>
      callOf('member', 'profile', {}, (await memberFor(harness, 'profile', index)).openid),
  },
  'member.updateProfile': {
    arrange: async (harness, index) =>
      callOf('member', 'updateProfile', { nickname: '小满' }, (await memberFor(harness, 'nickname', index)).openid),
  },
  'member.recordSubscriptions': {
    arrange: async (harness, index) => {
      const member = await memberFor(harness, 'subscriptions', index)
      const answers = { [DEVELOPMENT_TEMPLATE_IDS.SUBSCRIBE_TEMPLATE_POINTS_EXPIRY]: 'accept' as const }
      return callOf('member', 'recordSubscriptions', { requestId: `opt-in-${index}`, answers }, member.openid)
    },
  },
  'checkin.status': {
    arrange: async (harness, index) =>
      callOf('checkin', 'status', {}, (await memberFor(harness, 'status', index)).openid),
  },
  'checkin.checkIn': {
    arrange: async (harness, index) =>
      callOf('checkin', 'checkIn', {}, (await memberFor(harness, 'checkin', index)).openid),
  },
  'checkin.makeup': {
    // Joined on 1 November, so the 22nd (yesterday) is a missed day inside the makeup window.
    arrange: async (harness, index) => {
      const member = await seedMember(harness, { prefix: `o-makeup-${index}`, points: 100, atMs: shanghaiNoon(1) })
      return callOf('checkin', 'makeup', { day: '2026-11-22' }, member.openid)
    },
  },
  'mall.catalogue': {
    arrange: async (harness, index) =>
      callOf('mall', 'catalogue', {}, (await memberFor(harness, 'catalogue', index)).openid),
  },
  'mall.item': {
    arrange: async (harness, index) =>
      callOf('mall', 'item', { itemId: 'item-tote-bag' }, (await memberFor(harness, 'item', index)).openid),
  },
  'mall.redeem (pickup item)': {
    prepare: async (harness) => {
      await harness.db
        .collection('mall_items')
        .doc('item-tote-bag')
        .update({ data: { stock: TOTE_BAG_STOCK } })
    },
    arrange: async (harness, index) =>
      callOf(
        'mall',
        'redeem',
        { itemId: 'item-tote-bag', requestId: `redeem-pickup-${index}` },
        (await memberFor(harness, 'pickup', index)).openid,
      ),
  },
  'mall.redeem (coupon item)': {
    arrange: async (harness, index) =>
      callOf(
        'mall',
        'redeem',
        { itemId: 'item-five-off-coupon', requestId: `redeem-coupon-${index}` },
        (await memberFor(harness, 'coupon-item', index)).openid,
      ),
  },
  'mall.orders': {
    arrange: async (harness, index) => {
      const member = await memberFor(harness, 'orders', index)
      await insertOrder(harness, {
        id: `order-list-${index}`,
        memberId: member.memberId,
        pickupCode: pickupCodeOf(10_000_000, index),
      })
      return callOf('mall', 'orders', {}, member.openid)
    },
  },
  'mall.cancelOrder': {
    // A real redemption, so that cancelling has points and stock to give back.
    arrange: async (harness, index) => {
      const member = await memberFor(harness, 'cancel', index)
      const redeemed = dataOf(
        await harness.call(
          'mall',
          'redeem',
          { itemId: 'item-tote-bag', requestId: `cancel-redeem-${index}` },
          { as: member.openid, atMs: NOW },
        ),
      )
      if (redeemed.redemption.kind !== 'pickup') throw new Error('the tote bag redeemed to something else')
      return callOf('mall', 'cancelOrder', { orderId: redeemed.redemption.order.id }, member.openid)
    },
  },
  'coupon.claimable': {
    arrange: async (harness, index) =>
      callOf('coupon', 'claimable', {}, (await memberFor(harness, 'claimable', index)).openid),
  },
  'coupon.claim': {
    arrange: async (harness, index) =>
      callOf(
        'coupon',
        'claim',
        { templateId: 'five-off-thirty', requestId: `claim-${index}-request` },
        (await memberFor(harness, 'claim', index)).openid,
      ),
  },
  'coupon.wallet': {
    arrange: async (harness, index) => {
      const member = await memberFor(harness, 'wallet', index)
      await insertCoupon(harness, { id: `coupon-wallet-${index}`, memberId: member.memberId })
      return callOf('coupon', 'wallet', {}, member.openid)
    },
  },
  'coupon.get': {
    arrange: async (harness, index) => {
      const member = await memberFor(harness, 'coupon-get', index)
      const couponId = await insertCoupon(harness, { id: `coupon-get-${index}`, memberId: member.memberId })
      return callOf('coupon', 'get', { couponId }, member.openid)
    },
  },
  'coupon.couponCode': {
    arrange: async (harness, index) => {
      const member = await memberFor(harness, 'coupon-code', index)
      const couponId = await insertCoupon(harness, { id: `coupon-code-${index}`, memberId: member.memberId })
      return callOf('coupon', 'couponCode', { couponId }, member.openid)
    },
  },
  'coupon.preview': {
    arrange: async (harness, index) => {
      const member = await memberFor(harness, 'preview', index)
      const couponId = await insertCoupon(harness, { id: `coupon-preview-${index}`, memberId: member.memberId })
      return callOf('coupon', 'preview', { couponId, orderAmountFen: 3000 }, member.openid)
    },
  },
  'staff.me': {
    arrange: async () => callOf('staff', 'me', {}, STAFF),
  },
  'staff.createInvite': {
    arrange: async () => callOf('staff', 'createInvite', { role: 'staff', storeId: 'store-1' }, MANAGER),
  },
  'staff.acceptInvite': {
    arrange: async (harness, index) => {
      const invite = dataOf(
        await harness.call('staff', 'createInvite', { role: 'staff', storeId: 'store-1' }, { as: ADMIN, atMs: NOW }),
      )
      return callOf('staff', 'acceptInvite', { code: invite.code, name: '小赵' }, `o-invitee-${index}`)
    },
  },
  'staff.unbind': {
    arrange: async (harness, index) =>
      callOf('staff', 'unbind', { openid: await clerkFor(harness, 'unbind', index), reason: '离职' }, MANAGER),
  },
  'staff.resolveMemberCode': {
    arrange: async (harness, index) => {
      const member = await memberFor(harness, 'scanned', index)
      return callOf('staff', 'resolveMemberCode', { token: codeFor('member', member.memberId) }, STAFF)
    },
  },
  'staff.previewPurchase': {
    arrange: async (harness, index) => {
      const member = await memberFor(harness, 'purchase-preview', index, 0)
      return callOf('staff', 'previewPurchase', { session: sessionFor(member.memberId, STAFF), amountFen: 3000 }, STAFF)
    },
  },
  'staff.recordPurchase': {
    // Each purchase by a clerk of their own: one clerk does not ring up 32 sales at once.
    arrange: async (harness, index) => {
      const [clerk, member] = await Promise.all([
        clerkFor(harness, 'record', index),
        memberFor(harness, 'purchase', index, 0),
      ])
      return callOf(
        'staff',
        'recordPurchase',
        purchaseBy(clerk, {
          memberId: member.memberId,
          amountFen: 3000,
          receiptNo: `R-${index}`,
          requestId: `purchase-${index}-request`,
        }),
        clerk,
      )
    },
  },
  'staff.requestApproval': {
    arrange: async (harness, index) => {
      const [clerk, member] = await Promise.all([
        clerkFor(harness, 'request-approval', index),
        memberFor(harness, 'request-approval', index, 0),
      ])
      const purchase = { memberId: member.memberId, amountFen: 600_000, requestId: `request-approval-${index}` }
      return callOf('staff', 'requestApproval', purchaseBy(clerk, purchase), clerk)
    },
  },
  'staff.verifyCoupon': {
    arrange: async (harness, index) => {
      const member = await memberFor(harness, 'verify-coupon', index, 0)
      const couponId = await insertCoupon(harness, { id: `coupon-verify-${index}`, memberId: member.memberId })
      return callOf('staff', 'verifyCoupon', { token: codeFor('coupon', couponId) }, STAFF)
    },
  },
  'staff.verifyPickup': {
    arrange: async (harness, index) => {
      const member = await memberFor(harness, 'verify-pickup', index, 0)
      const pickupCode = pickupCodeOf(20_000_000, index)
      await insertOrder(harness, { id: `order-pickup-${index}`, memberId: member.memberId, pickupCode })
      return callOf('staff', 'verifyPickup', { pickupCode }, STAFF)
    },
  },
  'staff.reversePurchase': {
    arrange: async (harness, index) =>
      callOf(
        'staff',
        'reversePurchase',
        { purchaseEntryId: (await recordedPurchase(harness, index)).purchaseEntryId, reason: '顾客退款' },
        MANAGER,
      ),
  },
  'staff.today': {
    arrange: async () => callOf('staff', 'today', { scope: 'mine' }, STAFF),
  },
  'admin.listItems': {
    arrange: async () => callOf('admin', 'listItems', {}, ADMIN),
  },
  'admin.saveItem (create)': {
    arrange: async (_harness, index) =>
      callOf(
        'admin',
        'saveItem',
        { requestId: `save-new-${index}-0`, item: adminItemEdit(`item-new-${index}`) },
        ADMIN,
      ),
  },
  'admin.saveItem (edit)': {
    arrange: async (harness, index) => {
      const id = await insertItem(harness, { id: `item-edit-${index}`, title: '旧标题' })
      return callOf('admin', 'saveItem', { requestId: `save-edit-${index}-0`, item: adminItemEdit(id) }, ADMIN)
    },
  },
  'admin.saveItem (new picture)': {
    arrange: async (harness, index) => {
      // The item shows an uploaded picture, which the new one replaces (marked for the cleanup job).
      const shown = await preparedUpload(harness, { as: ADMIN, atMs: NOW, upload: false })
      await harness.db
        .collection('uploads')
        .doc(shown.uploadId)
        .update({ data: { status: 'recorded', itemId: `item-picture-${index}` } })
      const id = await insertItem(harness, { id: `item-picture-${index}`, image: shown.fileId })
      const picked = await preparedUpload(harness, { as: ADMIN, atMs: NOW })
      const item = { ...adminItemEdit(id), image: picked.fileId }
      return callOf('admin', 'saveItem', { requestId: `save-picture-${index}-0`, item }, ADMIN)
    },
  },
  'admin.prepareUpload': {
    arrange: async () => callOf('admin', 'prepareUpload', { purpose: 'item', type: 'png', byteSize: 48_000 }, ADMIN),
  },
  'admin.retireItem': {
    arrange: async (harness, index) => {
      const itemId = await insertItem(harness, { id: `item-retire-${index}` })
      return callOf('admin', 'retireItem', { requestId: `retire-${index}-000`, itemId }, ADMIN)
    },
  },
  'admin.restoreItem': {
    arrange: async (harness, index) => {
      const itemId = await insertItem(harness, { id: `item-restore-${index}`, status: 'offSale' })
      return callOf('admin', 'restoreItem', { requestId: `restore-${index}-00`, itemId }, ADMIN)
    },
  },
  'admin.adjustStock': {
    arrange: async (_harness, index) =>
      callOf('admin', 'adjustStock', { requestId: `adjust-${index}-000`, itemId: 'item-tote-bag', delta: 1 }, ADMIN),
  },
  'admin.searchMembers': {
    arrange: async () => callOf('admin', 'searchMembers', { query: '13800138000' }, MANAGER),
  },
  'admin.memberDetail': {
    arrange: async (harness, index) => {
      const member = await memberFor(harness, 'member-detail', index)
      return callOf('admin', 'memberDetail', { memberId: member.memberId }, MANAGER)
    },
  },
  'admin.dashboard': {
    arrange: async () => callOf('admin', 'dashboard', { from: '2026-11-01', to: '2026-11-30' }, ADMIN),
  },
  // A store's members (the demo's have none yet): one batch, so the file is written at once.
  'admin.requestExport': {
    arrange: async (_harness, index) =>
      callOf('admin', 'requestExport', { requestId: `export-${index}-0000`, kind: 'members' }, MANAGER),
  },
  'admin.continueExport': {
    arrange: async (harness, index) => {
      const exportId = await insertFreshExport(harness, {
        seed: `scenario-${index}`,
        openid: MANAGER,
        role: 'manager',
        storeId: 'store-1',
      })
      return callOf('admin', 'continueExport', { exportId }, MANAGER)
    },
  },
  'admin.exports': {
    arrange: async (harness, index) => {
      const requested = await harness.call(
        'admin',
        'requestExport',
        { requestId: `export-list-${index}-00`, kind: 'members' },
        { as: MANAGER, atMs: NOW },
      )
      dataOf(requested)
      return callOf('admin', 'exports', {}, MANAGER)
    },
  },
  'admin.saveRfmThresholds': {
    arrange: async (_harness, index) =>
      callOf(
        'admin',
        'saveRfmThresholds',
        {
          requestId: `rfm-${index}-000000`,
          thresholds: { recencyDays: 30 + index, frequency: 3, monetaryFen: 30_000 },
        },
        ADMIN,
      ),
  },
  'admin.memberList': {
    arrange: async () => callOf('admin', 'memberList', { list: 'dormant', days: 30 }, MANAGER),
  },
  'admin.memberLedger': {
    arrange: async (harness, index) => {
      const member = await memberFor(harness, 'member-ledger', index)
      return callOf('admin', 'memberLedger', { memberId: member.memberId }, MANAGER)
    },
  },
  'admin.correctBirthday': {
    arrange: async (harness, index) => {
      const member = await memberFor(harness, 'correct-birthday', index)
      const input = { requestId: `birthday-${index}-00`, memberId: member.memberId, birthday: '06-01', reason: '更正' }
      return callOf('admin', 'correctBirthday', input, MANAGER)
    },
  },
  'admin.auditLog': {
    // A purchase by a clerk since unbound: the page names a store, a member and a staff member.
    arrange: async (harness, index) => {
      const { clerk } = await recordedPurchase(harness, index, 'audit-log')
      const unbound = await harness.call(
        'staff',
        'unbind',
        { openid: clerk, reason: '离职' },
        { as: MANAGER, atMs: NOW },
      )
      dataOf(unbound)
      return callOf('admin', 'auditLog', {}, MANAGER)
    },
  },
  'admin.adjustPoints': {
    arrange: async (harness, index) => {
      const member = await memberFor(harness, 'adjust-points', index)
      const input = { requestId: `adjust-points-${index}-0`, memberId: member.memberId, amount: 10, reason: '补发' }
      return callOf('admin', 'adjustPoints', input, ADMIN)
    },
  },
  'admin.listStaff': {
    arrange: async () => callOf('admin', 'listStaff', {}, MANAGER),
  },
  'admin.changeStaffRole': {
    arrange: async (harness, index) => {
      const openid = await clerkFor(harness, 'promote', index)
      const input = { requestId: `promote-${index}-00000`, openid, role: 'manager', storeId: 'store-2' } as const
      return callOf('admin', 'changeStaffRole', input, ADMIN)
    },
  },
  'admin.grantTier': {
    arrange: async (harness, index) => {
      const member = await memberFor(harness, 'grant-tier', index)
      const input = {
        requestId: `grant-tier-${index}-000`,
        memberId: member.memberId,
        tierId: 'gold',
        endsOn: '2026-12-31',
        reason: '补偿',
      }
      return callOf('admin', 'grantTier', input, MANAGER)
    },
  },
  'admin.listApprovals': {
    arrange: async () => callOf('admin', 'listApprovals', {}, MANAGER),
  },
  'admin.decideApproval (approve)': { arrange: (harness, index) => decisionFor(harness, index, 'approve') },
  'admin.decideApproval (reject)': { arrange: (harness, index) => decisionFor(harness, index, 'reject') },
  'admin.listCouponTemplates': {
    arrange: async () => callOf('admin', 'listCouponTemplates', {}, MANAGER),
  },
  'admin.saveCouponTemplate (create)': {
    arrange: async (_harness, index) =>
      callOf(
        'admin',
        'saveCouponTemplate',
        { requestId: `tpl-new-${index}-00`, template: adminTemplateEdit(`tpl-new-${index}`) },
        ADMIN,
      ),
  },
  'admin.saveCouponTemplate (edit)': {
    arrange: async (harness, index) => {
      const id = await insertTemplate(harness, { id: `tpl-edit-${index}`, title: '旧标题' })
      const input = { requestId: `tpl-edit-${index}-0`, template: adminTemplateEdit(id) }
      return callOf('admin', 'saveCouponTemplate', input, ADMIN)
    },
  },
  'admin.retireCouponTemplate': {
    arrange: async (harness, index) => {
      const templateId = await insertTemplate(harness, { id: `tpl-retire-${index}` })
      return callOf('admin', 'retireCouponTemplate', { requestId: `tpl-retire-${index}-0`, templateId }, ADMIN)
    },
  },
  'admin.restoreCouponTemplate': {
    arrange: async (harness, index) => {
      const templateId = await insertTemplate(harness, { id: `tpl-restore-${index}`, status: 'retired' })
      return callOf('admin', 'restoreCouponTemplate', { requestId: `tpl-restore-${index}-0`, templateId }, ADMIN)
    },
  },
  'admin.issueCoupon': {
    arrange: async (harness, index) => {
      const [first, second] = await Promise.all([
        memberFor(harness, 'issue-coupon-a', index, 0),
        memberFor(harness, 'issue-coupon-b', index, 0),
      ])
      const input = {
        requestId: `issue-coupon-${index}-0`,
        templateId: 'fifteen-percent-off',
        memberIds: [first.memberId, second.memberId],
      }
      return callOf('admin', 'issueCoupon', input, ADMIN)
    },
  },
  'admin.listStores': {
    arrange: async () => callOf('admin', 'listStores', {}, ADMIN),
  },
  'admin.saveStore (create)': {
    arrange: async (_harness, index) =>
      callOf(
        'admin',
        'saveStore',
        { requestId: `store-new-${index}-00`, store: adminStoreEdit(`store-new-${index}`) },
        ADMIN,
      ),
  },
  'admin.saveStore (edit)': {
    arrange: async (harness, index) => {
      const id = await insertStore(harness, `store-edit-${index}`)
      return callOf('admin', 'saveStore', { requestId: `store-edit-${index}-0`, store: adminStoreEdit(id) }, ADMIN)
    },
  },
  'admin.storeQrCode (drawn)': {
    arrange: async (harness, index) =>
      callOf('admin', 'storeQrCode', { storeId: await insertStore(harness, `store-qr-${index}`) }, ADMIN),
  },
  'admin.storeQrCode (reused)': {
    arrange: async (harness, index) => {
      const storeId = await insertStore(harness, `store-qr-again-${index}`)
      dataOf(await harness.call('admin', 'storeQrCode', { storeId }, { as: ADMIN, atMs: NOW }))
      return callOf('admin', 'storeQrCode', { storeId }, ADMIN)
    },
  },
  ...PROGRAMME_SCENARIOS,
} satisfies Record<string, ActionScenario>

/** Inserts a store with no details yet (as one seeded before the console) and answers its id. */
async function insertStore(harness: FunctionHarness, id: string): Promise<string> {
  await harness.db.collection('stores').add({ data: { _id: id, name: `门店 ${id}`, createdAtMs: NOW } })
  return id
}

/** The name of a scenario: `function.action`, with the variant in brackets where an action has two. */
export type ActionScenarioName = keyof typeof ACTION_SCENARIOS

/** Every scenario name, in the table's order. */
export const ACTION_SCENARIO_NAMES = Object.keys(ACTION_SCENARIOS) as ActionScenarioName[]

/** Runs every scenario's `prepare`: once after the database is seeded. */
export async function prepareScenarios(harness: FunctionHarness): Promise<void> {
  for (const scenario of Object.values(ACTION_SCENARIOS) as ActionScenario[]) await scenario.prepare?.(harness)
}

/** Makes a call a scenario arranged. */
export function invoke(harness: FunctionHarness, call: ActionCall): Promise<ApiEnvelope<unknown>> {
  return harness.callRaw(call.functionName, { action: call.action, input: call.input }, call.options) as Promise<
    ApiEnvelope<unknown>
  >
}

/** Arrangements made at once: more only queue at the emulator (and the SDK warns of requests over 3 s). */
const ARRANGEMENTS_AT_ONCE_MAX = 16

/** Arranges `count` invocations of a scenario, numbered from `firstIndex`, up to 16 at once. */
export async function arrangeMany(
  harness: FunctionHarness,
  name: ActionScenarioName,
  options: { readonly count: number; readonly firstIndex: number },
): Promise<ActionCall[]> {
  const scenario: ActionScenario = ACTION_SCENARIOS[name]
  const calls: ActionCall[] = []
  for (let offset = 0; offset < options.count; offset += ARRANGEMENTS_AT_ONCE_MAX) {
    const size = Math.min(ARRANGEMENTS_AT_ONCE_MAX, options.count - offset)
    const batch = Array.from({ length: size }, (_, index) =>
      scenario.arrange(harness, options.firstIndex + offset + index),
    )
    calls.push(...(await Promise.all(batch)))
  }
  return calls
}

/**
 * Runs `count` arranged invocations of a scenario at once, so that every instance of the function has
 * started and cached the programme, as a live function's instances have. Answers are not checked here:
 * the measured call that follows checks its own.
 */
export async function warmUp(
  harness: FunctionHarness,
  name: ActionScenarioName,
  options: { readonly count: number; readonly firstIndex: number },
): Promise<void> {
  const calls = await arrangeMany(harness, name, options)
  await Promise.all(calls.map((call) => invoke(harness, call)))
}
