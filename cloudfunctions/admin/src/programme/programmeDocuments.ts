import { type FieldChanges, fieldChanges } from '@shared/admin'
import type { ProgrammeAuthor } from '@shared/contracts'
import { parseProgramme } from '@shared/programme/parseProgramme'
import type { Programme } from '@shared/programme/schema'
import { err, ok, type Result } from '@shared/result'
import { type AdminProgrammeAuditEntry, auditOperatorOf } from '@shared/staff'
import type { Caller } from '../../../common/caller'
import type { ProgrammeDocument, ProgrammeDraftDocument } from '../../../common/documents/programme'
import type { StaffDocument } from '../../../common/documents/staff'
import { adminAuditIdOf } from '../items'

/** The live version number: `programme/current.version`; 0 for a programme stored before versions existed. */
export function liveVersionOf(current: ProgrammeDocument | null): number {
  const version = current?.version
  return typeof version === 'number' && Number.isSafeInteger(version) ? version : 0
}

/** The programme fields of `programme/current` (without its id and version), as stored. */
export function storedProgrammeOf(current: ProgrammeDocument): Record<string, unknown> {
  const { _id, version: _version, updatedAtMs: _updated, ...programme } = current
  return programme
}

/** `programme/draft` when it holds a draft. */
export function draftOf(document: ProgrammeDocument | null): ProgrammeDraftDocument | null {
  return document && typeof document.basedOnVersion === 'number' && typeof document.programme === 'object'
    ? (document as unknown as ProgrammeDraftDocument)
    : null
}

/** The live programme, validated: it must be, or every action would already be failing. */
export function parsedLive(current: ProgrammeDocument | null): Programme {
  if (current === null) throw new Error('programme/current is missing')
  const parsed = parseProgramme(storedProgrammeOf(current))
  if (!parsed.ok) throw new Error(`programme/current is invalid:\n${parsed.message}`)
  return parsed.data
}

/** The top-level sections (tiers, earning…) whose value differs, before and after. */
export function sectionChanges(before: Programme | null, after: Programme): FieldChanges {
  return fieldChanges<Programme>(before, after)
}

/** The caller as the author of a draft or a version. */
export function authorOf(staff: StaffDocument, caller: Caller): ProgrammeAuthor {
  return { openid: staff.openid, name: staff.name, atMs: caller.nowMs }
}

/** The audit entry of a programme change, keyed by its request id (also its idempotency marker). */
export function programmeAuditEntry(
  staff: StaffDocument,
  caller: Caller,
  fields: Pick<AdminProgrammeAuditEntry, 'action' | 'requestId' | 'version' | 'changes' | 'note'>,
): AdminProgrammeAuditEntry {
  return {
    _id: adminAuditIdOf(fields.requestId),
    ...auditOperatorOf(staff),
    ...fields,
    subjectId: `programme_${fields.version}`,
    createdAtMs: caller.nowMs,
  }
}

/** An earlier attempt's audit entry, when it was this action's; REQUEST_ID_REUSED when the id went to another. */
export function markerOf(
  entry: unknown,
  action: AdminProgrammeAuditEntry['action'],
): Result<AdminProgrammeAuditEntry | null, 'REQUEST_ID_REUSED'> {
  if (entry === null || entry === undefined) return ok(null)
  const marker = entry as AdminProgrammeAuditEntry
  return marker.action === action ? ok(marker) : err('REQUEST_ID_REUSED')
}
