/**
 * Development-only configuration for the local cloud. Production reads these from the cloud
 * functions' environment variables in the CloudBase console; nothing here is ever deployed.
 */
export const DEVELOPMENT_FUNCTION_ENVIRONMENT: Readonly<Record<string, string>> = {
  // DEVELOPMENT VALUE: anyone can read it here, so codes signed with it prove nothing.
  MEMBER_CODE_SECRET: 'dev-only-member-code-secret--never-use-in-production',
}
