import { createHash } from 'node:crypto'
import { dataFormatError, invalidCode } from './errors'
import { decodeOpenDataRequest, encodeOpenDataResponse } from './protobuf'
import type { OpenApi, OpenApiContext, SvrkitApi } from './types'

/** The prefix of a cloudID or code that names its phone number outright: `phone:13800138000`. */
export const EXPLICIT_PHONE_PREFIX = 'phone:'

/** The mobile prefix every derived test number starts with. */
export const TEST_PHONE_PREFIX = '138'

/** The country code of every test number. */
export const TEST_COUNTRY_CODE = '86'

const EXPLICIT_PHONE_PATTERN = /^phone:(1\d{10})$/

/** The svrkit error answered for an empty cloudID (the SDK reports "internal svrkit error, code -1"). */
export const SVRKIT_ERROR_EMPTY_CLOUD_ID = -1

/** A failure of a svrkit API, answered in `svrkitErrorCode`. */
export class SvrkitError extends Error {
  /** The code the SDK reports. */
  readonly svrkitErrorCode: number

  constructor(svrkitErrorCode: number, message: string) {
    super(message)
    this.svrkitErrorCode = svrkitErrorCode
    this.name = 'SvrkitError'
  }
}

/**
 * The test phone number (11 digits, no country code) a cloudID or getPhoneNumber code stands for:
 * `phone:13912345678` stands for 13912345678; any other string for `138` followed by 8 digits of its SHA-256,
 * so the same string always gives the same number and different strings almost always different ones.
 */
export function testPhoneNumberOf(cloudIdOrCode: string): string {
  const explicit = EXPLICIT_PHONE_PATTERN.exec(cloudIdOrCode)?.[1]
  if (explicit) return explicit
  const digest = createHash('sha256').update(cloudIdOrCode, 'utf8').digest()
  const digits = (digest.readUInt32BE(0) % 100_000_000).toString().padStart(8, '0')
  return `${TEST_PHONE_PREFIX}${digits}`
}

/** The phone data WeChat answers: `phoneNumber` carries the country code only for numbers outside China. */
export function phoneInfoOf(cloudIdOrCode: string, context: Pick<OpenApiContext, 'appid' | 'nowMs'>) {
  const number = testPhoneNumberOf(cloudIdOrCode)
  return {
    phoneNumber: number,
    purePhoneNumber: number,
    countryCode: TEST_COUNTRY_CODE,
    watermark: { appid: context.appid, timestamp: Math.floor(context.nowMs / 1000) },
  }
}

/**
 * `cloud.getOpenData({ list })` (svrkit `ApiGetOpenDataByCloudId`): every cloudID is taken for a getPhoneNumber
 * cloudID and answered `{ cloudID, data: phoneInfo }`, in request order. An empty cloudID fails the call.
 */
export const getOpenDataByCloudId: SvrkitApi = (requestData, context) => {
  const { cloudIds } = decodeOpenDataRequest(requestData)
  if (cloudIds.some((cloudId) => cloudId === '')) {
    throw new SvrkitError(SVRKIT_ERROR_EMPTY_CLOUD_ID, 'empty cloudID')
  }
  return encodeOpenDataResponse(
    cloudIds.map((cloudId) => ({
      cloudId,
      json: JSON.stringify({ cloudID: cloudId, data: phoneInfoOf(cloudId, context) }),
    })),
  )
}

/**
 * `cloud.openapi.phonenumber.getPhoneNumber({ code })`: answers `phone_info` (the SDK hands it back as `phoneInfo`)
 * for the code's test number; 47001 without a code, 40029 for an empty one.
 */
export const getPhoneNumber: OpenApi = (parameters, context) => {
  const code = parameters.code
  if (code === undefined) throw dataFormatError('code is required')
  if (typeof code !== 'string' || code === '') throw invalidCode()
  return { kind: 'json', body: { phone_info: phoneInfoOf(code, context) } }
}
