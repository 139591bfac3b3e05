import type { Wallet, WalletCoupon } from '@shared/contracts'
import { type CouponBenefit, type CouponValidity, storeListText } from '@shared/coupon'
import { formatFen } from '@shared/money'
import { formatDateTime } from './formatTime'

/** Yuan as a member reads them in a coupon's headline: 3000 → `30`, 550 → `5.5`, 5 → `0.05`. */
export function plainYuan(fen: number): string {
  return formatFen(fen)
    .replace('¥', '')
    .replace(/\.00$/, '')
    .replace(/(\.\d)0$/, '$1')
}

/** A pay percentage as a discount rate: 85 → `8.5 折`, 80 → `8 折`. */
export function discountRateText(payPercent: number): string {
  // Tenths of a 折 are percent ÷ 10, which is how fen read as yuan: 850 → 8.5.
  return `${plainYuan(payPercent * 10)} 折`
}

/** What a coupon gives, in words: `满 30 减 5`, `8.5 折 最高减 10 元`, `兑换：中杯美式咖啡`. */
export function benefitText(benefit: CouponBenefit): string {
  switch (benefit.kind) {
    case 'cashOff':
      return benefit.minSpendFen === 0
        ? `无门槛减 ${plainYuan(benefit.amountOffFen)} 元`
        : `满 ${plainYuan(benefit.minSpendFen)} 减 ${plainYuan(benefit.amountOffFen)}`
    case 'percentOff': {
      const threshold = benefit.minSpendFen === 0 ? '' : `满 ${plainYuan(benefit.minSpendFen)} 享 `
      const cap = benefit.maxDiscountFen === null ? '' : ` 最高减 ${plainYuan(benefit.maxDiscountFen)} 元`
      return `${threshold}${discountRateText(benefit.payPercent)}${cap}`
    }
    case 'exchange':
      return `兑换：${benefit.itemName}`
  }
}

/** The last minute inside a window whose end is exclusive: a coupon ending at midnight reads `23:59`. */
export function lastMinuteText(endExclusiveMs: number): string {
  return formatDateTime(endExclusiveMs - 1)
}

/** How long coupons of a template last, before any is issued: `领取后 30 天内有效` or fixed dates. */
export function templateValidityText(validity: CouponValidity): string {
  return validity.kind === 'afterIssue'
    ? `领取后 ${validity.days} 天内有效`
    : `${formatDateTime(validity.startsAtMs)} 至 ${lastMinuteText(validity.endsAtMs)} 有效`
}

/** An issued coupon's validity: `有效期至 …`, with the start for one that is not valid yet. */
export function couponValidityText(coupon: Pick<WalletCoupon, 'state' | 'validFromMs' | 'validUntilMs'>): string {
  const until = `有效期至 ${lastMinuteText(coupon.validUntilMs)}`
  return coupon.state === 'notYetValid' ? `${formatDateTime(coupon.validFromMs)} 起可用，${until}` : until
}

/**
 * Where a coupon limited to stores may be used, so the counter holds no surprise: `限 小满咖啡 · 国贸店
 * 使用` (`限指定门店使用` when no name is known); null for a coupon valid in every store.
 */
export function couponStoresText(
  coupon: Pick<WalletCoupon, 'storeIds'>,
  storeNames: Wallet['storeNames'],
): string | null {
  if (coupon.storeIds.length === 0) return null
  const stores = storeListText(coupon.storeIds, storeNames)
  return stores === null ? '限指定门店使用' : `限 ${stores} 使用`
}
