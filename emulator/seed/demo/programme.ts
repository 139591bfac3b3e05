import { parseProgramme } from '@shared/programme/parseProgramme'
import type { Programme, ProgrammeInput } from '@shared/programme/schema'

/**
 * The demo café chain's programme: four tiers, 1 point per yuan, double points on Wednesdays and in
 * the birthday month (the larger multiplier wins), a 7-day check-in cycle with day-3 and day-7
 * bonuses, and points valid until the end of the year after the year they were earned.
 */
export const DEMO_PROGRAMME_INPUT: ProgrammeInput = {
  id: 'demo-cafe',
  brandName: '小满咖啡',
  timeZone: 'Asia/Shanghai',
  businessDayCutoffHour: 0,
  tiers: [
    {
      id: 'regular',
      name: '普通会员',
      growthThreshold: 0,
      retentionGrowth: 0,
      benefits: ['消费 1 元积 1 分', '每日签到领积分'],
    },
    {
      id: 'silver',
      name: '银卡会员',
      growthThreshold: 500,
      retentionGrowth: 300,
      pointsMultiplierPercent: 120,
      memberPricePercent: 98,
      upgradeGift: { points: 100 },
      birthdayGift: { points: 100 },
      benefits: ['积分 1.2 倍', '饮品 9.8 折', '生日礼 100 积分'],
    },
    {
      id: 'gold',
      name: '金卡会员',
      growthThreshold: 2000,
      retentionGrowth: 1200,
      pointsMultiplierPercent: 150,
      memberPricePercent: 95,
      upgradeGift: { points: 300 },
      birthdayGift: { points: 300 },
      benefits: ['积分 1.5 倍', '饮品 9.5 折', '生日礼 300 积分'],
    },
    {
      id: 'black',
      name: '黑金会员',
      growthThreshold: 6000,
      retentionGrowth: 4000,
      pointsMultiplierPercent: 200,
      memberPricePercent: 90,
      upgradeGift: { points: 800 },
      birthdayGift: { points: 800 },
      benefits: ['积分 2 倍', '饮品 9 折', '生日礼 800 积分', '专属兑换商品'],
    },
  ],
  qualificationPeriod: { kind: 'calendarYear' },
  maxTierStepsDown: 1,
  earning: {
    points: { amount: 1, perYuan: 1 },
    growth: { amount: 1, perYuan: 1 },
    campaignStacking: 'highest',
    pointsCapPerPurchase: 5000,
    campaigns: [
      {
        id: 'wednesday-double',
        name: '周三双倍积分',
        multiplierPercent: 200,
        rule: { kind: 'weekdays', weekdays: [3] },
      },
      { id: 'birthday-month', name: '生日月双倍积分', multiplierPercent: 200, rule: { kind: 'birthdayMonth' } },
    ],
  },
  checkIn: {
    enabled: true,
    basePoints: 5,
    baseGrowth: 1,
    cycle: { kind: 'rolling', lengthDays: 7 },
    streakBonuses: [
      { cycleDay: 3, points: 10 },
      { cycleDay: 7, points: 30, growth: 5 },
    ],
    makeup: { enabled: true, windowDays: 3, monthlyLimit: 2, costPoints: 20 },
  },
  pointsExpiry: { kind: 'endOfFollowingYear' },
  joinGift: { points: 50 },
  profileCompletionPoints: 20,
  referralPoints: 100,
  referralMinimumFen: 2000,
  staffLimits: { purchaseAmountFenMax: 500_000, dailyTotalFenPerStaff: 2_000_000 },
  automation: {
    birthdayGiftOn: 'birthday',
    expiryReminderDays: 7,
    winBack: { inactiveDays: 60, couponTemplateId: 'five-off-thirty' },
    pickupWindowDays: 30,
  },
}

function demoProgramme(): Programme {
  const parsed = parseProgramme(DEMO_PROGRAMME_INPUT)
  // The demo is part of the code base: if it stops validating, that is a programmer error.
  if (!parsed.ok) throw new Error(`demo programme is invalid:\n${parsed.message}`)
  return parsed.data
}

/** The demo programme, validated, with defaults applied. */
export const DEMO_PROGRAMME: Programme = demoProgramme()
