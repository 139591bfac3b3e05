/**
 * WeChat open-API failures, answered as WeChat does: a JSON body `{ errcode, errmsg }` that wx-server-sdk turns into
 * `errCode` and `errMsg: 'openapi.<name>:fail <errmsg>'`. Production appends ` rid: <request id>` to every errmsg;
 * so does the emulator. Wording marked "production" was seen in WeChat answers; the rest is the emulator's own.
 */

/** A WeChat `errcode` with its message, thrown by an open API and answered in the response body. */
export class WechatApiError extends Error {
  /** WeChat's errcode (never 0). */
  readonly errcode: number

  constructor(errcode: number, message: string) {
    super(message)
    this.errcode = errcode
    this.name = 'WechatApiError'
  }
}

/** 40003: `touser` is missing or not an openid of this app (production wording). */
export function invalidOpenid(): WechatApiError {
  return new WechatApiError(40003, 'invalid openid')
}

/** 40037: `template_id` is missing or unknown (production wording). */
export function invalidTemplateId(): WechatApiError {
  return new WechatApiError(40037, 'invalid template_id')
}

/** 47003: a template parameter is empty or too long (production wording for an empty value, with its typo). */
export function invalidTemplateArgument(detail: string): WechatApiError {
  return new WechatApiError(47003, `argument invalid! ${detail}`)
}

/** 47001: the request is not the JSON the API expects, e.g. a required field is missing (production wording). */
export function dataFormatError(detail: string): WechatApiError {
  return new WechatApiError(47001, `data format error hint: ${detail}`)
}

/** 40029: a `code` that WeChat did not issue or that was already used (production wording). */
export function invalidCode(): WechatApiError {
  return new WechatApiError(40029, 'invalid code')
}

/** 40169: `scene` is empty, longer than 32 characters or has characters WeChat refuses (production wording). */
export function invalidScene(): WechatApiError {
  return new WechatApiError(40169, 'invalid length for scene, or the data is not json string')
}

/** 41030: `page` is malformed (production: also when it is not in the published mini-program). */
export function invalidPage(detail: string): WechatApiError {
  return new WechatApiError(41030, `invalid page hint: ${detail}`)
}

/** 40097: an argument outside its allowed values (emulator wording). */
export function invalidArgs(detail: string): WechatApiError {
  return new WechatApiError(40097, `invalid args hint: ${detail}`)
}
