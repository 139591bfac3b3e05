import { type CodeFailureCode, type CodeKind, isNumericCode } from '@shared/codes'
import { err, ok, type Result } from '@shared/result'
import type { Database } from '../../common/cloud'
import { verifyCodeWithSecrets } from '../../common/codeSigning'
import { readMemberBarcode } from '../../common/memberBarcodes'
import { takeNumericLookup } from './numericLookups'

/** The subject id of a scanned code of `kind`, or the code's failure (malformed, forged, wrong kind, time). */
export function scannedSubject(
  token: string,
  options: { kind: CodeKind; nowMs: number },
): Result<string, CodeFailureCode> {
  const verified = verifyCodeWithSecrets(token, { expectedKind: options.kind, nowMs: options.nowMs })
  return verified.ok ? { ok: true, data: verified.data.subjectId } : verified
}

/**
 * The member a scanned member code names: a signed token (checked without any read), or the numeric
 * code of the barcode, looked up by id after taking one of the caller's lookups for the minute
 * (CODE_LOOKUPS_EXCEEDED past the limit). A numeric code nobody holds (mistyped, altered, guessed)
 * is CODE_INVALID, one past its lifetime CODE_EXPIRED, as for tokens. Requests for a numeric code:
 * the lookup count (1, or 2) and the code (1).
 */
export async function scannedMember(
  db: Database,
  scan: { readonly code: string; readonly byOpenid: string; readonly nowMs: number },
): Promise<Result<string, CodeFailureCode | 'CODE_LOOKUPS_EXCEEDED'>> {
  const { code, byOpenid, nowMs } = scan
  if (!isNumericCode(code)) return scannedSubject(code, { kind: 'member', nowMs })
  if (!(await takeNumericLookup(db, byOpenid, nowMs))) return err('CODE_LOOKUPS_EXCEEDED')
  const barcode = await readMemberBarcode(db, code)
  if (!barcode) return err('CODE_INVALID')
  if (nowMs >= barcode.expiresAtMs) return err('CODE_EXPIRED')
  return ok(barcode.memberId)
}
