import type { CouponTemplate } from '@shared/coupon'
import { DEMO_COUPON_TEMPLATES } from '../../../emulator/seed/demo/couponTemplates'

function demoTemplate(id: string): CouponTemplate {
  const found = DEMO_COUPON_TEMPLATES.find((candidate) => candidate.id === id)
  if (!found) throw new Error(`no demo template ${id}`)
  return found
}

/** The demo ¥5-off-¥30 template: 30 days' validity, two per member. */
export const FIVE_OFF_THIRTY = demoTemplate('five-off-thirty')
