import { fieldChanges, hasChanges } from '@shared/admin'
import {
  ADMIN_COUPON_TEMPLATES_MAX,
  type AdminCouponTemplateResult,
  type AdminCouponTemplateView,
  API,
} from '@shared/contracts'
import { COUPON_TEMPLATE_EDITABLE_FIELDS, type CouponTemplate, totalBelowIssued } from '@shared/coupon'
import type { ErrorCode } from '@shared/errors'
import { err, ok, type Result } from '@shared/result'
import type { AdminItemAuditEntry } from '@shared/staff'
import type { Caller } from '../../../common/caller'
import { type Database, database } from '../../../common/cloud'
import type { CouponTemplateDocument } from '../../../common/couponTemplates'
import { isDuplicateKeyError } from '../../../common/databaseErrors'
import type { StaffDocument } from '../../../common/documents/staff'
import { requireAdmin, requireManager } from '../../../common/requireStaff'
import { defineAction } from '../../../common/router'
import { readAdminEntry, writeAdminEntry } from '../items'
import { newTemplateDocument, readTemplateDocument, requiredViewOf, templateViewOf } from './templateDocuments'

type TemplateAction = 'saveCouponTemplate' | 'retireCouponTemplate' | 'restoreCouponTemplate'
type TemplateAnswer<Code extends ErrorCode> = Result<AdminCouponTemplateResult, Code>

const byId = (a: AdminCouponTemplateView, b: AdminCouponTemplateView) => a.id.localeCompare(b.id)

/**
 * `admin.listCouponTemplates`: every template, retired ones too, by id, with what has been issued:
 * the template screen. Admins and managers (read only). Requests: staff and templates at once (2).
 */
export const listCouponTemplates = defineAction(API.admin.listCouponTemplates, async (_input, caller) => {
  const db = database()
  const [staff, documents] = await Promise.all([
    requireManager(db, caller),
    db.collection('coupon_templates').where({}).limit(ADMIN_COUPON_TEMPLATES_MAX).get(),
  ])
  if (!staff.ok) return staff
  const views = documents.data.map(templateViewOf).filter((view): view is AdminCouponTemplateView => view !== null)
  return ok({ templates: views.sort(byId) })
})

/** What an earlier attempt of the request answered, from its audit entry; REQUEST_ID_REUSED for another action or template. */
function replayOf(
  marker: AdminItemAuditEntry,
  expected: { action: TemplateAction; templateId: string },
  stored: CouponTemplateDocument | null,
): TemplateAnswer<'REQUEST_ID_REUSED'> {
  const sameRequest = (marker.action as string) === expected.action && marker.subjectId === expected.templateId
  if (!sameRequest || stored === null) return err('REQUEST_ID_REUSED')
  return ok({ template: requiredViewOf(stored), changes: marker.changes, created: marker.note === 'created' })
}

interface TemplateWrite {
  readonly db: Database
  readonly admin: StaffDocument
  readonly caller: Caller
  readonly requestId: string
}

function audit(write: TemplateWrite, action: TemplateAction, templateId: string, changes: object, note: string | null) {
  return writeAdminEntry(write.db, write.admin, write.caller, {
    action,
    requestId: write.requestId,
    itemId: templateId,
    changes: changes as AdminItemAuditEntry['changes'],
    note,
  })
}

/** Creates the template; null when its id is taken (by a twin or an earlier attempt): edit it then. */
async function createTemplate(
  write: TemplateWrite,
  template: CouponTemplate,
): Promise<AdminCouponTemplateResult | null> {
  const document = newTemplateDocument(template)
  try {
    await write.db.collection('coupon_templates').add({ data: { ...document } })
  } catch (error) {
    if (isDuplicateKeyError(error)) return null
    throw error
  }
  const { _id, held: _held, ...fields } = document
  const changes = fieldChanges<Record<string, unknown>>(null, fields)
  await audit(write, 'saveCouponTemplate', _id, changes, 'created')
  return { template: requiredViewOf(document), changes, created: true }
}

/**
 * Writes the changed fields in ONE update, conditional on `issued` not exceeding the new total: claims
 * move `issued` at the same moment, and a total read a moment ago is no guarantee. Object fields are
 * `set` whole (an update would merge a 折扣's fields into a 满减's).
 */
async function editTemplate(
  write: TemplateWrite,
  before: CouponTemplateDocument,
  template: CouponTemplate,
): Promise<TemplateAnswer<'TOTAL_BELOW_ISSUED'>> {
  const { id, ...fields } = template
  if (totalBelowIssued(fields.totalQuantity, before.issued)) return err('TOTAL_BELOW_ISSUED')
  const changes = fieldChanges<Omit<CouponTemplate, 'id'>>(before, fields, COUPON_TEMPLATE_EDITABLE_FIELDS)
  if (hasChanges(changes)) {
    const _ = write.db.command
    const data = Object.fromEntries(
      Object.keys(changes).map((field) => {
        const value = fields[field as keyof typeof fields]
        return [field, value !== null && typeof value === 'object' ? _.set(value) : value]
      }),
    )
    const limit = fields.totalQuantity === null ? {} : { issued: _.lte(fields.totalQuantity) }
    const { stats } = await write.db
      .collection('coupon_templates')
      .where({ _id: id, ...limit })
      .update({ data })
    // Nothing updated: claims took the total past the new one since the read, or a twin wrote the same values.
    const fresh = stats.updated === 0 ? await readTemplateDocument(write.db, id) : null
    if (fresh && totalBelowIssued(fields.totalQuantity, fresh.issued)) return err('TOTAL_BELOW_ISSUED')
  }
  await audit(write, 'saveCouponTemplate', id, changes, null)
  return ok({ template: requiredViewOf({ ...before, ...fields }), changes, created: false })
}

/**
 * `admin.saveCouponTemplate`: creates the template (a new id: active, nothing issued) or edits its
 * fields (`COUPON_TEMPLATE_EDITABLE_FIELDS`); coupons already issued keep what they were issued with.
 * An edit never lowers the total below what has been issued (TOTAL_BELOW_ISSUED, nothing changed).
 * Idempotent per `requestId` as `saveItem`: the audit entry, written after the template, is the
 * marker. Admins only. Requests: staff, marker and template at once (3), one write (none for an edit
 * that changes nothing; one more read when the conditional update matched nothing), the audit entry
 * (1): 5; a replay 3.
 */
export const saveCouponTemplate = defineAction(API.admin.saveCouponTemplate, async (input, caller) => {
  const db = database()
  const templateId = input.template.id
  const [admin, marker, stored] = await Promise.all([
    requireAdmin(db, caller),
    readAdminEntry(db, input.requestId),
    readTemplateDocument(db, templateId),
  ])
  if (!admin.ok) return admin
  if (marker) return replayOf(marker, { action: 'saveCouponTemplate', templateId }, stored)
  const write: TemplateWrite = { db, admin: admin.data, caller, requestId: input.requestId }
  const created = stored === null ? await createTemplate(write, input.template) : null
  if (created) return ok(created)
  const before = stored ?? (await readTemplateDocument(db, templateId))
  if (before === null) throw new Error(`coupon_templates/${templateId} is neither new nor stored`)
  return editTemplate(write, before, input.template)
})

/** Sets a template's status: retire (no more claims, gifts or issues; coupons held stay valid) or restore. */
function statusAction(contract: typeof API.admin.retireCouponTemplate, status: 'active' | 'retired') {
  const action: TemplateAction = status === 'retired' ? 'retireCouponTemplate' : 'restoreCouponTemplate'
  return defineAction(contract, async (input, caller) => {
    const db = database()
    const [admin, marker, stored] = await Promise.all([
      requireAdmin(db, caller),
      readAdminEntry(db, input.requestId),
      readTemplateDocument(db, input.templateId),
    ])
    if (!admin.ok) return admin
    if (!stored || !templateViewOf(stored)) return err('COUPON_NOT_FOUND')
    if (marker) return replayOf(marker, { action, templateId: input.templateId }, stored)
    // Absent means active: compare as the template screen shows it.
    const changes = fieldChanges({ status: stored.status ?? 'active' }, { status })
    if (hasChanges(changes)) await db.collection('coupon_templates').doc(input.templateId).update({ data: { status } })
    const write: TemplateWrite = { db, admin: admin.data, caller, requestId: input.requestId }
    await audit(write, action, input.templateId, changes, null)
    return ok({ template: requiredViewOf({ ...stored, status }), changes, created: false })
  })
}

/**
 * `admin.retireCouponTemplate`: stops the template issuing (claims answer COUPON_RETIRED, gifts and
 * issues too); coupons members hold stay valid. Idempotent per `requestId`. Admins only. Requests:
 * staff, marker and template at once (3), the status (1), the audit entry (1): 5; 4 when already
 * retired; a replay 3.
 */
export const retireCouponTemplate = statusAction(API.admin.retireCouponTemplate, 'retired')

/** `admin.restoreCouponTemplate`: lets a retired template issue again (undoes a mistake). As retire: 5 requests. */
export const restoreCouponTemplate = statusAction(API.admin.restoreCouponTemplate, 'active')
