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
    await harness.db.collection('audit').add({ data: { _id: 'taken', memberId: 'm', amount: 1 } })
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, round) =>
        runUnitOfWork(
          db(),
          async (unit) => {
            unit.create('audit', { _id: 'taken' } as never)
            for (let index = 0; index < 6; index += 1) {
              unit.create('audit', { _id: `fresh-${round}-${index}` } as never)
            }
            return 'created'
          },
          { onDuplicate: async () => 'replayed' },
        ),
      ),
    )
    expect(answers).toEqual(Array.from({ length: 20 }, () => 'replayed'))
    const { total } = await harness.db.collection('audit').count()
    expect(total).toBe(1)
  })

  it('runs a unit again when a twin took an id after its reads, so both units do their own work', async () => {
    // Each unit pays a once-only gift when it reads none, beside its own entry: the shape of two
    // purchases crossing a tier at once. Every unit must record; the gift is written once.
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, round) =>
        runUnitOfWork(db(), async (unit) => {
          const gift = await unit.read('audit', 'once-only-gift')
          if (!gift) unit.create('audit', { _id: 'once-only-gift', round } as never)
          unit.create('audit', { _id: `own-${round}` } as never)
          return gift ? 'recorded' : 'recorded with the gift'
        }),
      ),
    )
    expect(answers.filter((answer) => answer === 'recorded with the gift')).toHaveLength(1)
    const { total } = await harness.db.collection('audit').count()
    expect(total).toBe(13)
  })

  it('gives up after a bounded number of runs when an id stays taken', async () => {
    await harness.db.collection('audit').add({ data: { _id: 'taken', memberId: 'm', amount: 1 } })
    let runs = 0
    const unit = runUnitOfWork(db(), async (work) => {
      runs += 1
      work.create('audit', { _id: 'taken' } as never)
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

  it('counts each committed unit once however often conflicts ran its body, and a refused one not at all', async () => {
    await harness.db.collection('audit').add({ data: { _id: 'contended', runs: 0 } })
    let bodies = 0
    // Twelve units write one document at once: they conflict, and the SDK runs their bodies again.
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, round) =>
        runUnitOfWork(db(), async (unit) => {
          bodies += 1
          const contended = (await unit.read('audit', 'contended')) as unknown as { runs: number }
          unit.update('audit', 'contended', { runs: contended.runs + 1 } as never)
          unit.tally({ storeId: 'store-1', atMs: 1_000 }, { checkIns: 1, pointsEarned: round })
          unit.tally({ storeId: 'store-1', atMs: 1_000 }, { checkIns: 1 })
          return 'counted'
        }),
      ),
    )
    await runUnitOfWork(db(), async (unit) => {
      unit.tally({ storeId: 'store-1', atMs: 1_000 }, { checkIns: 100 })
      return 'a tally alone'
    })
    await expect(
      runUnitOfWork(db(), async (unit) => {
        unit.tally({ storeId: 'store-2', atMs: 1_000 }, { checkIns: 100 })
        throw new Error('the body refused')
      }),
    ).rejects.toThrow('the body refused')
    expect(answers).toHaveLength(12)
    expect(bodies).toBeGreaterThan(12)
    const { data: events } = await harness.db.collection('stat_events').limit(100).get()
    const ofStoreOne = (events as { storeId: string; delta: { checkIns: number; pointsEarned?: number } }[]).filter(
      (event) => event.storeId === 'store-1',
    )
    // One event per committed unit (its two tallies merged), plus the unit that committed only a tally.
    expect(ofStoreOne).toHaveLength(13)
    expect(ofStoreOne.reduce((sum, event) => sum + event.delta.checkIns, 0)).toBe(12 * 2 + 100)
    expect(ofStoreOne.reduce((sum, event) => sum + (event.delta.pointsEarned ?? 0), 0)).toBe(66)
    expect(events.some((event: { storeId: string }) => event.storeId === 'store-2')).toBe(false)
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
