/**
 * Development-only configuration for the local cloud. Production reads these from the cloud
 * functions' environment variables in the CloudBase console; nothing here is ever deployed.
 */
import developmentTemplateIds from './developmentTemplateIds.json'

/**
 * DEVELOPMENT VALUES: subscribe-message template ids for the local cloud, whose emulator takes any
 * id. A real mini-program's ids come from its WeChat console (订阅消息 → 我的模板), set as the
 * functions' environment variables at deploy and as the same variables for `npm run build:weapp`.
 * In JSON so that the Taro build configuration can read them too (it falls back to them for H5).
 */
export const DEVELOPMENT_TEMPLATE_IDS = developmentTemplateIds

export const DEVELOPMENT_FUNCTION_ENVIRONMENT: Readonly<Record<string, string>> = {
  // DEVELOPMENT VALUE: anyone can read it here, so codes signed with it prove nothing.
  MEMBER_CODE_SECRET: 'dev-only-member-code-secret--never-use-in-production',
  ...DEVELOPMENT_TEMPLATE_IDS,
}
