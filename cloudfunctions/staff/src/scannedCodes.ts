import type { CodeFailureCode, CodeKind } from '@shared/codes'
import type { Result } from '@shared/result'
import { verifyCodeWithSecrets } from '../../common/codeSigning'

/** The subject id of a scanned code of `kind`, or the code's failure (malformed, forged, wrong kind, time). */
export function scannedSubject(
  token: string,
  options: { kind: CodeKind; nowMs: number },
): Result<string, CodeFailureCode> {
  const verified = verifyCodeWithSecrets(token, { expectedKind: options.kind, nowMs: options.nowMs })
  return verified.ok ? { ok: true, data: verified.data.subjectId } : verified
}
