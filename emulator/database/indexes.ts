import { readFileSync } from 'node:fs'
import path from 'node:path'
import { stringifyEjson, type Value } from './ejson'

/** One field of an index and its sort direction (1 ascending, -1 descending). */
export interface IndexField {
  readonly field: string
  readonly direction: 1 | -1
}

/** One index of a collection, as declared in database/indexes.json and deployed to CloudBase. */
export interface IndexDeclaration {
  readonly name: string
  readonly fields: readonly IndexField[]
  readonly unique: boolean
}

/** Every declared collection and its indexes (a collection with `[]` exists without secondary indexes). */
export type IndexDeclarations = Readonly<Record<string, readonly IndexDeclaration[]>>

/** The one file in the repository that declares collections and indexes. */
export const INDEX_DECLARATIONS_PATH = path.resolve(__dirname, '../../database/indexes.json')

/** Index entries one document may produce (array fields multiply them); more is refused as a programmer error. */
export const INDEX_KEYS_PER_DOCUMENT_MAX = 1000

const NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

function fail(where: string, problem: string): never {
  throw new Error(`index declarations: ${where}: ${problem}`)
}

function parseField(raw: unknown, where: string): IndexField {
  const field = raw as { field?: unknown; direction?: unknown }
  if (typeof field?.field !== 'string' || field.field === '' || field.field.startsWith('$')) {
    fail(where, 'field must be a non-empty path')
  }
  if (field.direction !== 1 && field.direction !== -1) fail(where, 'direction must be 1 or -1')
  return { field: field.field, direction: field.direction }
}

function parseIndex(raw: unknown, where: string): IndexDeclaration {
  const index = raw as { name?: unknown; fields?: unknown; unique?: unknown }
  if (typeof index?.name !== 'string' || !NAME_PATTERN.test(index.name))
    fail(where, 'name must match [A-Za-z0-9_-]{1,64}')
  if (index.name === '_id_') fail(where, '_id_ is the built-in index')
  if (!Array.isArray(index.fields) || index.fields.length === 0) fail(where, 'fields must be a non-empty list')
  if (typeof index.unique !== 'boolean') fail(where, 'unique must be true or false')
  const fields = index.fields.map((field, position) => parseField(field, `${where}.fields[${position}]`))
  return { name: index.name, fields, unique: index.unique }
}

/** Validates parsed JSON as index declarations; throws an Error naming the first problem. */
export function parseIndexDeclarations(raw: unknown): IndexDeclarations {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) fail('root', 'must be an object of collections')
  const declarations: Record<string, readonly IndexDeclaration[]> = {}
  for (const [collection, indexes] of Object.entries(raw as Record<string, unknown>)) {
    if (collection.startsWith('$')) continue
    if (!NAME_PATTERN.test(collection)) fail(collection, 'collection name must match [A-Za-z0-9_-]{1,64}')
    if (!Array.isArray(indexes)) fail(collection, 'must be a list of indexes')
    const parsed = indexes.map((index, position) => parseIndex(index, `${collection}[${position}]`))
    const names = new Set(parsed.map((index) => index.name))
    if (names.size !== parsed.length) fail(collection, 'index names must be distinct')
    declarations[collection] = parsed
  }
  return declarations
}

/** Reads and validates the declarations file (by default database/indexes.json). */
export function loadIndexDeclarations(filePath: string = INDEX_DECLARATIONS_PATH): IndexDeclarations {
  return parseIndexDeclarations(JSON.parse(readFileSync(filePath, 'utf8')))
}

function isPlainObject(value: Value | undefined): value is { readonly [key: string]: Value } {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !(value instanceof RegExp)
  )
}

function collect(value: Value | undefined, segments: readonly string[], found: Value[]): void {
  if (segments.length === 0) {
    if (value === undefined) found.push(null)
    else if (Array.isArray(value)) {
      // MongoDB indexes each element of an array (multikey); an empty array is indexed as undefined ≈ null here.
      if (value.length === 0) found.push(null)
      for (const element of value) found.push(element)
    } else found.push(value)
    return
  }
  const [head, ...rest] = segments as [string, ...string[]]
  if (Array.isArray(value)) {
    const position = /^\d+$/.test(head) ? Number(head) : undefined
    if (position !== undefined) collect(value[position], rest, found)
    for (const element of value) if (isPlainObject(element)) collect(element[head], rest, found)
    return
  }
  if (isPlainObject(value)) collect(value[head], rest, found)
  else found.push(null)
}

/** The values a document holds at a dotted path, as an index sees them (missing → null, arrays → elements). */
export function valuesAtPath(document: Value, fieldPath: string): Value[] {
  const found: Value[] = []
  collect(document, fieldPath.split('.'), found)
  return found.length === 0 ? [null] : found
}

/** The text key of a tuple of field values; equal values (1 and 1.0, equal dates) give equal keys. */
export function indexKeyOf(values: readonly Value[]): string {
  return stringifyEjson(values as Value)
}

/** Every distinct key a document produces in an index (more than one when an indexed field holds an array). */
export function indexKeysOf(document: Value, declaration: IndexDeclaration): string[] {
  let tuples: Value[][] = [[]]
  for (const { field } of declaration.fields) {
    const values = valuesAtPath(document, field)
    const next: Value[][] = []
    for (const tuple of tuples) for (const value of values) next.push([...tuple, value])
    if (next.length > INDEX_KEYS_PER_DOCUMENT_MAX) {
      throw new Error(`index ${declaration.name}: a document produces more than ${INDEX_KEYS_PER_DOCUMENT_MAX} keys`)
    }
    tuples = next
  }
  return [...new Set(tuples.map(indexKeyOf))]
}
