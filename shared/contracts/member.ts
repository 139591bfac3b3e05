/**
 * The `member` cloud function: joining, the member card, the member code, the points history and
 * the profile. Inputs are zod schemas (the function validates with them); outputs are types.
 */
import { z } from 'zod'
import type { EarningLine } from '../earning'
import type { LedgerEntryType } from '../ledger'
import type { TemplateKey } from '../messages/templateKeys'
import { displayText } from '../validation/displayText'
import type { GiftCouponOutcome } from './gifts'
import { requestIdSchema } from './requestId'

/** Longest id the API accepts for stores and members; CloudBase scene values allow 32 characters. */
export const ID_LENGTH_MAX = 40
export const HISTORY_PAGE_SIZE_MAX = 50
export const HISTORY_PAGE_SIZE_DEFAULT = 20
export const NICKNAME_LENGTH_MAX = 20
export const AVATAR_URL_LENGTH_MAX = 512

const id = z
  .string()
  .regex(/^[A-Za-z0-9_-]+$/, '只能包含字母、数字、- 和 _')
  .max(ID_LENGTH_MAX)

export const joinInput = z
  .object({
    /** From the store QR code's `scene`. */
    storeId: id.optional(),
    /** From a friend's share link. */
    referrerMemberId: id.optional(),
  })
  .strict()

export const emptyInput = z.object({}).strict()

/** `member.dismissTierNotice`: the member read the card's tier-change line (by its history id). */
export const dismissTierNoticeInput = z.object({ historyId: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/) }).strict()

/** `member.dismissTierNotice`: false when that notice was not (or no longer) the card's. */
export interface DismissTierNoticeResult {
  readonly dismissed: boolean
}

export const historyInput = z
  .object({
    /** The `nextCursor` of the previous page; absent for the first page. */
    cursor: z.string().max(80).optional(),
    pageSize: z.number().int().min(1).max(HISTORY_PAGE_SIZE_MAX).optional(),
  })
  .strict()

const DAYS_IN_MONTH_MAX = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** `MM-DD`; the year is optional for members and irrelevant to rewards. */
export const birthdaySchema = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '生日格式应为 MM-DD')
  .refine((value) => {
    const [month = 0, day = 0] = value.split('-').map(Number)
    // 29 February is allowed: a leap-day birthday is real.
    return day <= (DAYS_IN_MONTH_MAX[month - 1] ?? 0)
  }, '不存在的日期')

export const updateProfileInput = z
  .object({
    nickname: displayText({ min: 1, max: NICKNAME_LENGTH_MAX }).optional(),
    /** A cloud-storage file id (from chooseAvatar, uploaded) or an https URL; nothing a page could run. */
    avatarUrl: z
      .string()
      .max(AVATAR_URL_LENGTH_MAX)
      .regex(/^(https|cloud):\/\/[^\s]+$/, '头像地址应为 https:// 或 cloud:// 开头')
      .optional(),
    /** Set once by the member; afterwards only staff can change it (it drives birthday rewards). */
    birthday: birthdaySchema.optional(),
    /** The cloudID from `<Button open-type="getPhoneNumber">`; the function resolves it. */
    phoneCloudId: z.string().min(1).max(512).optional(),
  })
  .strict()

/** A tier as shown on the card. */
export interface CardTier {
  readonly id: string
  readonly name: string
}

/** Everything the member card shows. */
export interface MemberCard {
  readonly memberId: string
  readonly nickname: string | null
  readonly avatarUrl: string | null
  readonly tier: CardTier
  readonly nextTier: CardTier | null
  readonly growth: number
  readonly growthToNextTier: number
  readonly progressPercent: number
  readonly balance: number
  /** Points that expire within 30 days, and the last day they can be used. */
  readonly expiringSoon: { readonly points: number; readonly lastValidDay: string } | null
  readonly usableCouponCount: number
  /**
   * The latest tier change at a qualification period's end (`evaluateTiers`), for one line on the
   * card; null when there was none.
   */
  readonly tierChange: {
    /** Its `tier_history` id, for `member.dismissTierNotice`. */
    readonly id: string
    readonly from: CardTier
    readonly to: CardTier
    readonly atMs: number
  } | null
}

export interface JoinResult {
  /** False when the caller was already a member: joining again changes nothing. */
  readonly joined: boolean
  readonly card: MemberCard
  /** What joining gave, when it just happened. */
  readonly gift: { readonly points: number; readonly couponTemplateIds: readonly string[] } | null
  /** The join gift's coupons, issued or skipped, when it just happened (absent otherwise). */
  readonly giftCoupons?: readonly GiftCouponOutcome[]
}

export interface MemberCode {
  /** The signed token, for the QR code. */
  readonly token: string
  /** The numeric code (18 digits, same lifetime) for the barcode: what counter scanners read best. */
  readonly numericCode: string
  readonly expiresAtMs: number
  /** When the client should fetch a fresh code (before the current one expires). */
  readonly refreshAtMs: number
}

/** One line of the points history. */
export interface HistoryEntry {
  readonly id: string
  readonly type: LedgerEntryType
  /** Signed: positive adds points. */
  readonly amount: number
  /** What caused it, in words for the member (签到, 消费, 入会礼…). */
  readonly title: string
  readonly createdAtMs: number
  /** A purchase's points line by line (base, tier, campaigns by name, cap); null for other entries. */
  readonly earningLines: readonly EarningLine[] | null
}

/**
 * The member's points now, as the card shows them. The ledger's running balance counts expired lots
 * until an `expire` entry writes them off, so the history shows this instead of a stored balance.
 */
export interface HistoryBalance {
  /** What can be spent now (the card's balance). */
  readonly usable: number
  /** Points in lots that have expired and are not yet written off. */
  readonly expired: number
}

export interface HistoryPage {
  readonly entries: readonly HistoryEntry[]
  readonly nextCursor: string | null
  readonly balance: HistoryBalance
}

export interface Profile {
  readonly nickname: string | null
  readonly avatarUrl: string | null
  readonly birthday: string | null
  /** Masked for display, e.g. 138****5678. */
  readonly phoneNumber: string | null
  readonly completionRewarded: boolean
}

export interface UpdateProfileResult {
  readonly profile: Profile
  /** Points granted now for completing the profile (once per member), else 0. */
  readonly completionPoints: number
}

/** What `requestSubscribeMessage` may answer for one template. */
export const SUBSCRIBE_ANSWERS = ['accept', 'reject', 'ban', 'filter'] as const
/** WeChat asks for at most this many templates at once. */
export const SUBSCRIBE_TEMPLATES_PER_REQUEST_MAX = 5

export const recordSubscriptionsInput = z
  .object({
    /** One per opt-in dialog: a retried call counts its accepts once. */
    requestId: requestIdSchema,
    /** What `requestSubscribeMessage` answered, by template id (its `errMsg` left out). */
    answers: z
      .record(z.string().min(1).max(64), z.enum(SUBSCRIBE_ANSWERS))
      .refine(
        (answers) => Object.keys(answers).length <= SUBSCRIBE_TEMPLATES_PER_REQUEST_MAX,
        `一次最多 ${SUBSCRIBE_TEMPLATES_PER_REQUEST_MAX} 个模板`,
      ),
  })
  .strict()

export interface RecordSubscriptionsResult {
  /** The messages each accepted template may now send the member (one per accept, consumed per message). */
  readonly counts: Partial<Record<TemplateKey, number>>
}
