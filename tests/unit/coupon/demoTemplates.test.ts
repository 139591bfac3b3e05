import { discountFor } from '@shared/coupon'
import { DEMO_COUPON_TEMPLATE_INPUTS, DEMO_COUPON_TEMPLATES } from '../../../emulator/seed/demo/couponTemplates'
import { DEMO_PROGRAMME } from '../../../emulator/seed/demo/programme'

describe('the demo coupon templates', () => {
  it('are the validated form of what the admin wrote', () => {
    expect(DEMO_COUPON_TEMPLATES).toEqual(DEMO_COUPON_TEMPLATE_INPUTS)
  })

  it('have unique ids and name only tiers of the demo programme', () => {
    const ids = DEMO_COUPON_TEMPLATES.map((template) => template.id)
    expect(new Set(ids).size).toBe(ids.length)
    const tierIds = new Set(DEMO_PROGRAMME.tiers.map((tier) => tier.id))
    for (const template of DEMO_COUPON_TEMPLATES) {
      for (const tierId of template.tierIds) expect(tierIds).toContain(tierId)
    }
  })

  it('give ¥5 off ¥30, 8.5 折 capped at ¥10, and a free coffee', () => {
    const [cashOff, percentOff, exchange] = DEMO_COUPON_TEMPLATES.map((template) => template.benefit)
    if (!cashOff || !percentOff || !exchange) throw new Error('expected three demo templates')
    expect(discountFor({ benefit: cashOff, orderAmountFen: 3000 })).toEqual({
      ok: true,
      data: { discountFen: 500, payableFen: 2500 },
    })
    expect(discountFor({ benefit: percentOff, orderAmountFen: 10_000 })).toEqual({
      ok: true,
      data: { discountFen: 1000, payableFen: 9000 },
    })
    expect(discountFor({ benefit: exchange, orderAmountFen: 2200 })).toEqual({
      ok: true,
      data: { discountFen: 2200, payableFen: 0 },
    })
  })
})
