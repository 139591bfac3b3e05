import { err, ok, type Result } from '../result'
import type { Coupon } from './coupon'

/** The stores a coupon is limited to; empty for every store (so for coupons issued before templates named stores). */
export function couponStoreIds(coupon: Pick<Coupon, 'storeIds'>): readonly string[] {
  return coupon.storeIds ?? []
}

/**
 * Whether staff of `storeId` may verify a coupon: a coupon without a store list in any store, a
 * limited one only in a listed store. Admins verify with no store (`storeId` null, and the use is
 * recorded at no store, as `staff.verifyCoupon` records it), so a limited coupon refuses them: its
 * use could not be put down to any of its stores. Says nothing about time or use (`redeemability`).
 */
export function storeUsability(options: {
  readonly coupon: Pick<Coupon, 'storeIds'>
  readonly storeId: string | null
}): Result<void, 'COUPON_NOT_VALID_IN_STORE'> {
  const storeIds = couponStoreIds(options.coupon)
  if (storeIds.length === 0) return ok(undefined)
  return options.storeId !== null && storeIds.includes(options.storeId)
    ? ok(undefined)
    : err('COUPON_NOT_VALID_IN_STORE')
}

/**
 * The stores of a limited coupon in words, `小满咖啡 · 国贸店、小满咖啡 · 西湖店`, or with some names
 * unknown (a store since removed) `小满咖啡 · 国贸店 等 3 家门店`; null when no name is known.
 */
export function storeListText(
  storeIds: readonly string[],
  storeNames: Readonly<Record<string, string>>,
): string | null {
  const names = storeIds.flatMap((storeId) => {
    // Own names only: a store id may well read `constructor`.
    const name = Object.hasOwn(storeNames, storeId) ? storeNames[storeId] : undefined
    return name === undefined ? [] : [name]
  })
  if (names.length === 0) return null
  const listed = names.join('、')
  return names.length === storeIds.length ? listed : `${listed} 等 ${storeIds.length} 家门店`
}
