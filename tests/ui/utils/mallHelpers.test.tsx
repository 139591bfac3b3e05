import { COUPON_CODE_TTL_MS } from '@shared/codes'
import type { CouponBenefit } from '@shared/coupon'
import { ERROR_MESSAGES } from '@shared/errors'
import { COUPON_CODE_REFRESH_MARGIN_MS, couponCodeRefreshAtMs } from '@/utils/couponCodeTiming'
import {
  benefitText,
  couponValidityText,
  discountRateText,
  lastMinuteText,
  plainYuan,
  templateValidityText,
} from '@/utils/couponText'
import {
  LOW_STOCK_THRESHOLD,
  orderStatusText,
  reasonText,
  saleWindowText,
  stockText,
  tierNamesText,
} from '@/utils/mallText'
import { claimFailureText, isOutcomeUnknown, redeemFailureText } from '@/utils/refusals'
import { newRequestId, REQUEST_ID_LENGTH } from '@/utils/requestId'
import { couponsOfTab, walletTabOf } from '@/utils/walletTabs'
import { fenOfYuanText } from '@/utils/yuanInput'
import { couponOf, itemOf } from '../support/mallFixtures'

const TIERS = [
  { id: 'silver', name: '银卡会员' },
  { id: 'gold', name: '金卡会员' },
  { id: 'black', name: '黑金会员' },
]
const MAY_1_SHANGHAI_MIDNIGHT_MS = Date.UTC(2026, 3, 30, 16, 0)

describe('coupon text', () => {
  it.each([
    [3000, '30'],
    [550, '5.5'],
    [505, '5.05'],
    [5, '0.05'],
    [0, '0'],
  ])('reads %i fen as %s yuan', (fen, text) => {
    expect(plainYuan(fen)).toBe(text)
  })

  it.each([
    [85, '8.5 折'],
    [80, '8 折'],
    [5, '0.5 折'],
    [99, '9.9 折'],
  ])('reads paying %i%% as %s', (percent, text) => {
    expect(discountRateText(percent)).toBe(text)
  })

  it.each<[string, CouponBenefit, string]>([
    ['cash off with a threshold', { kind: 'cashOff', amountOffFen: 500, minSpendFen: 3000 }, '满 30 减 5'],
    ['cash off without one', { kind: 'cashOff', amountOffFen: 1000, minSpendFen: 0 }, '无门槛减 10 元'],
    [
      'a capped discount rate',
      { kind: 'percentOff', payPercent: 85, maxDiscountFen: 1000, minSpendFen: 0 },
      '8.5 折 最高减 10 元',
    ],
    [
      'a discount rate with a threshold and no cap',
      { kind: 'percentOff', payPercent: 90, maxDiscountFen: null, minSpendFen: 5000 },
      '满 50 享 9 折',
    ],
    ['an exchange', { kind: 'exchange', itemName: '美式咖啡', valueFen: 2200 }, '兑换：美式咖啡'],
  ])('says what %s gives', (_case, benefit, text) => {
    expect(benefitText(benefit)).toBe(text)
  })

  it('shows an exclusive end as the last minute before it, in China time', () => {
    expect(lastMinuteText(MAY_1_SHANGHAI_MIDNIGHT_MS)).toBe('2026-04-30 23:59')
  })

  it('describes template validity before any coupon is issued', () => {
    expect(templateValidityText({ kind: 'afterIssue', days: 30 })).toBe('领取后 30 天内有效')
    expect(
      templateValidityText({
        kind: 'fixed',
        startsAtMs: Date.UTC(2026, 4, 1, 2, 0),
        endsAtMs: MAY_1_SHANGHAI_MIDNIGHT_MS + 31 * 86_400_000,
      }),
    ).toBe('2026-05-01 10:00 至 2026-05-31 23:59 有效')
  })

  it('gives an issued coupon its expiry, and its start when it is not valid yet', () => {
    expect(couponValidityText(couponOf())).toBe('有效期至 2026-05-30 23:59')
    expect(couponValidityText(couponOf({ state: 'notYetValid' }))).toBe(
      '2026-05-01 10:00 起可用，有效期至 2026-05-30 23:59',
    )
  })
})

describe('mall text', () => {
  it.each([
    [0, '售罄'],
    [1, '仅剩 1 件'],
    [LOW_STOCK_THRESHOLD, `仅剩 ${LOW_STOCK_THRESHOLD} 件`],
    [LOW_STOCK_THRESHOLD + 1, null],
  ])('shows stock %i as %p', (stock, text) => {
    expect(stockText(stock)).toBe(text)
  })

  it('names tiers as the programme does, keeping unknown ids', () => {
    expect(tierNamesText(['gold', 'black'], TIERS)).toBe('金卡会员 / 黑金会员')
    expect(tierNamesText(['vip'], TIERS)).toBe('vip')
  })

  it.each([
    [null, null, null],
    [Date.UTC(2026, 4, 1, 2, 0), null, '2026-05-01 10:00 开始兑换'],
    [null, Date.UTC(2026, 4, 1, 2, 0), '兑换截止 2026-05-01 10:00'],
    [Date.UTC(2026, 4, 1, 2, 0), Date.UTC(2026, 4, 2, 2, 0), '兑换时间 2026-05-01 10:00 至 2026-05-02 10:00'],
  ])('describes a sale from %p to %p', (saleStartsAtMs, saleEndsAtMs, text) => {
    expect(saleWindowText({ saleStartsAtMs, saleEndsAtMs })).toBe(text)
  })

  const nowMs = Date.UTC(2026, 4, 10)
  it.each([
    ['nothing in the way', itemOf(), null],
    ['a visitor', itemOf({ reason: 'NOT_A_MEMBER' }), '加入会员后即可兑换'],
    ['a sale not begun', itemOf({ reason: 'NOT_ON_SALE', saleStartsAtMs: nowMs + 1 }), '2026-05-10 08:00 开始兑换'],
    ['a sale over', itemOf({ reason: 'NOT_ON_SALE', saleEndsAtMs: nowMs }), '兑换已结束'],
    ['an item taken off sale', itemOf({ reason: 'NOT_ON_SALE' }), '商品暂不可兑换'],
    ['a tier restriction', itemOf({ reason: 'TIER_REQUIRED', tierIds: ['black'] }), '仅限黑金会员兑换'],
    ['the limit', itemOf({ reason: 'LIMIT_REACHED', redeemedByMember: 1 }), '每人限兑 1 件，你已兑换 1 件'],
    ['no stock', itemOf({ reason: 'OUT_OF_STOCK', stock: 0 }), '已兑完，暂无库存'],
    ['too few points', itemOf({ reason: 'POINTS_INSUFFICIENT' }), '积分不足，还差 180 积分'],
  ])('explains %s', (_case, item, text) => {
    expect(reasonText(item, { balance: 120, tiers: TIERS, nowMs })).toBe(text)
  })

  it('names every order status, and says when the pickup window ran out', () => {
    expect(
      (['awaitingPickup', 'pickedUp', 'cancelled'] as const).map((status) =>
        orderStatusText({ status, cancelledBy: null }),
      ),
    ).toEqual(['待领取', '已领取', '已取消'])
    expect(orderStatusText({ status: 'cancelled', cancelledBy: 'member' })).toBe('已取消')
    expect(orderStatusText({ status: 'cancelled', cancelledBy: 'expiry' })).toBe('已过期自动取消')
  })
})

describe('refusal messages', () => {
  it.each([
    ['POINTS_INSUFFICIENT', '可用 50 积分，需要 100 积分', '积分不足，暂不能兑换（可用 50 积分，需要 100 积分）'],
    ['OUT_OF_STOCK', ERROR_MESSAGES.OUT_OF_STOCK, '库存不足，该商品已被兑完'],
    ['LIMIT_REACHED', '每人限兑 1 件', '已达到每人兑换上限（每人限兑 1 件）'],
    ['TIER_REQUIRED', ERROR_MESSAGES.TIER_REQUIRED, '会员等级不足，暂不能兑换'],
    ['NOT_ON_SALE', ERROR_MESSAGES.NOT_ON_SALE, '商品不在兑换时间内'],
    ['NETWORK_ERROR', ERROR_MESSAGES.NETWORK_ERROR, '网络异常，兑换结果未确认，请点击重试'],
    ['INVALID_INPUT', '输入有误：itemId', '输入有误：itemId'],
  ] as const)('explains a redemption refused with %s', (code, message, text) => {
    expect(redeemFailureText(code, message)).toBe(text)
  })

  it.each([
    ['SOLD_OUT', ERROR_MESSAGES.SOLD_OUT, '优惠券已领完'],
    ['CLAIM_NOT_OPEN', ERROR_MESSAGES.CLAIM_NOT_OPEN, '优惠券不在领取时间内'],
    ['LIMIT_REACHED', '每人限领 2 张', '已达到每人领取上限（每人限领 2 张）'],
    ['TIER_REQUIRED', ERROR_MESSAGES.TIER_REQUIRED, '会员等级不足，暂不能领取'],
  ] as const)('explains a claim refused with %s', (code, message, text) => {
    expect(claimFailureText(code, message)).toBe(text)
  })

  it('treats only transport and server failures as an unknown outcome', () => {
    expect(isOutcomeUnknown('NETWORK_ERROR')).toBe(true)
    expect(isOutcomeUnknown('INTERNAL')).toBe(true)
    expect(isOutcomeUnknown('POINTS_INSUFFICIENT')).toBe(false)
  })
})

describe('newRequestId', () => {
  it('makes 16 url-safe characters the API accepts, different each time', () => {
    const ids = Array.from({ length: 50 }, () => newRequestId())
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/)
    expect(new Set(ids).size).toBe(ids.length)
    expect(REQUEST_ID_LENGTH).toBe(16)
  })

  it('maps each random byte to one symbol of the alphabet', () => {
    const bytes = (count: number) =>
      Uint8Array.from({ length: count }, (_, index) => [0, 25, 26, 62, 63, 64][index % 6] ?? 0)
    expect(newRequestId(bytes)).toBe('AZa-_AAZa-_AAZa-')
  })

  it('falls back to Math.random where the platform has no crypto', () => {
    const crypto = Object.getOwnPropertyDescriptor(globalThis, 'crypto')
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true })
    try {
      expect(newRequestId()).toMatch(/^[A-Za-z0-9_-]{16}$/)
    } finally {
      if (crypto) Object.defineProperty(globalThis, 'crypto', crypto)
    }
  })
})

describe('wallet tabs', () => {
  it('files a coupon not valid yet under 可使用', () => {
    expect(walletTabOf('notYetValid')).toBe('available')
    expect(walletTabOf('expired')).toBe('expired')
  })

  it('keeps the wallet order within a tab', () => {
    const coupons = [
      couponOf({ id: 'a' }),
      couponOf({ id: 'b', state: 'used' }),
      couponOf({ id: 'c', state: 'notYetValid' }),
      couponOf({ id: 'd', state: 'expired' }),
    ]
    expect(couponsOfTab(coupons, 'available').map((coupon) => coupon.id)).toEqual(['a', 'c'])
    expect(couponsOfTab(coupons, 'used').map((coupon) => coupon.id)).toEqual(['b'])
    expect(couponsOfTab(coupons, 'expired').map((coupon) => coupon.id)).toEqual(['d'])
  })
})

describe('fenOfYuanText', () => {
  it.each([
    ['36', 3600],
    ['36.5', 3650],
    ['36.05', 3605],
    [' 0.1 ', 10],
    ['100000', 10_000_000],
    ['100000.01', null],
    ['36.555', null],
    ['-3', null],
    ['1e3', null],
    ['', null],
    ['三十', null],
  ])('reads %p as %p fen', (text, fen) => {
    expect(fenOfYuanText(text)).toBe(fen)
  })
})

describe('couponCodeRefreshAtMs', () => {
  it('fetches the next code a margin before this one expires, by the device clock', () => {
    expect(couponCodeRefreshAtMs(1_000)).toBe(1_000 + COUPON_CODE_TTL_MS - COUPON_CODE_REFRESH_MARGIN_MS)
    expect(COUPON_CODE_REFRESH_MARGIN_MS).toBeLessThan(COUPON_CODE_TTL_MS)
  })
})
