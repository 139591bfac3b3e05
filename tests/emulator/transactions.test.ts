import { emulatorTarget } from '../conformance/emulatorTarget'
import { registerTarget } from '../conformance/target'
import { memberBalance, type Transaction, transactionsContract } from '../conformance/transactions.contract'
import { failureOf } from './sdkHarness'

const target = emulatorTarget()
transactionsContract(registerTarget(target))

const balanceOf = (id: string): Promise<number> => memberBalance(target, id)

// Emulator only, and listed in emulator/README.md's differences: these are stricter than CloudBase
// needs to be (where-writes are told apart by TCB_SEQID; a read-only conflict fails the commit).
describe('runTransaction in the emulator', () => {
  it('refuses where().update() from an invocation that has a transaction open', async () => {
    process.env.TCB_SEQID = 'invocation-with-transaction'
    const failure = await failureOf(
      target.db.runTransaction(async (transaction: Transaction) => {
        await transaction
          .collection('members')
          .where({ openid: 'o-a' })
          .update({ data: { balance: 0 } })
      }),
    )
    expect(String(failure.errMsg ?? (failure as unknown as Error).message)).toContain(
      'while this invocation has a transaction open',
    )
    expect(await balanceOf('a')).toBe(100)
  })
})

describe('conflicts in the emulator', () => {
  it('fails a commit when a document it read was changed by a committed write', async () => {
    const transaction = await target.db.startTransaction()
    const read = (await transaction.collection('members').doc('a').get()).data
    await target.db
      .collection('members')
      .doc('a')
      .update({ data: { balance: 0 } })
    await transaction
      .collection('members')
      .doc('b')
      .update({ data: { balance: read.balance } })
    const failure = await failureOf(transaction.commit())
    expect(failure).toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' })
    expect(await balanceOf('b')).toBe(0)
  })
})
