/**
 * What an admin write changed, for its audit entry: before and after of only the fields whose value
 * differs. Pure; values compare structurally (arrays and plain objects by their JSON), so rewriting a
 * field with an equal value records nothing.
 */

/** One changed field: its value before (null when absent) and after. */
export interface FieldChange {
  readonly before: unknown
  readonly after: unknown
}

/** The changed fields by name; empty when nothing changed. */
export type FieldChanges = Readonly<Record<string, FieldChange>>

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false
  return JSON.stringify(a) === JSON.stringify(b)
}

/**
 * The fields of `after` (only those `fields` names, when given) whose value is not the one in
 * `before`; `before` null (a creation) records every field with `before: null`. A field absent
 * from `after` is not compared: an update writes only the fields it names.
 */
export function fieldChanges<T extends object>(
  before: Partial<T> | null,
  after: Partial<T>,
  fields: readonly (keyof T & string)[] = Object.keys(after) as (keyof T & string)[],
): FieldChanges {
  const changes: Record<string, FieldChange> = {}
  for (const field of fields) {
    if (!(field in after)) continue
    // A field the document lacks reads as null, as the client sees it.
    const previous = before === null ? null : (before[field] ?? null)
    const next = after[field] ?? null
    if (before !== null && sameValue(previous, next)) continue
    changes[field] = { before: previous, after: next }
  }
  return changes
}

/** Whether a write changed anything. */
export function hasChanges(changes: FieldChanges): boolean {
  return Object.keys(changes).length > 0
}
