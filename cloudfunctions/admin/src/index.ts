import { API } from '@shared/contracts'
import { currentCaller } from '../../common/caller'
import { createRouter } from '../../common/router'
import { adjustPoints } from './adjustPoints'
import { adjustStock } from './adjustStock'
import { decideApproval, listApprovals } from './approvals'
import { auditLog } from './auditLog'
import { listItems, restoreItem, retireItem, saveItem } from './catalogue'
import { correctBirthday } from './correctBirthday'
import { issueCoupon } from './coupons/issueCoupon'
import {
  listCouponTemplates,
  restoreCouponTemplate,
  retireCouponTemplate,
  saveCouponTemplate,
} from './coupons/templates'
import { dashboard } from './dashboard'
import { continueExport, listExports, requestExport } from './exports'
import { grantTier } from './grantTier'
import { memberList } from './memberLists'
import { memberDetail, memberLedger, searchMembers } from './members'
import { programmeDraft, saveProgrammeDraft } from './programme/draft'
import { programmeDryRun } from './programme/dryRun'
import { publishProgramme, restoreProgrammeVersion } from './programme/publish'
import { programmeVersions } from './programme/versions'
import { saveRfmThresholds } from './rfmThresholds'
import { changeStaffRole, listStaff } from './staff'
import { listStores } from './stores/listStores'
import { saveStore } from './stores/saveStore'
import { storeQrCode } from './stores/storeQrCode'
import { prepareUpload } from './uploads'

/**
 * `admin`: the admin console's writes: the points-mall catalogue (brand admins; managers read) and
 * uploads of item pictures, the member search and detail, manual points adjustments (managers and admins, each within the
 * programme's limit), birthday corrections, tiers granted by hand, the audit log, staff management
 * (list, role changes), coupon templates (admins edit, managers read) issued to chosen members
 * (admins; managers to their own store's, within a limit) and the stores with their join QR codes
 * (admins any, managers their own), and CSV exports of the members and the ledger (admins the chain or a store,
 * managers their own store's, phones masked). Every write is idempotent per request id and audited
 * (`audit/admin_<id>`).
 */
export const main = createRouter(
  API.admin,
  {
    listItems,
    saveItem,
    prepareUpload,
    retireItem,
    restoreItem,
    adjustStock,
    searchMembers,
    memberDetail,
    memberLedger,
    memberList,
    adjustPoints,
    correctBirthday,
    auditLog,
    listApprovals,
    dashboard,
    requestExport,
    continueExport,
    exports: listExports,
    saveRfmThresholds,
    decideApproval,
    listStaff,
    changeStaffRole,
    grantTier,
    listCouponTemplates,
    saveCouponTemplate,
    retireCouponTemplate,
    restoreCouponTemplate,
    issueCoupon,
    listStores,
    saveStore,
    storeQrCode,
    programmeDraft,
    saveProgrammeDraft,
    publishProgramme,
    restoreProgrammeVersion,
    programmeVersions,
    programmeDryRun,
  },
  currentCaller,
)
