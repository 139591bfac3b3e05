import { type CouponBenefit, discountFor } from '@shared/coupon'
import fc from 'fast-check'

const fiveOffThirty: CouponBenefit = { kind: 'cashOff', amountOffFen: 500, minSpendFen: 3000 }
const tenOffNoMinimum: CouponBenefit = { kind: 'cashOff', amountOffFen: 1000, minSpendFen: 0 }
const eightFiveCappedAtTen: CouponBenefit = { kind: 'percentOff', payPercent: 85, maxDiscountFen: 1000, minSpendFen: 0 }
const eightFiveUncapped: CouponBenefit = { kind: 'percentOff', payPercent: 85, maxDiscountFen: null, minSpendFen: 0 }
const halfPriceOverTwenty: CouponBenefit = {
  kind: 'percentOff',
  payPercent: 50,
  maxDiscountFen: null,
  minSpendFen: 2000,
}
const freeCoffee: CouponBenefit = { kind: 'exchange', itemName: '美式咖啡', valueFen: 2200 }

describe('discountFor', () => {
  it.each([
    ['cash off at exactly the minimum spend', fiveOffThirty, 3000, 500],
    ['cash off above the minimum spend', fiveOffThirty, 4560, 500],
    ['cash off with no minimum, never more than the order', tenOffNoMinimum, 800, 800],
    ['cash off on an empty order with no minimum', tenOffNoMinimum, 0, 0],
    ['8.5 折 of ¥20', eightFiveUncapped, 2000, 300],
    ['8.5 折 of a ¥0.99 order, rounded down to the fen', eightFiveUncapped, 99, 14],
    ['8.5 折 of a 1-fen order', eightFiveUncapped, 1, 0],
    ['8.5 折 just under its cap', eightFiveCappedAtTen, 6666, 999],
    ['8.5 折 reaching its cap', eightFiveCappedAtTen, 6667, 1000],
    ['8.5 折 far beyond its cap', eightFiveCappedAtTen, 1_000_000, 1000],
    ['half price at exactly its minimum spend', halfPriceOverTwenty, 2000, 1000],
    ['an exchange coupon on a larger order', freeCoffee, 3500, 2200],
    ['an exchange coupon on a cheaper order', freeCoffee, 1800, 1800],
    ['an exchange coupon on an empty order', freeCoffee, 0, 0],
    ['8.5 折 of the largest safe order, exactly', eightFiveUncapped, Number.MAX_SAFE_INTEGER, 1351079888211148],
    ['cash off on the largest safe order', fiveOffThirty, Number.MAX_SAFE_INTEGER, 500],
  ])('gives %s', (_, benefit, orderAmountFen, discountFen) => {
    expect(discountFor({ benefit, orderAmountFen })).toEqual({
      ok: true,
      data: { discountFen, payableFen: orderAmountFen - discountFen },
    })
  })

  it.each([
    ['cash off', fiveOffThirty, 2999, '满 ¥30.00 可用，还差 ¥0.01'],
    ['cash off', fiveOffThirty, 2650, '还差 ¥3.50'],
    ['cash off', fiveOffThirty, 0, '还差 ¥30.00'],
    ['a discount rate', halfPriceOverTwenty, 1999, '满 ¥20.00 可用，还差 ¥0.01'],
  ])('refuses %s one step below its threshold, saying how much more to spend', (_, benefit, orderAmountFen, detail) => {
    const result = discountFor({ benefit, orderAmountFen })
    expect(result).toMatchObject({ ok: false, code: 'COUPON_THRESHOLD_NOT_MET' })
    expect(!result.ok && result.message).toContain(detail)
  })

  it.each([[-1], [10.5], [Number.NaN], [Number.MAX_SAFE_INTEGER + 1]])(
    'throws on an order of %d fen, which the boundary should have refused',
    (orderAmountFen) => {
      expect(() => discountFor({ benefit: freeCoffee, orderAmountFen })).toThrow(RangeError)
    },
  )

  const benefitArbitrary: fc.Arbitrary<CouponBenefit> = fc.oneof(
    fc.record({
      kind: fc.constant('cashOff' as const),
      amountOffFen: fc.integer({ min: 1, max: 10_000_000 }),
      minSpendFen: fc.integer({ min: 0, max: 10_000_000 }),
    }),
    fc.record({
      kind: fc.constant('percentOff' as const),
      payPercent: fc.integer({ min: 1, max: 99 }),
      maxDiscountFen: fc.option(fc.integer({ min: 1, max: 10_000_000 }), { nil: null }),
      minSpendFen: fc.integer({ min: 0, max: 10_000_000 }),
    }),
    fc.record({
      kind: fc.constant('exchange' as const),
      itemName: fc.constant('咖啡'),
      valueFen: fc.integer({ min: 1, max: 10_000_000 }),
    }),
  )

  it('never discounts more than the order, and discount plus payable is the order, in whole fen', () => {
    fc.assert(
      fc.property(benefitArbitrary, fc.maxSafeNat(), (benefit, orderAmountFen) => {
        const result = discountFor({ benefit, orderAmountFen })
        if (!result.ok) {
          expect(benefit.kind).not.toBe('exchange')
          return
        }
        const { discountFen, payableFen } = result.data
        expect(Number.isSafeInteger(discountFen) && Number.isSafeInteger(payableFen)).toBe(true)
        expect(discountFen).toBeGreaterThanOrEqual(0)
        expect(discountFen).toBeLessThanOrEqual(orderAmountFen)
        expect(discountFen + payableFen).toBe(orderAmountFen)
      }),
    )
  })

  it('rounds a discount rate exactly as big-integer arithmetic does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), fc.maxSafeNat(), (payPercent, orderAmountFen) => {
        const benefit: CouponBenefit = { kind: 'percentOff', payPercent, maxDiscountFen: null, minSpendFen: 0 }
        const expected = (BigInt(orderAmountFen) * BigInt(100 - payPercent)) / 100n
        const result = discountFor({ benefit, orderAmountFen })
        expect(result.ok && BigInt(result.data.discountFen)).toBe(expected)
      }),
    )
  })
})
