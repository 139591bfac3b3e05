import { STAFF_PURCHASE_AMOUNT_FEN_MAX } from '@shared/contracts'
import fc from 'fast-check'
import { inviteCodeOf } from '@/staff/utils/inviteCode'
import {
  KEYPAD_KEYS,
  KEYPAD_WHOLE_DIGITS_MAX,
  type KeypadKey,
  pressKey,
  purchaseFenOf,
} from '@/staff/utils/keypadAmount'
import { scannedCodeOf } from '@/staff/utils/scannedCode'
import { auditDetailText, roleText, signedPointsText, usageText } from '@/staff/utils/staffText'
import { fenOfYuanText } from '@/utils/yuanInput'

function typed(keys: readonly KeypadKey[]): string {
  return keys.reduce(pressKey, '')
}

describe('the keypad', () => {
  it.each([
    ['digits', ['8', '8'], '88'],
    ['a decimal point', ['8', 'dot', '5'], '8.5'],
    ['a decimal point first', ['dot', '5'], '0.5'],
    ['a second decimal point (ignored)', ['1', 'dot', '2', 'dot', '3'], '1.23'],
    ['a third decimal (ignored)', ['1', 'dot', '2', '3', '4'], '1.23'],
    ['leading zeros (dropped)', ['0', '0', '7'], '7'],
    ['delete', ['1', '2', 'delete'], '1'],
    ['delete on nothing', ['delete'], ''],
    ['an eighth whole digit (ignored)', ['1', '0', '0', '0', '0', '0', '0', '0'], '1000000'],
  ] as const)('takes %s', (_case, keys, text) => {
    expect(typed(keys)).toBe(text)
  })

  it('reads the amount as fen, nothing while it is empty, zero or too large', () => {
    expect(purchaseFenOf('88')).toBe(8800)
    expect(purchaseFenOf('88.')).toBe(8800)
    expect(purchaseFenOf('0.05')).toBe(5)
    expect(purchaseFenOf('')).toBeNull()
    expect(purchaseFenOf('0.00')).toBeNull()
    expect(purchaseFenOf('1000000')).toBe(STAFF_PURCHASE_AMOUNT_FEN_MAX)
    expect(purchaseFenOf('1000000.01')).toBeNull()
    expect(KEYPAD_WHOLE_DIGITS_MAX).toBe(7)
  })

  it('always shows an amount the API takes or nothing, whatever is typed', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...KEYPAD_KEYS), { maxLength: 30 }), (keys) => {
        const text = typed(keys)
        expect(text).toMatch(/^(\d{0,7}|\d{1,7}\.\d{0,2})$/)
        const fen = purchaseFenOf(text)
        if (fen !== null) {
          expect(Number.isSafeInteger(fen)).toBe(true)
          expect(fen).toBeGreaterThan(0)
          expect(fen).toBeLessThanOrEqual(STAFF_PURCHASE_AMOUNT_FEN_MAX)
          expect(fen).toBe(Math.round(Number(text) * 100))
        }
      }),
    )
  })

  it('keeps coupon amounts to their own maximum unless told otherwise', () => {
    expect(fenOfYuanText('1000000')).toBeNull()
    expect(fenOfYuanText('1000000', STAFF_PURCHASE_AMOUNT_FEN_MAX)).toBe(STAFF_PURCHASE_AMOUNT_FEN_MAX)
  })
})

describe('scannedCodeOf', () => {
  it.each([
    ['a member code', ' M1.m_a1.x.y.z.s ', { kind: 'member', token: 'M1.m_a1.x.y.z.s' }],
    ['a coupon code', 'C1.c_1.x.y.z.s', { kind: 'coupon', token: 'C1.c_1.x.y.z.s' }],
    ['a pickup code', '48213906', { kind: 'pickup', pickupCode: '48213906' }],
    ['a barcode’s numeric member code', '881234567890123456', { kind: 'member', token: '881234567890123456' }],
    ['the numeric code typed in groups', '88 1234 5678 9012 3456', { kind: 'member', token: '881234567890123456' }],
    ['18 digits not starting 88', '691234567890123456', { kind: 'unknown' }],
    ['a numeric member code one digit short', '88123456789012345', { kind: 'unknown' }],
    ['a short number', '4821390', { kind: 'unknown' }],
    ['a web address', 'https://example.com/M1.', { kind: 'unknown' }],
    ['a lowercase letter', 'm1.m_a1', { kind: 'unknown' }],
  ])('reads %s', (_case, text, code) => {
    expect(scannedCodeOf(text)).toEqual(code)
  })
})

describe('inviteCodeOf', () => {
  it.each([
    ['the code', ' Ab3dE5gH9k ', 'Ab3dE5gH9k'],
    ['the invite path', 'staff/pages/invite/index?code=Ab3dE5gH9k', 'Ab3dE5gH9k'],
    ['a link with more parameters', '/staff/pages/invite/index?from=x&code=Ab3dE5gH9k&y=1', 'Ab3dE5gH9k'],
    ['a code of the wrong length', 'Ab3dE5gH9', null],
    ['a malformed escape', 'index?code=%E4%zz', null],
    ['nothing', '', null],
  ])('reads %s', (_case, text, code) => {
    expect(inviteCodeOf(text)).toBe(code)
  })
})

describe('staff wording', () => {
  it('names roles and signs points', () => {
    expect([roleText('staff'), roleText('manager'), roleText('admin')]).toEqual(['店员', '店长', '管理员'])
    expect([signedPointsText(88), signedPointsText(-88), signedPointsText(0)]).toEqual([
      '+88 积分',
      '-88 积分',
      '0 积分',
    ])
  })

  it('says who used something first, with the store when known', () => {
    const usage = {
      byOpenid: 'o',
      byName: '小林',
      storeId: 'store-1',
      storeName: '1 号店',
      atMs: Date.UTC(2026, 4, 1, 2),
    }
    expect(usageText(usage, '核销')).toBe('已于 2026-05-01 10:00 由 小林 在 1 号店核销')
    expect(usageText({ ...usage, storeName: null }, '核销')).toBe('已于 2026-05-01 10:00 由 小林 在 store-1核销')
    expect(usageText({ ...usage, storeName: null, storeId: null }, '领取')).toBe('已于 2026-05-01 10:00 由 小林领取')
  })

  it('summarises an audit entry', () => {
    const entry = {
      id: 'a',
      action: 'reversePurchase',
      operatorOpenid: 'o',
      operatorName: '王店长',
      operatorRole: 'manager',
      storeId: 'store-1',
      memberId: 'm',
      amountFen: 8800,
      points: -88,
      balanceBefore: 100,
      balanceAfter: 12,
      subjectId: 'p',
      note: '顾客退货',
      reversed: false,
      createdAtMs: 0,
    } as const
    expect(auditDetailText(entry)).toBe('¥88.00 · -88 积分 · 顾客退货 · 王店长')
    expect(auditDetailText({ ...entry, amountFen: null, points: null, note: '' })).toBe('王店长')
  })
})
