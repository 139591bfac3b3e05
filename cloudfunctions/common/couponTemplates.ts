import { type CouponTemplate, parseCouponTemplate } from '@shared/coupon'
import type { Database } from './cloud'
import { readDocument } from './readDocument'

/**
 * `coupon_templates/{templateId}`: the template's fields (validated with the shared schema when
 * read) and `issued`, the coupons claimed so far, which claims reserve with one conditional update
 * against `totalQuantity`.
 */
export interface CouponTemplateDocument extends Omit<CouponTemplate, 'id'> {
  readonly _id: string
  readonly issued: number
  /** Coupons reserved by claims still settling (see `HotCounter`); absent until the first. */
  readonly held?: number
  /** When a claim last reserved a coupon; absent until the first. `reconcileStock` recounts only a quiet template. */
  readonly reservedAtMs?: number
  /** A retired template issues no more coupons (those issued stay valid); absent means active. */
  readonly status?: 'active' | 'retired'
}

/** A template as stored: `issued` counts the coupons reserved by claims still settling (`held`) too. */
export interface StoredTemplate {
  readonly template: CouponTemplate
  readonly issued: number
  readonly held: number
  readonly retired: boolean
}

/** A stored template, validated; null (and logged, for the admin) when it no longer validates. */
export function templateFromDocument(document: CouponTemplateDocument): StoredTemplate | null {
  const { _id, issued, held, status, reservedAtMs: _reservedAtMs, ...fields } = document
  const parsed = parseCouponTemplate({ ...fields, id: _id })
  if (!parsed.ok) {
    console.error(`coupon_templates/${_id} is invalid: ${parsed.message}`)
    return null
  }
  return {
    template: parsed.data,
    issued: Number.isSafeInteger(issued) ? issued : 0,
    held: held ?? 0,
    retired: status === 'retired',
  }
}

/** One template by id, validated; null when missing or invalid. */
export async function loadCouponTemplate(db: Database, templateId: string): Promise<StoredTemplate | null> {
  const document = await readDocument<CouponTemplateDocument>(db.collection('coupon_templates').doc(templateId))
  return document ? templateFromDocument(document) : null
}
