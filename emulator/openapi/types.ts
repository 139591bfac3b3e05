import type { Store } from '../database/state'

/** What an open API may use: the database store (for the outbox), the clock, ids and the caller. */
export interface OpenApiContext {
  readonly store: Store
  readonly nowMs: number
  readonly newId: () => string
  /** The calling invocation's TCB_SEQID, or null. */
  readonly invocationId: string | null
  /** The app id answered in watermarks: the caller's `appid` option, else the emulator's. */
  readonly appid: string
}

/** A generic open API's parameters: snake_case names (the SDK converts them) with their JSON values. */
export type OpenApiParameters = Readonly<Record<string, unknown>>

/** What a generic open API answers: a JSON object (errcode 0 added) or a file. */
export type OpenApiAnswer =
  | { readonly kind: 'json'; readonly body: Readonly<Record<string, unknown>> }
  | { readonly kind: 'file'; readonly contentType: string; readonly bytes: Uint8Array }

/** A generic open API (`cloud.openapi.<apiName>`); throws WechatApiError for WeChat's failures. */
export type OpenApi = (parameters: OpenApiParameters, context: OpenApiContext) => OpenApiAnswer

/** A svrkit API (`cloud.getOpenData`, …): its protobuf request bytes in, its protobuf response bytes out. */
export type SvrkitApi = (requestData: Uint8Array, context: OpenApiContext) => Uint8Array
