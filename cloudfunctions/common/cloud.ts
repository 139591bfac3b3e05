/**
 * The one place that initialises wx-server-sdk, and the slice of its database API the functions
 * use, typed by what CloudBase actually returns (the SDK's own typings are unions too loose to use).
 * `DYNAMIC_CURRENT_ENV` makes every call use the environment the function runs in, so the same
 * bundle works in any CloudBase environment and, locally, against the emulator.
 */
import * as cloud from 'wx-server-sdk'
import type { CollectionName, DocumentOf } from './documents'

/** A query or collection of documents of type `D`: the chainable reads and writes of the SDK. */
export interface Query<D> {
  where(condition: Readonly<Record<string, unknown>>): Query<D>
  orderBy(field: string, order: 'asc' | 'desc'): Query<D>
  limit(count: number): Query<D>
  /** Only the named fields (`{ growth: true }`) or all but them (`{ programme: false }`). */
  field(projection: Readonly<Record<string, boolean>>): Query<D>
  skip(count: number): Query<D>
  get(): Promise<{ data: D[] }>
  count(): Promise<{ total: number }>
  update(options: { data: Readonly<Record<string, unknown>> }): Promise<{ stats: { updated: number } }>
  remove(): Promise<{ stats: { removed: number } }>
}

/** A document by id. `get` answers null for a missing document (the SDK is initialised with `throwOnNotFound: false`). */
export interface DocumentReference<D> {
  get(): Promise<{ data: D | null }>
  set(options: { data: Readonly<Record<string, unknown>> }): Promise<unknown>
  update(options: { data: Readonly<Record<string, unknown>> }): Promise<{ stats: { updated: number } }>
  remove(): Promise<unknown>
}

export interface Collection<D> extends Query<D> {
  doc(id: string): DocumentReference<D>
  add(options: { data: Readonly<Record<string, unknown>> }): Promise<{ _id: string }>
}

/** Inside a transaction only single documents by id may be touched: CloudBase's rule. */
export interface Transaction {
  collection<Name extends CollectionName>(
    name: Name,
  ): {
    doc(id: string): DocumentReference<DocumentOf<Name>>
    add(options: { data: Readonly<Record<string, unknown>> }): Promise<unknown>
  }
}

export interface Database {
  collection<Name extends CollectionName>(name: Name): Collection<DocumentOf<Name>>
  runTransaction<T>(work: (transaction: Transaction) => Promise<T>, retries?: number): Promise<T>
  // biome-ignore lint/suspicious/noExplicitAny: query commands are built dynamically (_.gte(1), _.or([...])).
  readonly command: any
}

/**
 * Attempts a transaction gets before giving up on conflicts. Transactions here only ever touch one
 * member's documents, so they conflict only with that member's own simultaneous requests (a double
 * tap, a retried request); the SDK's default of 3 can run out when a dozen arrive at once.
 */
export const TRANSACTION_ATTEMPTS_MAX = 10

let initialised = false

/** The initialised SDK. */
export function sdk(): typeof cloud {
  if (!initialised) {
    // A missing document reads as null instead of an error whose only mark is its message text.
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string, throwOnNotFound: false } as never)
    initialised = true
  }
  return cloud
}

/** The database of the current environment. */
export function database(): Database {
  return sdk().database() as unknown as Database
}
