import { type DocumentObject, parseStored, stringifyEjson } from './ejson'
import { DatabaseError, transactionConflict, transactionLimitExceeded, transactionNotActive } from './errors'
import type { Store } from './state'

/** How long a transaction may stay open (MongoDB's transactionLifetimeLimitSeconds default). */
export const TRANSACTION_LIFETIME_MS = 60_000

/** Open transactions at once; more is refused. */
export const TRANSACTIONS_OPEN_MAX = 1000

/** Finished transactions remembered, so a late commit or abort gets a precise answer. */
export const TRANSACTIONS_ENDED_REMEMBERED_MAX = 1000

interface PendingWrite {
  readonly collection: string
  readonly idKey: string
  /** The new EJSON text, or null for a removal. */
  readonly body: string | null
}

interface OpenTransaction {
  readonly id: string
  readonly invocationId: string | null
  readonly startedAtMs: number
  /** Document key → version seen (0 = absent) the first time this transaction touched it. */
  readonly versions: Map<string, number>
  /** Document key → the content first read (null = absent), so a re-read answers the same. */
  readonly snapshots: Map<string, string | null>
  readonly writes: Map<string, PendingWrite>
}

type EndedState = 'committed' | 'aborted' | 'conflicted'

function documentKey(collection: string, idKey: string): string {
  return `${collection}\u0000${idKey}`
}

/**
 * Optimistic transactions over the store. A transaction records the version of every document it reads or
 * writes, keeps the first content it read (so re-reads repeat), and buffers its writes. Commit checks that no
 * recorded version changed and applies the writes in one sqlite transaction, so a transaction is never half
 * applied and of two conflicting transactions only the first to commit succeeds; the other fails with
 * DATABASE_TRANSACTION_CONFLICT. Conflicts are reported at commit, not at the write: wx-server-sdk turns an error
 * raised by a write inside the callback into errCode -501001 and drops its code, so @cloudbase/database's
 * runTransaction only retries a conflict that commit reports.
 */
export class TransactionManager {
  private readonly open = new Map<string, OpenTransaction>()
  private readonly ended = new Map<string, EndedState>()

  constructor(
    private readonly store: Store,
    private readonly options: { readonly nowMs: () => number; readonly newId: () => string },
  ) {}

  /** Opens a transaction for an invocation (null when the caller is not attributed) and answers its id. */
  start(invocationId: string | null): string {
    this.expireOld()
    if (this.open.size >= TRANSACTIONS_OPEN_MAX) throw transactionLimitExceeded(TRANSACTIONS_OPEN_MAX)
    const id = this.options.newId()
    this.open.set(id, {
      id,
      invocationId,
      startedAtMs: this.options.nowMs(),
      versions: new Map(),
      snapshots: new Map(),
      writes: new Map(),
    })
    return id
  }

  /** Whether an invocation has a transaction open (used to refuse `where()` writes made inside one). */
  hasOpenTransaction(invocationId: string): boolean {
    for (const transaction of this.open.values()) if (transaction.invocationId === invocationId) return true
    return false
  }

  /** Runs one operation inside a transaction: any failure ends the transaction, as in MongoDB. */
  within<T>(transactionId: string, work: (access: TransactionAccess) => T): T {
    const transaction = this.active(transactionId)
    try {
      return work({
        read: (collection, idKey) => this.read(transaction, collection, idKey),
        write: (collection, idKey, document) => this.write(transaction, collection, idKey, document),
      })
    } catch (error) {
      const conflicted = error instanceof DatabaseError && error.code === 'DATABASE_TRANSACTION_CONFLICT'
      this.end(transaction, conflicted ? 'conflicted' : 'aborted')
      throw error
    }
  }

  /** Applies every buffered write atomically, after checking no recorded version changed. */
  commit(transactionId: string): void {
    const transaction = this.active(transactionId)
    try {
      this.store.atomically(() => {
        for (const [key, version] of transaction.versions) {
          const [collection, idKey] = key.split('\u0000') as [string, string]
          if ((this.store.findById(collection, idKey)?.version ?? 0) !== version) throw transactionConflict()
        }
        for (const write of transaction.writes.values()) this.apply(write)
      })
    } catch (error) {
      const conflicted = error instanceof DatabaseError && error.code === 'DATABASE_TRANSACTION_CONFLICT'
      this.end(transaction, conflicted ? 'conflicted' : 'aborted')
      throw error
    }
    this.end(transaction, 'committed')
  }

  /** Discards a transaction; aborting one that already ended is accepted. */
  abort(transactionId: string): void {
    const transaction = this.open.get(transactionId)
    if (transaction) this.end(transaction, 'aborted')
    else if (!this.ended.has(transactionId)) throw transactionNotActive(transactionId)
  }

  /** Forgets every transaction (emulator reset). */
  clear(): void {
    this.open.clear()
    this.ended.clear()
  }

  private apply(write: PendingWrite): void {
    const exists = this.store.findById(write.collection, write.idKey) !== undefined
    if (write.body === null) {
      if (exists) this.store.remove(write.collection, write.idKey)
      return
    }
    const document = parseStored(write.body)
    if (exists) this.store.replace(write.collection, write.idKey, document)
    else this.store.insert(write.collection, document)
  }

  private active(transactionId: string): OpenTransaction {
    const transaction = this.open.get(transactionId)
    if (!transaction) {
      // A transaction ended by a conflict keeps answering "conflict", so runTransaction retries it.
      if (this.ended.get(transactionId) === 'conflicted') throw transactionConflict()
      throw transactionNotActive(transactionId)
    }
    if (this.options.nowMs() - transaction.startedAtMs > TRANSACTION_LIFETIME_MS) {
      this.end(transaction, 'aborted')
      throw transactionNotActive(transactionId)
    }
    return transaction
  }

  private read(transaction: OpenTransaction, collection: string, idKey: string): DocumentObject | null {
    const key = documentKey(collection, idKey)
    const pending = transaction.writes.get(key)
    if (pending) return pending.body === null ? null : parseStored(pending.body)
    if (!transaction.snapshots.has(key)) {
      const stored = this.store.findById(collection, idKey)
      transaction.versions.set(key, stored?.version ?? 0)
      transaction.snapshots.set(key, stored?.body ?? null)
    }
    const snapshot = transaction.snapshots.get(key)
    return snapshot === null || snapshot === undefined ? null : parseStored(snapshot)
  }

  private write(
    transaction: OpenTransaction,
    collection: string,
    idKey: string,
    document: DocumentObject | null,
  ): void {
    const key = documentKey(collection, idKey)
    if (!transaction.versions.has(key)) this.read(transaction, collection, idKey)
    transaction.writes.set(key, { collection, idKey, body: document === null ? null : stringifyEjson(document) })
  }

  private end(transaction: OpenTransaction, state: EndedState): void {
    this.open.delete(transaction.id)
    this.ended.set(transaction.id, state)
    if (this.ended.size > TRANSACTIONS_ENDED_REMEMBERED_MAX) {
      const oldest = this.ended.keys().next().value
      if (oldest !== undefined) this.ended.delete(oldest)
    }
  }

  private expireOld(): void {
    const nowMs = this.options.nowMs()
    for (const transaction of [...this.open.values()]) {
      if (nowMs - transaction.startedAtMs > TRANSACTION_LIFETIME_MS) this.end(transaction, 'aborted')
    }
  }
}

/** What an operation may do inside a transaction: read and write single documents by `_id`. */
export interface TransactionAccess {
  /** The document as this transaction sees it (its own writes included), or null. */
  read(collection: string, idKey: string): DocumentObject | null
  /** Buffers a new content (or null for removal) of a document, recording its version if not yet read. */
  write(collection: string, idKey: string, document: DocumentObject | null): void
}
