import type { AdminCouponTemplateView } from '@shared/contracts'
import type { CouponTemplate } from '@shared/coupon'
import type { Database } from '../../../common/cloud'
import { type CouponTemplateDocument, templateFromDocument } from '../../../common/couponTemplates'
import { readDocument } from '../../../common/readDocument'

/** A template document as the template screen shows it; null (and logged) when it no longer validates. */
export function templateViewOf(document: CouponTemplateDocument): AdminCouponTemplateView | null {
  const stored = templateFromDocument(document)
  if (!stored) return null
  return { ...stored.template, issued: stored.issued, status: stored.retired ? 'retired' : 'active' }
}

/** One template document by id, as stored; null when missing. */
export function readTemplateDocument(db: Database, templateId: string): Promise<CouponTemplateDocument | null> {
  return readDocument(db.collection('coupon_templates').doc(templateId))
}

/** A new template's document: active, nothing issued or held. Optional fields left out are not stored. */
export function newTemplateDocument(template: CouponTemplate): CouponTemplateDocument {
  const { id, ...fields } = template
  const present = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined))
  return { _id: id, ...(present as Omit<CouponTemplate, 'id'>), issued: 0, held: 0, status: 'active' }
}

/** A view that must exist: the document was just written from a validated template. */
export function requiredViewOf(document: CouponTemplateDocument): AdminCouponTemplateView {
  const view = templateViewOf(document)
  if (!view) throw new Error(`coupon_templates/${document._id} is invalid after the write`)
  return view
}
