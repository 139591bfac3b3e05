import { loadIndexDeclarations, parseIndexDeclarations } from '../../emulator/database'
import { planAccess } from '../../emulator/database/queryPlan'

const declarations = loadIndexDeclarations()
const indexesOf = (collection: string) => declarations[collection] ?? []

describe('database/indexes.json', () => {
  it('declares the collections the product uses', () => {
    expect(Object.keys(declarations)).toEqual(
      expect.arrayContaining(['members', 'ledger', 'checkins', 'coupons', 'orders', 'staff', 'outbox', 'stats']),
    )
  })

  it.each([
    [[], 'must be an object of collections'],
    [{ members: {} }, 'must be a list of indexes'],
    [{ members: [{ name: 'x', fields: [], unique: false }] }, 'fields must be a non-empty list'],
    [{ members: [{ name: 'x', fields: [{ field: 'a', direction: 2 }], unique: false }] }, 'direction must be 1 or -1'],
    [{ members: [{ name: 'x', fields: [{ field: 'a', direction: 1 }] }] }, 'unique must be true or false'],
  ])('refuses malformed declarations: %j', (raw, message) => {
    expect(() => parseIndexDeclarations(raw)).toThrow(message)
  })
})

describe('query planning', () => {
  it.each([
    ['an _id lookup', 'members', { _id: 'm' }, 'ids'],
    ['an _id $in lookup', 'members', { _id: { $in: ['a', 'b'] } }, 'ids'],
    ['equality on a unique index', 'members', { openid: 'o' }, 'index'],
    ['$eq on an index, with other conditions', 'coupons', { memberId: { $eq: 'm' }, used: false }, 'index'],
    ['equality inside a top-level $and', 'orders', { $and: [{ pickupCode: '123' }, { state: 'open' }] }, 'index'],
    ['the leading field of a compound index', 'ledger', { memberId: 'm', createdAtMs: { $gt: 5 } }, 'indexPrefix'],
    ['a range on an indexed field', 'members', { openid: { $gt: 'a' } }, 'scan'],
    ['a regular expression on an indexed field', 'members', { openid: /^o/ }, 'scan'],
    ['an unindexed field', 'members', { name: 'Ann' }, 'scan'],
  ])('uses the right access path for %s', (_name, collection, query, kind) => {
    expect(planAccess(query as never, indexesOf(collection)).kind).toBe(kind)
  })
})
