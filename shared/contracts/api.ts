import {
  type ActionContract,
  type AnyActionContract,
  action,
  type ContractErrorCode,
  type ContractInput,
  type ContractOutput,
} from './action'
import {
  type AdjustPointsResult,
  type AdjustStockResult,
  type AdminItemResult,
  type AdminItems,
  type AuditLogPage,
  adjustPointsInput,
  adjustStockInput,
  auditLogInput,
  type CorrectBirthdayResult,
  correctBirthdayInput,
  itemStatusInput,
  listItemsInput,
  type MemberDetail,
  type MemberLedgerPage,
  type MemberSearchResult,
  memberDetailInput,
  memberLedgerInput,
  saveItemInput,
  searchMembersInput,
} from './admin'
import {
  type AdminCouponTemplateResult,
  type AdminCouponTemplates,
  couponTemplateStatusInput,
  type IssueCouponResult,
  issueCouponInput,
  listCouponTemplatesInput,
  saveCouponTemplateInput,
} from './adminCoupons'
import {
  continueExportInput,
  type ExportsList,
  type ExportView,
  listExportsInput,
  requestExportInput,
} from './adminExports'
import { type GrantTierResult, grantTierInput } from './adminMembers'
import {
  type ProgrammeDraftView,
  type ProgrammeDryRun,
  type ProgrammeVersionsPage,
  type PublishedProgramme,
  programmeDraftInput,
  programmeDryRunInput,
  programmeVersionsInput,
  publishProgrammeInput,
  restoreProgrammeVersionInput,
  type SavedProgrammeDraft,
  saveProgrammeDraftInput,
} from './adminProgramme'
import { type ChangeStaffRoleResult, changeStaffRoleInput, listStaffInput, type StaffList } from './adminStaff'
import {
  type AdminStores,
  listStoresInput,
  type SaveStoreResult,
  type StoreQrCode,
  saveStoreInput,
  storeQrCodeInput,
} from './adminStores'
import { type PreparedUpload, prepareUploadInput } from './adminUploads'
import {
  type ApprovalsPage,
  type DecideApprovalResult,
  decideApprovalInput,
  listApprovalsInput,
  type RequestApprovalResult,
  requestApprovalInput,
} from './approvals'
import { type CheckInResult, type CheckInStatus, checkInInput, checkInStatusInput, makeupInput } from './checkin'
import {
  type ClaimCentre,
  type ClaimResult,
  type CouponCode,
  type CouponDetail,
  type CouponPreview,
  claimableInput,
  claimInput,
  couponCodeInput,
  getCouponInput,
  previewInput,
  type Wallet,
  walletInput,
} from './coupon'
import { type DashboardResult, dashboardInput, type SaveRfmThresholdsResult, saveRfmThresholdsInput } from './dashboard'
import { type JobStatus, jobStatusInput, type RunJobResult, runJobInput } from './jobs'
import {
  type CancelOrderResult,
  type Catalogue,
  cancelOrderInput,
  catalogueInput,
  itemInput,
  type MallItemDetail,
  type OrdersPage,
  ordersInput,
  type RedeemResult,
  redeemInput,
} from './mall'
import {
  type DismissTierNoticeResult,
  dismissTierNoticeInput,
  emptyInput,
  type HistoryPage,
  historyInput,
  type JoinResult,
  joinInput,
  type MemberCard,
  type MemberCode,
  type Profile,
  type RecordSubscriptionsResult,
  recordSubscriptionsInput,
  type UpdateProfileResult,
  updateProfileInput,
} from './member'
import { type MemberListPage, memberListInput } from './memberLists'
import { type PublicProgramme, programmeGetInput } from './programme'
import {
  type AcceptInviteResult,
  acceptInviteInput,
  type CounterMember,
  createInviteInput,
  type PurchasePreview,
  previewPurchaseInput,
  type RecordPurchaseResult,
  type ReversePurchaseResult,
  recordPurchaseInput,
  resolveMemberCodeInput,
  reversePurchaseInput,
  type StaffInvite,
  type StaffMe,
  staffMeInput,
  type TodayActivity,
  todayInput,
  type UnbindResult,
  unbindInput,
  type VerifyCouponResult,
  type VerifyPickupResult,
  verifyCouponInput,
  verifyPickupInput,
} from './staff'

const MEMBER_CALLER = ['FORBIDDEN', 'NOT_A_MEMBER'] as const
const CODE_REFUSALS = [
  'CODE_MALFORMED',
  'CODE_INVALID',
  'CODE_WRONG_KIND',
  'CODE_NOT_YET_VALID',
  'CODE_EXPIRED',
] as const
/** A purchase names the member by the counter session resolveMemberCode answered, never by id. */
const COUNTER_SESSION_REFUSALS = ['COUNTER_SESSION_EXPIRED', 'COUNTER_SESSION_INVALID'] as const
const COUPON_USABILITY = ['COUPON_USED', 'COUPON_EXPIRED', 'COUPON_NOT_STARTED'] as const

/**
 * Every cloud function and action the client may call: its input schema, its output type and the
 * domain codes it may answer (besides the router's UNKNOWN_ACTION, INVALID_INPUT and INTERNAL).
 * The client types its calls against this table and each function's router must implement exactly
 * its actions with these types, so a renamed field or a missing action fails the typecheck on both
 * sides; the function tests check that no action answers a code outside its list.
 */
export const API = {
  programme: {
    get: action<PublicProgramme>()(programmeGetInput, []),
  },
  member: {
    join: action<JoinResult>()(joinInput, ['FORBIDDEN']),
    card: action<MemberCard>()(emptyInput, MEMBER_CALLER),
    dismissTierNotice: action<DismissTierNoticeResult>()(dismissTierNoticeInput, MEMBER_CALLER),
    memberCode: action<MemberCode>()(emptyInput, MEMBER_CALLER),
    history: action<HistoryPage>()(historyInput, MEMBER_CALLER),
    profile: action<Profile>()(emptyInput, MEMBER_CALLER),
    updateProfile: action<UpdateProfileResult>()(updateProfileInput, [
      ...MEMBER_CALLER,
      'BIRTHDAY_ALREADY_SET',
      'PHONE_NUMBER_UNAVAILABLE',
    ]),
    recordSubscriptions: action<RecordSubscriptionsResult>()(recordSubscriptionsInput, MEMBER_CALLER),
  },
  checkin: {
    status: action<CheckInStatus>()(checkInStatusInput, MEMBER_CALLER),
    checkIn: action<CheckInResult>()(checkInInput, [
      ...MEMBER_CALLER,
      'CHECK_IN_DISABLED',
      'ALREADY_CHECKED_IN',
      'CHECK_IN_OUT_OF_ORDER',
    ]),
    makeup: action<CheckInResult>()(makeupInput, [
      ...MEMBER_CALLER,
      'CHECK_IN_DISABLED',
      'MAKEUP_DISABLED',
      'MAKEUP_OUT_OF_WINDOW',
      'ALREADY_CHECKED_IN',
      'MAKEUP_LIMIT_REACHED',
      'POINTS_INSUFFICIENT',
    ]),
  },
  mall: {
    catalogue: action<Catalogue>()(catalogueInput, MEMBER_CALLER),
    item: action<MallItemDetail>()(itemInput, [...MEMBER_CALLER, 'ITEM_NOT_FOUND']),
    redeem: action<RedeemResult>()(redeemInput, [
      ...MEMBER_CALLER,
      'ITEM_NOT_FOUND',
      'REQUEST_ID_REUSED',
      'NOT_ON_SALE',
      'TIER_REQUIRED',
      'LIMIT_REACHED',
      'OUT_OF_STOCK',
      'POINTS_INSUFFICIENT',
    ]),
    orders: action<OrdersPage>()(ordersInput, MEMBER_CALLER),
    cancelOrder: action<CancelOrderResult>()(cancelOrderInput, [
      ...MEMBER_CALLER,
      'ORDER_NOT_FOUND',
      'ORDER_NOT_CANCELLABLE',
    ]),
  },
  coupon: {
    claimable: action<ClaimCentre>()(claimableInput, MEMBER_CALLER),
    claim: action<ClaimResult>()(claimInput, [
      ...MEMBER_CALLER,
      'COUPON_NOT_FOUND',
      'COUPON_RETIRED',
      'REQUEST_ID_REUSED',
      'CLAIM_NOT_OPEN',
      'TIER_REQUIRED',
      'LIMIT_REACHED',
      'SOLD_OUT',
    ]),
    wallet: action<Wallet>()(walletInput, MEMBER_CALLER),
    get: action<CouponDetail>()(getCouponInput, [...MEMBER_CALLER, 'COUPON_NOT_FOUND']),
    couponCode: action<CouponCode>()(couponCodeInput, [...MEMBER_CALLER, 'COUPON_NOT_FOUND', ...COUPON_USABILITY]),
    preview: action<CouponPreview>()(previewInput, [
      ...MEMBER_CALLER,
      'COUPON_NOT_FOUND',
      ...COUPON_USABILITY,
      'COUPON_THRESHOLD_NOT_MET',
    ]),
  },
  staff: {
    me: action<StaffMe>()(staffMeInput, ['NOT_STAFF']),
    createInvite: action<StaffInvite>()(createInviteInput, ['NOT_STAFF', 'FORBIDDEN', 'STORE_NOT_FOUND']),
    acceptInvite: action<AcceptInviteResult>()(acceptInviteInput, [
      'FORBIDDEN',
      'ALREADY_STAFF',
      'INVITE_NOT_FOUND',
      'INVITE_USED',
      'INVITE_REVOKED',
      'INVITE_EXPIRED',
    ]),
    unbind: action<UnbindResult>()(unbindInput, ['NOT_STAFF', 'FORBIDDEN']),
    resolveMemberCode: action<CounterMember>()(resolveMemberCodeInput, [
      'NOT_STAFF',
      ...CODE_REFUSALS,
      'CODE_LOOKUPS_EXCEEDED',
      'MEMBER_NOT_FOUND',
    ]),
    previewPurchase: action<PurchasePreview>()(previewPurchaseInput, [
      'NOT_STAFF',
      ...COUNTER_SESSION_REFUSALS,
      'MEMBER_NOT_FOUND',
    ]),
    recordPurchase: action<RecordPurchaseResult>()(recordPurchaseInput, [
      'NOT_STAFF',
      ...COUNTER_SESSION_REFUSALS,
      'MEMBER_NOT_FOUND',
      'REQUEST_ID_REUSED',
      'MANAGER_APPROVAL_REQUIRED',
      'SELF_PURCHASE',
    ]),
    requestApproval: action<RequestApprovalResult>()(requestApprovalInput, [
      'NOT_STAFF',
      ...COUNTER_SESSION_REFUSALS,
      'MEMBER_NOT_FOUND',
      'REQUEST_ID_REUSED',
      'APPROVAL_NOT_NEEDED',
      'SELF_PURCHASE',
    ]),
    verifyCoupon: action<VerifyCouponResult>()(verifyCouponInput, [
      'NOT_STAFF',
      ...CODE_REFUSALS,
      'COUPON_NOT_FOUND',
      ...COUPON_USABILITY,
      'COUPON_NOT_VALID_IN_STORE',
    ]),
    verifyPickup: action<VerifyPickupResult>()(verifyPickupInput, [
      'NOT_STAFF',
      'PICKUP_CODE_NOT_FOUND',
      'ALREADY_PICKED_UP',
      'ORDER_CANCELLED',
    ]),
    reversePurchase: action<ReversePurchaseResult>()(reversePurchaseInput, [
      'NOT_STAFF',
      'FORBIDDEN',
      'PURCHASE_NOT_FOUND',
      'ALREADY_REVERSED',
      'MEMBER_NOT_FOUND',
    ]),
    today: action<TodayActivity>()(todayInput, ['NOT_STAFF', 'FORBIDDEN']),
  },
  jobs: {
    run: action<RunJobResult>()(runJobInput, ['NOT_STAFF', 'FORBIDDEN']),
    status: action<JobStatus>()(jobStatusInput, ['NOT_STAFF', 'FORBIDDEN']),
  },
  admin: {
    listItems: action<AdminItems>()(listItemsInput, ['NOT_STAFF', 'FORBIDDEN']),
    saveItem: action<AdminItemResult>()(saveItemInput, ['NOT_STAFF', 'FORBIDDEN']),
    prepareUpload: action<PreparedUpload>()(prepareUploadInput, ['NOT_STAFF', 'FORBIDDEN']),
    retireItem: action<AdminItemResult>()(itemStatusInput, ['NOT_STAFF', 'FORBIDDEN', 'ITEM_NOT_FOUND']),
    restoreItem: action<AdminItemResult>()(itemStatusInput, ['NOT_STAFF', 'FORBIDDEN', 'ITEM_NOT_FOUND']),
    adjustStock: action<AdjustStockResult>()(adjustStockInput, [
      'NOT_STAFF',
      'FORBIDDEN',
      'ITEM_NOT_FOUND',
      'STOCK_BELOW_ZERO',
    ]),
    searchMembers: action<MemberSearchResult>()(searchMembersInput, ['NOT_STAFF', 'FORBIDDEN']),
    memberDetail: action<MemberDetail>()(memberDetailInput, ['NOT_STAFF', 'FORBIDDEN', 'MEMBER_NOT_FOUND']),
    memberLedger: action<MemberLedgerPage>()(memberLedgerInput, ['NOT_STAFF', 'FORBIDDEN']),
    memberList: action<MemberListPage>()(memberListInput, ['NOT_STAFF', 'FORBIDDEN']),
    correctBirthday: action<CorrectBirthdayResult>()(correctBirthdayInput, [
      'NOT_STAFF',
      'FORBIDDEN',
      'MEMBER_NOT_FOUND',
      'REQUEST_ID_REUSED',
    ]),
    auditLog: action<AuditLogPage>()(auditLogInput, ['NOT_STAFF', 'FORBIDDEN']),
    listApprovals: action<ApprovalsPage>()(listApprovalsInput, ['NOT_STAFF', 'FORBIDDEN']),
    dashboard: action<DashboardResult>()(dashboardInput, ['NOT_STAFF', 'FORBIDDEN']),
    requestExport: action<ExportView>()(requestExportInput, ['NOT_STAFF', 'FORBIDDEN', 'REQUEST_ID_REUSED']),
    continueExport: action<ExportView>()(continueExportInput, ['NOT_STAFF', 'FORBIDDEN', 'EXPORT_NOT_FOUND']),
    exports: action<ExportsList>()(listExportsInput, ['NOT_STAFF', 'FORBIDDEN']),
    saveRfmThresholds: action<SaveRfmThresholdsResult>()(saveRfmThresholdsInput, ['NOT_STAFF', 'FORBIDDEN']),
    decideApproval: action<DecideApprovalResult>()(decideApprovalInput, [
      'NOT_STAFF',
      'FORBIDDEN',
      'APPROVAL_NOT_FOUND',
      'APPROVAL_DECIDED',
      'APPROVAL_EXPIRED',
      // A manager demoted while deciding: their recording is a clerk's again.
      'MANAGER_APPROVAL_REQUIRED',
      'MEMBER_NOT_FOUND',
      'REQUEST_ID_REUSED',
      'SELF_PURCHASE',
    ]),
    grantTier: action<GrantTierResult>()(grantTierInput, [
      'NOT_STAFF',
      'FORBIDDEN',
      'MEMBER_NOT_FOUND',
      'REQUEST_ID_REUSED',
      'TIER_GRANT_OVER_LIMIT',
      'TIER_NOT_FOUND',
    ]),
    listStores: action<AdminStores>()(listStoresInput, ['NOT_STAFF', 'FORBIDDEN']),
    saveStore: action<SaveStoreResult>()(saveStoreInput, ['NOT_STAFF', 'FORBIDDEN']),
    storeQrCode: action<StoreQrCode>()(storeQrCodeInput, ['NOT_STAFF', 'FORBIDDEN', 'STORE_NOT_FOUND']),
    adjustPoints: action<AdjustPointsResult>()(adjustPointsInput, [
      'NOT_STAFF',
      'FORBIDDEN',
      'MEMBER_NOT_FOUND',
      'REQUEST_ID_REUSED',
      'ADJUSTMENT_OVER_LIMIT',
      'POINTS_INSUFFICIENT',
    ]),
    listStaff: action<StaffList>()(listStaffInput, ['NOT_STAFF', 'FORBIDDEN']),
    changeStaffRole: action<ChangeStaffRoleResult>()(changeStaffRoleInput, [
      'NOT_STAFF',
      'FORBIDDEN',
      'STORE_NOT_FOUND',
      'STAFF_NOT_FOUND',
      'REQUEST_ID_REUSED',
    ]),
    listCouponTemplates: action<AdminCouponTemplates>()(listCouponTemplatesInput, ['NOT_STAFF', 'FORBIDDEN']),
    saveCouponTemplate: action<AdminCouponTemplateResult>()(saveCouponTemplateInput, [
      'NOT_STAFF',
      'FORBIDDEN',
      'REQUEST_ID_REUSED',
      'TOTAL_BELOW_ISSUED',
    ]),
    retireCouponTemplate: action<AdminCouponTemplateResult>()(couponTemplateStatusInput, [
      'NOT_STAFF',
      'FORBIDDEN',
      'REQUEST_ID_REUSED',
      'COUPON_NOT_FOUND',
    ]),
    restoreCouponTemplate: action<AdminCouponTemplateResult>()(couponTemplateStatusInput, [
      'NOT_STAFF',
      'FORBIDDEN',
      'REQUEST_ID_REUSED',
      'COUPON_NOT_FOUND',
    ]),
    issueCoupon: action<IssueCouponResult>()(issueCouponInput, [
      'NOT_STAFF',
      'FORBIDDEN',
      'ISSUE_OVER_LIMIT',
      'REQUEST_ID_REUSED',
      'COUPON_NOT_FOUND',
      'COUPON_RETIRED',
    ]),
    programmeDraft: action<ProgrammeDraftView>()(programmeDraftInput, ['NOT_STAFF', 'FORBIDDEN']),
    saveProgrammeDraft: action<SavedProgrammeDraft>()(saveProgrammeDraftInput, [
      'NOT_STAFF',
      'FORBIDDEN',
      'INVALID_PROGRAMME',
      'REQUEST_ID_REUSED',
    ]),
    publishProgramme: action<PublishedProgramme>()(publishProgrammeInput, [
      'NOT_STAFF',
      'FORBIDDEN',
      'REQUEST_ID_REUSED',
      'PROGRAMME_DRAFT_MISSING',
      'INVALID_PROGRAMME',
      'PROGRAMME_TIER_REMOVED',
      'PROGRAMME_VERSION_STALE',
    ]),
    restoreProgrammeVersion: action<PublishedProgramme>()(restoreProgrammeVersionInput, [
      'NOT_STAFF',
      'FORBIDDEN',
      'REQUEST_ID_REUSED',
      'PROGRAMME_VERSION_NOT_FOUND',
      'INVALID_PROGRAMME',
      'PROGRAMME_TIER_REMOVED',
      'PROGRAMME_VERSION_STALE',
    ]),
    programmeVersions: action<ProgrammeVersionsPage>()(programmeVersionsInput, ['NOT_STAFF', 'FORBIDDEN']),
    programmeDryRun: action<ProgrammeDryRun>()(programmeDryRunInput, ['NOT_STAFF', 'FORBIDDEN']),
  },
} as const satisfies Record<string, Record<string, AnyActionContract>>

/** The contract table's type. */
export type Api = typeof API
export type FunctionName = keyof Api
export type ActionName<F extends FunctionName> = keyof Api[F] & string
/** The contract of one action. */
export type ContractOf<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends AnyActionContract
  ? Api[F][A]
  : never
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = ContractInput<ContractOf<F, A>>
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = ContractOutput<ContractOf<F, A>>
export type ActionErrorCode<F extends FunctionName, A extends ActionName<F>> = ContractErrorCode<ContractOf<F, A>>
export type { ActionContract }
