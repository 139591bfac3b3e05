/**
 * The one way a cloud function writes what must change together. A unit of work is one CloudBase
 * transaction: its body reads single documents by id (in parallel where independent), decides with
 * the pure core in `shared/`, and queues its writes; the writes are flushed together, in parallel,
 * when the body returns, and the transaction commits. A body that refuses simply queues nothing.
 *
 * CloudBase lets transactions touch only single documents by id (doc by id, add), which is all a
 * unit of work offers.
 *
 * A unit also counts what it does for the dashboard: ledger entries and coupons are written only
 * through `createLedgerEntry` and `createCoupon`, which tally them, and `tally` adds any other figure.
 * The tallies go out as one stat event per store with the unit's other writes (see `StatEvent`), so
 * the figures commit or roll back with what they count. The request budgets in the actions' doc
 * comments count a unit's own writes: add that one write per store a unit tallies for
 * (tests/functions/requestCounts.test.ts has the totals). The SDK runs the body again on a write conflict, so a body must not do
 * anything but read and queue (no calls to other services, no writes of its own).
 */
import { randomUUID } from 'node:crypto'
import type { LedgerEntry } from '@shared/member'
import { ledgerDelta, mergeDeltas, type StatDelta } from '@shared/stats/figures'
import type { StatAttribution, StatEvent } from '@shared/stats/statEvent'
import { type Database, TRANSACTION_ATTEMPTS_MAX, type Transaction } from './cloud'
import type { CouponDocument } from './couponDocument'
import { isDuplicateKeyError } from './databaseErrors'
import type { CollectionName, DocumentOf } from './documents'

/** A document without its `_id`, as `set` takes it. */
type FieldsOf<D> = Omit<D, '_id'>

/** Collections a unit writes only through a method that also counts the write for the dashboard. */
type CountedCollection = 'ledger' | 'coupons' | 'stat_events'

export interface UnitOfWork {
  /** A document by id as the transaction sees it; null when there is none. */
  read<Name extends CollectionName>(name: Name, id: string): Promise<DocumentOf<Name> | null>
  /** Adds a new document under its `_id`; a taken id aborts this run of the unit (see `runUnitOfWork`). */
  create<Name extends Exclude<CollectionName, CountedCollection>>(name: Name, document: DocumentOf<Name>): void
  /**
   * Adds a ledger entry (as `create`) and counts its points for the dashboard, for the store the
   * entry's event belongs to: the one way to write the ledger, so no points move uncounted.
   */
  createLedgerEntry(entry: LedgerEntry, storeId: string | null): void
  /**
   * Adds a coupon to a wallet (as `create`) and counts it issued. Coupons are issued to the chain's
   * members, not in a store (a claim, a gift, an admin's issue): they count in the chain's figures
   * (store null); their verifications count for the store that verifies them.
   */
  createCoupon(coupon: CouponDocument): void
  /** Adds to the dashboard's figures of a store (see `StatEvent`): written with the unit's other writes. */
  tally(attribution: StatAttribution, delta: StatDelta): void
  /** Writes a whole document (created if absent) under its `_id`. */
  replace<Name extends CollectionName>(name: Name, document: DocumentOf<Name>): void
  /** Changes some top-level fields of an existing document. */
  update<Name extends CollectionName>(name: Name, id: string, fields: Partial<FieldsOf<DocumentOf<Name>>>): void
  /** Deletes a document by id (nothing happens when there is none). */
  remove(name: CollectionName, id: string): void
}

type Write = (transaction: Transaction) => Promise<unknown>

/** The unit's tallies, one stat event per store and instant, in the order first tallied. */
class Tallies {
  private readonly events = new Map<string, { attribution: StatAttribution; delta: StatDelta }>()

  add(attribution: StatAttribution, delta: StatDelta): void {
    const key = `${attribution.storeId ?? ''}@${attribution.atMs}`
    const earlier = this.events.get(key)
    this.events.set(key, { attribution, delta: earlier ? mergeDeltas(earlier.delta, delta) : delta })
  }

  /** The stat events to write; ids are drawn per run, so only the committed run's events exist. */
  documents(): StatEvent[] {
    return [...this.events.values()].map(({ attribution, delta }) => ({
      _id: `stat_${randomUUID().replaceAll('-', '')}`,
      storeId: attribution.storeId,
      atMs: attribution.atMs,
      delta,
    }))
  }
}

function unitOver(transaction: Transaction, writes: Write[], tallies: Tallies): UnitOfWork {
  const create = (name: CollectionName, document: { readonly _id: string }) => {
    writes.push((into) => into.collection(name).add({ data: { ...document } }))
  }
  return {
    async read(name, id) {
      const { data } = await transaction.collection(name).doc(id).get()
      return data ?? null
    },
    create,
    createLedgerEntry(entry, storeId) {
      create('ledger', entry)
      tallies.add({ storeId, atMs: entry.createdAtMs }, ledgerDelta(entry))
    },
    createCoupon(coupon) {
      create('coupons', coupon)
      tallies.add({ storeId: null, atMs: coupon.issuedAtMs }, { couponsIssued: 1 })
    },
    tally(attribution, delta) {
      tallies.add(attribution, delta)
    },
    replace(name, document) {
      const { _id, ...fields } = document as DocumentOf<CollectionName>
      writes.push((into) => into.collection(name).doc(_id).set({ data: fields }))
    },
    update(name, id, fields) {
      writes.push((into) =>
        into
          .collection(name)
          .doc(id)
          .update({ data: { ...fields } }),
      )
    },
    remove(name, id) {
      writes.push((into) => into.collection(name).doc(id).remove())
    },
  }
}

/**
 * Runs of one unit that found an id taken. A taken id means a concurrent twin committed after this
 * unit read: its decision was made on a stale view, and the next run, on fresh reads, decides again
 * (two in a row already take a twin that committed between a run's reads and its writes twice; a
 * random pickup code colliding that often is rarer still).
 */
export const STALE_VIEW_RUNS_MAX = 5

export interface UnitOfWorkOptions<T> {
  /**
   * For a unit whose body reads nothing that would show its twin (a join creates the member blind,
   * to save the read): what to answer when an id it creates is taken, instead of running again;
   * null means "run again".
   */
  readonly onDuplicate?: () => Promise<T | null>
}

/**
 * Of the failures of writes flushed together, the one that decided the outcome. A failed write ends
 * the transaction (CloudBase runs MongoDB's rules), so writes flushed beside it fail with "transaction
 * does not exist" and may answer first; a taken id is what the caller must see, to answer a replay.
 */
export function decisiveFailure(failures: readonly unknown[]): unknown {
  return failures.find(isDuplicateKeyError) ?? failures[0]
}

async function flush(writes: readonly Write[], transaction: Transaction): Promise<void> {
  const outcomes = await Promise.allSettled(writes.map((write) => write(transaction)))
  const failures = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []))
  if (failures.length > 0) throw decisiveFailure(failures)
}

function transactionOf<T>(db: Database, body: (unit: UnitOfWork) => Promise<T>): Promise<T> {
  return db.runTransaction(async (transaction) => {
    // Fresh per attempt: the SDK runs the body again after a conflict.
    const writes: Write[] = []
    const tallies = new Tallies()
    const answer = await body(unitOver(transaction, writes, tallies))
    for (const event of tallies.documents()) {
      writes.push((into) => into.collection('stat_events').add({ data: { ...event } }))
    }
    await flush(writes, transaction)
    return answer
  }, TRANSACTION_ATTEMPTS_MAX)
}

/**
 * Runs `body` as one transaction, flushing its queued writes in parallel before the commit.
 *
 * Two requests racing for one derived id (an idempotency marker, a once-only gift, a check-in day)
 * end in one of two ways, on CloudBase as on the emulator: the loser's commit conflicts (the SDK runs
 * the body again), or its `add` finds the id taken, which aborts the transaction and which the SDK
 * does not retry. The second is the same race seen earlier, so it is answered the same way: the body
 * runs again on fresh reads and decides again: a replay of the twin's work, the business refusal a
 * second request gets, or the main effect without the once-only side effect the twin already wrote
 * (two purchases crossing a tier both record; the upgrade gift is paid once). So no race loser
 * answers INTERNAL, and no legitimate work is lost.
 */
export async function runUnitOfWork<T>(
  db: Database,
  body: (unit: UnitOfWork) => Promise<T>,
  options: UnitOfWorkOptions<T> = {},
): Promise<T> {
  for (let run = 1; ; run += 1) {
    try {
      return await transactionOf(db, body)
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error
      const answer = options.onDuplicate ? await options.onDuplicate() : null
      if (answer !== null) return answer
      if (run >= STALE_VIEW_RUNS_MAX) throw error
    }
  }
}
