import type { CouponTemplateInput } from '@shared/coupon'
import type { FunctionHarness } from '../support/functionHarness'

/** Writes a coupon template as an admin would: ¥5 off ¥30, 7 days, open to everyone unless overridden. */
export async function insertTemplate(
  harness: FunctionHarness,
  overrides: Partial<CouponTemplateInput> & {
    readonly id: string
    readonly issued?: number
    readonly status?: 'active' | 'retired'
  },
): Promise<string> {
  const { id, ...fields } = overrides
  await harness.db.collection('coupon_templates').add({
    data: {
      _id: id,
      title: '测试券',
      description: '测试用',
      benefit: { kind: 'cashOff', amountOffFen: 500, minSpendFen: 3000 },
      validity: { kind: 'afterIssue', days: 7 },
      totalQuantity: null,
      perMemberLimit: 1,
      tierIds: [],
      claimWindow: null,
      issued: 0,
      ...fields,
    },
  })
  return id
}

/** How many coupons of a template exist, and the template's issued count. */
export async function issuedOf(
  harness: FunctionHarness,
  templateId: string,
): Promise<{ coupons: number; issued: number }> {
  const [{ total }, { data }] = await Promise.all([
    harness.db.collection('coupons').where({ templateId }).count(),
    harness.db.collection('coupon_templates').doc(templateId).get(),
  ])
  return { coupons: total, issued: data.issued }
}
