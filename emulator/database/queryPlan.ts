import type { DocumentObject, Value } from './ejson'
import { type IndexDeclaration, indexKeyOf } from './indexes'
import { type AccessPath, idKeyOf } from './state'

/** Keys one plan may look up (a product of `$in` lists); beyond it the planner scans instead. */
export const PLAN_KEYS_MAX = 1000

function isOperatorObject(value: Value): value is Readonly<Record<string, Value>> {
  if (
    value === null ||
    typeof value !== 'object' ||
    Array.isArray(value) ||
    value instanceof Date ||
    value instanceof RegExp
  ) {
    return false
  }
  const keys = Object.keys(value)
  return keys.length > 0 && keys.every((key) => key.startsWith('$'))
}

function isIndexableValue(value: Value): boolean {
  return !Array.isArray(value) && !(value instanceof RegExp) && !isOperatorObject(value)
}

/** The values a field constraint pins the field to (`x`, `{$eq: x}`, `{$in: [...]}`), or undefined. */
function pinnedValues(constraint: Value): readonly Value[] | undefined {
  if (isOperatorObject(constraint)) {
    if ('$eq' in constraint) {
      const value = constraint.$eq as Value
      return isIndexableValue(value) ? [value] : undefined
    }
    const list = constraint.$in
    if (Array.isArray(list) && list.length > 0 && list.every(isIndexableValue)) return list
    return undefined
  }
  return isIndexableValue(constraint) ? [constraint] : undefined
}

/** Field → pinned values, from the top level of a query and from the members of a top-level `$and`. */
function pinnedFields(query: DocumentObject): Map<string, readonly Value[]> {
  const pinned = new Map<string, readonly Value[]>()
  const visit = (clause: DocumentObject): void => {
    for (const [field, constraint] of Object.entries(clause)) {
      if (field === '$and' && Array.isArray(constraint)) {
        for (const member of constraint) if (member && typeof member === 'object') visit(member as DocumentObject)
        continue
      }
      if (field.startsWith('$')) continue
      const values = pinnedValues(constraint)
      if (values && !pinned.has(field)) pinned.set(field, values)
    }
  }
  visit(query)
  return pinned
}

function tuplesOf(columns: readonly (readonly Value[])[]): Value[][] | undefined {
  let tuples: Value[][] = [[]]
  for (const column of columns) {
    const next: Value[][] = []
    for (const tuple of tuples) for (const value of column) next.push([...tuple, value])
    if (next.length > PLAN_KEYS_MAX) return undefined
    tuples = next
  }
  return tuples
}

function fullIndexPath(index: IndexDeclaration, pinned: Map<string, readonly Value[]>): AccessPath | undefined {
  const columns = index.fields.map(({ field }) => pinned.get(field))
  if (columns.some((column) => column === undefined)) return undefined
  const tuples = tuplesOf(columns as (readonly Value[])[])
  if (!tuples) return undefined
  return { kind: 'index', indexName: index.name, unique: index.unique, keys: tuples.map(indexKeyOf) }
}

function prefixIndexPath(index: IndexDeclaration, pinned: Map<string, readonly Value[]>): AccessPath | undefined {
  const columns: (readonly Value[])[] = []
  for (const { field } of index.fields) {
    const column = pinned.get(field)
    if (!column) break
    columns.push(column)
  }
  if (columns.length === 0) return undefined
  const tuples = tuplesOf(columns)
  if (!tuples) return undefined
  // A key for [a, b] is the JSON text '[a,b]': every key whose leading value is a starts with '[a,'.
  const prefixes = tuples.map((tuple) => `${indexKeyOf(tuple).slice(0, -1)},`)
  return { kind: 'indexPrefix', indexName: index.name, prefixes }
}

/**
 * Chooses how to read the documents a query may match: `_id` lookups, then an index whose fields are all
 * pinned by equality (unique first, then the most fields), then an index with a pinned leading field, else a
 * scan. The plan only narrows: every candidate is still tested against the whole query.
 */
export function planAccess(query: DocumentObject, indexes: readonly IndexDeclaration[]): AccessPath {
  const pinned = pinnedFields(query)
  const ids = pinned.get('_id')
  if (ids) return { kind: 'ids', idKeys: ids.map(idKeyOf) }
  const ranked = [...indexes].sort(
    (left, right) => Number(right.unique) - Number(left.unique) || right.fields.length - left.fields.length,
  )
  for (const index of ranked) {
    const path = fullIndexPath(index, pinned)
    if (path) return path
  }
  for (const index of ranked) {
    if (index.fields.length < 2) continue
    const path = prefixIndexPath(index, pinned)
    if (path) return path
  }
  return { kind: 'scan' }
}

/**
 * For a page ordered by `_id` ascending whose query bounds `_id` from below by a string (`{ _id: { $gt: 'm9' } }`,
 * a cursor): the bound, so the page can be read in id order from it and stop once full. Such a bound only matches
 * string ids (MongoDB compares within a type), which is all the functions use. Otherwise undefined.
 */
export function stringIdCursorOf(
  query: DocumentObject,
  order: DocumentObject | undefined,
): { readonly idKey: string; readonly inclusive: boolean } | undefined {
  if (!order || Object.keys(order).length !== 1 || order._id !== 1) return undefined
  const constraint = query._id
  if (!isOperatorObject(constraint as Value)) return undefined
  const operators = Object.keys(constraint as object)
  if (operators.length !== 1) return undefined
  const [operator] = operators
  const bound = (constraint as Record<string, Value>)[operator as string]
  if ((operator !== '$gt' && operator !== '$gte') || typeof bound !== 'string') return undefined
  return { idKey: idKeyOf(bound), inclusive: operator === '$gte' }
}
