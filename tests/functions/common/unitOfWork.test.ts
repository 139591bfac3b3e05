import type { Database } from '../../../cloudfunctions/common/cloud'
import { decisiveFailure, runUnitOfWork, STALE_VIEW_RUNS_MAX } from '../../../cloudfunctions/common/unitOfWork'
import { useFunctionHarness } from '../support/functionHarness'

jest.setTimeout(60_000)

/**
 * The unit of work through the real SDK, on the emulator. A failed write ends a CloudBase
 * transaction (as in MongoDB), so the writes flushed beside it fail with "transaction does not
 * exist" and may answer before it: the unit must still report the write that decided the outcome.
 */
describe('runUnitOfWork', () => {
  const harness = useFunctionHarness()
  // As the functions open it: a missing document reads as null (see cloudfunctions/common/cloud.ts).
  const db = () => require('wx-server-sdk').database({ throwOnNotFound: false }) as Database

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

  it('runs a unit again when a twin took an id after its reads, so both units do their own work', async () => {
    // Each unit pays a once-only gift when it reads none, beside its own entry: the shape of two
    // purchases crossing a tier at once. Every unit must record; the gift is written once.
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, round) =>
        runUnitOfWork(db(), async (unit) => {
          const gift = await unit.read('ledger', 'once-only-gift')
          if (!gift) unit.create('ledger', { _id: 'once-only-gift', round } as never)
          unit.create('ledger', { _id: `own-${round}` } as never)
          return gift ? 'recorded' : 'recorded with the gift'
        }),
      ),
    )
    expect(answers.filter((answer) => answer === 'recorded with the gift')).toHaveLength(1)
    const { total } = await harness.db.collection('ledger').count()
    expect(total).toBe(13)
  })

  it('gives up after a bounded number of runs when an id stays taken', async () => {
    await harness.db.collection('ledger').add({ data: { _id: 'taken', memberId: 'm', amount: 1 } })
    let runs = 0
    const unit = runUnitOfWork(db(), async (work) => {
      runs += 1
      work.create('ledger', { _id: 'taken' } as never)
      return 'created'
    })
    await expect(unit).rejects.toMatchObject({ message: expect.stringContaining('E11000') })
    expect(runs).toBe(STALE_VIEW_RUNS_MAX)
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
