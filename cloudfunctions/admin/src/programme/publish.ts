import { removedTierIds } from '@shared/admin'
import { API, type PublishedProgramme } from '@shared/contracts'
import type { ErrorCode } from '@shared/errors'
import { parseProgramme } from '@shared/programme/parseProgramme'
import type { Programme } from '@shared/programme/schema'
import { err, ok, type Result } from '@shared/result'
import type { AdminProgrammeAuditEntry } from '@shared/staff'
import type { Caller } from '../../../common/caller'
import { database } from '../../../common/cloud'
import type { ProgrammeVersionDocument } from '../../../common/documents/programme'
import type { StaffDocument } from '../../../common/documents/staff'
import { PROGRAMME_CACHE_TTL_MS } from '../../../common/programmeStore'
import { requireAdmin } from '../../../common/requireStaff'
import { defineAction } from '../../../common/router'
import { runUnitOfWork, type UnitOfWork } from '../../../common/unitOfWork'
import { adminAuditIdOf } from '../items'
import {
  authorOf,
  draftOf,
  liveVersionOf,
  markerOf,
  parsedLive,
  programmeAuditEntry,
  sectionChanges,
} from './programmeDocuments'

/** What any publish may answer, besides what finding its candidate may. */
type PublishCode = 'REQUEST_ID_REUSED' | 'INVALID_PROGRAMME' | 'PROGRAMME_TIER_REMOVED' | 'PROGRAMME_VERSION_STALE'

/** What to publish, read inside the transaction: the programme as written and the live version it must replace. */
interface Candidate {
  readonly programme: Record<string, unknown>
  readonly basedOnVersion: number
  readonly restoredFrom: number | null
}

/** The answer of a publish, from its version document (the first attempt's, for a replay). */
function publishedOf(version: ProgrammeVersionDocument, replayed: boolean): PublishedProgramme {
  return {
    version: version.version,
    note: version.note,
    published: version.published,
    restoredFrom: version.restoredFrom,
    effectiveByMs: version.published.atMs + PROGRAMME_CACHE_TTL_MS,
    replayed,
  }
}

/** Refuses a candidate that would break members: invalid, or dropping a tier the live programme has. */
function checked(
  candidate: Candidate,
  live: Programme,
): Result<Programme, 'INVALID_PROGRAMME' | 'PROGRAMME_TIER_REMOVED'> {
  const parsed = parseProgramme(candidate.programme)
  if (!parsed.ok) return parsed
  const removed = removedTierIds(live, parsed.data)
  return removed.length > 0 ? err('PROGRAMME_TIER_REMOVED', removed.join('、')) : parsed
}

/**
 * Publishes one programme as version n+1 in one transaction: `programme_versions/<n+1>` (created, so
 * two publishes based on version n cannot both commit: the loser runs again and finds n+1 live),
 * `programme/current` with its version, the audit entry (also the request's marker) and, for a
 * draft, the draft's removal. A candidate based on a version that is no longer live is refused with
 * PROGRAMME_VERSION_STALE. Functions see the new version within PROGRAMME_CACHE_TTL_MS.
 *
 * Members are not rewritten: a lowered threshold upgrades a member on their next growth (purchase,
 * check-in: `applyGrowth` compares their whole growth with the new thresholds, paying the upgrade
 * gift), and retention is judged by the new rules at their period's end (`evaluateTiers`). No points
 * are ever taken; a downgrade happens only at a period's end.
 */
function publish<C extends ErrorCode>(
  staff: StaffDocument,
  caller: Caller,
  request: { readonly requestId: string; readonly note: string; readonly action: AdminProgrammeAuditEntry['action'] },
  candidateOf: (unit: UnitOfWork) => Promise<Result<Candidate, C>>,
): Promise<Result<PublishedProgramme, PublishCode | C>> {
  const db = database()
  return runUnitOfWork(db, async (unit) => {
    const [current, entry] = await Promise.all([
      unit.read('programme', 'current'),
      unit.read('audit', adminAuditIdOf(request.requestId)),
    ])
    const marker = markerOf(entry, request.action)
    if (!marker.ok) return marker
    if (marker.data) {
      const first = await unit.read('programme_versions', String(marker.data.version))
      if (first) return ok(publishedOf(first, true))
    }
    const live = parsedLive(current)
    const liveVersion = liveVersionOf(current)
    const candidate = await candidateOf(unit)
    if (!candidate.ok) return candidate
    const programme = checked(candidate.data, live)
    if (!programme.ok) return programme
    if (candidate.data.basedOnVersion !== liveVersion) {
      return err('PROGRAMME_VERSION_STALE', `当前为第 ${liveVersion} 版`)
    }
    const version: ProgrammeVersionDocument = {
      _id: String(liveVersion + 1),
      version: liveVersion + 1,
      programme: candidate.data.programme,
      note: request.note,
      published: authorOf(staff, caller),
      restoredFrom: candidate.data.restoredFrom,
      requestId: request.requestId,
    }
    unit.create('programme_versions', version)
    unit.replace('programme', { ...candidate.data.programme, _id: 'current', version: version.version })
    if (candidate.data.restoredFrom === null) unit.remove('programme', 'draft')
    const changes = sectionChanges(live, programme.data)
    unit.create('audit', programmeAuditEntry(staff, caller, { ...request, version: version.version, changes }))
    return ok(publishedOf(version, false))
  })
}

/**
 * `admin.publishProgramme`: the brand's draft goes live as the next version, if the version it was
 * based on is still live (else PROGRAMME_VERSION_STALE: reload, merge, save again). Admins only.
 * Requests: staff (1), then start, current and marker at once, draft, version, current, draft removal
 * and audit entry at once, commit: 6 rounds, 10 requests.
 */
export const publishProgramme = defineAction(API.admin.publishProgramme, async (input, caller) => {
  const admin = await requireAdmin(database(), caller)
  if (!admin.ok) return admin
  const request = { requestId: input.requestId, note: input.note, action: 'publishProgramme' as const }
  return publish(admin.data, caller, request, async (unit) => {
    const draft = draftOf(await unit.read('programme', 'draft'))
    if (!draft) return err('PROGRAMME_DRAFT_MISSING')
    return ok({ programme: draft.programme, basedOnVersion: draft.basedOnVersion, restoredFrom: null })
  })
})

/**
 * `admin.restoreProgrammeVersion`: an old version goes live again as the next version (history is
 * never rewritten), if `liveVersion` is still live. The draft, if any, stays (and is now stale).
 * Admins only. Requests: staff (1), then start, current and marker at once, the old version, version,
 * current and audit entry at once, commit: 6 rounds, 9 requests.
 */
export const restoreProgrammeVersion = defineAction(API.admin.restoreProgrammeVersion, async (input, caller) => {
  const admin = await requireAdmin(database(), caller)
  if (!admin.ok) return admin
  const request = { requestId: input.requestId, note: input.note, action: 'restoreProgrammeVersion' as const }
  return publish(admin.data, caller, request, async (unit) => {
    const old = await unit.read('programme_versions', String(input.version))
    if (!old) return err('PROGRAMME_VERSION_NOT_FOUND')
    return ok({ programme: old.programme, basedOnVersion: input.liveVersion, restoredFrom: old.version })
  })
})
