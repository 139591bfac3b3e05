/**
 * The loyalty programme a brand configures: tiers, earning rules, campaigns, check-in rewards and
 * points expiry. One zod schema is the single source of truth; the TypeScript types are inferred from
 * it, and `parseProgramme` turns any violation into a readable error.
 */
import { z } from 'zod'
import { isDayKey } from '../time/calendarDay'
import { isKnownTimeZone } from '../time/zonedTime'
import { displayText } from '../validation/displayText'

/** Bounds that keep every computation in safe integer range and every document small. */
export const TIER_COUNT_MIN = 3
export const TIER_COUNT_MAX = 5
export const MULTIPLIER_PERCENT_MAX = 1000
export const CAMPAIGN_COUNT_MAX = 8
export const CHECK_IN_CYCLE_DAYS_MAX = 31
export const POINTS_PER_GRANT_MAX = 1_000_000

const id = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, '只能包含小写字母、数字、- 和 _，且不超过 32 个字符')
const name = displayText({ min: 1, max: 20 })
const points = z.number().int().min(0).max(POINTS_PER_GRANT_MAX)
const multiplierPercent = z.number().int().min(100).max(MULTIPLIER_PERCENT_MAX)
const dayKey = z.string().refine(isDayKey, '必须是 YYYY-MM-DD 格式的有效日期')

/** A reward made of points and/or coupons (templates by id). */
export const giftSchema = z.object({
  points: points.default(0),
  couponTemplateIds: z.array(id).max(5).default([]),
})

/** One membership tier. Thresholds are growth values; multipliers are percentages (150 = 1.5×). */
export const tierSchema = z.object({
  id,
  name,
  /** Growth at which a member reaches this tier. The first tier's is 0. */
  growthThreshold: z.number().int().min(0),
  /** Growth a member must earn within a qualification period to keep this tier. */
  retentionGrowth: z.number().int().min(0),
  pointsMultiplierPercent: multiplierPercent.default(100),
  /** What the member pays, in percent of the price (95 = 9.5 折); 100 means no member discount. */
  memberPricePercent: z.number().int().min(1).max(100).default(100),
  upgradeGift: giftSchema.default({ points: 0, couponTemplateIds: [] }),
  birthdayGift: giftSchema.default({ points: 0, couponTemplateIds: [] }),
  benefits: z
    .array(displayText({ min: 1, max: 40 }))
    .max(10)
    .default([]),
})

/** When tier retention is evaluated. */
export const qualificationPeriodSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('calendarYear') }),
  z.object({ kind: z.literal('rollingMonths'), months: z.number().int().min(1).max(36) }),
])

/** A ratio of whole numbers: `amount` units for every `perYuan` yuan spent. */
const perYuanRate = z.object({
  amount: z.number().int().min(0).max(1000),
  perYuan: z.number().int().min(1).max(10_000),
})

/** When a campaign multiplier applies: weekdays (1 Monday … 7 Sunday), a date range, or birthday month. */
export const campaignRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('weekdays'), weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7) }),
  z.object({ kind: z.literal('dateRange'), fromDay: dayKey, toDay: dayKey }),
  z.object({ kind: z.literal('birthdayMonth') }),
])

export const campaignSchema = z.object({
  id,
  name,
  multiplierPercent,
  rule: campaignRuleSchema,
})

export const earningSchema = z.object({
  points: perYuanRate,
  growth: perYuanRate,
  /** `stack` multiplies every campaign that applies; `highest` applies only the largest one. */
  campaignStacking: z.enum(['stack', 'highest']),
  /** Most points one purchase can give, after multipliers; null for no cap. */
  pointsCapPerPurchase: z.number().int().min(1).max(POINTS_PER_GRANT_MAX).nullable(),
  campaigns: z.array(campaignSchema).max(CAMPAIGN_COUNT_MAX),
})

/** A streak reward on a given day of the check-in cycle (day 3, day 7…). */
export const streakBonusSchema = z.object({
  cycleDay: z.number().int().min(1).max(CHECK_IN_CYCLE_DAYS_MAX),
  points,
  growth: points.default(0),
})

/** After how many days the streak restarts: a fixed length, or at the start of each calendar month. */
export const checkInCycleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rolling'), lengthDays: z.number().int().min(1).max(CHECK_IN_CYCLE_DAYS_MAX) }),
  z.object({ kind: z.literal('calendarMonth') }),
])

export const makeupSchema = z.object({
  enabled: z.boolean(),
  /** How many days back a missed day may be made up (1 = only yesterday). */
  windowDays: z.number().int().min(1).max(CHECK_IN_CYCLE_DAYS_MAX),
  monthlyLimit: z.number().int().min(0).max(CHECK_IN_CYCLE_DAYS_MAX),
  costPoints: points,
})

export const checkInSchema = z.object({
  enabled: z.boolean(),
  basePoints: points,
  baseGrowth: points.default(0),
  cycle: checkInCycleSchema,
  streakBonuses: z.array(streakBonusSchema).max(CHECK_IN_CYCLE_DAYS_MAX),
  makeup: makeupSchema,
})

/** How long earned points last. */
export const expiryPolicySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('never') }),
  /** Valid through the business day `days` days after the day earned. */
  z.object({ kind: z.literal('afterDays'), days: z.number().int().min(1).max(3660) }),
  /** Valid through 31 December of the year after the year earned. */
  z.object({ kind: z.literal('endOfFollowingYear') }),
])

/** Largest amount a staff limit may name (¥10,000,000): beyond that a limit means nothing. */
export const STAFF_LIMIT_FEN_MAX = 1_000_000_000
/** Default largest purchase a staff member records alone: ¥5,000. */
export const STAFF_PURCHASE_AMOUNT_FEN_MAX_DEFAULT = 500_000
/** A referral's minimum qualifying first purchase when the programme names none: ¥10. */
export const REFERRAL_MINIMUM_FEN_DEFAULT = 1000
/** Default purchases one staff member records alone per business day: ¥20,000. */
export const STAFF_DAILY_TOTAL_FEN_DEFAULT = 2_000_000

/** Largest manual points adjustment a limit may allow. */
export const ADJUSTMENT_POINTS_MAX = 1_000_000
/** Default largest manual adjustment (either way) a manager makes alone: 500 points. */
export const MANAGER_ADJUSTMENT_POINTS_MAX_DEFAULT = 500
/** Default largest manual adjustment an admin makes: 50,000 points. */
export const ADMIN_ADJUSTMENT_POINTS_MAX_DEFAULT = 50_000

const adjustmentLimit = z.number().int().min(1).max(ADJUSTMENT_POINTS_MAX)

/** Longest a tier granted by hand may last, in days from today (an admin's limit). */
export const TIER_GRANT_DAYS_MAX = 366
/** Default longest tier grant a manager makes: 90 days. */
export const MANAGER_TIER_GRANT_DAYS_MAX_DEFAULT = 90
/** Members one admin issue request may name at most (one batched read each); a manager's limit is lower. */
export const COUPON_ISSUE_MEMBERS_MAX = 200
/** Default members a manager may issue a coupon to in one request. */
export const MANAGER_COUPON_ISSUE_MAX_DEFAULT = 20

/**
 * Above these a plain staff member cannot record a purchase; a manager or admin must do it. A manual
 * points adjustment (added or taken away) is capped per role, managers lower than admins, and so
 * are the members a manager issues a coupon to in one request.
 */
export const staffLimitsSchema = z.object({
  purchaseAmountFenMax: z.number().int().min(1).max(STAFF_LIMIT_FEN_MAX).default(STAFF_PURCHASE_AMOUNT_FEN_MAX_DEFAULT),
  dailyTotalFenPerStaff: z.number().int().min(1).max(STAFF_LIMIT_FEN_MAX).default(STAFF_DAILY_TOTAL_FEN_DEFAULT),
  managerAdjustmentPointsMax: adjustmentLimit.default(MANAGER_ADJUSTMENT_POINTS_MAX_DEFAULT),
  adminAdjustmentPointsMax: adjustmentLimit.default(ADMIN_ADJUSTMENT_POINTS_MAX_DEFAULT),
  /** Optional so that programmes written before tier grants existed still parse. */
  managerTierGrantDaysMax: z
    .number()
    .int()
    .min(1)
    .max(TIER_GRANT_DAYS_MAX)
    .default(MANAGER_TIER_GRANT_DAYS_MAX_DEFAULT),
  managerCouponIssueMax: z
    .number()
    .int()
    .min(1)
    .max(COUPON_ISSUE_MEMBERS_MAX)
    .default(MANAGER_COUPON_ISSUE_MAX_DEFAULT),
})

/**
 * What the scheduled jobs do for the brand (the `jobs` function): when the birthday gift is paid,
 * how early members hear that points or coupons expire, when an inactive member gets a win-back
 * coupon, and how long a pickup order waits at the counter before it is cancelled and refunded.
 */
export const automationSchema = z.object({
  /** `birthday`: on the day; `birthdayMonthStart`: on the first day of the birthday month. */
  birthdayGiftOn: z.enum(['birthday', 'birthdayMonthStart']).default('birthday'),
  /** Days before points or a coupon expire that the member is reminded (once per lot or coupon). */
  expiryReminderDays: z.number().int().min(1).max(90).default(7),
  winBack: z
    .object({
      /** A member without a visit (check-in or purchase) for this many days is dormant. */
      inactiveDays: z.number().int().min(7).max(730).default(60),
      /** The coupon a dormant member gets, once per dormancy spell; null: no win-back. */
      couponTemplateId: id.nullable().default(null),
    })
    .default({ inactiveDays: 60, couponTemplateId: null }),
  /** Days an unclaimed pickup order waits before it is cancelled (points and stock back). */
  pickupWindowDays: z.number().int().min(1).max(365).default(30),
})

export const AUTOMATION_DEFAULTS = automationSchema.parse({})

export const programmeSchema = z
  .object({
    id,
    brandName: displayText({ min: 1, max: 30 }),
    timeZone: z.string().refine(isKnownTimeZone, '未知的时区（应为 IANA 名称，如 Asia/Shanghai）'),
    /** Hour (0–23, local) at which a business day starts; 4 means 03:59 still counts as yesterday. */
    businessDayCutoffHour: z.number().int().min(0).max(23),
    tiers: z.array(tierSchema).min(TIER_COUNT_MIN).max(TIER_COUNT_MAX),
    qualificationPeriod: qualificationPeriodSchema,
    /** Most tiers a member can drop at one evaluation. */
    maxTierStepsDown: z
      .number()
      .int()
      .min(0)
      .max(TIER_COUNT_MAX - 1),
    earning: earningSchema,
    checkIn: checkInSchema,
    pointsExpiry: expiryPolicySchema,
    joinGift: giftSchema,
    profileCompletionPoints: points,
    /** Points the referrer gets when the referred member makes a first purchase of at least `referralMinimumFen`. */
    referralPoints: points,
    /**
     * The smallest first purchase that pays the referral (首单满 N 元), so a 1-fen purchase cannot cash
     * it in; a smaller first purchase pays nothing. Optional so that older programmes parse: ¥10.
     */
    referralMinimumFen: z
      .number()
      .int()
      .min(0)
      .max(STAFF_PURCHASE_AMOUNT_FEN_MAX_DEFAULT)
      .default(REFERRAL_MINIMUM_FEN_DEFAULT),
    /** Optional so that programmes written before staff limits existed still parse. */
    staffLimits: staffLimitsSchema.default(staffLimitsSchema.parse({})),
    /** Optional so that programmes written before the scheduled jobs existed still parse. */
    automation: automationSchema.default(AUTOMATION_DEFAULTS),
  })
  .superRefine((programme, context) => {
    const issue = (path: (string | number)[], message: string) => context.addIssue({ code: 'custom', path, message })

    programme.tiers.forEach((tier, index) => {
      if (index === 0 && tier.growthThreshold !== 0) {
        issue(['tiers', 0, 'growthThreshold'], '第一个等级的成长值门槛必须为 0')
      }
      const previous = programme.tiers[index - 1]
      if (previous && tier.growthThreshold <= previous.growthThreshold) {
        issue(
          ['tiers', index, 'growthThreshold'],
          `等级门槛必须递增：${tier.name}（${tier.growthThreshold}）不高于 ${previous.name}（${previous.growthThreshold}），等级区间重叠`,
        )
      }
    })
    reportDuplicates(
      programme.tiers.map((tier) => tier.id),
      ['tiers'],
      '等级 id 重复',
      issue,
    )
    reportDuplicates(
      programme.earning.campaigns.map((campaign) => campaign.id),
      ['earning', 'campaigns'],
      '活动 id 重复',
      issue,
    )
    programme.earning.campaigns.forEach((campaign, index) => {
      if (campaign.rule.kind === 'dateRange' && campaign.rule.fromDay > campaign.rule.toDay) {
        issue(['earning', 'campaigns', index, 'rule', 'toDay'], '结束日期不能早于开始日期')
      }
    })

    const cycle = programme.checkIn.cycle
    const longestCycle = cycle.kind === 'rolling' ? cycle.lengthDays : 31
    programme.checkIn.streakBonuses.forEach((bonus, index) => {
      if (bonus.cycleDay > longestCycle) {
        issue(['checkIn', 'streakBonuses', index, 'cycleDay'], `连续签到奖励的天数超出周期（${longestCycle} 天）`)
      }
    })
    reportDuplicates(
      programme.checkIn.streakBonuses.map((bonus) => String(bonus.cycleDay)),
      ['checkIn', 'streakBonuses'],
      '同一天配置了多个连续签到奖励',
      issue,
    )
  })

function reportDuplicates(
  values: readonly string[],
  path: (string | number)[],
  message: string,
  issue: (path: (string | number)[], message: string) => void,
): void {
  const seen = new Set<string>()
  for (const value of values) {
    if (seen.has(value)) issue(path, `${message}：${value}`)
    seen.add(value)
  }
}

/** A programme as written by an admin (defaults not yet applied). */
export type ProgrammeInput = z.input<typeof programmeSchema>
/** A validated programme with every default filled in. */
export type Programme = z.output<typeof programmeSchema>
export type Tier = Programme['tiers'][number]
export type Gift = z.output<typeof giftSchema>
export type Campaign = z.output<typeof campaignSchema>
export type EarningRules = z.output<typeof earningSchema>
export type CheckInRules = z.output<typeof checkInSchema>
export type CheckInCycle = z.output<typeof checkInCycleSchema>
export type MakeupRules = z.output<typeof makeupSchema>
export type StaffLimits = z.output<typeof staffLimitsSchema>
export type ExpiryPolicy = z.output<typeof expiryPolicySchema>
export type QualificationPeriod = z.output<typeof qualificationPeriodSchema>
