import { API, type ProgrammeDraftView, type SavedProgrammeDraft } from '@shared/contracts'
import { parseProgramme } from '@shared/programme/parseProgramme'
import type { ProgrammeInput } from '@shared/programme/schema'
import { ok } from '@shared/result'
import { database } from '../../../common/cloud'
import type { ProgrammeDraftDocument } from '../../../common/documents/programme'
import { readDocument } from '../../../common/readDocument'
import { requireAdmin, requireManager } from '../../../common/requireStaff'
import { defineAction } from '../../../common/router'
import { runUnitOfWork } from '../../../common/unitOfWork'
import { adminAuditIdOf } from '../items'
import {
  authorOf,
  draftOf,
  liveVersionOf,
  markerOf,
  parsedLive,
  programmeAuditEntry,
  sectionChanges,
  storedProgrammeOf,
} from './programmeDocuments'

/**
 * `admin.programmeDraft`: the brand's draft, or the live programme when no draft is saved, with the
 * live version (the editor saves against it). Admins and managers (read only).
 * Requests: staff, current and draft at once (3).
 */
export const programmeDraft = defineAction(API.admin.programmeDraft, async (_input, caller) => {
  const db = database()
  const [staff, current, stored] = await Promise.all([
    requireManager(db, caller),
    readDocument(db.collection('programme').doc('current')),
    readDocument(db.collection('programme').doc('draft')),
  ])
  if (!staff.ok) return staff
  if (current === null) throw new Error('programme/current is missing')
  const draft = draftOf(stored)
  const view: ProgrammeDraftView = {
    programme: (draft ? draft.programme : storedProgrammeOf(current)) as ProgrammeInput,
    liveVersion: liveVersionOf(current),
    draft: draft && { basedOnVersion: draft.basedOnVersion, saved: draft.saved },
  }
  return ok(view)
})

/**
 * `admin.saveProgrammeDraft`: replaces the brand's draft. The programme must validate: an invalid
 * one is refused with every problem as a `path: message` line (INVALID_PROGRAMME), so what is stored
 * is always publishable, and the editor keeps the admin's unsaved input on screen meanwhile.
 * The draft, the audit entry (the sections that differ from the live programme) and the marker
 * `admin_<requestId>` are one transaction: a retry answers the first save. Admins only.
 * Requests: staff (1), then start, current and marker at once, draft and audit entry, commit: 5 rounds, 7 requests.
 */
export const saveProgrammeDraft = defineAction(API.admin.saveProgrammeDraft, async (input, caller) => {
  const db = database()
  const admin = await requireAdmin(db, caller)
  if (!admin.ok) return admin
  const programme = parseProgramme(input.programme)
  if (!programme.ok) return programme
  const saved = authorOf(admin.data, caller)
  return runUnitOfWork(db, async (unit) => {
    const [current, entry] = await Promise.all([
      unit.read('programme', 'current'),
      unit.read('audit', adminAuditIdOf(input.requestId)),
    ])
    const marker = markerOf(entry, 'saveProgrammeDraft')
    if (!marker.ok) return marker
    const changes = sectionChanges(parsedLive(current), programme.data)
    const answer: SavedProgrammeDraft = {
      basedOnVersion: marker.data?.version ?? input.basedOnVersion,
      saved: marker.data ? { ...saved, atMs: marker.data.createdAtMs } : saved,
      changedSections: Object.keys(marker.data?.changes ?? changes),
    }
    if (marker.data) return ok(answer)
    const draft: ProgrammeDraftDocument = {
      _id: 'draft',
      programme: input.programme,
      basedOnVersion: input.basedOnVersion,
      saved,
    }
    unit.replace('programme', draft)
    unit.create(
      'audit',
      programmeAuditEntry(admin.data, caller, {
        action: 'saveProgrammeDraft',
        requestId: input.requestId,
        version: input.basedOnVersion,
        changes,
        note: null,
      }),
    )
    return ok(answer)
  })
})
