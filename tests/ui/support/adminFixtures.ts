import type {
  AdminCouponTemplateResult,
  AdminCouponTemplateView,
  AdminItemResult,
  AdminItemView,
  JobOutcome,
  JobState,
  JobSummary,
  StaffMe,
} from '@shared/contracts'

/** The brand admin, who acts for every store. */
export const ADMIN: StaffMe = { role: 'admin', storeId: null, storeName: null, name: '品牌管理员' }

/** 2026-05-01 00:00:05 China Standard Time: the expiry run of that day began. */
export const RUN_STARTED_MS = Date.UTC(2026, 3, 30, 16, 0, 5)

export const SUMMARY: JobSummary = { scanned: 120, affected: 7, effects: 9, points: 430, skipped: 2, invocations: 1 }

/** A job's state on the jobs screen: by default, expiry done for today. */
export function jobStateOf(fields: Partial<JobState> = {}): JobState {
  return {
    job: 'expirePoints',
    period: '2026-05-01',
    status: 'done',
    startedAtMs: RUN_STARTED_MS,
    heartbeatAtMs: RUN_STARTED_MS + 30_000,
    finishedAtMs: RUN_STARTED_MS + 31_000,
    summary: SUMMARY,
    overdue: false,
    ...fields,
  }
}

/** What `jobs.run` answers. */
export function jobOutcomeOf(fields: Partial<JobOutcome> = {}): JobOutcome {
  return { job: 'expirePoints', period: '2026-05-01', dryRun: false, outcome: 'finished', summary: SUMMARY, ...fields }
}

/** An item as the catalogue screen lists it: by default a pickup gift on sale. */
export function adminItemOf(fields: Partial<AdminItemView> = {}): AdminItemView {
  return {
    id: 'latte-cup',
    title: '拿铁随行杯',
    description: '限量款',
    image: null,
    kind: 'pickup',
    couponTemplateId: null,
    pointsPrice: 800,
    stock: 40,
    sold: 12,
    held: 3,
    perMemberLimit: 2,
    tierIds: [],
    saleStartsAtMs: null,
    saleEndsAtMs: null,
    status: 'onSale',
    ...fields,
  }
}

/** What an admin write of an item answers. */
export function itemResultOf(item: AdminItemView, created = false): AdminItemResult {
  return { item, changes: {}, created }
}

/** A coupon template as the template screen lists it: by default ¥5 off ¥30 for 30 days, 12 of 100 issued. */
export function adminTemplateOf(fields: Partial<AdminCouponTemplateView> = {}): AdminCouponTemplateView {
  return {
    id: 'five-off-thirty',
    title: '满30减5',
    description: '全场通用',
    benefit: { kind: 'cashOff', amountOffFen: 500, minSpendFen: 3000 },
    validity: { kind: 'afterIssue', days: 30 },
    totalQuantity: 100,
    perMemberLimit: 1,
    tierIds: [],
    claimWindow: null,
    storeIds: [],
    issued: 12,
    status: 'active',
    ...fields,
  }
}

/** What an admin write of a template answers. */
export function templateResultOf(template: AdminCouponTemplateView, created = false): AdminCouponTemplateResult {
  return { template, changes: {}, created }
}
