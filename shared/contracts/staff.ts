/**
 * The `staff` cloud function: the counter (resolve a member code, preview and record a purchase,
 * verify a coupon or a pickup order, reverse a purchase), staff binding (invites, unbinding) and
 * today's audit log. Inputs are zod schemas (the function validates with them); outputs are types.
 * Who may do what is always decided from the caller's OPENID, never from anything in the input.
 */
import { z } from 'zod'
import { CODE_LENGTH_MAX } from '../codes'
import type { CouponBenefit } from '../coupon'
import type { EarningLine } from '../earning'
import { PURCHASE_AMOUNT_FEN_MAX } from '../earning'
import { PICKUP_CODE_LENGTH } from '../mall'
import type { InvitableRole, StaffRole } from '../staff'
import { displayText } from '../validation/displayText'
import type { GiftCouponOutcome } from './gifts'
import { requestIdSchema } from './requestId'

export type { InvitableRole, StaffRole } from '../staff'

/** Characters of an invite code (url-safe base64: 60 random bits). */
export const INVITE_CODE_LENGTH = 10
/** How long an invite can be accepted. */
export const INVITE_TTL_MS = 86_400_000
/** Longest receipt number (小票号) accepted. */
export const RECEIPT_NUMBER_LENGTH_MAX = 32
/** Longest reversal reason accepted. */
export const REVERSAL_REASON_LENGTH_MAX = 100
/** Longest staff display name accepted. */
export const STAFF_NAME_LENGTH_MAX = 20
/** Largest amount one purchase may ever record (¥1,000,000), whoever records it. */
export const STAFF_PURCHASE_AMOUNT_FEN_MAX = PURCHASE_AMOUNT_FEN_MAX
/** Audit entries `staff.today` answers at most (newest first). */
export const TODAY_ENTRIES_MAX = 100
/** Usable coupons the member summary lists at most. */
export const COUNTER_COUPONS_MAX = 50

export const storeIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, '门店编号格式有误')
export const staffOpenidSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'OPENID 格式有误')
const storeId = storeIdSchema
const openid = staffOpenidSchema
const token = z.string().min(1).max(CODE_LENGTH_MAX)
const amountFen = z
  .number()
  .int('金额必须是整数分')
  .positive('金额必须大于 0')
  .max(STAFF_PURCHASE_AMOUNT_FEN_MAX, `金额不能超过 ${STAFF_PURCHASE_AMOUNT_FEN_MAX / 100} 元`)

export const staffMeInput = z.object({}).strict()
export const createInviteInput = z.object({ role: z.enum(['staff', 'manager']), storeId }).strict()
export const acceptInviteInput = z
  .object({
    code: z
      .string()
      .regex(
        new RegExp(`^[A-Za-z0-9_-]{${INVITE_CODE_LENGTH}}$`),
        `邀请码应为 ${INVITE_CODE_LENGTH} 位字母、数字、- 或 _`,
      ),
    /** The name colleagues and the audit log show; defaults to the member's nickname or 店员. */
    name: displayText({ min: 1, max: STAFF_NAME_LENGTH_MAX }).optional(),
  })
  .strict()
export const unbindInput = z
  .object({
    openid,
    /** Why: the audit log and the store's manager read it. */
    reason: z.string().trim().min(1, '请填写解绑原因').max(100, '解绑原因不能超过 100 个字'),
  })
  .strict()
export const resolveMemberCodeInput = z.object({ token }).strict()
/** The counter session `resolveMemberCode` answered: proof the member was scanned, by this caller, just now. */
const session = z.string().min(1).max(CODE_LENGTH_MAX)
export const previewPurchaseInput = z.object({ session, amountFen }).strict()
export const recordPurchaseInput = z
  .object({
    session,
    amountFen,
    /** 小票号: unique per store; recording the same number twice awards once. */
    receiptNo: z
      .string()
      .regex(
        new RegExp(`^[A-Za-z0-9-]{1,${RECEIPT_NUMBER_LENGTH_MAX}}$`),
        `小票号应为 1–${RECEIPT_NUMBER_LENGTH_MAX} 位字母、数字或 -`,
      )
      .optional(),
    /** One per tap of 确认: a retried request awards once. */
    requestId: requestIdSchema,
  })
  .strict()
export const verifyCouponInput = z.object({ token }).strict()
export const verifyPickupInput = z
  .object({ pickupCode: z.string().regex(new RegExp(`^\\d{${PICKUP_CODE_LENGTH}}$`), '取货码应为 8 位数字') })
  .strict()
export const reversePurchaseInput = z
  .object({
    /** The `purchaseEntryId` of a recorded purchase (its ledger entry). */
    purchaseEntryId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '记录编号格式有误'),
    reason: displayText({ min: 1, max: REVERSAL_REASON_LENGTH_MAX }),
  })
  .strict()
export const todayInput = z.object({ scope: z.enum(['mine', 'store']) }).strict()

/** `staff.me`: the caller's binding (NOT_STAFF when there is none). */
export interface StaffMe {
  readonly role: StaffRole
  /** Null for admins, who act for every store. */
  readonly storeId: string | null
  readonly storeName: string | null
  readonly name: string
}

/** `staff.createInvite`: the code to show as a QR code or share as a link. */
export interface StaffInvite {
  readonly code: string
  readonly role: InvitableRole
  readonly storeId: string
  /** The store's name, for the inviter to check they invite to the right one. */
  readonly storeName: string
  readonly expiresAtMs: number
  /** The mini-program page that accepts it, e.g. `staff/pages/invite/index?code=…`. */
  readonly path: string
}

/** `staff.acceptInvite`: the caller's new binding. */
export interface AcceptInviteResult {
  readonly staff: StaffMe
}

/** `staff.unbind`. */
export interface UnbindResult {
  readonly openid: string
  /** False when that OPENID was not bound: nothing changed. */
  readonly unbound: boolean
}

/** A usable coupon as the counter lists it. */
export interface CounterCoupon {
  readonly id: string
  readonly title: string
  readonly benefit: CouponBenefit
  readonly validFromMs: number
  readonly validUntilMs: number
}

/**
 * A counter session: names the member for `previewPurchase` and `recordPurchase`, accepted only from
 * the clerk it was answered to and until `expiresAtMs` (COUNTER_SESSION_TTL_MS after the scan).
 */
export interface CounterSession {
  readonly token: string
  readonly expiresAtMs: number
}

/** `staff.resolveMemberCode`: who is at the counter. */
export interface CounterMember {
  readonly memberId: string
  readonly session: CounterSession
  readonly nickname: string | null
  readonly avatarUrl: string | null
  readonly tier: { readonly id: string; readonly name: string }
  /** Usable points now. */
  readonly balance: number
  readonly coupons: readonly CounterCoupon[]
}

/** `staff.previewPurchase`: what recording the purchase would give (nothing is written). */
export interface PurchasePreview {
  readonly memberId: string
  readonly amountFen: number
  readonly points: number
  readonly growth: number
  readonly lines: readonly EarningLine[]
  /** True when the caller's role cannot record it alone (MANAGER_APPROVAL_REQUIRED on record). */
  readonly needsManagerApproval: boolean
}

/** `staff.recordPurchase`. A replay (same receipt number in the store, or same request id) answers the first result. */
export interface RecordPurchaseResult {
  /** True when this purchase had already been recorded: nothing new was awarded. */
  readonly replayed: boolean
  /** The purchase's ledger entry id: what `reversePurchase` takes. */
  readonly purchaseEntryId: string
  readonly memberId: string
  readonly storeId: string
  readonly amountFen: number
  readonly receiptNo: string | null
  readonly points: number
  readonly growth: number
  readonly lines: readonly EarningLine[]
  readonly balanceBefore: number
  /** Usable points after the purchase, upgrade gift and nothing else. */
  readonly balanceAfter: number
  readonly upgradedTo: { readonly id: string; readonly name: string } | null
  /** Points paid as upgrade gifts by this purchase. */
  readonly upgradeGiftPoints: number
  /** Upgrade gift coupons this purchase issued or skipped (absent on a replay, and when none were due). */
  readonly upgradeGiftCoupons?: readonly GiftCouponOutcome[]
  /** The referrer's reward paid on this member's first purchase, else null. */
  readonly referralReward: { readonly referrerMemberId: string; readonly points: number } | null
  readonly recordedAtMs: number
}

/** Who used a coupon or collected an order, for the answer to a second attempt. */
export interface UsageRecord {
  readonly byOpenid: string
  readonly byName: string
  readonly storeId: string | null
  readonly storeName: string | null
  readonly atMs: number
}

/**
 * A refusal that says who got there first: COUPON_USED and ALREADY_PICKED_UP carry `details` next to
 * the usual `code` and `message` (which repeats them in words).
 */
export interface UsageRefusal {
  readonly ok: false
  readonly code: 'COUPON_USED' | 'ALREADY_PICKED_UP'
  readonly message: string
  readonly details: UsageRecord
}

/** `staff.verifyCoupon`: the coupon, now used. */
export interface VerifyCouponResult {
  readonly couponId: string
  readonly memberId: string
  readonly title: string
  readonly benefit: CouponBenefit
  readonly usedAtMs: number
  readonly storeId: string | null
}

/** `staff.verifyPickup`: the order, now collected. */
export interface VerifyPickupResult {
  readonly orderId: string
  readonly memberId: string
  readonly title: string
  readonly pickupCode: string
  readonly pickedUpAtMs: number
  readonly storeId: string | null
}

/** `staff.reversePurchase`. */
export interface ReversePurchaseResult {
  readonly purchaseEntryId: string
  readonly memberId: string
  /** Points the purchase gave. */
  readonly points: number
  /** Points actually taken back (`points - shortfall`). */
  readonly takenBack: number
  /** Points the member had already spent: recorded on the reversal entry, not taken below zero. */
  readonly shortfall: number
  /** Growth taken back (never below zero); the tier is kept, see the function's README. */
  readonly growthTakenBack: number
  /** Points taken back from the referrer: the referral reward this purchase paid (0 when none). */
  readonly referralTakenBack: number
  readonly balanceBefore: number
  readonly balanceAfter: number
  readonly reversedAtMs: number
}

/** What an audit entry records. */
export const AUDIT_ACTIONS = [
  'purchase',
  'reversePurchase',
  'verifyCoupon',
  'verifyPickup',
  'createInvite',
  'acceptInvite',
  'unbind',
  'selfPurchaseRefused',
  'saveItem',
  'retireItem',
  'restoreItem',
  'adjustStock',
  'adjustPoints',
  'correctBirthday',
  'changeStaffRole',
  'grantTier',
  'saveCouponTemplate',
  'retireCouponTemplate',
  'restoreCouponTemplate',
  'issueCoupon',
  'saveStore',
  'saveProgrammeDraft',
  'publishProgramme',
  'restoreProgrammeVersion',
  'decideApproval',
  'requestExport',
  'saveRfmThresholds',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

/** One line of the audit log. */
export interface AuditEntryView {
  readonly id: string
  readonly action: AuditAction
  readonly operatorOpenid: string
  readonly operatorName: string
  readonly operatorRole: StaffRole
  readonly storeId: string | null
  readonly memberId: string | null
  readonly amountFen: number | null
  /** Points added (positive) or taken back (negative) by the action, else null. */
  readonly points: number | null
  readonly balanceBefore: number | null
  readonly balanceAfter: number | null
  /** The purchase entry, coupon, order or invite the action concerned. */
  readonly subjectId: string | null
  /** A short description for the list (小票号, coupon title, reason…). */
  readonly note: string | null
  /** For purchases: whether it has been reversed since (the list offers 撤销 only when false). */
  readonly reversed: boolean
  readonly createdAtMs: number
}

/** `staff.today`: today's (business day) audit entries, newest first. */
export interface TodayActivity {
  readonly businessDay: string
  readonly scope: 'mine' | 'store'
  readonly storeId: string | null
  readonly entries: readonly AuditEntryView[]
  /** Sum of today's purchases recorded (not reversed) among `entries`, in fen. */
  readonly purchaseTotalFen: number
}
