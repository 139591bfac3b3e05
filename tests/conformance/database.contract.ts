/**
 * The database contract: what CloudBase's database answers through the real wx-server-sdk (add, get,
 * queries and their limits, count, update, set, remove, aggregate, unique indexes, error codes).
 * Written once; `tests/emulator/database.contract.test.ts` runs it against the emulator and
 * `tests/cloud/database.contract.test.ts` against a real environment.
 */
import { failureOf } from '../emulator/sdkHarness'
import type { ConformanceTarget } from './target'

/** Defines the database contract's tests on `target` (whose lifecycle `registerTarget` registers). */
export function databaseContract(target: ConformanceTarget): void {
  const members = () => target.db.collection('members')
  const ledger = () => target.db.collection('ledger')

  async function seedLedger(count: number): Promise<void> {
    const entries = Array.from({ length: count }, (_, position) => ({
      _id: `entry-${String(position).padStart(4, '0')}`,
      requestId: `request-${position}`,
      memberId: position % 2 === 0 ? 'even' : 'odd',
      points: position,
    }))
    for (let start = 0; start < entries.length; start += 500) {
      await ledger().add({ data: entries.slice(start, start + 500) })
    }
  }

  describe('add', () => {
    it('generates a 32-character _id when none is given and stores the document', async () => {
      const added = await members().add({ data: { openid: 'o-1', name: 'Ann', balance: 5 } })
      expect(added._id).toMatch(/^[0-9a-f]{32}$/)
      const read = await members().doc(added._id).get()
      expect(read.data).toEqual({ _id: added._id, openid: 'o-1', name: 'Ann', balance: 5 })
    })

    it('keeps the _id it is given', async () => {
      const added = await members().add({ data: { _id: 'member-1', openid: 'o-1' } })
      expect(added._id).toBe('member-1')
    })

    it('refuses a second document with the same _id, as CloudBase does', async () => {
      await members().add({ data: { _id: 'member-1', openid: 'o-1' } })
      const failure = await failureOf(members().add({ data: { _id: 'member-1', openid: 'o-2' } }))
      expect(failure.errCode).toBe(-502001)
      expect(failure.errMsg).toContain('E11000 duplicate key')
    })

    it('round-trips dates, nested objects, arrays and non-integer numbers', async () => {
      const when = new Date(Date.UTC(2024, 5, 1))
      await members().add({ data: { _id: 'm', openid: 'o', joinedAt: when, tags: ['a', 'b'], nested: { ratio: 1.5 } } })
      const read = await members().doc('m').get()
      expect(read.data.joinedAt).toEqual(when)
      expect(read.data.tags).toEqual(['a', 'b'])
      expect(read.data.nested).toEqual({ ratio: 1.5 })
    })

    it('refuses a collection that was never created, with the production code', async () => {
      const failure = await failureOf(target.db.collection('nowhere').add({ data: { a: 1 } }))
      expect(failure.errCode).toBe(-502005)
      expect(failure.errMsg).toContain('Db or Table not exist')
    })

    it('accepts a collection made with createCollection', async () => {
      const scratch = target.freshCollectionName('scratch')
      await target.db.createCollection(scratch)
      const added = await target.db.collection(scratch).add({ data: { a: 1 } })
      expect((await target.db.collection(scratch).doc(added._id).get()).data.a).toBe(1)
    })
  })

  describe('doc().get()', () => {
    it('fails for a missing document, as production does', async () => {
      const failure = await failureOf(members().doc('missing').get())
      expect(failure.errMsg).toContain('document with _id missing does not exist')
    })

    it('projects fields with field()', async () => {
      await members().add({ data: { _id: 'm', openid: 'o', name: 'Ann', balance: 3 } })
      const read = await members().doc('m').field({ name: true }).get()
      expect(read.data).toEqual({ _id: 'm', name: 'Ann' })
    })
  })

  describe('where().get()', () => {
    it('answers 100 documents when no limit is given', async () => {
      await seedLedger(150)
      const page = await ledger().get()
      expect(page.data).toHaveLength(100)
    })

    it('answers at most 1000 documents even when asked for more', async () => {
      await seedLedger(1200)
      const page = await ledger().limit(5000).get()
      expect(page.data).toHaveLength(1000)
    })

    it('filters with command operators, orders, skips and limits', async () => {
      await seedLedger(20)
      const _ = target.db.command
      const page = await ledger()
        .where({ memberId: 'even', points: _.gte(4).and(_.lt(16)) })
        .orderBy('points', 'desc')
        .skip(1)
        .limit(3)
        .get()
      expect(page.data.map((entry: { points: number }) => entry.points)).toEqual([12, 10, 8])
    })

    it('pages through a filter by an _id cursor in id order, whatever the insertion order', async () => {
      await seedLedger(30)
      // Inserted out of id order: the pages must still come in id order.
      await ledger().add({ data: { _id: 'entry-0000a', requestId: 'late', memberId: 'even', points: 100 } })
      const _ = target.db.command
      const seen: string[] = []
      let cursor = ''
      for (;;) {
        const page = await ledger()
          .where({ _id: _.gt(cursor), memberId: 'even' })
          .orderBy('_id', 'asc')
          .limit(4)
          .get()
        seen.push(...page.data.map((entry: { _id: string }) => entry._id))
        if (page.data.length < 4) break
        cursor = page.data.at(-1)._id
      }
      const even = Array.from({ length: 15 }, (_, index) => `entry-${String(index * 2).padStart(4, '0')}`)
      expect(seen).toEqual([even[0], 'entry-0000a', ...even.slice(1)])
      const from = await ledger()
        .where({ _id: _.gte('entry-0028') })
        .orderBy('_id', 'asc')
        .get()
      expect(from.data.map((entry: { _id: string }) => entry._id)).toEqual(['entry-0028', 'entry-0029'])
    })

    it('projects fields and keeps _id unless excluded', async () => {
      await seedLedger(2)
      const page = await ledger().where({ points: 1 }).field({ points: true }).get()
      expect(page.data).toEqual([{ _id: 'entry-0001', points: 1 }])
      const without = await ledger().where({ points: 1 }).field({ points: true, _id: false }).get()
      expect(without.data).toEqual([{ points: 1 }])
    })

    it('answers documents in insertion order without orderBy', async () => {
      await members().add({ data: { _id: 'z', openid: 'o-z' } })
      await members().add({ data: { _id: 'a', openid: 'o-a' } })
      const page = await members().get()
      expect(page.data.map((member: { _id: string }) => member._id)).toEqual(['z', 'a'])
    })

    it('supports in, neq, exists, or and regular expressions', async () => {
      await seedLedger(10)
      const _ = target.db.command
      const byIn = await ledger()
        .where({ points: _.in([1, 3, 99]) })
        .get()
      expect(byIn.data.map((entry: { points: number }) => entry.points)).toEqual([1, 3])
      const byOr = await ledger()
        .where(_.or([{ points: 0 }, { points: 9 }]))
        .get()
      expect(byOr.data).toHaveLength(2)
      const byNeq = await ledger()
        .where({ memberId: _.neq('even') })
        .count()
      expect(byNeq.total).toBe(5)
      const byRegExp = await ledger()
        .where({ requestId: target.db.RegExp({ regexp: '^request-1$' }) })
        .get()
      expect(byRegExp.data).toHaveLength(1)
      const byExists = await ledger()
        .where({ missing: _.exists(false) })
        .count()
      expect(byExists.total).toBe(10)
    })
  })

  describe('count()', () => {
    it('counts the documents a query matches, and the whole collection', async () => {
      await seedLedger(30)
      expect((await ledger().where({ memberId: 'odd' }).count()).total).toBe(15)
      expect((await ledger().count()).total).toBe(30)
    })
  })

  describe('update', () => {
    it('applies inc, set, push, pull, addToSet, remove and mul on one document', async () => {
      const _ = target.db.command
      await members().add({ data: { _id: 'm', openid: 'o', balance: 10, tags: ['a', 'b'], gone: 1, factor: 2 } })
      const result = await members()
        .doc('m')
        .update({
          data: {
            balance: _.inc(-3),
            name: _.set('Ann'),
            tags: _.push(['c']),
            gone: _.remove(),
            factor: _.mul(5),
            'profile.level': 2,
          },
        })
      expect(result.stats.updated).toBe(1)
      await members()
        .doc('m')
        .update({ data: { tags: _.pull('a') } })
      await members()
        .doc('m')
        .update({ data: { tags: _.addToSet('b') } })
      const read = await members().doc('m').get()
      expect(read.data).toEqual({
        _id: 'm',
        openid: 'o',
        balance: 7,
        name: 'Ann',
        tags: ['b', 'c'],
        factor: 10,
        profile: { level: 2 },
      })
    })

    it('answers updated 0 for a missing document and for a write that changes nothing', async () => {
      await members().add({ data: { _id: 'm', openid: 'o', balance: 1 } })
      expect(
        (
          await members()
            .doc('missing')
            .update({ data: { balance: 2 } })
        ).stats.updated,
      ).toBe(0)
      expect(
        (
          await members()
            .doc('m')
            .update({ data: { balance: 1 } })
        ).stats.updated,
      ).toBe(0)
    })

    it('updates every matching document with where().update()', async () => {
      await seedLedger(10)
      const _ = target.db.command
      const result = await ledger()
        .where({ memberId: 'odd' })
        .update({ data: { points: _.inc(100) } })
      expect(result.stats.updated).toBe(5)
      expect(
        (
          await ledger()
            .where({ points: _.gte(100) })
            .count()
        ).total,
      ).toBe(5)
    })

    it('fills db.serverDate() with the server clock, plus its offset', async () => {
      await members().add({ data: { _id: 'm', openid: 'o', createdAt: target.db.serverDate() } })
      await members()
        .doc('m')
        .update({ data: { seenAt: target.db.serverDate({ offset: 60_000 }) } })
      const read = await members().doc('m').get()
      const { nowMs, toleranceMs } = target.serverClock()
      expect(Math.abs(read.data.createdAt.getTime() - nowMs)).toBeLessThanOrEqual(toleranceMs)
      expect(Math.abs(read.data.seenAt.getTime() - 60_000 - nowMs)).toBeLessThanOrEqual(toleranceMs)
    })
  })

  describe('set', () => {
    it('replaces the whole document except _id', async () => {
      await members().add({ data: { _id: 'm', openid: 'o', balance: 1, name: 'Ann' } })
      const result = await members()
        .doc('m')
        .set({ data: { openid: 'o', balance: 9 } })
      expect(result.stats).toEqual({ updated: 1, created: 0 })
      expect((await members().doc('m').get()).data).toEqual({ _id: 'm', openid: 'o', balance: 9 })
    })

    it('creates the document when it does not exist', async () => {
      const result = await members()
        .doc('new')
        .set({ data: { openid: 'o-new' } })
      expect(result.stats).toEqual({ updated: 0, created: 1 })
      expect((await members().doc('new').get()).data).toEqual({ _id: 'new', openid: 'o-new' })
    })
  })

  describe('remove', () => {
    it('removes one document by id and many by query', async () => {
      await seedLedger(10)
      expect((await ledger().doc('entry-0000').remove()).stats.removed).toBe(1)
      expect((await ledger().doc('entry-0000').remove()).stats.removed).toBe(0)
      expect((await ledger().where({ memberId: 'odd' }).remove()).stats.removed).toBe(5)
      expect((await ledger().count()).total).toBe(4)
    })
  })

  describe('aggregate', () => {
    it('matches, groups and sorts', async () => {
      await seedLedger(10)
      const $ = target.db.command.aggregate
      const result = await ledger()
        .aggregate()
        .match({ points: target.db.command.gte(2) })
        .group({ _id: '$memberId', total: $.sum('$points'), entries: $.sum(1) })
        .sort({ total: -1 })
        .end()
      expect(result.list).toEqual([
        { _id: 'odd', total: 3 + 5 + 7 + 9, entries: 4 },
        { _id: 'even', total: 2 + 4 + 6 + 8, entries: 4 },
      ])
    })

    it('answers at most 20 documents when the pipeline has no limit, as CloudBase does', async () => {
      await seedLedger(30)
      const result = await ledger().aggregate().project({ points: 1 }).end()
      expect(result.list).toHaveLength(20)
      const limited = await ledger().aggregate().project({ points: 1 }).limit(30).end()
      expect(limited.list).toHaveLength(30)
    })
  })

  describe('unique indexes from database/indexes.json', () => {
    it('refuses a second member with the same openid, like a duplicate _id', async () => {
      await members().add({ data: { openid: 'o-1' } })
      const failure = await failureOf(members().add({ data: { openid: 'o-1' } }))
      expect(failure.errCode).toBe(-502001)
      expect(failure.errMsg).toContain('index: openid_unique')
    })

    it('refuses an update that would take another document’s unique key, and leaves both unchanged', async () => {
      await members().add({ data: { _id: 'a', openid: 'o-a' } })
      await members().add({ data: { _id: 'b', openid: 'o-b' } })
      const failure = await failureOf(
        members()
          .doc('b')
          .update({ data: { openid: 'o-a' } }),
      )
      expect(failure.errCode).toBe(-502001)
      expect((await members().doc('b').get()).data.openid).toBe('o-b')
    })

    it('frees the key when the document is removed or changed', async () => {
      await members().add({ data: { _id: 'a', openid: 'o-a' } })
      await members()
        .doc('a')
        .update({ data: { openid: 'o-changed' } })
      await members().add({ data: { _id: 'b', openid: 'o-a' } })
      await members().doc('b').remove()
      await members().add({ data: { _id: 'c', openid: 'o-a' } })
      expect((await members().where({ openid: 'o-a' }).get()).data.map((m: { _id: string }) => m._id)).toEqual(['c'])
    })

    it('rolls back a whole batch add when one document breaks uniqueness', async () => {
      const failure = await failureOf(members().add({ data: [{ openid: 'x' }, { openid: 'y' }, { openid: 'x' }] }))
      expect(failure.errCode).toBe(-502001)
      expect((await members().count()).total).toBe(0)
    })
  })
}
