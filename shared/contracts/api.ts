import type { z } from 'zod'
import type { CheckInResult, CheckInStatus, checkInInput, checkInStatusInput, makeupInput } from './checkin'
import type {
  ClaimCentre,
  ClaimResult,
  CouponCode,
  CouponPreview,
  claimableInput,
  claimInput,
  couponCodeInput,
  previewInput,
  Wallet,
  walletInput,
} from './coupon'
import type {
  CancelOrderResult,
  Catalogue,
  cancelOrderInput,
  catalogueInput,
  itemInput,
  MallItemDetail,
  OrdersPage,
  ordersInput,
  RedeemResult,
  redeemInput,
} from './mall'
import type {
  emptyInput,
  HistoryPage,
  historyInput,
  JoinResult,
  joinInput,
  MemberCard,
  MemberCode,
  Profile,
  UpdateProfileResult,
  updateProfileInput,
} from './member'
import type { PublicProgramme, programmeGetInput } from './programme'
import type {
  AcceptInviteResult,
  acceptInviteInput,
  CounterMember,
  createInviteInput,
  PurchasePreview,
  previewPurchaseInput,
  RecordPurchaseResult,
  ReversePurchaseResult,
  recordPurchaseInput,
  resolveMemberCodeInput,
  reversePurchaseInput,
  StaffInvite,
  StaffMe,
  staffMeInput,
  TodayActivity,
  todayInput,
  UnbindResult,
  unbindInput,
  VerifyCouponResult,
  VerifyPickupResult,
  verifyCouponInput,
  verifyPickupInput,
} from './staff'

type ActionOf<Input extends z.ZodType, Output> = { readonly input: z.input<Input>; readonly output: Output }

/**
 * Every cloud function and action the client may call, with its input and output types. The client
 * and the functions both type against this map, so a renamed field fails the typecheck on both sides.
 */
export interface Api {
  readonly programme: {
    readonly get: ActionOf<typeof programmeGetInput, PublicProgramme>
  }
  readonly member: {
    readonly join: ActionOf<typeof joinInput, JoinResult>
    readonly card: ActionOf<typeof emptyInput, MemberCard>
    readonly memberCode: ActionOf<typeof emptyInput, MemberCode>
    readonly history: ActionOf<typeof historyInput, HistoryPage>
    readonly profile: ActionOf<typeof emptyInput, Profile>
    readonly updateProfile: ActionOf<typeof updateProfileInput, UpdateProfileResult>
  }
  readonly checkin: {
    readonly status: ActionOf<typeof checkInStatusInput, CheckInStatus>
    readonly checkIn: ActionOf<typeof checkInInput, CheckInResult>
    readonly makeup: ActionOf<typeof makeupInput, CheckInResult>
  }
  readonly mall: {
    readonly catalogue: ActionOf<typeof catalogueInput, Catalogue>
    readonly item: ActionOf<typeof itemInput, MallItemDetail>
    readonly redeem: ActionOf<typeof redeemInput, RedeemResult>
    readonly orders: ActionOf<typeof ordersInput, OrdersPage>
    readonly cancelOrder: ActionOf<typeof cancelOrderInput, CancelOrderResult>
  }
  readonly coupon: {
    readonly claimable: ActionOf<typeof claimableInput, ClaimCentre>
    readonly claim: ActionOf<typeof claimInput, ClaimResult>
    readonly wallet: ActionOf<typeof walletInput, Wallet>
    readonly couponCode: ActionOf<typeof couponCodeInput, CouponCode>
    readonly preview: ActionOf<typeof previewInput, CouponPreview>
  }
  readonly staff: {
    readonly me: ActionOf<typeof staffMeInput, StaffMe>
    readonly createInvite: ActionOf<typeof createInviteInput, StaffInvite>
    readonly acceptInvite: ActionOf<typeof acceptInviteInput, AcceptInviteResult>
    readonly unbind: ActionOf<typeof unbindInput, UnbindResult>
    readonly resolveMemberCode: ActionOf<typeof resolveMemberCodeInput, CounterMember>
    readonly previewPurchase: ActionOf<typeof previewPurchaseInput, PurchasePreview>
    readonly recordPurchase: ActionOf<typeof recordPurchaseInput, RecordPurchaseResult>
    readonly verifyCoupon: ActionOf<typeof verifyCouponInput, VerifyCouponResult>
    readonly verifyPickup: ActionOf<typeof verifyPickupInput, VerifyPickupResult>
    readonly reversePurchase: ActionOf<typeof reversePurchaseInput, ReversePurchaseResult>
    readonly today: ActionOf<typeof todayInput, TodayActivity>
  }
}

export type FunctionName = keyof Api
export type ActionName<F extends FunctionName> = keyof Api[F] & string
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends { input: infer I }
  ? I
  : never
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends { output: infer O }
  ? O
  : never
