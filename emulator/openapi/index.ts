export {
  type AnswerContext,
  answerOpenApi,
  isOpenApiRequest,
  OPEN_API_ACTION,
  OPEN_APIS,
  type OpenApiRequest,
  parseOpenApiRequest,
  SVRKIT_APIS,
} from './dispatch'
export { WechatApiError } from './errors'
export {
  EXPLICIT_PHONE_PREFIX,
  phoneInfoOf,
  SVRKIT_ERROR_EMPTY_CLOUD_ID,
  TEST_COUNTRY_CODE,
  TEST_PHONE_PREFIX,
  testPhoneNumberOf,
} from './phoneNumber'
export { OUTBOX_COLLECTION, type OutboxMessage, TEMPLATE_VALUE_LENGTH_MAX } from './subscribeMessage'
export type { OpenApiContext } from './types'
export {
  QUIET_ZONE_MODULES,
  SCENE_LENGTH_MAX,
  WXACODE_WIDTH_DEFAULT,
  WXACODE_WIDTH_MAX,
  WXACODE_WIDTH_MIN,
  wxacodeTextOf,
} from './wxacode'
