import { fieldChanges, hasChanges } from '@shared/admin'

interface Item {
  title: string
  pointsPrice: number
  tierIds: string[]
  image: string | null
  stock: number
}

const item: Item = { title: '帆布袋', pointsPrice: 300, tierIds: ['gold'], image: null, stock: 5 }

describe('fieldChanges', () => {
  it('records only the fields whose value changed, with before and after', () => {
    const changes = fieldChanges<Item>(item, { ...item, title: '新帆布袋', image: 'https://x/y.png' })
    expect(changes).toEqual({
      title: { before: '帆布袋', after: '新帆布袋' },
      image: { before: null, after: 'https://x/y.png' },
    })
    expect(hasChanges(changes)).toBe(true)
  })

  it('compares arrays by value, so an equal rewrite records nothing', () => {
    const changes = fieldChanges<Item>(item, { ...item, tierIds: ['gold'] })
    expect(changes).toEqual({})
    expect(hasChanges(changes)).toBe(false)
  })

  it('records a changed array', () => {
    expect(fieldChanges<Item>(item, { tierIds: ['gold', 'black'] })).toEqual({
      tierIds: { before: ['gold'], after: ['gold', 'black'] },
    })
  })

  it('compares only the named fields and skips those the update does not write', () => {
    const changes = fieldChanges<Item>(item, { title: 'x', stock: 99 }, ['title', 'pointsPrice'])
    expect(changes).toEqual({ title: { before: '帆布袋', after: 'x' } })
  })

  it('records every written field of a creation with before null', () => {
    expect(fieldChanges<Item>(null, { title: 'a', stock: 0 })).toEqual({
      title: { before: null, after: 'a' },
      stock: { before: null, after: 0 },
    })
  })

  it('tells a number from its string, and reads a missing field as null', () => {
    const before = { title: 'a', pointsPrice: 1 } as unknown as Partial<Item>
    expect(fieldChanges<Item>(before, { pointsPrice: '1' as unknown as number })).toEqual({
      pointsPrice: { before: 1, after: '1' },
    })
    expect(fieldChanges<Item>({ title: 'a' }, { image: null })).toEqual({})
  })
})
