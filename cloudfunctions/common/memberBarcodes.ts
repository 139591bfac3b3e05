import { randomInt } from 'node:crypto'
import { NUMERIC_CODE_RANDOM_DIGITS, numericCodeOf } from '@shared/codes'
import type { Database } from './cloud'
import { isDuplicateKeyError } from './databaseErrors'
import { readDocument } from './readDocument'

/**
 * `member_barcodes/{code}`: whose a numeric member code is, and until when. One document per code
 * (found by id, one read), so a code stays valid for its whole lifetime even after the card has
 * drawn the next one; the member function removes the member's expired ones as it draws.
 */
export interface MemberBarcodeDocument {
  readonly _id: string
  readonly memberId: string
  readonly expiresAtMs: number
}

const COLLECTION = 'member_barcodes' as const
/** Codes drawn before giving up: a taken code is a 1-in-10^10 event, three in a row is a broken RNG. */
const DRAWS_MAX = 3
const HALF_DIGITS = NUMERIC_CODE_RANDOM_DIGITS / 2

function randomDigits(): string {
  // randomInt takes ranges below 2^48: two draws of eight digits make sixteen.
  const half = () => String(randomInt(10 ** HALF_DIGITS)).padStart(HALF_DIGITS, '0')
  return `${half()}${half()}`
}

/**
 * Draws a numeric code for `memberId` valid until `expiresAtMs` and stores it (a taken code is drawn
 * again), removing the member's expired codes at the same time. Requests: 2, at once.
 */
export async function issueMemberBarcode(
  db: Database,
  options: { readonly memberId: string; readonly expiresAtMs: number; readonly nowMs: number },
): Promise<string> {
  const { memberId, expiresAtMs, nowMs } = options
  const _ = db.command
  const [code] = await Promise.all([
    storeFreshCode(db, memberId, expiresAtMs),
    db
      .collection(COLLECTION)
      .where({ memberId, expiresAtMs: _.lte(nowMs) })
      .remove(),
  ])
  return code
}

/** Stores a newly drawn code for the member, drawing again when the code is taken. */
async function storeFreshCode(db: Database, memberId: string, expiresAtMs: number): Promise<string> {
  for (let draw = 1; draw <= DRAWS_MAX; draw += 1) {
    const code = numericCodeOf(randomDigits())
    try {
      await db.collection(COLLECTION).add({ data: { _id: code, memberId, expiresAtMs } })
      return code
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error
    }
  }
  throw new Error(`${DRAWS_MAX} numeric member codes drawn in a row were taken`)
}

/** The stored numeric code, or null when there is none (never issued, altered, or cleaned up). */
export function readMemberBarcode(db: Database, code: string): Promise<MemberBarcodeDocument | null> {
  return readDocument(db.collection(COLLECTION).doc(code))
}
