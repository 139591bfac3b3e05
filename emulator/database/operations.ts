import { aggregate, Query, update } from 'mingo'
import { cloneDocument, type DocumentObject, parseEjson, parseStored, stringifyEjson, type Value } from './ejson'
import {
  collectionAlreadyExists,
  DatabaseError,
  duplicateKey,
  invalidParam,
  requestFailed,
  transactionWhereRefused,
} from './errors'
import { planAccess, stringIdCursorOf } from './queryPlan'
import { idKeyOf, type Store, type StoredDocument } from './state'
import type { TransactionAccess, TransactionManager } from './transactions'

/** `get()` answers this many documents when no limit is given (CloudBase's default). */
export const QUERY_LIMIT_DEFAULT = 100

/** The most documents one `get()` answers in the server SDK. */
export const QUERY_LIMIT_MAX = 1000

/** An aggregation without `$limit` answers at most this many documents, as CloudBase does. */
export const AGGREGATE_LIMIT_DEFAULT = 20

/** Documents one `add()` may insert. */
export const INSERT_DOCUMENTS_MAX = 1000

/** What every operation needs: the store, the transactions, the clock and the id source. */
export interface OperationContext {
  readonly store: Store
  readonly transactions: TransactionManager
  readonly nowMs: number
  readonly newId: () => string
  /** The calling invocation (from the SDK's seqId), or null when the caller set no TCB_SEQID. */
  readonly invocationId: string | null
  /** Refuse `where()` writes from an invocation that has a transaction open (see README). */
  readonly refuseWhereWritesDuringTransaction: boolean
}

/** The JSON body the SDK posts to /admin, as far as the database actions use it. */
export interface DatabaseRequest {
  readonly action: string
  readonly collectionName?: unknown
  readonly query?: unknown
  readonly queryType?: unknown
  readonly projection?: unknown
  readonly order?: unknown
  readonly offset?: unknown
  readonly limit?: unknown
  readonly data?: unknown
  readonly multi?: unknown
  readonly merge?: unknown
  readonly upsert?: unknown
  readonly transactionId?: unknown
  readonly stages?: unknown
}

/** The `data` part of a successful reply (plus `transactionId` for startTransaction). */
export type OperationReply = { readonly data?: Record<string, unknown>; readonly transactionId?: string }

/** One database action: synchronous, run inside one sqlite transaction by the server. */
export type Operation = (request: DatabaseRequest, context: OperationContext) => OperationReply

function collectionOf(request: DatabaseRequest): string {
  if (typeof request.collectionName !== 'string' || request.collectionName === '') {
    throw invalidParam('collectionName is required')
  }
  return request.collectionName
}

function objectParam(raw: unknown, name: string, context: OperationContext): DocumentObject {
  if (raw === undefined || raw === '') return {}
  if (typeof raw !== 'string') throw invalidParam(`${name} must be an EJSON string`)
  let value: Value
  try {
    value = parseEjson(raw, { nowMs: context.nowMs })
  } catch {
    throw invalidParam(`${name} is not valid EJSON`)
  }
  if (
    value === null ||
    typeof value !== 'object' ||
    Array.isArray(value) ||
    value instanceof Date ||
    value instanceof RegExp
  ) {
    throw invalidParam(`${name} must be an object`)
  }
  return value as DocumentObject
}

function transactionIdOf(request: DatabaseRequest): string | undefined {
  return typeof request.transactionId === 'string' && request.transactionId !== '' ? request.transactionId : undefined
}

/** The `_id` of a single-document request (`queryType: 'DOC'`, query `{ _id }`). */
function documentIdOf(query: DocumentObject): Value {
  const id = query._id
  if (typeof id !== 'string' && typeof id !== 'number')
    throw invalidParam('a document request needs a string or number _id')
  return id
}

function isDocumentRequest(request: DatabaseRequest): boolean {
  return request.queryType === 'DOC'
}

function compileQuery(query: DocumentObject): Query {
  try {
    return new Query(query as Record<string, unknown>)
  } catch (error) {
    throw requestFailed(`invalid query: ${(error as Error).message}`)
  }
}

interface Matched {
  readonly stored: StoredDocument
  readonly document: DocumentObject
}

function* matchesIn(candidates: Iterable<StoredDocument>, query: DocumentObject): Iterable<Matched> {
  const compiled = compileQuery(query)
  for (const stored of candidates) {
    const document = parseStored(stored.body)
    if (compiled.test(document)) yield { stored, document }
  }
}

function matches(store: Store, collection: string, query: DocumentObject): Iterable<Matched> {
  return matchesIn(store.read(collection, planAccess(query, store.indexesOf(collection))), query)
}

/** The matches after the first `offset`, at most `limit`, reading no further candidates than that takes. */
function firstMatches(
  candidates: Iterable<StoredDocument>,
  query: DocumentObject,
  page: { readonly offset: number; readonly limit: number },
): Matched[] {
  const selected: Matched[] = []
  let skipped = 0
  for (const match of matchesIn(candidates, query)) {
    if (skipped < page.offset) {
      skipped += 1
      continue
    }
    selected.push(match)
    if (selected.length >= page.limit) break
  }
  return selected
}

function project(documents: readonly DocumentObject[], projection: DocumentObject | undefined): DocumentObject[] {
  if (!projection || Object.keys(projection).length === 0) return [...documents]
  try {
    return new Query({}).find(documents as object[], projection as Record<string, number>).all() as DocumentObject[]
  } catch (error) {
    throw requestFailed(`invalid projection: ${(error as Error).message}`)
  }
}

function nonNegativeInteger(raw: unknown, name: string, fallback: number): number {
  if (raw === undefined || raw === null) return fallback
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0)
    throw invalidParam(`${name} must be a non-negative integer`)
  return raw
}

function getInTransaction(request: DatabaseRequest, context: OperationContext, transactionId: string): OperationReply {
  if (!isDocumentRequest(request)) throw transactionWhereRefused('where().get() was sent with a transaction id')
  const collection = collectionOf(request)
  context.store.requireCollection(collection)
  const idKey = idKeyOf(documentIdOf(objectParam(request.query, 'query', context)))
  const found = context.transactions.within(transactionId, (access) => access.read(collection, idKey))
  const projection =
    request.projection === undefined ? undefined : objectParam(request.projection, 'projection', context)
  const list = project(found ? [found] : [], projection).map((document) => stringifyEjson(document))
  return { data: { list } }
}

/** database.getDocument: `doc(id).get()` and `where().orderBy().skip().limit().field().get()`. */
export const getDocument: Operation = (request, context) => {
  const transactionId = transactionIdOf(request)
  if (transactionId) return getInTransaction(request, context, transactionId)
  const collection = collectionOf(request)
  context.store.requireCollection(collection)
  const query = objectParam(request.query, 'query', context)
  const projection =
    request.projection === undefined ? undefined : objectParam(request.projection, 'projection', context)
  const order = request.order === undefined ? undefined : objectParam(request.order, 'order', context)
  const offset = nonNegativeInteger(request.offset, 'offset', 0)
  const requested = nonNegativeInteger(request.limit, 'limit', QUERY_LIMIT_DEFAULT)
  const limit = Math.min(requested === 0 ? QUERY_LIMIT_DEFAULT : requested, QUERY_LIMIT_MAX)
  let selected: Matched[]
  const cursor = stringIdCursorOf(query, order)
  if (cursor) {
    selected = firstMatches(context.store.readStringIds(collection, cursor), query, { offset, limit })
  } else if (order && Object.keys(order).length > 0) {
    const all = [...matches(context.store, collection, query)]
    const sorted = new Query({})
      .find(
        all.map((match, position) => ({ ...match.document, __position: position })),
        {},
      )
      .sort(order as Record<string, 1 | -1>)
      .skip(offset)
      .limit(limit)
      .all() as { __position: number }[]
    selected = sorted.map((row) => all[row.__position] as Matched)
  } else {
    selected = firstMatches(
      context.store.read(collection, planAccess(query, context.store.indexesOf(collection))),
      query,
      {
        offset,
        limit,
      },
    )
  }
  const list =
    projection && Object.keys(projection).length > 0
      ? project(
          selected.map((match) => match.document),
          projection,
        ).map((document) => stringifyEjson(document))
      : selected.map((match) => match.stored.body)
  return { data: { list, limit, offset } }
}

/** database.calculateDocument: `count()`. */
export const calculateDocument: Operation = (request, context) => {
  const collection = collectionOf(request)
  context.store.requireCollection(collection)
  const query = objectParam(request.query, 'query', context)
  if (Object.keys(query).length === 0) return { data: { total: context.store.countAll(collection) } }
  let total = 0
  for (const _ of matches(context.store, collection, query)) total += 1
  return { data: { total } }
}

function documentsToInsert(request: DatabaseRequest, context: OperationContext): DocumentObject[] {
  const raw = Array.isArray(request.data) ? request.data : [request.data]
  if (raw.length === 0) throw invalidParam('data must not be empty')
  if (raw.length > INSERT_DOCUMENTS_MAX) throw invalidParam(`at most ${INSERT_DOCUMENTS_MAX} documents per add`)
  return raw.map((item) => {
    const document = objectParam(item, 'data', context)
    if (document._id === undefined) return { _id: context.newId(), ...document }
    if (typeof document._id !== 'string' && typeof document._id !== 'number')
      throw invalidParam('_id must be a string or number')
    return document
  })
}

/** database.insertDocument: `add()`, one document or several, inside a transaction or not. */
export const insertDocument: Operation = (request, context) => {
  const collection = collectionOf(request)
  context.store.requireCollection(collection)
  const documents = documentsToInsert(request, context)
  const transactionId = transactionIdOf(request)
  if (transactionId) {
    context.transactions.within(transactionId, (access) => {
      for (const document of documents) {
        const idKey = idKeyOf(document._id as Value)
        if (access.read(collection, idKey))
          throw duplicateKey({ collection, indexName: '_id_', key: `{ _id: ${idKey} }` })
        access.write(collection, idKey, document)
      }
    })
  } else {
    for (const document of documents) context.store.insert(collection, document)
  }
  return { data: { insertedIds: documents.map((document) => document._id) } }
}

function applyModifier(document: DocumentObject, modifier: DocumentObject): DocumentObject {
  const updated = cloneDocument(document)
  try {
    update(updated as Record<string, unknown>, modifier as Record<string, unknown>)
  } catch (error) {
    throw requestFailed(`invalid update: ${(error as Error).message}`)
  }
  if (idKeyOf(updated._id as Value) !== idKeyOf(document._id as Value)) {
    throw requestFailed("Performing an update on the path '_id' would modify the immutable field '_id'")
  }
  return updated
}

function checkModifier(data: DocumentObject, merge: boolean): void {
  const keys = Object.keys(data)
  const operators = keys.filter((key) => key.startsWith('$'))
  if (merge && operators.length !== keys.length) throw requestFailed('update data must consist of update operators')
  if (!merge && operators.length > 0) throw requestFailed('update operator complicit')
  if (!merge && '_id' in data) throw invalidParam('不能更新_id的值')
}

/** The new content of one document, or undefined when the write leaves it unchanged. */
function modified(current: DocumentObject, data: DocumentObject, merge: boolean): DocumentObject | undefined {
  const next = merge ? applyModifier(current, data) : { _id: current._id as Value, ...data }
  return stringifyEjson(next) === stringifyEjson(current) ? undefined : next
}

function upsertDocument(id: Value, data: DocumentObject, merge: boolean): DocumentObject {
  return merge ? applyModifier({ _id: id }, data) : { _id: id, ...data }
}

function modifyInTransaction(
  access: TransactionAccess,
  options: { collection: string; id: Value; data: DocumentObject; merge: boolean; upsert: boolean },
): OperationReply {
  const idKey = idKeyOf(options.id)
  const current = access.read(options.collection, idKey)
  if (!current) {
    if (!options.upsert) return { data: { updated: 0 } }
    access.write(options.collection, idKey, upsertDocument(options.id, options.data, options.merge))
    return { data: { updated: 0, upsert_id: options.id } }
  }
  const next = modified(current, options.data, options.merge)
  if (!next) return { data: { updated: 0 } }
  access.write(options.collection, idKey, next)
  return { data: { updated: 1 } }
}

function refuseWhereWriteInTransaction(request: DatabaseRequest, context: OperationContext, verb: string): void {
  if (transactionIdOf(request)) throw transactionWhereRefused(`where().${verb}() was sent with a transaction id`)
  if (
    context.refuseWhereWritesDuringTransaction &&
    context.invocationId !== null &&
    context.transactions.hasOpenTransaction(context.invocationId)
  ) {
    throw transactionWhereRefused(`where().${verb}() was issued while this invocation has a transaction open`)
  }
}

/** database.modifyDocument: `doc().update()`, `doc().set()` (replace or upsert) and `where().update()`. */
export const modifyDocument: Operation = (request, context) => {
  const collection = collectionOf(request)
  context.store.requireCollection(collection)
  const query = objectParam(request.query, 'query', context)
  const data = objectParam(request.data, 'data', context)
  const merge = request.merge !== false
  const upsert = request.upsert === true
  checkModifier(data, merge)
  const transactionId = transactionIdOf(request)
  if (isDocumentRequest(request)) {
    const id = documentIdOf(query)
    if (transactionId) {
      return context.transactions.within(transactionId, (access) =>
        modifyInTransaction(access, { collection, id, data, merge, upsert }),
      )
    }
    const stored = context.store.findById(collection, idKeyOf(id))
    if (!stored) {
      if (!upsert) return { data: { updated: 0 } }
      context.store.insert(collection, upsertDocument(id, data, merge))
      return { data: { updated: 0, upsert_id: id } }
    }
    const next = modified(parseStored(stored.body), data, merge)
    if (next) context.store.replace(collection, stored.idKey, next)
    return { data: { updated: next ? 1 : 0 } }
  }
  refuseWhereWriteInTransaction(request, context, 'update')
  const multi = request.multi !== false
  const targets: Matched[] = []
  for (const match of matches(context.store, collection, query)) {
    targets.push(match)
    if (!multi) break
  }
  let updated = 0
  for (const target of targets) {
    const next = modified(target.document, data, merge)
    if (!next) continue
    context.store.replace(collection, target.stored.idKey, next)
    updated += 1
  }
  if (targets.length === 0 && upsert) {
    const id = context.newId()
    context.store.insert(collection, upsertDocument(id, data, merge))
    return { data: { updated: 0, upsert_id: id } }
  }
  return { data: { updated } }
}

/** database.removeDocument: `doc().remove()` and `where().remove()`. */
export const removeDocument: Operation = (request, context) => {
  const collection = collectionOf(request)
  context.store.requireCollection(collection)
  const query = objectParam(request.query, 'query', context)
  const transactionId = transactionIdOf(request)
  if (isDocumentRequest(request)) {
    const idKey = idKeyOf(documentIdOf(query))
    if (transactionId) {
      return context.transactions.within(transactionId, (access) => {
        if (!access.read(collection, idKey)) return { data: { deleted: 0 } }
        access.write(collection, idKey, null)
        return { data: { deleted: 1 } }
      })
    }
    return { data: { deleted: context.store.remove(collection, idKey) ? 1 : 0 } }
  }
  refuseWhereWriteInTransaction(request, context, 'remove')
  if (Object.keys(query).length === 0) throw requestFailed('where().remove() needs a query')
  const multi = request.multi !== false
  const targets: string[] = []
  for (const match of matches(context.store, collection, query)) {
    targets.push(match.stored.idKey)
    if (!multi) break
  }
  let deleted = 0
  for (const idKey of targets) if (context.store.remove(collection, idKey)) deleted += 1
  return { data: { deleted } }
}

function pipelineOf(request: DatabaseRequest, context: OperationContext): DocumentObject[] {
  if (!Array.isArray(request.stages)) throw invalidParam('stages must be a list')
  return request.stages.map((stage: unknown) => {
    const { stageKey, stageValue } = (stage ?? {}) as { stageKey?: unknown; stageValue?: unknown }
    if (typeof stageKey !== 'string' || !stageKey.startsWith('$') || typeof stageValue !== 'string') {
      throw invalidParam('each stage needs a stageKey and an EJSON stageValue')
    }
    try {
      return { [stageKey]: parseEjson(stageValue, { nowMs: context.nowMs }) }
    } catch {
      throw invalidParam(`stage ${stageKey} is not valid EJSON`)
    }
  })
}

function allDocuments(store: Store, collection: string): DocumentObject[] {
  store.requireCollection(collection)
  return [...store.read(collection, { kind: 'scan' })].map((stored) => parseStored(stored.body))
}

/** database.aggregateDocuments: `aggregate()....end()`; a leading `$match` uses indexes like a query. */
export const aggregateDocuments: Operation = (request, context) => {
  const collection = collectionOf(request)
  context.store.requireCollection(collection)
  const pipeline = pipelineOf(request, context)
  const first = pipeline[0]
  const source =
    first && '$match' in first
      ? [...matches(context.store, collection, first.$match as DocumentObject)].map((match) => match.document)
      : allDocuments(context.store, collection)
  const hasLimit = pipeline.some((stage) => '$limit' in stage)
  const stages = hasLimit ? pipeline : [...pipeline, { $limit: AGGREGATE_LIMIT_DEFAULT }]
  let result: unknown[]
  try {
    result = aggregate(source, stages as Record<string, unknown>[], {
      collectionResolver: (name: string) => allDocuments(context.store, name),
    })
  } catch (error) {
    if (error instanceof DatabaseError) throw error
    throw requestFailed(`invalid pipeline: ${(error as Error).message}`)
  }
  return { data: { list: result.map((document) => stringifyEjson(document as Value)) } }
}

/** database.addCollection: `db.createCollection(name)`. */
export const addCollection: Operation = (request, context) => {
  const collection = collectionOf(request)
  if (!context.store.createCollection(collection)) throw collectionAlreadyExists(collection)
  return {}
}

/** database.startTransaction. */
export const startTransaction: Operation = (_request, context) => ({
  transactionId: context.transactions.start(context.invocationId),
})

/** database.commitTransaction. */
export const commitTransaction: Operation = (request, context) => {
  const transactionId = transactionIdOf(request)
  if (!transactionId) throw invalidParam('transactionId is required')
  context.transactions.commit(transactionId)
  return {}
}

/** database.abortTransaction. */
export const abortTransaction: Operation = (request, context) => {
  const transactionId = transactionIdOf(request)
  if (!transactionId) throw invalidParam('transactionId is required')
  context.transactions.abort(transactionId)
  return {}
}

/** Every database action the emulator answers, by its protocol name. */
export const DATABASE_OPERATIONS: Readonly<Record<string, Operation>> = {
  'database.getDocument': getDocument,
  'database.calculateDocument': calculateDocument,
  'database.insertDocument': insertDocument,
  'database.modifyDocument': modifyDocument,
  'database.removeDocument': removeDocument,
  'database.aggregateDocuments': aggregateDocuments,
  'database.addCollection': addCollection,
  'database.startTransaction': startTransaction,
  'database.commitTransaction': commitTransaction,
  'database.abortTransaction': abortTransaction,
}
