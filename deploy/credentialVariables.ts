/** The Tencent Cloud API key pair a deploy (and the cloud conformance run) authenticates with. */
export const CREDENTIAL_VARIABLES = ['TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY'] as const
