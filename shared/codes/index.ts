export { encodeBase64Url } from './base64url'
export { constantTimeEqual } from './constantTimeEqual'
export {
  groupedDigits,
  isNumericCode,
  lookupWindowOf,
  NUMERIC_CODE_LENGTH,
  NUMERIC_CODE_LOOKUPS_PER_MINUTE,
  NUMERIC_CODE_PREFIX,
  NUMERIC_CODE_RANDOM_DIGITS,
  numericCodeOf,
} from './numericCode'
export {
  CODE_CLOCK_SKEW_MS,
  CODE_LENGTH_MAX,
  CODE_NONCE_LENGTH,
  CODE_SIGNATURE_LENGTH,
  CODE_TTL_MAX_MS,
  COUNTER_SESSION_TTL_MS,
  COUPON_CODE_TTL_MS,
  type CodeFailureCode,
  type CodeKind,
  type IssuedCode,
  issueCode,
  MEMBER_CODE_REFRESH_MS,
  MEMBER_CODE_TTL_MS,
  type Signer,
  type VerifiedCode,
  verifyCode,
} from './signedCode'
