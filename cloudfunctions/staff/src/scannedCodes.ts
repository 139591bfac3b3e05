import { type CodeFailureCode, type CodeKind, verifyCode } from '@shared/codes'
import type { Result } from '@shared/result'
import { codeSigner } from '../../common/codeSigning'

/** The subject id of a scanned code of `kind`, or the code's failure (malformed, forged, wrong kind, time). */
export function scannedSubject(
  token: string,
  options: { kind: CodeKind; nowMs: number },
): Result<string, CodeFailureCode> {
  const verified = verifyCode(token, { expectedKind: options.kind, nowMs: options.nowMs, sign: codeSigner() })
  return verified.ok ? { ok: true, data: verified.data.subjectId } : verified
}
