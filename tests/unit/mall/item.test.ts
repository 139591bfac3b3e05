import { type MallItemInput, parseMallItem } from '@shared/mall'
import { DEMO_MALL_ITEM_INPUTS, DEMO_MALL_ITEMS } from '../../../emulator/seed/demo/mallItems'

const valid: MallItemInput = {
  id: 'tote',
  title: '帆布袋',
  image: 'cloud://env/mall/tote.png',
  kind: 'pickup',
  couponTemplateId: null,
  pointsPrice: 300,
  stock: 50,
  perMemberLimit: 1,
  tierIds: [],
  saleStartsAtMs: null,
  saleEndsAtMs: null,
  status: 'onSale',
}

describe('parseMallItem', () => {
  it('accepts a pickup gift and fills the description and sold count', () => {
    expect(parseMallItem(valid)).toEqual({ ok: true, data: { ...valid, description: '', sold: 0 } })
  })

  it('accepts null as no per-member limit, and refuses a missing limit rather than guessing one', () => {
    expect(parseMallItem({ ...valid, perMemberLimit: null })).toMatchObject({
      ok: true,
      data: { perMemberLimit: null },
    })
    const { perMemberLimit: _, ...withoutLimit } = valid
    expect(parseMallItem(withoutLimit)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })

  it('accepts a coupon item naming its template', () => {
    expect(parseMallItem({ ...valid, kind: 'coupon', couponTemplateId: 'five-off-thirty' })).toMatchObject({ ok: true })
  })

  it.each([
    ['a coupon item without a template', { kind: 'coupon' }, 'couponTemplateId'],
    ['a pickup gift with a template', { couponTemplateId: 'five-off-thirty' }, 'couponTemplateId'],
    ['an empty title', { title: '  ' }, 'title'],
    ['a fractional price', { pointsPrice: 1.5 }, 'pointsPrice'],
    ['a free item', { pointsPrice: 0 }, 'pointsPrice'],
    ['negative stock', { stock: -1 }, 'stock'],
    ['a limit of 0', { perMemberLimit: 0 }, 'perMemberLimit'],
    ['a repeated tier', { tierIds: ['gold', 'gold'] }, 'tierIds'],
    ['a window ending before it starts', { saleStartsAtMs: 2000, saleEndsAtMs: 1000 }, 'saleEndsAtMs'],
    ['an image a page could run', { image: 'javascript:alert(1)' }, 'image'],
    ['an unknown status', { status: 'draft' }, 'status'],
    ['an id with capitals', { id: 'Tote' }, 'id'],
  ])('refuses %s, naming the field', (_case, change, field) => {
    const parsed = parseMallItem({ ...valid, ...change })
    expect(parsed).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(!parsed.ok && parsed.message).toContain(field)
  })
})

describe('DEMO_MALL_ITEMS', () => {
  it('validates every demo item, the coupon item naming a demo template', () => {
    expect(DEMO_MALL_ITEMS).toHaveLength(DEMO_MALL_ITEM_INPUTS.length)
    expect(DEMO_MALL_ITEMS.find((item) => item.kind === 'coupon')?.couponTemplateId).toBe('five-off-thirty')
  })
})
