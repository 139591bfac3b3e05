/**
 * CSV exports from the admin console: `requestExport` records what to export (and works on it at once, so a
 * small export is ready in the answer), `continueExport` works on an unfinished one, `exports` lists the caller's
 * recent ones with a download link when done. The `exportCsv` job finishes whatever nobody continued.
 */
import { z } from 'zod'
import { checkDayRange, dayKeySchema as dayKey } from './dayRange'
import { requestIdSchema } from './requestId'

/** What can be exported: the members, or the points ledger of a range of business days. */
export const EXPORT_KINDS = ['members', 'ledger'] as const
export type ExportKind = (typeof EXPORT_KINDS)[number]

/** The longest range one export covers, as the dashboard's. */
export const EXPORT_RANGE_DAYS_MAX = 92

/** An export's id: derived from who asked and their request id, so a retried request finds its export. */
export const EXPORT_ID_PATTERN = /^x[a-f0-9]{24}$/

export const requestExportInput = z
  .object({
    requestId: requestIdSchema,
    kind: z.enum(EXPORT_KINDS, '请选择导出内容'),
    /**
     * Business days, both or neither: the ledger's entries in them (required), or the members who joined in them
     * (absent: every member).
     */
    from: dayKey.optional(),
    to: dayKey.optional(),
    /** One store's (its members, and their entries); absent: the chain's (admins) or the manager's own store. */
    storeId: z.string().min(1).max(64).optional(),
  })
  .strict()
  .superRefine((input, context) => {
    if (input.from === undefined && input.to === undefined) {
      if (input.kind === 'ledger') context.addIssue({ code: 'custom', path: ['from'], message: '请选择日期范围' })
      return
    }
    checkDayRange(input, context, {
      daysMax: EXPORT_RANGE_DAYS_MAX,
      tooLong: `一次最多导出 ${EXPORT_RANGE_DAYS_MAX} 天`,
    })
  })

export const continueExportInput = z
  .object({ exportId: z.string().regex(EXPORT_ID_PATTERN, '导出编号格式不正确') })
  .strict()

export const listExportsInput = z.object({}).strict()

/** `running`: rows are being written; `done`: the file is ready. */
export type ExportStatus = 'running' | 'done'

/** An export as the console shows it. */
export interface ExportView {
  readonly exportId: string
  readonly kind: ExportKind
  /** The store exported; null: the whole chain. */
  readonly storeId: string | null
  readonly from: string | null
  readonly to: string | null
  readonly status: ExportStatus
  /** Rows written so far (all of them once done). */
  readonly rows: number
  /** Whether phone numbers are masked (138****1234): decided when it was asked for, by the role then. */
  readonly phonesMasked: boolean
  readonly requestedAtMs: number
  readonly finishedAtMs: number | null
  /** A temporary link to the file (about two hours), when done; null otherwise. */
  readonly downloadUrl: string | null
}

/** `admin.exports`: the caller's most recent exports, newest first. */
export interface ExportsList {
  readonly exports: readonly ExportView[]
}
