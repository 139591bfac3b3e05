/**
 * What a staff member typed into the member search, read as the one field it can mean: a mainland
 * mobile number (exact), a member id as the detail page shows it (exact), or the start of a
 * nickname. Each is one indexed lookup: a search never scans the members.
 */
export type MemberQuery =
  | { readonly kind: 'phone'; readonly phoneNumber: string }
  | { readonly kind: 'memberId'; readonly memberId: string }
  | { readonly kind: 'nickname'; readonly prefix: string }

const MOBILE = /^1\d{10}$/
/** A member id as the functions derive it (see `memberIdOf`): `m` and 24 hex digits. */
export const MEMBER_ID_PATTERN = /^m[0-9a-f]{24}$/

/** The query `text` is: spaces and dashes inside a number and a leading +86 are ignored. */
export function memberQueryOf(text: string): MemberQuery {
  const trimmed = text.trim()
  const digits = trimmed.replace(/[\s-]/g, '').replace(/^\+?86(?=1\d{10}$)/, '')
  if (MOBILE.test(digits)) return { kind: 'phone', phoneNumber: digits }
  if (MEMBER_ID_PATTERN.test(trimmed.toLowerCase())) return { kind: 'memberId', memberId: trimmed.toLowerCase() }
  return { kind: 'nickname', prefix: trimmed }
}

/**
 * The end of the range of strings starting with `prefix` (exclusive): the prefix with its last
 * code unit raised by one, so `gte(prefix)` and `lt(end)` read exactly the nicknames that start with it.
 */
export function prefixRangeEnd(prefix: string): string {
  const last = prefix.charCodeAt(prefix.length - 1)
  return `${prefix.slice(0, -1)}${String.fromCharCode(last + 1)}`
}
