/**
 * The management API a deploy drives: the one boundary between this repository and a CloudBase
 * environment. `managerNodeAdapter.ts` implements it with @cloudbase/manager-node (and wx-server-sdk
 * for documents); tests implement it with a recording fake, since no CloudBase is reachable there.
 */
import type { IndexDeclaration } from '../emulator/database/indexes'
import type { FunctionDeployment, SecurityRule, TimerTrigger } from './configuration'

/** A function to create or update, with the values of its environment variables. */
export interface FunctionUpload {
  readonly deployment: FunctionDeployment
  /** Absolute path of the folder that holds the function folders (the bundle is `<root>/<name>/index.js`). */
  readonly functionRoot: string
  readonly environmentVariables: Readonly<Record<string, string>>
}

/** What a deploy may ask of an environment. Every method is idempotent, so a failed deploy can be run again. */
export interface CloudManagement {
  /** Creates the collection unless it exists; answers whether it was created. */
  ensureCollection(collection: string): Promise<boolean>
  setDatabaseRule(collection: string, rule: SecurityRule): Promise<void>
  setStorageRule(rule: SecurityRule): Promise<void>
  /** The name of the environment's storage bucket, which file ids name (`cloud://<env>.<bucket>/<path>`). */
  storageBucket(): Promise<string>
  indexExists(collection: string, indexName: string): Promise<boolean>
  createIndex(collection: string, index: IndexDeclaration): Promise<void>
  documentExists(collection: string, id: string): Promise<boolean>
  addDocument(collection: string, document: Readonly<Record<string, unknown>> & { readonly _id: string }): Promise<void>
  functionExists(name: string): Promise<boolean>
  createFunction(upload: FunctionUpload): Promise<void>
  updateFunctionCode(upload: FunctionUpload): Promise<void>
  updateFunctionConfig(upload: FunctionUpload): Promise<void>
  setTimerTrigger(functionName: string, trigger: TimerTrigger): Promise<void>
}
