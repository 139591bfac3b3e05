import type { joinInput } from '@shared/contracts'
import type { z } from 'zod'

/**
 * The longest store or member id `member.join` accepts: `ID_LENGTH_MAX` in the member contract.
 * Importing it would bring zod (about 90 KB) into the page; a test keeps the two equal.
 */
export const JOIN_ID_LENGTH_MAX = 40
const ID_PATTERN = /^[A-Za-z0-9_-]+$/

/** Page parameters as Taro hands them over (`getCurrentInstance().router.params`). */
export type PageParams = Readonly<Record<string, string | undefined>>

function decoded(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

function validId(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  const id = decoded(value).trim()
  return id.length > 0 && id.length <= JOIN_ID_LENGTH_MAX && ID_PATTERN.test(id) ? id : undefined
}

/**
 * What the join landing passes to `member.join`: the store from the QR code's `scene` (WeChat hands
 * it over URL-encoded) and the referrer from a friend's share. A value the API would refuse is
 * dropped, so a damaged link still lets the customer join, just without attribution.
 */
export function joinInputOf(params: PageParams): z.input<typeof joinInput> {
  const storeId = validId(params.scene)
  const referrerMemberId = validId(params.referrer)
  return {
    ...(storeId === undefined ? {} : { storeId }),
    ...(referrerMemberId === undefined ? {} : { referrerMemberId }),
  }
}
