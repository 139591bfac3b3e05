/** Whether an SDK error is a unique-key violation: the database refusing a second write of the same id. */
export function isDuplicateKeyError(error: unknown): boolean {
  const message = (error as { errMsg?: unknown; message?: unknown } | null)?.errMsg ?? (error as Error | null)?.message
  return typeof message === 'string' && message.includes('E11000')
}

/** Whether an SDK error says a document looked up by id does not exist. */
export function isMissingDocumentError(error: unknown): boolean {
  const message = (error as { errMsg?: unknown } | null)?.errMsg ?? (error as Error | null)?.message
  return typeof message === 'string' && /does not exist|not exist/i.test(message)
}
