import { API, type ProgrammeVersionSummary } from '@shared/contracts'
import { ok } from '@shared/result'
import { database } from '../../../common/cloud'
import type { ProgrammeVersionDocument } from '../../../common/documents/programme'
import { readDocument } from '../../../common/readDocument'
import { requireManager } from '../../../common/requireStaff'
import { defineAction } from '../../../common/router'
import { liveVersionOf } from './programmeDocuments'

function summaryOf(document: ProgrammeVersionDocument): ProgrammeVersionSummary {
  return {
    version: document.version,
    note: document.note,
    published: document.published,
    restoredFrom: document.restoredFrom,
  }
}

/**
 * `admin.programmeVersions`: published versions, newest first, a page at a time (by the `version`
 * index), without their programmes. Admins and managers (read only).
 * Requests: staff, current and the page at once (3).
 */
export const programmeVersions = defineAction(API.admin.programmeVersions, async (input, caller) => {
  const db = database()
  const _ = db.command
  const where = input.before === undefined ? {} : { version: _.lt(input.before) }
  const [staff, current, page] = await Promise.all([
    requireManager(db, caller),
    readDocument(db.collection('programme').doc('current')),
    db
      .collection('programme_versions')
      .where(where)
      .orderBy('version', 'desc')
      .limit(input.pageSize)
      .field({ programme: false })
      .get(),
  ])
  if (!staff.ok) return staff
  const versions = (page.data as ProgrammeVersionDocument[]).map(summaryOf)
  const last = versions.at(-1)
  return ok({
    liveVersion: liveVersionOf(current),
    versions,
    nextCursor: versions.length === input.pageSize && last ? last.version : null,
  })
})
