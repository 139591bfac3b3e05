import type { ActionInput, ApiEnvelope } from '@shared/contracts'
import { seedMember, seedMembers } from '../mall/seededMembers'
import { insertItem, stockOf } from '../mall/testItems'
import { ADMIN, MANAGER, NOW, STAFF, snapshotOf } from '../staff/staffFixtures'
import { useFunctionHarness } from '../support/functionHarness'

type SaveInput = ActionInput<'admin', 'saveItem'>

const SCARF: SaveInput['item'] = {
  id: 'item-scarf',
  title: '小满围巾',
  description: '到店领取',
  image: 'https://example.com/scarf.png',
  kind: 'pickup',
  couponTemplateId: null,
  pointsPrice: 200,
  perMemberLimit: 2,
  tierIds: [],
  saleStartsAtMs: null,
  saleEndsAtMs: null,
}

/** Everything an admin write may touch, besides what `snapshotOf` covers. */
async function catalogueSnapshot(harness: ReturnType<typeof useFunctionHarness>) {
  const { data } = await harness.db.collection('mall_items').limit(1000).get()
  const items = [...(data as { _id: string }[])].sort((a, b) => a._id.localeCompare(b._id))
  return { ...(await snapshotOf(harness)), mall_items: items }
}

function dataOf<T>(answer: ApiEnvelope<T>): T {
  if (!answer.ok) throw new Error(`${answer.code}: ${answer.message}`)
  return answer.data
}

// Race tests warm every instance first, which takes longer than the default 5 s.
jest.setTimeout(120_000)

describe('admin catalogue', () => {
  const harness = useFunctionHarness()

  const save = (input: SaveInput, as = ADMIN) => harness.call('admin', 'saveItem', input, { as, atMs: NOW })
  const adjust = (itemId: string, delta: number, requestId: string, as = ADMIN) =>
    harness.call('admin', 'adjustStock', { itemId, delta, requestId }, { as, atMs: NOW })
  const catalogueIds = async (openid: string) => {
    const answer = dataOf(await harness.call('mall', 'catalogue', {}, { as: openid, atMs: NOW }))
    return answer.items.map((item) => item.id)
  }

  it('creates an item that members then see in the catalogue, and lists it for a manager', async () => {
    const member = await seedMember(harness, { prefix: 'o-admin-cat', points: 500, atMs: NOW })
    expect(await catalogueIds(member.openid)).not.toContain('item-scarf')
    const created = dataOf(await save({ requestId: 'save-scarf-0001', item: SCARF, initialStock: 7 }))
    expect(created).toMatchObject({ created: true, item: { id: 'item-scarf', stock: 7, sold: 0, status: 'onSale' } })
    expect(await catalogueIds(member.openid)).toContain('item-scarf')
    const listed = dataOf(await harness.call('admin', 'listItems', {}, { as: MANAGER, atMs: NOW }))
    expect(listed.items.find((item) => item.id === 'item-scarf')).toMatchObject({ title: '小满围巾', stock: 7 })
  })

  it('applies a retried saveItem once: one item, one audit entry', async () => {
    await save({ requestId: 'save-scarf-0002', item: SCARF, initialStock: 3 })
    const again = dataOf(await save({ requestId: 'save-scarf-0002', item: SCARF, initialStock: 3 }))
    expect(again).toMatchObject({ created: true, item: { stock: 3 } })
    const { data: entries } = await harness.db.collection('audit').where({ subjectId: 'item-scarf' }).get()
    expect(entries).toHaveLength(1)
    const { data: items } = await harness.db.collection('mall_items').where({ title: '小满围巾' }).get()
    expect(items).toHaveLength(1)
  })

  it('edits only the fields that changed, never stock or sold, and audits before/after', async () => {
    await insertItem(harness, { id: 'item-edit', stock: 10, sold: 4, title: '旧标题', pointsPrice: 100 })
    const edited = dataOf(
      await save({
        requestId: 'save-edit-0001',
        item: { ...SCARF, id: 'item-edit', title: '新标题', pointsPrice: 100, image: null, description: '' },
      }),
    )
    expect(edited.changes).toEqual({
      title: { before: '旧标题', after: '新标题' },
      perMemberLimit: { before: null, after: 2 },
    })
    await expect(stockOf(harness, 'item-edit')).resolves.toEqual({ stock: 10, sold: 4 })
    const { data: entry } = await harness.db.collection('audit').doc('admin_save-edit-0001').get()
    expect(entry).toMatchObject({
      action: 'saveItem',
      operatorOpenid: ADMIN,
      operatorRole: 'admin',
      subjectId: 'item-edit',
      changes: { title: { before: '旧标题', after: '新标题' }, perMemberLimit: { before: null, after: 2 } },
    })
  })

  it('retires an item out of the catalogue, and restores it', async () => {
    const member = await seedMember(harness, { prefix: 'o-admin-ret', points: 500, atMs: NOW })
    const retire = await harness.call(
      'admin',
      'retireItem',
      { itemId: 'item-tote-bag', requestId: 'retire-tote-01' },
      { as: ADMIN, atMs: NOW },
    )
    expect(retire).toMatchObject({ ok: true, data: { item: { status: 'offSale' } } })
    expect(await catalogueIds(member.openid)).not.toContain('item-tote-bag')
    const listed = dataOf(await harness.call('admin', 'listItems', {}, { as: ADMIN, atMs: NOW }))
    expect(listed.items.find((item) => item.id === 'item-tote-bag')).toMatchObject({ status: 'offSale' })
    const restore = await harness.call(
      'admin',
      'restoreItem',
      { itemId: 'item-tote-bag', requestId: 'restore-tote-01' },
      { as: ADMIN, atMs: NOW },
    )
    expect(restore).toMatchObject({
      ok: true,
      data: { changes: { status: { before: 'offSale', after: 'onSale' } } },
    })
    expect(await catalogueIds(member.openid)).toContain('item-tote-bag')
    const unknown = await harness.call(
      'admin',
      'retireItem',
      { itemId: 'item-none', requestId: 'retire-none-01' },
      { as: ADMIN, atMs: NOW },
    )
    expect(unknown).toMatchObject({ ok: false, code: 'ITEM_NOT_FOUND' })
  })

  it('tops stock up once per request id, and refuses a correction below zero changing nothing', async () => {
    const before = await stockOf(harness, 'item-tote-bag')
    expect(dataOf(await adjust('item-tote-bag', 5, 'adjust-top-01'))).toEqual({
      itemId: 'item-tote-bag',
      delta: 5,
      stockAfter: before.stock + 5,
    })
    expect(dataOf(await adjust('item-tote-bag', 5, 'adjust-top-01')).stockAfter).toBe(before.stock + 5)
    await expect(stockOf(harness, 'item-tote-bag')).resolves.toEqual({ stock: before.stock + 5, sold: before.sold })
    const { data: entry } = await harness.db.collection('audit').doc('admin_adjust-top-01').get()
    expect(entry).toMatchObject({
      action: 'adjustStock',
      changes: { stock: { before: before.stock, after: before.stock + 5 } },
    })
    const snapshot = await catalogueSnapshot(harness)
    const refused = await adjust('item-tote-bag', -(before.stock + 6), 'adjust-low-01')
    expect(refused).toMatchObject({ ok: false, code: 'STOCK_BELOW_ZERO' })
    expect(await catalogueSnapshot(harness)).toEqual(snapshot)
  })

  it('applies an adjustment once when its twins run at once on warm instances', async () => {
    await harness.warm('admin')
    const before = await stockOf(harness, 'item-tote-bag')
    const answers = await Promise.all(Array.from({ length: 6 }, () => adjust('item-tote-bag', 3, 'adjust-twin-01')))
    for (const answer of answers) expect(answer).toMatchObject({ ok: true })
    await expect(stockOf(harness, 'item-tote-bag')).resolves.toEqual({ stock: before.stock + 3, sold: before.sold })
  })

  it('keeps stock + sold equal to the initial stock plus top-ups while redemptions, an edit and a top-up run at once', async () => {
    await insertItem(harness, { id: 'item-race', stock: 5, sold: 0, pointsPrice: 10, title: '旧' })
    const members = await seedMembers(harness, { prefix: 'o-admin-race', count: 12, points: 100, atMs: NOW })
    await Promise.all([harness.warm('mall'), harness.warm('admin')])
    const [redeems, edit, topUp] = await Promise.all([
      Promise.all(
        members.map((member, index) =>
          harness.call(
            'mall',
            'redeem',
            { itemId: 'item-race', requestId: `race-redeem-${index}0000` },
            { as: member.openid, atMs: NOW },
          ),
        ),
      ),
      save({ requestId: 'race-edit-0001', item: { ...SCARF, id: 'item-race', pointsPrice: 10, title: '新' } }),
      adjust('item-race', 4, 'race-topup-01'),
    ])
    expect(edit).toMatchObject({ ok: true })
    expect(topUp).toMatchObject({ ok: true })
    const redeemed = redeems.filter((answer) => answer.ok).length
    for (const answer of redeems) if (!answer.ok) expect(answer.code).toBe('OUT_OF_STOCK')
    const after = await stockOf(harness, 'item-race')
    expect(after.stock + after.sold).toBe(5 + 4)
    expect(after.sold).toBe(redeemed)
    expect(after.stock).toBeGreaterThanOrEqual(0)
    const { data: stored } = await harness.db.collection('mall_items').doc('item-race').get()
    expect(stored).toMatchObject({ title: '新', held: 0 })
  })

  describe('roles', () => {
    it('lets only admins write and admins and managers list', async () => {
      const member = await seedMember(harness, { prefix: 'o-admin-role', points: 10, atMs: NOW })
      const snapshot = await catalogueSnapshot(harness)
      const writes = (as: string | null, index: number) => [
        harness.call('admin', 'saveItem', { requestId: `role-save-0${index}`, item: SCARF }, { as, atMs: NOW }),
        harness.call(
          'admin',
          'retireItem',
          { requestId: `role-ret-00${index}`, itemId: 'item-tote-bag' },
          { as, atMs: NOW },
        ),
        harness.call(
          'admin',
          'restoreItem',
          { requestId: `role-res-00${index}`, itemId: 'item-tote-bag' },
          { as, atMs: NOW },
        ),
        harness.call(
          'admin',
          'adjustStock',
          { requestId: `role-adj-00${index}`, itemId: 'item-tote-bag', delta: 1 },
          { as, atMs: NOW },
        ),
      ]
      const cases: [string | null, string][] = [
        [null, 'NOT_STAFF'],
        ['o-stranger', 'NOT_STAFF'],
        [member.openid, 'NOT_STAFF'],
        [STAFF, 'FORBIDDEN'],
        [MANAGER, 'FORBIDDEN'],
      ]
      for (const [index, [as, code]] of cases.entries()) {
        for (const answer of await Promise.all(writes(as, index))) expect(answer).toMatchObject({ ok: false, code })
      }
      expect(await catalogueSnapshot(harness)).toEqual(snapshot)
      const list = (as: string | null) => harness.call('admin', 'listItems', {}, { as, atMs: NOW })
      await expect(list(null)).resolves.toMatchObject({ ok: false, code: 'NOT_STAFF' })
      await expect(list(member.openid)).resolves.toMatchObject({ ok: false, code: 'NOT_STAFF' })
      await expect(list(STAFF)).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' })
      await expect(list(MANAGER)).resolves.toMatchObject({ ok: true })
      await expect(list(ADMIN)).resolves.toMatchObject({ ok: true })
      await expect(writes(ADMIN, 9)[0]).resolves.toMatchObject({ ok: true })
    })
  })

  it('answers INVALID_INPUT for a bad item or delta and changes nothing', async () => {
    const snapshot = await catalogueSnapshot(harness)
    const bad: unknown[] = [
      { requestId: 'bad-save-0001', item: { ...SCARF, kind: 'coupon', couponTemplateId: null } },
      { requestId: 'bad-save-0002', item: { ...SCARF, title: '' } },
      { requestId: 'bad-save-0003', item: { ...SCARF, stock: 5 } },
      { requestId: 'bad-save-0004', item: { ...SCARF, saleStartsAtMs: 10, saleEndsAtMs: 5 } },
      { requestId: 'x', item: SCARF },
    ]
    for (const input of bad) {
      const answer = await harness.callRaw('admin', { action: 'saveItem', input }, { as: ADMIN, atMs: NOW })
      expect(answer).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    }
    for (const delta of [0, 1.5, 'ten']) {
      const answer = await harness.callRaw(
        'admin',
        { action: 'adjustStock', input: { requestId: 'bad-adjust-01', itemId: 'item-tote-bag', delta } },
        { as: ADMIN, atMs: NOW },
      )
      expect(answer).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    }
    expect(await catalogueSnapshot(harness)).toEqual(snapshot)
  })
})
