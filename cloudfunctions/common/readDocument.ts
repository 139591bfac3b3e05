import type { DocumentReference } from './cloud'
import { isMissingDocumentError } from './databaseErrors'

/**
 * A document by id, or null when there is none: the SDK raises an error for a missing document
 * (in and out of transactions), which for idempotency keys and counters is the normal case.
 */
export async function readDocument<T>(reference: DocumentReference): Promise<T | null> {
  try {
    const { data } = await reference.get()
    return (data ?? null) as T | null
  } catch (error) {
    if (isMissingDocumentError(error)) return null
    throw error
  }
}
