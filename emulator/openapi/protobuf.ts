/**
 * The protobuf messages wx-server-sdk 4.0.2 exchanges for WeChat open APIs (its bundled `src/protobuf/openapi.js`),
 * encoded and decoded with protobufjs's Reader and Writer, the library the SDK itself uses. Field numbers are
 * the SDK's; only the messages and fields the emulator needs are here.
 */
import { Reader, Writer } from 'protobufjs/minimal'

/** `CommApiData.ApiType`: how the SDK routes a call. */
export const API_TYPE = { openApi: 0, innerApi: 1, svrkitApi: 2, tokenApi: 3 } as const

/** One parameter of a generic open API call: its snake_case name and its JSON text (or a file's bytes). */
export interface KeyValuePair {
  readonly key: string
  readonly value: Uint8Array
  readonly contentType?: string
  readonly filename?: string
}

/** `CommApiData`: the request body of every `wx.openApi` call (the multipart `requestData` field). */
export interface CommApiData {
  readonly apiType: number
  /** Generic open APIs (`cloud.openapi.*`): the call's parameters. */
  readonly pairs: readonly KeyValuePair[]
  /** Svrkit APIs (`getOpenData`, `getVoIPSign`): the inner request. */
  readonly svrkit?: { readonly apiName: string; readonly requestData: Uint8Array }
  /** The app id the caller named (`appid` option), if any. */
  readonly appid?: string
}

/** `CommOpenApiResp`: the answer the SDK decodes from the raw response body. */
export interface CommOpenApiResponse {
  readonly responseData?: Uint8Array
  readonly contentType?: string
  /** A WeChat system error (the SDK throws it as `errCode`); 0 for none. */
  readonly errorCode?: number
  readonly httpCode?: number
  /** Svrkit's own error; the SDK fails a svrkit call unless it is 0. */
  readonly svrkitErrorCode?: number
}

/** One `ApiGetOpenDataByCloudIdResp.OpDataItem`: a cloudID and the JSON text the SDK parses into the list item. */
export interface OpenDataItem {
  readonly cloudId: string
  readonly json: string
}

const WIRE_VARINT = 0
const WIRE_LENGTH_DELIMITED = 2

function tagOf(field: number, wireType: number): number {
  return ((field << 3) | wireType) >>> 0
}

function decodeKeyValuePair(reader: Reader, length: number): KeyValuePair {
  const end = reader.pos + length
  let key = ''
  let value: Uint8Array = new Uint8Array(0)
  let contentType: string | undefined
  let filename: string | undefined
  while (reader.pos < end) {
    const tag = reader.uint32()
    switch (tag >>> 3) {
      case 1:
        key = reader.string()
        break
      case 2:
        value = reader.bytes()
        break
      case 3:
        contentType = reader.string()
        break
      case 4:
        filename = reader.string()
        break
      default:
        reader.skipType(tag & 7)
    }
  }
  return { key, value, ...(contentType === undefined ? {} : { contentType }), ...(filename ? { filename } : {}) }
}

function decodeOpenApiData(reader: Reader, length: number): KeyValuePair[] {
  const end = reader.pos + length
  const pairs: KeyValuePair[] = []
  while (reader.pos < end) {
    const tag = reader.uint32()
    if (tag >>> 3 === 1) pairs.push(decodeKeyValuePair(reader, reader.uint32()))
    else reader.skipType(tag & 7)
  }
  return pairs
}

function decodeSvrkitData(reader: Reader, length: number): { apiName: string; requestData: Uint8Array } {
  const end = reader.pos + length
  let apiName = ''
  let requestData: Uint8Array = new Uint8Array(0)
  while (reader.pos < end) {
    const tag = reader.uint32()
    switch (tag >>> 3) {
      case 1:
        apiName = reader.string()
        break
      case 2:
        requestData = reader.bytes()
        break
      default:
        reader.skipType(tag & 7)
    }
  }
  return { apiName, requestData }
}

/** Decodes a `CommApiData`; throws protobufjs's error on malformed bytes. */
export function decodeCommApiData(bytes: Uint8Array): CommApiData {
  const reader = Reader.create(bytes)
  let apiType: number = API_TYPE.openApi
  let pairs: KeyValuePair[] = []
  let svrkit: CommApiData['svrkit']
  let appid: string | undefined
  while (reader.pos < reader.len) {
    const tag = reader.uint32()
    switch (tag >>> 3) {
      case 1:
        apiType = reader.int32()
        break
      case 2:
        pairs = decodeOpenApiData(reader, reader.uint32())
        break
      case 4:
        svrkit = decodeSvrkitData(reader, reader.uint32())
        break
      case 6:
        appid = reader.string()
        break
      default:
        reader.skipType(tag & 7)
    }
  }
  return { apiType, pairs, ...(svrkit ? { svrkit } : {}), ...(appid ? { appid } : {}) }
}

/** Encodes a `CommOpenApiResp` (fields left out are left at their protobuf defaults). */
export function encodeCommOpenApiResponse(response: CommOpenApiResponse): Uint8Array {
  const writer = Writer.create()
  if (response.responseData) writer.uint32(tagOf(1, WIRE_LENGTH_DELIMITED)).bytes(response.responseData)
  if (response.contentType !== undefined) writer.uint32(tagOf(2, WIRE_LENGTH_DELIMITED)).string(response.contentType)
  if (response.errorCode) writer.uint32(tagOf(3, WIRE_VARINT)).int32(response.errorCode)
  if (response.httpCode) writer.uint32(tagOf(4, WIRE_VARINT)).uint32(response.httpCode)
  if (response.svrkitErrorCode) writer.uint32(tagOf(6, WIRE_VARINT)).int32(response.svrkitErrorCode)
  return writer.finish()
}

/** Decodes `ApiGetOpenDataByCloudIdReq`: the cloudIDs `cloud.getOpenData({ list })` asks for. */
export function decodeOpenDataRequest(bytes: Uint8Array): { cloudIds: string[]; appid?: string } {
  const reader = Reader.create(bytes)
  const cloudIds: string[] = []
  let appid: string | undefined
  while (reader.pos < reader.len) {
    const tag = reader.uint32()
    switch (tag >>> 3) {
      case 2:
        cloudIds.push(reader.string())
        break
      case 3:
        appid = reader.string()
        break
      default:
        reader.skipType(tag & 7)
    }
  }
  return { cloudIds, ...(appid ? { appid } : {}) }
}

/** Encodes `ApiGetOpenDataByCloudIdResp`: one item per cloudID, in request order. */
export function encodeOpenDataResponse(items: readonly OpenDataItem[]): Uint8Array {
  const writer = Writer.create()
  for (const item of items) {
    writer.uint32(tagOf(1, WIRE_LENGTH_DELIMITED)).fork()
    writer.uint32(tagOf(1, WIRE_LENGTH_DELIMITED)).string(item.cloudId)
    writer.uint32(tagOf(2, WIRE_LENGTH_DELIMITED)).string(item.json)
    writer.ldelim()
  }
  return writer.finish()
}
