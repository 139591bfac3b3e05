import type { Database } from '../../../cloudfunctions/common/cloud'
import { decisiveFailure, runUnitOfWork } from '../../../cloudfunctions/common/unitOfWork'
import { useFunctionHarness } from '../support/functionHarness'

jest.setTimeout(60_000)

/**
 * The unit of work through the real SDK, on the emulator. A failed write ends a CloudBase
 * transaction (as in MongoDB), so the writes flushed beside it fail with "transaction does not
 * exist" and may answer before it: the unit must still report the write that decided the outcome.
 */
describe('runUnitOfWork', () => {
  const harness = useFunctionHarness()
  const db = () => harness.db as Database

  it('answers the duplicate, not the writes it aborted, when a taken id is flushed first', async () => {
    await harness.db.collection('ledger').add({ data: { _id: 'taken', memberId: 'm', amount: 1 } })
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, round) =>
        runUnitOfWork(
          db(),
          async (unit) => {
            unit.create('ledger', { _id: 'taken' } as never)
            for (let index = 0; index < 6; index += 1) {
              unit.create('ledger', { _id: `fresh-${round}-${index}` } as never)
            }
            return 'created'
          },
          { onDuplicate: async () => 'replayed' },
        ),
      ),
    )
    expect(answers).toEqual(Array.from({ length: 20 }, () => 'replayed'))
    const { total } = await harness.db.collection('ledger').count()
    expect(total).toBe(1)
  })

  it('propagates a failure that is not a duplicate, without calling onDuplicate', async () => {
    const onDuplicate = jest.fn(async () => 'replayed')
    const unit = runUnitOfWork(
      db(),
      async () => {
        throw new Error('the body refused')
      },
      { onDuplicate },
    )
    await expect(unit).rejects.toThrow('the body refused')
    expect(onDuplicate).not.toHaveBeenCalled()
  })
})

describe('decisiveFailure', () => {
  const transactionEnded = { errCode: -501001, errMsg: '[FailedOperation.TransactionNotExist] transaction t has ended' }
  const taken = { code: 'DATABASE_REQUEST_FAILED', message: 'E11000 duplicate key error collection: ledger' }

  it('picks the taken id even when the writes it aborted failed first', () => {
    expect(decisiveFailure([transactionEnded, transactionEnded, taken])).toBe(taken)
  })

  it('keeps the first failure when none is a taken id', () => {
    const other = new Error('network')
    expect(decisiveFailure([other, transactionEnded])).toBe(other)
  })
})
