import type { Database } from './cloud'

/** Store names one lookup answers at most (the server SDK's largest page is 1000). */
export const STORE_NAMES_MAX = 1000

/**
 * The names of the stores `storeIds` name, by id (a store not found is absent), for coupons limited
 * to stores. One request, none for no ids.
 */
export async function storeNamesOf(db: Database, storeIds: readonly string[]): Promise<Record<string, string>> {
  const wanted = [...new Set(storeIds)].slice(0, STORE_NAMES_MAX)
  if (wanted.length === 0) return {}
  const { data } = await db
    .collection('stores')
    .where({ _id: db.command.in(wanted) })
    .limit(wanted.length)
    .get()
  // Own entries, never assignments: a store id may read `__proto__`.
  return Object.fromEntries(data.map((store) => [store._id, store.name]))
}
