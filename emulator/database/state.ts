import Database from 'better-sqlite3'
import { type DocumentObject, parseStored, stringifyEjson, type Value } from './ejson'
import { collectionNotExist, duplicateKey } from './errors'
import { type IndexDeclaration, type IndexDeclarations, indexKeyOf, indexKeysOf } from './indexes'

/** Where the documents live: a file in WAL mode (development, durable) or memory (tests). */
export type StorageLocation = { readonly kind: 'memory' } | { readonly kind: 'file'; readonly path: string }

/** A document as stored: its `_id` key, its EJSON text and the version of its last write. */
export interface StoredDocument {
  readonly collection: string
  readonly idKey: string
  readonly body: string
  readonly version: number
}

/** How a query narrows the documents it reads: by `_id`, by an index, or not at all. */
export type AccessPath =
  | { readonly kind: 'ids'; readonly idKeys: readonly string[] }
  | { readonly kind: 'index'; readonly indexName: string; readonly unique: boolean; readonly keys: readonly string[] }
  | { readonly kind: 'indexPrefix'; readonly indexName: string; readonly prefixes: readonly string[] }
  | { readonly kind: 'scan' }

const SCHEMA = `
CREATE TABLE IF NOT EXISTS collections (name TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS documents (
  seq INTEGER PRIMARY KEY,
  collection TEXT NOT NULL,
  id TEXT NOT NULL,
  body TEXT NOT NULL,
  version INTEGER NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS documents_by_id ON documents (collection, id);
CREATE INDEX IF NOT EXISTS documents_in_order ON documents (collection, seq);
CREATE TABLE IF NOT EXISTS index_entries (
  collection TEXT NOT NULL, index_name TEXT NOT NULL, key TEXT NOT NULL, id TEXT NOT NULL,
  PRIMARY KEY (collection, index_name, key, id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS unique_index_entries (
  collection TEXT NOT NULL, index_name TEXT NOT NULL, key TEXT NOT NULL, id TEXT NOT NULL,
  PRIMARY KEY (collection, index_name, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
-- Every write of a document drops its index entries by id first: without these, that is a scan of
-- every entry of every index, and writes slow down as collections grow.
CREATE INDEX IF NOT EXISTS index_entries_by_id ON index_entries (collection, id);
CREATE INDEX IF NOT EXISTS unique_index_entries_by_id ON unique_index_entries (collection, id);
`

/** The text key of an `_id` value: JSON, so the string "1" and the number 1 stay distinct ids. */
export function idKeyOf(id: Value): string {
  return stringifyEjson(id)
}

/**
 * The emulator's storage: documents and index entries in better-sqlite3. Every write keeps the index tables in
 * step and bumps the document's version; unique indexes are sqlite primary keys, so a duplicate fails atomically.
 */
export class Store {
  private readonly database: Database.Database
  private readonly declarations: IndexDeclarations
  private lastVersion: number
  private readonly statements

  constructor(options: { location: StorageLocation; declarations: IndexDeclarations }) {
    this.declarations = options.declarations
    this.database = new Database(options.location.kind === 'file' ? options.location.path : ':memory:')
    if (options.location.kind === 'file') {
      this.database.pragma('journal_mode = WAL')
      // NORMAL in WAL mode: a committed transaction is in the WAL before the request is answered, so it
      // survives the process being killed; only an operating-system crash can lose the last commits.
      this.database.pragma('synchronous = NORMAL')
    }
    this.database.exec(SCHEMA)
    this.statements = this.prepare()
    this.lastVersion =
      (this.database.prepare('SELECT max(version) AS v FROM documents').get() as { v: number | null }).v ?? 0
    this.database.transaction(() => this.applyDeclarations())()
  }

  private prepare() {
    const db = this.database
    return {
      collectionExists: db.prepare('SELECT 1 FROM collections WHERE name = ?').pluck(),
      createCollection: db.prepare('INSERT OR IGNORE INTO collections (name) VALUES (?)'),
      byId: db.prepare('SELECT collection, id AS idKey, body, version FROM documents WHERE collection = ? AND id = ?'),
      scan: db.prepare(
        'SELECT collection, id AS idKey, body, version FROM documents WHERE collection = ? ORDER BY seq',
      ),
      // String ids' keys are JSON strings: they start with '"', and every one sorts below '#'.
      stringIdsAfter: db.prepare(
        `SELECT collection, id AS idKey, body, version FROM documents WHERE collection = ? AND id > ? AND id < '#' ORDER BY id`,
      ),
      stringIdsFrom: db.prepare(
        `SELECT collection, id AS idKey, body, version FROM documents WHERE collection = ? AND id >= ? AND id < '#' ORDER BY id`,
      ),
      count: db.prepare('SELECT count(*) FROM documents WHERE collection = ?').pluck(),
      insert: db.prepare('INSERT INTO documents (collection, id, body, version) VALUES (?, ?, ?, ?)'),
      update: db.prepare('UPDATE documents SET body = ?, version = ? WHERE collection = ? AND id = ?'),
      remove: db.prepare('DELETE FROM documents WHERE collection = ? AND id = ?'),
      indexLookup: db
        .prepare('SELECT id FROM index_entries WHERE collection = ? AND index_name = ? AND key = ?')
        .pluck(),
      indexPrefix: db
        .prepare('SELECT id FROM index_entries WHERE collection = ? AND index_name = ? AND key >= ? AND key < ?')
        .pluck(),
      uniqueLookup: db
        .prepare('SELECT id FROM unique_index_entries WHERE collection = ? AND index_name = ? AND key = ?')
        .pluck(),
      uniquePrefix: db
        .prepare('SELECT id FROM unique_index_entries WHERE collection = ? AND index_name = ? AND key >= ? AND key < ?')
        .pluck(),
      insertEntry: db.prepare(
        'INSERT OR IGNORE INTO index_entries (collection, index_name, key, id) VALUES (?, ?, ?, ?)',
      ),
      insertUnique: db.prepare(
        'INSERT INTO unique_index_entries (collection, index_name, key, id) VALUES (?, ?, ?, ?)',
      ),
      removeEntries: db.prepare('DELETE FROM index_entries WHERE collection = ? AND id = ?'),
      removeUniqueEntries: db.prepare('DELETE FROM unique_index_entries WHERE collection = ? AND id = ?'),
      getMeta: db.prepare('SELECT value FROM meta WHERE name = ?').pluck(),
      setMeta: db.prepare(
        'INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
      ),
    }
  }

  /** Creates declared collections and rebuilds index entries when the declarations changed since the last run. */
  private applyDeclarations(): void {
    for (const collection of Object.keys(this.declarations)) this.statements.createCollection.run(collection)
    const current = JSON.stringify(this.declarations)
    if (this.statements.getMeta.get('index_declarations') === current) return
    this.database.exec('DELETE FROM index_entries; DELETE FROM unique_index_entries;')
    for (const collection of Object.keys(this.declarations)) {
      for (const row of this.statements.scan.iterate(collection) as Iterable<StoredDocument>) {
        this.writeIndexEntries(collection, row.idKey, parseStored(row.body))
      }
    }
    this.statements.setMeta.run('index_declarations', current)
  }

  /** The declared indexes of a collection. */
  indexesOf(collection: string): readonly IndexDeclaration[] {
    return this.declarations[collection] ?? []
  }

  /** Runs `work` in one sqlite transaction: all of its writes commit together or not at all. */
  atomically<T>(work: () => T): T {
    return this.database.transaction(work)()
  }

  /** Whether the collection exists (declared, or created with createCollection). */
  hasCollection(collection: string): boolean {
    return this.statements.collectionExists.get(collection) !== undefined
  }

  /** Throws DATABASE_COLLECTION_NOT_EXIST unless the collection exists. */
  requireCollection(collection: string): void {
    if (!this.hasCollection(collection)) throw collectionNotExist()
  }

  /** Creates a collection; answers false when it already existed. */
  createCollection(collection: string): boolean {
    return this.statements.createCollection.run(collection).changes === 1
  }

  /** The stored document with this `_id` key, if any. */
  findById(collection: string, idKey: string): StoredDocument | undefined {
    return this.statements.byId.get(collection, idKey) as StoredDocument | undefined
  }

  /** The number of documents in a collection. */
  countAll(collection: string): number {
    return this.statements.count.get(collection) as number
  }

  /** The documents an access path selects, in insertion order for scans; callers still test the full query. */
  *read(collection: string, access: AccessPath): Iterable<StoredDocument> {
    if (access.kind === 'scan') {
      yield* this.statements.scan.iterate(collection) as Iterable<StoredDocument>
      return
    }
    for (const idKey of this.idKeysFor(collection, access)) {
      const found = this.findById(collection, idKey)
      if (found) yield found
    }
  }

  /**
   * Documents with string ids above (or from) `bound`, in id order, read lazily through the id index: what a
   * cursor over `_id` (`where({ _id: _.gt(last) }).orderBy('_id', 'asc').limit(n)`) reads in CloudBase, without
   * touching the documents before the cursor or past the page.
   */
  *readStringIds(
    collection: string,
    bound: { readonly idKey: string; readonly inclusive: boolean },
  ): Iterable<StoredDocument> {
    const statement = bound.inclusive ? this.statements.stringIdsFrom : this.statements.stringIdsAfter
    yield* statement.iterate(collection, bound.idKey) as Iterable<StoredDocument>
  }

  private idKeysFor(collection: string, access: Exclude<AccessPath, { kind: 'scan' }>): string[] {
    if (access.kind === 'ids') return [...new Set(access.idKeys)]
    const ids = new Set<string>()
    if (access.kind === 'index') {
      const lookup = access.unique ? this.statements.uniqueLookup : this.statements.indexLookup
      for (const key of access.keys)
        for (const id of lookup.all(collection, access.indexName, key)) ids.add(id as string)
      return [...ids]
    }
    const unique = this.indexesOf(collection).find((index) => index.name === access.indexName)?.unique === true
    const range = unique ? this.statements.uniquePrefix : this.statements.indexPrefix
    // Keys are JSON arrays: every key whose leading values equal the prefix starts with the prefix text, and the
    // next character is ASCII, so it sorts below U+FFFF.
    for (const prefix of access.prefixes) {
      for (const id of range.all(collection, access.indexName, prefix, `${prefix}\uffff`)) ids.add(id as string)
    }
    return [...ids]
  }

  private nextVersion(): number {
    this.lastVersion += 1
    return this.lastVersion
  }

  private writeIndexEntries(collection: string, idKey: string, document: DocumentObject): void {
    for (const index of this.indexesOf(collection)) {
      for (const key of indexKeysOf(document, index)) {
        if (!index.unique) {
          this.statements.insertEntry.run(collection, index.name, key, idKey)
          continue
        }
        try {
          this.statements.insertUnique.run(collection, index.name, key, idKey)
        } catch (error) {
          if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
            throw duplicateKey({ collection, indexName: index.name, key: describeKey(index, key) })
          }
          throw error
        }
      }
    }
  }

  private removeIndexEntries(collection: string, idKey: string): void {
    if (this.indexesOf(collection).length === 0) return
    this.statements.removeEntries.run(collection, idKey)
    this.statements.removeUniqueEntries.run(collection, idKey)
  }

  /** Inserts a new document; a taken `_id` or unique key fails with the duplicate-key error. Returns its version. */
  insert(collection: string, document: DocumentObject): number {
    const idKey = idKeyOf(document._id as Value)
    const version = this.nextVersion()
    try {
      this.statements.insert.run(collection, idKey, stringifyEjson(document), version)
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw duplicateKey({ collection, indexName: '_id_', key: `{ _id: ${idKey} }` })
      }
      throw error
    }
    this.writeIndexEntries(collection, idKey, document)
    return version
  }

  /** Replaces an existing document's content (same `_id`). Returns its new version. */
  replace(collection: string, idKey: string, document: DocumentObject): number {
    const version = this.nextVersion()
    this.statements.update.run(stringifyEjson(document), version, collection, idKey)
    this.removeIndexEntries(collection, idKey)
    this.writeIndexEntries(collection, idKey, document)
    return version
  }

  /** Deletes a document; answers whether it existed. */
  remove(collection: string, idKey: string): boolean {
    const removed = this.statements.remove.run(collection, idKey).changes === 1
    if (removed) this.removeIndexEntries(collection, idKey)
    return removed
  }

  /** Deletes every document and collection, then recreates the declared collections. */
  reset(): void {
    this.atomically(() => {
      this.database.exec(
        'DELETE FROM documents; DELETE FROM index_entries; DELETE FROM unique_index_entries; DELETE FROM collections;',
      )
      for (const collection of Object.keys(this.declarations)) this.statements.createCollection.run(collection)
    })
  }

  /** Closes the database file. */
  close(): void {
    this.database.close()
  }
}

function describeKey(index: IndexDeclaration, key: string): string {
  const values = JSON.parse(key) as unknown[]
  const pairs = index.fields.map(({ field }, position) => `${field}: ${JSON.stringify(values[position])}`)
  return `{ ${pairs.join(', ')} }`
}

/** The key of a tuple of equality values, re-exported for the query planner. */
export { indexKeyOf }
