import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/** Where stored files live: in memory (tests) or under a directory (`npm start`: `.local-data/storage/`). */
export type FileStorageLocation = { readonly kind: 'memory' } | { readonly kind: 'directory'; readonly path: string }

/** A stored file: its bytes and when it was last written. */
export interface StoredFile {
  readonly bytes: Buffer
  readonly uploadedAtMs: number
}

/**
 * The bucket's contents, keyed by cloud path (`items/abc.png`). The directory form keeps one file per object
 * at the same relative path, so a developer can look at what was uploaded; its modification time is the upload time.
 */
export class FileStore {
  private readonly location: FileStorageLocation
  private readonly memory = new Map<string, StoredFile>()

  constructor(location: FileStorageLocation) {
    this.location = location
  }

  put(cloudPath: string, bytes: Buffer, nowMs: number): void {
    if (this.location.kind === 'memory') {
      this.memory.set(cloudPath, { bytes: Buffer.from(bytes), uploadedAtMs: nowMs })
      return
    }
    const target = this.diskPathOf(cloudPath)
    mkdirSync(path.dirname(target), { recursive: true })
    writeFileSync(target, bytes)
  }

  get(cloudPath: string): StoredFile | null {
    if (this.location.kind === 'memory') return this.memory.get(cloudPath) ?? null
    try {
      const target = this.diskPathOf(cloudPath)
      const stats = statSync(target)
      if (!stats.isFile()) return null
      return { bytes: readFileSync(target), uploadedAtMs: stats.mtimeMs }
    } catch {
      return null
    }
  }

  /** Deletes the file; answers whether it existed. */
  delete(cloudPath: string): boolean {
    if (this.location.kind === 'memory') return this.memory.delete(cloudPath)
    if (!this.get(cloudPath)) return false
    rmSync(this.diskPathOf(cloudPath))
    return true
  }

  /** Deletes every file. */
  clear(): void {
    this.memory.clear()
    if (this.location.kind === 'directory') rmSync(this.location.path, { recursive: true, force: true })
  }

  private diskPathOf(cloudPath: string): string {
    if (this.location.kind !== 'directory') throw new Error('not a directory store')
    // Cloud paths are checked before they get here (paths.ts); this guards the file system regardless.
    const root = path.resolve(this.location.path)
    const target = path.resolve(root, cloudPath)
    if (!target.startsWith(`${root}${path.sep}`)) throw new Error(`cloud path escapes the storage root: ${cloudPath}`)
    return target
  }
}
