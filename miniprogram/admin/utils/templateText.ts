import type { AdminCouponTemplateView, IssueCouponResult } from '@shared/contracts'

/** How many of a template have been issued, of how many: `已发 12 / 100`, or `已发 12 · 不限量`. */
export function issuedText(template: Pick<AdminCouponTemplateView, 'issued' | 'totalQuantity'>): string {
  return template.totalQuantity === null
    ? `已发 ${template.issued} · 不限量`
    : `已发 ${template.issued} / ${template.totalQuantity}`
}

type Outcome = IssueCouponResult['outcomes'][number]

const REFUSAL_TEXT: Readonly<Record<NonNullable<Outcome['refusal']>, string>> = {
  MEMBER_NOT_FOUND: '未发放：会员不存在',
  MEMBER_OF_OTHER_STORE: '未发放：不是本店会员',
  SOLD_OUT: '未发放：已达发放总量',
}

/** One member's outcome of an issue request, in words. */
export function outcomeText(outcome: Outcome): string {
  return outcome.refusal === null ? '已发放' : REFUSAL_TEXT[outcome.refusal]
}
