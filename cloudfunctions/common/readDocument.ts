import type { DocumentReference } from './cloud'

/** A document by id, or null when there is none (for idempotency keys and counters, the normal case). */
export async function readDocument<D>(reference: DocumentReference<D>): Promise<D | null> {
  const { data } = await reference.get()
  return data ?? null
}
