import { INVITE_CODE_LENGTH } from '@shared/contracts'

const INVITE_CODE_PATTERN = new RegExp(`^[A-Za-z0-9_-]{${INVITE_CODE_LENGTH}}$`)
const CODE_PARAMETER_PATTERN = /[?&]code=([^&#]*)/

/**
 * The invite code in what the invitee typed or scanned: the code itself, or the invite's page path
 * or link with `code=` in its query. Null when there is none.
 */
export function inviteCodeOf(text: string): string | null {
  const trimmed = text.trim()
  const fromQuery = CODE_PARAMETER_PATTERN.exec(trimmed)?.[1]
  let candidate = trimmed
  if (fromQuery !== undefined) {
    try {
      candidate = decodeURIComponent(fromQuery)
    } catch {
      return null
    }
  }
  return INVITE_CODE_PATTERN.test(candidate) ? candidate : null
}
