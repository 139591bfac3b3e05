import type { ApiEnvelope } from '@shared/contracts'
import {
  ACTION_SCENARIO_NAMES,
  type ActionScenarioName,
  arrangeMany,
  invoke,
  prepareScenarios,
  warmUp,
} from './support/actionScenarios'
import { useFunctionHarness } from './support/functionHarness'

jest.setTimeout(120_000)

/**
 * Database requests per action today, with every instance's programme cached. A change that adds or
 * saves requests changes a row here, on purpose: the budgets in the actions' doc comments say why.
 * Every unit of work that moves a dashboard figure writes one stat event per store beside its other
 * writes (see `StatEvent`): one request more, in no more round trips.
 */
const REQUESTS: Readonly<Record<ActionScenarioName, number>> = {
  'programme.get': 0,
  'member.join': 5,
  'member.card': 2,
  'member.dismissTierNotice': 1,
  // Up from 1 with the barcode's numeric code: its document and the removal of expired ones.
  'member.memberCode': 3,
  'member.history': 2,
  'member.profile': 1,
  'member.updateProfile': 4,
  'member.recordSubscriptions': 5,
  'checkin.status': 1,
  'checkin.checkIn': 6,
  'checkin.makeup': 7,
  'mall.catalogue': 3,
  'mall.item': 3,
  'mall.redeem (pickup item)': 15,
  'mall.redeem (coupon item)': 16,
  'mall.orders': 1,
  'mall.cancelOrder': 11,
  'coupon.claimable': 3,
  'coupon.claim': 12,
  'coupon.wallet': 1,
  'coupon.get': 1,
  'coupon.couponCode': 1,
  'coupon.preview': 1,
  'staff.me': 2,
  'staff.createInvite': 6,
  'staff.acceptInvite': 9,
  'staff.unbind': 6,
  'staff.resolveMemberCode': 3,
  'staff.previewPurchase': 2,
  'staff.recordPurchase': 10,
  'staff.requestApproval': 6,
  // One unit of work each since the dashboard counts them: the audit entry and the count commit with the use.
  'staff.verifyCoupon': 7,
  'staff.verifyPickup': 8,
  'staff.reversePurchase': 10,
  'staff.today': 2,
  'admin.listItems': 2,
  'admin.saveItem (create)': 5,
  'admin.saveItem (edit)': 5,
  // The edit's 5, the upload and its file at once (2), its record (1), the replaced one's mark (1).
  'admin.saveItem (new picture)': 9,
  'admin.prepareUpload': 2,
  'admin.retireItem': 5,
  'admin.restoreItem': 5,
  'admin.adjustStock': 5,
  'admin.searchMembers': 2,
  'admin.memberDetail': 6,
  'admin.memberLedger': 2,
  // Staff (with the programme), then one page of the list.
  'admin.memberList': 2,
  'admin.adjustPoints': 9,
  'admin.correctBirthday': 7,
  // Staff and the page, then the names of the stores, members and staff members the page names.
  'admin.auditLog': 5,
  'admin.listStaff': 3,
  'admin.changeStaffRole': 8,
  'admin.grantTier': 7,
  'admin.listApprovals': 2,
  // Staff, then at once the days' documents of both ranges (one page), both ranges' member snapshots
  // and the RFM thresholds.
  'admin.dashboard': 5,
  'admin.saveRfmThresholds': 5,
  // Staff (1), programme (cached), the audit entry (1), the record (1), the lease (2), the batch (1; store names none: the demo has no
  // members), the file (1: the bucket's PUT is no database request), done (1), the link (1).
  'admin.requestExport': 9,
  // Staff and the export at once (2), then as requestExport from the lease: 8.
  'admin.continueExport': 8,
  // Staff and the exports at once (2), the links (1).
  'admin.exports': 3,
  // recordPurchase's 10 less its staff read plus the caller, the approval and its write, the
  // decision's audit entry, and the three upgrade gifts a ¥6000 first purchase crosses (silver, gold, black).
  'admin.decideApproval (approve)': 17,
  // Up from 5 with the decision's audit entry.
  'admin.decideApproval (reject)': 6,
  'admin.listCouponTemplates': 2,
  'admin.saveCouponTemplate (create)': 5,
  'admin.saveCouponTemplate (edit)': 5,
  'admin.retireCouponTemplate': 5,
  'admin.restoreCouponTemplate': 5,
  // 7 + 5 per member for a template without a total (its coupon's stat event among them): two members.
  'admin.issueCoupon': 17,
  'admin.listStores': 2,
  'admin.saveStore (create)': 5,
  'admin.saveStore (edit)': 5,
  'admin.storeQrCode (drawn)': 6,
  'admin.storeQrCode (reused)': 3,
  'admin.programmeDraft': 3,
  'admin.saveProgrammeDraft': 7,
  'admin.publishProgramme': 10,
  'admin.restoreProgrammeVersion': 9,
  'admin.programmeVersions': 3,
  'admin.programmeDryRun': 4,
}

/** Two invocations per instance of the harness's function host (8 per function). */
const WARM_UP_INVOCATIONS = 16

describe('database requests per action', () => {
  const harness = useFunctionHarness()

  it.each(ACTION_SCENARIO_NAMES.map((name) => [name, REQUESTS[name]] as const))(
    '%s succeeds with %i requests',
    async (name, requests) => {
      await prepareScenarios(harness)
      await warmUp(harness, name, { count: WARM_UP_INVOCATIONS, firstIndex: 1 })
      const [call] = await arrangeMany(harness, name, { count: 1, firstIndex: 0 })
      if (!call) throw new Error(`${name} arranged no call`)
      let answer: ApiEnvelope<unknown> | undefined
      const counted = await harness.countRequests(async () => {
        answer = await invoke(harness, call)
      })
      expect(answer).toMatchObject({ ok: true })
      expect(counted).toBe(requests)
    },
  )
})
