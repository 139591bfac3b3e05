import type { Database } from './cloud'

/** Where a newest-first page ended: the last document's time and id. */
export interface PageEnd {
  readonly createdAtMs: number
  readonly id: string
}

/** Cursors name the last document shown: its time and id, so equal times never skip or repeat a line. */
export function encodeCursor(document: { readonly createdAtMs: number; readonly _id: string }): string {
  return `${document.createdAtMs}.${document._id}`
}

/** A cursor `encodeCursor` wrote; null for anything else. */
export function decodeCursor(cursor: string): PageEnd | null {
  const match = /^(\d{1,15})\.([A-Za-z0-9_:-]{1,64})$/.exec(cursor)
  return match ? { createdAtMs: Number(match[1]), id: match[2] as string } : null
}

/**
 * The query condition of a newest-first page (ordered by createdAtMs then _id, both descending):
 * `condition`, and after the previous page's end when there is one.
 */
export function afterPageEnd(db: Database, condition: Record<string, unknown>, after: PageEnd | null) {
  if (after === null) return condition
  const _ = db.command
  return _.and([
    condition,
    _.or([{ createdAtMs: _.lt(after.createdAtMs) }, { createdAtMs: after.createdAtMs, _id: _.lt(after.id) }]),
  ])
}

/**
 * A page out of the `pageSize + 1` newest documents a query read: the first `pageSize`, and the
 * cursor after the last of them when the extra one shows that more follow (null: the end).
 */
export function newestFirstPage<Document extends { readonly createdAtMs: number; readonly _id: string }>(
  data: readonly Document[],
  pageSize: number,
): { readonly documents: readonly Document[]; readonly nextCursor: string | null } {
  const documents = data.slice(0, pageSize)
  const last = documents.at(-1)
  return { documents, nextCursor: data.length > pageSize && last ? encodeCursor(last) : null }
}
