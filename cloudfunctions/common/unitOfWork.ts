/**
 * The one way a cloud function writes what must change together. A unit of work is one CloudBase
 * transaction: its body reads single documents by id (in parallel where independent), decides with
 * the pure core in `shared/`, and queues its writes; the writes are flushed together, in parallel,
 * when the body returns, and the transaction commits. A body that refuses simply queues nothing.
 *
 * CloudBase lets transactions touch only single documents by id (doc by id, add), which is all a
 * unit of work offers. The SDK runs the body again on a write conflict, so a body must not do
 * anything but read and queue (no calls to other services, no writes of its own).
 */
import { type Database, TRANSACTION_ATTEMPTS_MAX, type Transaction } from './cloud'
import { isDuplicateKeyError } from './databaseErrors'
import type { CollectionName, DocumentOf } from './documents'

/** A document without its `_id`, as `set` takes it. */
type FieldsOf<D> = Omit<D, '_id'>

export interface UnitOfWork {
  /** A document by id as the transaction sees it; null when there is none. */
  read<Name extends CollectionName>(name: Name, id: string): Promise<DocumentOf<Name> | null>
  /** Adds a new document under its `_id`; a taken id aborts the whole unit (the idempotency check). */
  create<Name extends CollectionName>(name: Name, document: DocumentOf<Name>): void
  /** Writes a whole document (created if absent) under its `_id`. */
  replace<Name extends CollectionName>(name: Name, document: DocumentOf<Name>): void
  /** Changes some top-level fields of an existing document. */
  update<Name extends CollectionName>(name: Name, id: string, fields: Partial<FieldsOf<DocumentOf<Name>>>): void
  /** Deletes a document by id (nothing happens when there is none). */
  remove(name: CollectionName, id: string): void
}

type Write = (transaction: Transaction) => Promise<unknown>

function unitOver(transaction: Transaction, writes: Write[]): UnitOfWork {
  return {
    async read(name, id) {
      const { data } = await transaction.collection(name).doc(id).get()
      return data ?? null
    },
    create(name, document) {
      writes.push((into) => into.collection(name).add({ data: { ...document } }))
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

export interface UnitOfWorkOptions<T> {
  /**
   * What to answer when the unit failed because a document it creates already exists: a concurrent
   * twin committed first. Typically re-reads the twin's marker outside the transaction and answers
   * it as a replay (or the business code); null means "not a replay" and the error propagates.
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

/** Runs `body` as one transaction, flushing its queued writes in parallel before the commit. */
export async function runUnitOfWork<T>(
  db: Database,
  body: (unit: UnitOfWork) => Promise<T>,
  options: UnitOfWorkOptions<T> = {},
): Promise<T> {
  try {
    return await db.runTransaction(async (transaction) => {
      // Fresh per attempt: the SDK runs the body again after a conflict.
      const writes: Write[] = []
      const answer = await body(unitOver(transaction, writes))
      await flush(writes, transaction)
      return answer
    }, TRANSACTION_ATTEMPTS_MAX)
  } catch (error) {
    if (!options.onDuplicate || !isDuplicateKeyError(error)) throw error
    const replay = await options.onDuplicate()
    if (replay === null) throw error
    return replay
  }
}
