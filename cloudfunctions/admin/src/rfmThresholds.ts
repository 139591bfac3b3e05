import { fieldChanges, hasChanges } from '@shared/admin'
import { API, type SaveRfmThresholdsResult } from '@shared/contracts'
import { ok } from '@shared/result'
import type { RfmThresholds } from '@shared/stats/rfm'
import { database } from '../../common/cloud'
import { requireAdmin } from '../../common/requireStaff'
import { RFM_SETTINGS_ID, readRfmThresholds } from '../../common/rfmSettings'
import { defineAction } from '../../common/router'
import { readAdminEntry, writeAdminEntry } from './items'

const THRESHOLD_FIELDS: readonly (keyof RfmThresholds)[] = ['recencyDays', 'frequency', 'monetaryFen']

/**
 * `admin.saveRfmThresholds` (admins): the thresholds RFM scores members with, from the next
 * `snapshotMembers` run on (a snapshot keeps the ones it was scored with). A settings document, not
 * the programme: they change how the dashboard groups members, not what any member gets, so they
 * need no draft, dry run or versioned publish. Idempotent per `requestId` as `admin.saveStore`: the
 * audit entry is the marker, written last; a replay answers the thresholds as they are now with the
 * recorded changes. Requests: staff, marker and settings at once (3), the settings (1, none when
 * nothing changed), the audit entry (1): 5; a replay 3.
 */
export const saveRfmThresholds = defineAction(API.admin.saveRfmThresholds, async (input, caller) => {
  const db = database()
  const [admin, marker, before] = await Promise.all([
    requireAdmin(db, caller),
    readAdminEntry(db, input.requestId),
    readRfmThresholds(db),
  ])
  if (!admin.ok) return admin
  if (marker) return ok<SaveRfmThresholdsResult>({ thresholds: before, changes: marker.changes })
  const changes = fieldChanges<RfmThresholds>(before, input.thresholds, [...THRESHOLD_FIELDS])
  if (hasChanges(changes)) {
    await db
      .collection('stats_settings')
      .doc(RFM_SETTINGS_ID)
      .set({ data: { thresholds: input.thresholds, updatedAtMs: caller.nowMs, updatedByOpenid: admin.data.openid } })
  }
  await writeAdminEntry(db, admin.data, caller, {
    action: 'saveRfmThresholds',
    requestId: input.requestId,
    itemId: RFM_SETTINGS_ID,
    changes,
    note: null,
  })
  return ok<SaveRfmThresholdsResult>({ thresholds: input.thresholds, changes })
})
