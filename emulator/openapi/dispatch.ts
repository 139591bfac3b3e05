import { actionNotSupported, invalidParam } from '../database/errors'
import { WechatApiError } from './errors'
import { multipartBoundaryOf, parseMultipart } from './multipart'
import { getOpenDataByCloudId, getPhoneNumber, SvrkitError } from './phoneNumber'
import { API_TYPE, type CommOpenApiResponse, decodeCommApiData, encodeCommOpenApiResponse } from './protobuf'
import { sendSubscribeMessage } from './subscribeMessage'
import type { OpenApi, OpenApiContext, OpenApiParameters, SvrkitApi } from './types'
import { getUnlimitedWxacode } from './wxacode'

/** The multipart `action` of `cloud.openapi.*` and `cloud.getOpenData` calls. */
export const OPEN_API_ACTION = 'wx.openApi'

/** The generic open APIs the emulator answers, by the name the SDK sends (`cloud.openapi.<name>`). */
export const OPEN_APIS: Readonly<Record<string, OpenApi>> = {
  'subscribeMessage.send': sendSubscribeMessage,
  'phonenumber.getPhoneNumber': getPhoneNumber,
  'wxacode.getUnlimited': getUnlimitedWxacode,
}

/** The svrkit APIs the emulator answers, by svrkit API name. */
export const SVRKIT_APIS: Readonly<Record<string, SvrkitApi>> = {
  ApiGetOpenDataByCloudId: getOpenDataByCloudId,
}

/** A `wx.openApi` request as the SDK sends it: multipart fields `action`, `apiName` and the protobuf `requestData`. */
export interface OpenApiRequest {
  readonly action: string
  readonly apiName: string
  readonly requestData: Uint8Array
}

/** Whether a request to /admin is an open-API call: the SDK sends those, and only those, as multipart/form-data. */
export function isOpenApiRequest(contentType: string | undefined): boolean {
  return multipartBoundaryOf(contentType) !== undefined
}

/** Reads the fields of an open-API request; throws INVALID_PARAM when the body is not one. */
export function parseOpenApiRequest(body: Buffer, contentType: string | undefined): OpenApiRequest {
  const boundary = multipartBoundaryOf(contentType)
  if (!boundary) throw invalidParam('the request is not multipart/form-data')
  const fields = parseMultipart(body, boundary)
  const requestData = fields.get('requestData')
  if (!requestData) throw invalidParam('requestData is missing')
  return {
    action: fields.get('action')?.toString('utf8') ?? '',
    apiName: fields.get('apiName')?.toString('utf8') ?? '',
    requestData,
  }
}

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8'
const HTTP_OK = 200

function parametersOf(pairs: ReturnType<typeof decodeCommApiData>['pairs']): OpenApiParameters {
  const parameters: Record<string, unknown> = {}
  for (const pair of pairs) {
    if (pair.contentType !== undefined) {
      parameters[pair.key] = { contentType: pair.contentType, value: pair.value, filename: pair.filename }
      continue
    }
    try {
      parameters[pair.key] = JSON.parse(Buffer.from(pair.value).toString('utf8'))
    } catch {
      throw invalidParam(`parameter ${pair.key} is not JSON`)
    }
  }
  return parameters
}

function jsonResponse(body: Readonly<Record<string, unknown>>): CommOpenApiResponse {
  return {
    responseData: Buffer.from(JSON.stringify(body)),
    contentType: JSON_CONTENT_TYPE,
    httpCode: HTTP_OK,
  }
}

function answerGeneric(api: OpenApi, parameters: OpenApiParameters, context: AnswerContext): CommOpenApiResponse {
  try {
    const answer = api(parameters, context)
    if (answer.kind === 'file') {
      return { responseData: answer.bytes, contentType: answer.contentType, httpCode: HTTP_OK }
    }
    return jsonResponse({ errcode: 0, errmsg: 'ok', ...answer.body })
  } catch (error) {
    if (!(error instanceof WechatApiError)) throw error
    return jsonResponse({ errcode: error.errcode, errmsg: `${error.message} rid: ${context.requestId}` })
  }
}

function answerSvrkit(api: SvrkitApi, requestData: Uint8Array, context: AnswerContext): CommOpenApiResponse {
  try {
    return { responseData: api(requestData, context), httpCode: HTTP_OK }
  } catch (error) {
    if (!(error instanceof SvrkitError)) throw error
    return { svrkitErrorCode: error.svrkitErrorCode, httpCode: HTTP_OK }
  }
}

/** The context of one answer: the open-API context and the request id quoted in WeChat's `rid`. */
export interface AnswerContext extends OpenApiContext {
  readonly requestId: string
}

/**
 * Answers an open-API request with the protobuf `CommOpenApiResp` bytes the SDK decodes. WeChat's own failures
 * (errcode, svrkit codes) are inside those bytes; an unknown API or a malformed request throws the CloudBase
 * error (`DatabaseError`) that the server answers as JSON.
 */
export function answerOpenApi(request: OpenApiRequest, context: AnswerContext): Uint8Array {
  if (request.action !== OPEN_API_ACTION) throw actionNotSupported(request.action)
  let data: ReturnType<typeof decodeCommApiData>
  try {
    data = decodeCommApiData(request.requestData)
  } catch (error) {
    throw invalidParam(`requestData is not a CommApiData message: ${(error as Error).message}`)
  }
  const withAppid = data.appid ? { ...context, appid: data.appid } : context
  if (data.apiType === API_TYPE.svrkitApi && data.svrkit) {
    const api = SVRKIT_APIS[data.svrkit.apiName]
    if (!api) throw actionNotSupported(`${OPEN_API_ACTION} ${data.svrkit.apiName}`)
    return encodeCommOpenApiResponse(answerSvrkit(api, data.svrkit.requestData, withAppid))
  }
  const api = data.apiType === API_TYPE.openApi ? OPEN_APIS[request.apiName] : undefined
  if (!api) throw actionNotSupported(`${OPEN_API_ACTION} ${request.apiName}`)
  return encodeCommOpenApiResponse(answerGeneric(api, parametersOf(data.pairs), withAppid))
}
