import { formatFen } from '../money'
import { err, ok, type Result } from '../result'
import type { CouponBenefit } from './template'

/** What a coupon takes off an order, and what is left to pay. */
export interface CouponDiscount {
  readonly discountFen: number
  readonly payableFen: number
}

const PERCENT = 100

/**
 * `amountFen × percent / 100`, rounded down, without ever forming the full product: splitting the
 * amount into whole yuan and leftover fen keeps every intermediate below the amount itself, so any
 * safe-integer order gives the exact answer.
 */
function percentOfFloor(amountFen: number, percent: number): number {
  const wholeHundreds = Math.floor(amountFen / PERCENT)
  const remainder = amountFen % PERCENT
  return wholeHundreds * percent + Math.floor((remainder * percent) / PERCENT)
}

function thresholdNotMet(minSpendFen: number, orderAmountFen: number) {
  return err(
    'COUPON_THRESHOLD_NOT_MET',
    `满 ${formatFen(minSpendFen)} 可用，还差 ${formatFen(minSpendFen - orderAmountFen)}`,
  )
}

/**
 * The discount a coupon's benefit gives on an order of `orderAmountFen`. Cash off and discount-rate
 * coupons need the order to reach their minimum spend; a discount rate rounds the discount down to
 * the fen (the shop never gives away a fraction) and is capped by `maxDiscountFen`; an exchange
 * coupon takes off the item's value. No discount ever exceeds the order. Throws when the order is not
 * a whole, non-negative number of fen (amounts are validated where they enter).
 */
export function discountFor(options: {
  benefit: CouponBenefit
  orderAmountFen: number
}): Result<CouponDiscount, 'COUPON_THRESHOLD_NOT_MET'> {
  const { benefit, orderAmountFen } = options
  if (!Number.isSafeInteger(orderAmountFen) || orderAmountFen < 0) {
    throw new RangeError(`order amount must be whole, non-negative fen: ${orderAmountFen}`)
  }
  let discountFen: number
  switch (benefit.kind) {
    case 'cashOff':
      if (orderAmountFen < benefit.minSpendFen) return thresholdNotMet(benefit.minSpendFen, orderAmountFen)
      discountFen = benefit.amountOffFen
      break
    case 'percentOff': {
      if (orderAmountFen < benefit.minSpendFen) return thresholdNotMet(benefit.minSpendFen, orderAmountFen)
      const uncappedFen = percentOfFloor(orderAmountFen, PERCENT - benefit.payPercent)
      discountFen = benefit.maxDiscountFen === null ? uncappedFen : Math.min(uncappedFen, benefit.maxDiscountFen)
      break
    }
    case 'exchange':
      discountFen = benefit.valueFen
      break
  }
  discountFen = Math.min(discountFen, orderAmountFen)
  return ok({ discountFen, payableFen: orderAmountFen - discountFen })
}
