import { fieldErrorsOfMessage, instantOf, itemFormOf, parseItemForm } from '@/admin/utils/itemForm'
import { adminItemOf } from '../support/adminFixtures'

const MAY_FIRST_0930_CST_MS = Date.UTC(2026, 4, 1, 1, 30)

describe('the item form', () => {
  it('round-trips an item: the form of an item saves the same fields', () => {
    const item = adminItemOf({ tierIds: ['gold', 'black'], saleStartsAtMs: MAY_FIRST_0930_CST_MS })
    // Stock, sold, held and status are not the form's: they move by their own actions.
    const { stock: _stock, sold: _sold, held: _held, status: _status, ...editable } = item
    expect(parseItemForm(itemFormOf(item))).toEqual({ ok: true, save: { item: editable, initialStock: 0 } })
  })

  it('reads times as China Standard Time and refuses dates that do not exist', () => {
    expect(instantOf('2026-05-01 09:30')).toBe(MAY_FIRST_0930_CST_MS)
    expect(instantOf('  ')).toBeNull()
    expect(instantOf('2026-02-30 00:00')).toBeNaN()
    expect(instantOf('2026/05/01')).toBeNaN()
  })

  it('names every field with a problem, in Chinese', () => {
    const form = {
      ...itemFormOf(null),
      id: 'Latte Cup',
      title: '',
      pointsPrice: 'abc',
      perMemberLimit: '0',
      saleStartsAt: 'tomorrow',
      initialStock: '-1',
    }
    const parsed = parseItemForm(form)
    expect(parsed).toEqual({
      ok: false,
      errors: {
        id: '只能包含小写字母、数字、- 和 _，且不超过 40 个字符',
        title: '标题不能为空',
        pointsPrice: '请填写整数积分',
        perMemberLimit: '每人限兑至少为 1',
        saleStartsAt: '请按 2026-05-01 09:30 的格式填写，或留空',
        initialStock: '库存不能为负数',
      },
    })
  })

  it('checks the rules across fields once the fields themselves are right', () => {
    const coupon = { ...itemFormOf(adminItemOf()), kind: 'coupon' as const }
    expect(parseItemForm(coupon)).toEqual({
      ok: false,
      errors: { couponTemplateId: '优惠券商品必须指定优惠券模板，实物商品不能指定' },
    })
    const backwards = { ...itemFormOf(adminItemOf()), saleStartsAt: '2026-06-01 00:00', saleEndsAt: '2026-05-01 00:00' }
    expect(parseItemForm(backwards)).toEqual({ ok: false, errors: { saleEndsAt: '结束时间必须晚于开始时间' } })
  })

  it('puts the problems of a refused save next to their fields', () => {
    const message =
      'item.title: 标题不能为空\nitem.saleEndsAtMs: 结束时间必须晚于开始时间\ninitialStock: Too big\nsomething else'
    expect(fieldErrorsOfMessage(message)).toEqual({
      title: '标题不能为空',
      saleEndsAt: '结束时间必须晚于开始时间',
      initialStock: '请填写整数库存',
    })
  })

  it('reads the field of a refusal after the code’s headline', () => {
    expect(fieldErrorsOfMessage('输入有误：item.image: 图片未经登记，请重新上传')).toEqual({
      image: '图片未经登记，请重新上传',
    })
  })
})
