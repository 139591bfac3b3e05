/**
 * The transaction contract: CloudBase's rules for `runTransaction` and `startTransaction` through
 * the real SDK (single-document operations only, isolation, rollback, conflicts between writers).
 * Written once; run against the emulator by `tests/emulator/transactions.test.ts` and against a
 * real environment by `tests/cloud/transactions.contract.test.ts`.
 */
import { failureOf } from '../emulator/sdkHarness'
import type { ConformanceTarget } from './target'

// biome-ignore lint/suspicious/noExplicitAny: the SDK's transaction typings are incomplete.
export type Transaction = any

/** The balance of member `id` as committed on `target`. */
export async function memberBalance(target: ConformanceTarget, id: string): Promise<number> {
  return (await target.db.collection('members').doc(id).get()).data.balance
}

/** Defines the transaction contract's tests on `target`, each starting from members a (100) and b (0). */
export function transactionsContract(target: ConformanceTarget): void {
  beforeEach(async () => {
    await target.db.collection('members').add({ data: { _id: 'a', openid: 'o-a', balance: 100 } })
    await target.db.collection('members').add({ data: { _id: 'b', openid: 'o-b', balance: 0 } })
  })

  const balanceOf = (id: string): Promise<number> => memberBalance(target, id)

  async function transfer(transaction: Transaction, amount: number): Promise<void> {
    const from = (await transaction.collection('members').doc('a').get()).data
    const to = (await transaction.collection('members').doc('b').get()).data
    await transaction
      .collection('members')
      .doc('a')
      .update({ data: { balance: from.balance - amount } })
    await transaction
      .collection('members')
      .doc('b')
      .update({ data: { balance: to.balance + amount } })
  }

  describe('runTransaction', () => {
    it('commits reads, updates, sets, adds and removes together', async () => {
      const result = await target.db.runTransaction(async (transaction: Transaction) => {
        await transfer(transaction, 30)
        await transaction.collection('ledger').add({ data: { _id: 'entry', requestId: 'r-1', points: -30 } })
        await transaction
          .collection('members')
          .doc('c')
          .set({ data: { openid: 'o-c', balance: 1 } })
        return 'done'
      })
      expect(result).toBe('done')
      expect(await balanceOf('a')).toBe(70)
      expect(await balanceOf('b')).toBe(30)
      expect(await balanceOf('c')).toBe(1)
      expect((await target.db.collection('ledger').doc('entry').get()).data.points).toBe(-30)
    })

    it('sees its own writes before commit and hides them from everyone else', async () => {
      const transaction = await target.db.startTransaction()
      await transaction
        .collection('members')
        .doc('a')
        .update({ data: { balance: 1 } })
      expect((await transaction.collection('members').doc('a').get()).data.balance).toBe(1)
      expect(await balanceOf('a')).toBe(100)
      await transaction.commit()
      expect(await balanceOf('a')).toBe(1)
    })

    it('discards everything when the callback throws', async () => {
      const failure = await failureOf(
        target.db.runTransaction(async (transaction: Transaction) => {
          await transfer(transaction, 30)
          await transaction.collection('ledger').add({ data: { _id: 'entry', requestId: 'r-1' } })
          throw new Error('changed my mind')
        }),
      )
      expect((failure as unknown as Error).message).toBe('changed my mind')
      expect(await balanceOf('a')).toBe(100)
      expect(await balanceOf('b')).toBe(0)
      expect((await target.db.collection('ledger').count()).total).toBe(0)
    })

    it('discards everything on rollback and answers the rollback reason', async () => {
      const failure = await failureOf(
        target.db.runTransaction(async (transaction: Transaction) => {
          await transfer(transaction, 30)
          await transaction.rollback('insufficient')
        }),
      )
      expect(failure).toBe('insufficient')
      expect(await balanceOf('a')).toBe(100)
    })

    it('refuses where().get() inside a transaction', async () => {
      const failure = await failureOf(
        target.db.runTransaction(async (transaction: Transaction) => {
          await transaction.collection('members').where({ openid: 'o-a' }).get()
        }),
      )
      expect(failure.errMsg ?? String(failure)).toContain('transactions only support single-document operations')
    })

    it('refuses a duplicate _id added inside a transaction and applies nothing', async () => {
      const failure = await failureOf(
        target.db.runTransaction(async (transaction: Transaction) => {
          await transaction
            .collection('members')
            .doc('b')
            .update({ data: { balance: 5 } })
          await transaction.collection('members').add({ data: { _id: 'a', openid: 'o-x' } })
        }),
      )
      expect(String(failure.errMsg ?? (failure as unknown as Error).message)).toContain('E11000')
      expect(await balanceOf('b')).toBe(0)
    })
  })

  describe('conflicts', () => {
    it('commits the first of two transactions writing one document and fails the second at commit', async () => {
      const first = await target.db.startTransaction()
      const second = await target.db.startTransaction()
      await first
        .collection('members')
        .doc('a')
        .update({ data: { balance: 1 } })
      await second
        .collection('members')
        .doc('a')
        .update({ data: { balance: 2 } })
      await first.commit()
      const failure = await failureOf(second.commit())
      expect(failure).toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' })
      expect(await balanceOf('a')).toBe(1)
    })

    it('answers the first content read when a document is read again after another write', async () => {
      const transaction = await target.db.startTransaction()
      expect((await transaction.collection('members').doc('a').get()).data.balance).toBe(100)
      await target.db
        .collection('members')
        .doc('a')
        .update({ data: { balance: 7 } })
      expect((await transaction.collection('members').doc('a').get()).data.balance).toBe(100)
      await transaction.rollback()
    })

    it('never commits two conflicting transfers, and runTransaction retries the loser', async () => {
      const attempts: number[] = []
      const run = (amount: number) =>
        target.db.runTransaction(async (transaction: Transaction) => {
          attempts.push(amount)
          const from = (await transaction.collection('members').doc('a').get()).data
          await new Promise((resolve) => setImmediate(resolve))
          await transaction
            .collection('members')
            .doc('a')
            .update({ data: { balance: from.balance - amount } })
        })
      await Promise.all([run(10), run(20)])
      expect(await balanceOf('a')).toBe(70)
      expect(attempts.length).toBeGreaterThan(2)
    })

    it('keeps the balance exact when many transfers race', async () => {
      const outcomes = await Promise.allSettled(
        Array.from({ length: 12 }, () =>
          target.db.runTransaction(async (transaction: Transaction) => transfer(transaction, 5), 20),
        ),
      )
      const committed = outcomes.filter((outcome) => outcome.status === 'fulfilled').length
      expect(committed).toBeGreaterThan(0)
      expect((await balanceOf('a')) + (await balanceOf('b'))).toBe(100)
      expect(await balanceOf('b')).toBe(5 * committed)
    })
  })
}
