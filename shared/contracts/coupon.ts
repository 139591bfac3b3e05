/**
 * The `coupon` cloud function: the claim centre, claiming, the wallet, a coupon's counter code and a
 * discount preview. Inputs are zod schemas (the function validates with them); outputs are types.
 */
import { z } from 'zod'
import {
  type ClaimFailureCode,
  COUPON_AMOUNT_FEN_MAX,
  type CouponBenefit,
  type CouponSource,
  type CouponState,
  type CouponValidity,
} from '../coupon'

export type { CouponSource }

import { requestIdSchema } from './requestId'

/** Templates the claim centre lists at most. */
export const CLAIM_CENTRE_SIZE_MAX = 100
/** Coupons the wallet shows at most, the most recently issued. */
export const WALLET_SIZE_MAX = 200

const templateId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, '优惠券模板编号格式有误')
const couponId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, '优惠券编号格式有误')

export const claimableInput = z.object({}).strict()
export const claimInput = z.object({ templateId, requestId: requestIdSchema }).strict()
export const walletInput = z.object({}).strict()
export const couponCodeInput = z.object({ couponId }).strict()
export const getCouponInput = z.object({ couponId }).strict()
export const previewInput = z
  .object({
    couponId,
    orderAmountFen: z
      .number()
      .int('金额必须是整数分')
      .min(0, '金额不能为负数')
      .max(COUPON_AMOUNT_FEN_MAX, `金额不能超过 ${COUPON_AMOUNT_FEN_MAX / 100} 元`),
  })
  .strict()

/** A template in the claim centre, as the caller sees it. */
export interface ClaimableTemplate {
  readonly templateId: string
  readonly title: string
  readonly description: string | null
  readonly benefit: CouponBenefit
  readonly validity: CouponValidity
  /** Coupons left to claim; null when the template has no total. */
  readonly remaining: number | null
  readonly perMemberLimit: number
  readonly claimedByMember: number
  readonly tierIds: readonly string[]
  readonly canClaim: boolean
  /** The first reason the caller cannot claim (never CLAIM_NOT_OPEN: closed templates are not listed). */
  readonly reason: ClaimFailureCode | null
}

/** `coupon.claimable`. */
export interface ClaimCentre {
  readonly templates: readonly ClaimableTemplate[]
}

/** A coupon of the wallet with its state at the time of the call (computed, never stored). */
export interface WalletCoupon {
  readonly id: string
  readonly templateId: string
  readonly title: string
  readonly description: string | null
  readonly benefit: CouponBenefit
  readonly validFromMs: number
  readonly validUntilMs: number
  readonly state: CouponState
  readonly usedAtMs: number | null
  readonly source: CouponSource
  readonly issuedAtMs: number
  /** The only stores where it may be used, as copied from its template when issued; empty for every store. */
  readonly storeIds: readonly string[]
}

/** `coupon.wallet`: every coupon in display order (see `sortWallet`) and the tab counts. */
export interface Wallet {
  readonly coupons: readonly WalletCoupon[]
  /** 可使用 counts available and not-yet-valid coupons. */
  readonly counts: { readonly available: number; readonly used: number; readonly expired: number }
  /** The names of the stores the coupons are limited to, by id (a store no longer there is absent). */
  readonly storeNames: Readonly<Record<string, string>>
}

/** `coupon.get`: one coupon, and the names of the stores it is limited to (none for one valid everywhere). */
export interface CouponDetail {
  readonly coupon: WalletCoupon
  readonly storeNames: Readonly<Record<string, string>>
}

/** `coupon.claim`. A replay of the same request id answers the first coupon. */
export interface ClaimResult {
  readonly replayed: boolean
  readonly coupon: WalletCoupon
}

/** `coupon.couponCode`: a signed token naming the coupon, for its QR code at the counter. */
export interface CouponCode {
  readonly token: string
  readonly expiresAtMs: number
}

/** `coupon.preview`: what the coupon would take off an order of `orderAmountFen`. */
export interface CouponPreview {
  readonly couponId: string
  readonly orderAmountFen: number
  readonly discountFen: number
  readonly payableFen: number
}
