import { createHash, randomBytes } from 'node:crypto'
import { API, type ExportView, type requestExportInput } from '@shared/contracts'
import { businessDayRuleOf } from '@shared/programme/businessDayRule'
import type { Programme } from '@shared/programme/schema'
import { err, ok, type Result } from '@shared/result'
import { auditOperatorOf, type ExportAuditEntry } from '@shared/staff'
import { startOfBusinessDayMs } from '@shared/time/businessDay'
import { addDays } from '@shared/time/calendarDay'
import type { z } from 'zod'
import type { Caller } from '../../common/caller'
import { type Database, database } from '../../common/cloud'
import { isDuplicateKeyError } from '../../common/databaseErrors'
import type { ExportDocument } from '../../common/documents/exports'
import type { StaffDocument } from '../../common/documents/staff'
import { workOnExport } from '../../common/exports/exportWork'
import { currentProgramme } from '../../common/programmeStore'
import { readDocument } from '../../common/readDocument'
import { requireManager } from '../../common/requireStaff'
import { defineAction } from '../../common/router'
import { tempUrlsOf } from '../../common/storage'
import { storeScopeOf } from './storeScope'

/**
 * How long a request works on its export before answering (the admin function lives 10 s): enough for a few
 * thousand rows, so most exports are ready in the answer; the page continues a larger one, and the `exportCsv`
 * job finishes whatever nobody continued.
 */
export const EXPORT_INLINE_BUDGET_MS = 4_000
/** Exports `admin.exports` lists. */
export const EXPORTS_LISTED = 20

type RequestInput = z.output<typeof requestExportInput>

/** The export a request creates: one per caller and request id, so a retry finds it. */
function exportIdOf(openid: string, requestId: string): string {
  return `x${createHash('sha256').update(`export:${openid}:${requestId}`).digest('hex').slice(0, 24)}`
}

function newExport(
  id: string,
  staff: StaffDocument,
  input: RequestInput,
  storeId: string | null,
  programme: Programme,
  nowMs: number,
): ExportDocument {
  const rule = businessDayRuleOf(programme)
  const ranged = input.from !== undefined && input.to !== undefined
  return {
    _id: id,
    requestId: input.requestId,
    kind: input.kind,
    openid: staff.openid,
    role: staff.role,
    storeId,
    from: input.from ?? null,
    to: input.to ?? null,
    fromMs: ranged ? startOfBusinessDayMs(input.from as string, rule) : null,
    toMs: ranged ? startOfBusinessDayMs(addDays(input.to as string, 1), rule) : null,
    phonesMasked: staff.role !== 'admin',
    requestedAtMs: nowMs,
    token: randomBytes(12).toString('hex'),
    status: 'running',
    cursor: null,
    parts: 0,
    rows: 0,
    rowsDone: false,
    holder: null,
    leaseUntilMs: 0,
    fileId: null,
    finishedAtMs: null,
    partsLeft: true,
  }
}

/** Whether a stored export is what this request asks for (a retry), not another request under the same id. */
function sameRequest(stored: ExportDocument, wanted: ExportDocument): boolean {
  return (
    stored.kind === wanted.kind &&
    stored.storeId === wanted.storeId &&
    stored.from === wanted.from &&
    stored.to === wanted.to
  )
}

/** The export as the console shows it; its download link, when done, from `urls`. */
function viewOf(exported: ExportDocument, url: string | null): ExportView {
  return {
    exportId: exported._id,
    kind: exported.kind,
    storeId: exported.storeId,
    from: exported.from,
    to: exported.to,
    status: exported.status,
    rows: exported.rows,
    phonesMasked: exported.phonesMasked,
    requestedAtMs: exported.requestedAtMs,
    finishedAtMs: exported.finishedAtMs,
    downloadUrl: exported.status === 'done' ? url : null,
  }
}

/** Views of exports, with a temporary link for each done one. One request, none when none is done. */
async function viewsOf(exports: readonly ExportDocument[]): Promise<ExportView[]> {
  const fileIds = exports.flatMap((exported) => (exported.fileId === null ? [] : [exported.fileId]))
  const urls = await tempUrlsOf(fileIds)
  return exports.map((exported) => {
    const index = exported.fileId === null ? -1 : fileIds.indexOf(exported.fileId)
    return viewOf(exported, index < 0 ? null : (urls[index] ?? null))
  })
}

/** Works on the export for this invocation's budget and answers it as it then stands. */
async function workedView(db: Database, exportId: string, programme: Programme): Promise<ExportView> {
  const outcome = await workOnExport(db, exportId, { programme, now: Date.now, budgetMs: EXPORT_INLINE_BUDGET_MS })
  if (outcome === null) throw new Error(`exports/${exportId} vanished`)
  const [view] = await viewsOf([outcome.exported])
  return view as ExportView
}

const KIND_NOTES: Readonly<Record<ExportDocument['kind'], string>> = { members: '会员', ledger: '积分流水' }

/**
 * The export's audit entry, before the export: a request that stops in between leaves an entry and no export (its
 * retry records the export), never an export nobody can see was made. A retry finds the entry written.
 */
async function audit(db: Database, staff: StaffDocument, wanted: ExportDocument): Promise<void> {
  const days = wanted.from === null ? '' : ` ${wanted.from} 至 ${wanted.to}`
  const entry: ExportAuditEntry = {
    _id: `export_${wanted._id}`,
    ...auditOperatorOf(staff),
    // Filed under the store exported, so its manager reads it; an admin's chain export concerns no store.
    storeId: wanted.storeId,
    action: 'requestExport',
    requestId: wanted.requestId,
    subjectId: wanted._id,
    kind: wanted.kind,
    from: wanted.from,
    to: wanted.to,
    phonesMasked: wanted.phonesMasked,
    note: `${KIND_NOTES[wanted.kind]}${days}`,
    createdAtMs: wanted.requestedAtMs,
  }
  try {
    await db.collection('audit').add({ data: { ...entry } })
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error
  }
}

async function createdExport(db: Database, wanted: ExportDocument): Promise<Result<null, 'REQUEST_ID_REUSED'>> {
  try {
    await db.collection('exports').add({ data: { ...wanted } })
    return ok(null)
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error
  }
  const stored = await readDocument(db.collection('exports').doc(wanted._id))
  return stored !== null && sameRequest(stored, wanted) ? ok(null) : err('REQUEST_ID_REUSED')
}

/**
 * `admin.requestExport`: records a CSV export of the members (all, or those who joined in a range of business
 * days) or of the ledger of a range (at most 92 days), for the chain (admins) or one store (an admin's choice, a
 * manager's own: its members and their entries), audited, then works on it for a few seconds, so a small export answers
 * done with its link. Phone numbers are masked unless an admin asks, decided now. Idempotent per request id: a
 * retry answers the same export (and works on it further). Requests for an export of one batch: staff (1), the
 * audit entry (1), the record (1), the lease (2), the batch and its store names (2), the file's upload (1, then the bucket), done (1),
 * the link (1): 10 (9 for a store without members).
 */
export const requestExport = defineAction(API.admin.requestExport, async (input, caller) => {
  const db = database()
  const staff = await requireManager(db, caller)
  if (!staff.ok) return staff
  const scope = storeScopeOf(staff.data, input.storeId, '店长只能导出本店数据')
  if (!scope.ok) return scope
  const programme = await currentProgramme(db, caller.nowMs)
  const wanted = newExport(
    exportIdOf(staff.data.openid, input.requestId),
    staff.data,
    input,
    scope.data.storeId,
    programme,
    caller.nowMs,
  )
  await audit(db, staff.data, wanted)
  const created = await createdExport(db, wanted)
  if (!created.ok) return created
  return ok(await workedView(db, wanted._id, programme))
})

/** The caller's own export; null for one that is not there or someone else's (answered alike). */
async function ownExport(db: Database, caller: Caller, exportId: string): Promise<ExportDocument | null> {
  const exported = await readDocument(db.collection('exports').doc(exportId))
  return exported !== null && exported.openid === caller.openid ? exported : null
}

/**
 * `admin.continueExport`: works on one of the caller's unfinished exports for a few seconds (what the page does
 * while it shows one running) and answers it; a done one is answered as it is. EXPORT_NOT_FOUND for an export
 * that is not the caller's. Requests: staff and the export at once (2), then as `requestExport`'s from the lease.
 */
export const continueExport = defineAction(API.admin.continueExport, async (input, caller) => {
  const db = database()
  const [staff, exported] = await Promise.all([requireManager(db, caller), ownExport(db, caller, input.exportId)])
  if (!staff.ok) return staff
  if (exported === null) return err('EXPORT_NOT_FOUND')
  if (exported.status === 'done' && !exported.partsLeft) return ok((await viewsOf([exported]))[0] as ExportView)
  const programme = await currentProgramme(db, caller.nowMs)
  return ok(await workedView(db, exported._id, programme))
})

/**
 * `admin.exports`: the caller's 20 most recent exports, newest first, each done one with a temporary download
 * link (about two hours: the list makes new ones each time). Requests: staff and the exports at once (2), the
 * links (1, none when none is done).
 */
export const listExports = defineAction(API.admin.exports, async (_input, caller) => {
  const db = database()
  const [staff, { data }] = await Promise.all([
    requireManager(db, caller),
    db
      .collection('exports')
      .where({ openid: caller.openid ?? '' })
      .orderBy('requestedAtMs', 'desc')
      .limit(EXPORTS_LISTED)
      .get(),
  ])
  if (!staff.ok) return staff
  return ok({ exports: await viewsOf(data) })
})
