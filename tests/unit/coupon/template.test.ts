import { type CouponTemplateInput, couponTemplateSchema, parseCouponTemplate } from '@shared/coupon'

const valid: CouponTemplateInput = {
  id: 'five-off-thirty',
  title: '满 30 减 5 元',
  benefit: { kind: 'cashOff', amountOffFen: 500, minSpendFen: 3000 },
  validity: { kind: 'afterIssue', days: 30 },
  totalQuantity: 100,
  perMemberLimit: 1,
  tierIds: [],
  claimWindow: null,
}

function messageFor(patch: Record<string, unknown>): string {
  const parsed = parseCouponTemplate({ ...valid, ...patch })
  if (parsed.ok) throw new Error('expected the template to be refused')
  expect(parsed.code).toBe('INVALID_INPUT')
  return parsed.message
}

describe('parseCouponTemplate', () => {
  it('accepts each kind of benefit and validity', () => {
    const templates: CouponTemplateInput[] = [
      valid,
      {
        ...valid,
        benefit: { kind: 'percentOff', payPercent: 85, maxDiscountFen: 1000, minSpendFen: 0 },
        validity: { kind: 'fixed', startsAtMs: 1_000, endsAtMs: 2_000 },
        claimWindow: { startsAtMs: 0, endsAtMs: 1_000 },
        totalQuantity: null,
        tierIds: ['silver', 'gold'],
        description: '最高优惠 10 元',
      },
      { ...valid, benefit: { kind: 'exchange', itemName: '美式咖啡', valueFen: 2200 } },
      { ...valid, storeIds: ['store-1', 'Store_2'] },
      { ...valid, storeIds: [] },
      { ...valid, storeIds: Array.from({ length: 20 }, (_, index) => `store-${index}`) },
    ]
    for (const template of templates) expect(parseCouponTemplate(template)).toEqual({ ok: true, data: template })
  })

  it('accepts a 20-character title and an uncapped discount rate at both ends of its range', () => {
    expect(parseCouponTemplate({ ...valid, title: '券'.repeat(20) }).ok).toBe(true)
    for (const payPercent of [1, 99]) {
      const benefit = { kind: 'percentOff', payPercent, maxDiscountFen: null, minSpendFen: 0 }
      expect(parseCouponTemplate({ ...valid, benefit }).ok).toBe(true)
    }
  })

  it.each([
    ['a 21-character title', { title: '券'.repeat(21) }, 'title: 标题不能超过 20 个字'],
    ['a blank title', { title: '  ' }, 'title: 标题不能为空'],
    ['an id with capitals', { id: 'Coupon' }, 'id: 只能包含小写字母'],
    [
      'a negative amount',
      { benefit: { kind: 'cashOff', amountOffFen: 500, minSpendFen: -1 } },
      'benefit.minSpendFen: 金额不能为负数',
    ],
    [
      'fractional fen',
      { benefit: { kind: 'cashOff', amountOffFen: 50.5, minSpendFen: 0 } },
      'benefit.amountOffFen: 金额必须是整数分',
    ],
    [
      'a zero cash-off amount',
      { benefit: { kind: 'cashOff', amountOffFen: 0, minSpendFen: 0 } },
      'benefit.amountOffFen: 金额必须大于 0',
    ],
    [
      'an amount above the maximum',
      { benefit: { kind: 'exchange', itemName: '咖啡', valueFen: 10_000_001 } },
      'benefit.valueFen: 金额不能超过 100000 元',
    ],
    [
      'an amount given in yuan as text',
      { benefit: { kind: 'exchange', itemName: '咖啡', valueFen: '22' } },
      'benefit.valueFen: 金额必须是数字',
    ],
    [
      'a pay percent of 100 (no discount)',
      { benefit: { kind: 'percentOff', payPercent: 100, maxDiscountFen: null, minSpendFen: 0 } },
      'benefit.payPercent: 折扣必须在 1–99 之间',
    ],
    [
      'a pay percent of 0',
      { benefit: { kind: 'percentOff', payPercent: 0, maxDiscountFen: null, minSpendFen: 0 } },
      'benefit.payPercent: 折扣必须在 1–99 之间',
    ],
    [
      'a pay percent written as a rate',
      { benefit: { kind: 'percentOff', payPercent: 8.5, maxDiscountFen: null, minSpendFen: 0 } },
      'benefit.payPercent: 折扣必须是整数百分比',
    ],
    ['an unknown benefit kind', { benefit: { kind: 'buyOneGetOne' } }, 'benefit'],
    [
      'fixed validity ending when it starts',
      { validity: { kind: 'fixed', startsAtMs: 5_000, endsAtMs: 5_000 } },
      'validity.endsAtMs: 结束时间必须晚于开始时间',
    ],
    ['zero validity days', { validity: { kind: 'afterIssue', days: 0 } }, 'validity.days: 有效天数至少为 1'],
    [
      'a claim window ending before it starts',
      { claimWindow: { startsAtMs: 5_000, endsAtMs: 4_000 } },
      'claimWindow.endsAtMs: 结束时间必须晚于开始时间',
    ],
    ['a total quantity of 0', { totalQuantity: 0 }, 'totalQuantity: 发放总量至少为 1'],
    ['a per-member limit of 0', { perMemberLimit: 0 }, 'perMemberLimit: 每人限领至少为 1'],
    ['a tier listed twice', { tierIds: ['gold', 'gold'] }, 'tierIds: 等级 id 重复'],
    ['a store listed twice', { storeIds: ['store-1', 'store-1'] }, 'storeIds: 门店编号重复'],
    ['a store id with a space', { storeIds: ['store 1'] }, 'storeIds.0: 门店编号格式有误'],
    ['an empty store id', { storeIds: [''] }, 'storeIds.0: 门店编号格式有误'],
    ['a store id of 41 characters', { storeIds: ['s'.repeat(41)] }, 'storeIds.0: 门店编号格式有误'],
    ['a store id that is not text', { storeIds: [1] }, 'storeIds.0'],
    ['stores that are not a list', { storeIds: 'store-1' }, 'storeIds'],
    [
      '21 stores',
      { storeIds: Array.from({ length: 21 }, (_, index) => `store-${index}`) },
      'storeIds: 最多限定 20 家门店',
    ],
  ])('refuses %s with a message naming the field', (_, patch, expected) => {
    expect(messageFor(patch)).toContain(expected)
  })

  it('reports every problem at once, one line each', () => {
    const message = messageFor({ title: '', perMemberLimit: 0 })
    expect(message.split('\n')).toHaveLength(2)
  })

  it('trims the title and drops unknown fields', () => {
    const parsed = couponTemplateSchema.parse({ ...valid, title: '  满减券 ', extra: true })
    expect(parsed.title).toBe('满减券')
    expect(parsed).not.toHaveProperty('extra')
  })
})
