/**
 * The coupon-template part of the `admin` function: templates created, edited, retired and restored
 * by brand admins (managers read them), and templates issued to chosen members by admins and, for
 * their own store's members within the programme's limit, managers. Writes are idempotent per
 * `requestId` and audited.
 */
import { z } from 'zod'
import type { FieldChanges } from '../admin/fieldChanges'
import { MEMBER_ID_PATTERN } from '../admin/memberQuery'
import { type CouponTemplate, couponTemplateSchema } from '../coupon/template'
import { COUPON_ISSUE_MEMBERS_MAX } from '../programme/schema'
import type { CouponIssueOutcome } from '../staff/audit'
import { requestIdSchema } from './requestId'

/** Templates the template screen lists at most (one read). */
export const ADMIN_COUPON_TEMPLATES_MAX = 1000

const templateId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, '模板编号格式不正确')
const memberId = z.string().regex(MEMBER_ID_PATTERN, '会员编号格式不正确')

export const listCouponTemplatesInput = z.object({}).strict()

/** `saveCouponTemplate`: the whole template; a new id creates it (active, nothing issued), else edits it. */
export const saveCouponTemplateInput = z.object({ requestId: requestIdSchema, template: couponTemplateSchema }).strict()

export const couponTemplateStatusInput = z.object({ requestId: requestIdSchema, templateId }).strict()

/** `issueCoupon`: one coupon of the template to each member named (each once). */
export const issueCouponInput = z
  .object({
    requestId: requestIdSchema,
    templateId,
    memberIds: z
      .array(memberId)
      .min(1, '请至少填写一个会员编号')
      .max(COUPON_ISSUE_MEMBERS_MAX, `一次最多发给 ${COUPON_ISSUE_MEMBERS_MAX} 位会员`)
      .refine((ids) => new Set(ids).size === ids.length, '会员编号重复'),
  })
  .strict()

/** A template as the template screen shows it: every field, what has been issued and whether it is retired. */
export type AdminCouponTemplateView = CouponTemplate & {
  /** Coupons issued so far (claims still settling included). */
  readonly issued: number
  readonly status: 'active' | 'retired'
}

/** `admin.listCouponTemplates`: every template, retired ones too, by id. */
export interface AdminCouponTemplates {
  readonly templates: readonly AdminCouponTemplateView[]
}

/** What a template write answers: the template after it and what it changed. */
export interface AdminCouponTemplateResult {
  readonly template: AdminCouponTemplateView
  readonly changes: FieldChanges
  /** Whether the write created the template (saveCouponTemplate only). */
  readonly created: boolean
}

/** `admin.issueCoupon`: each member's outcome, in the order asked, and how many got a coupon. */
export interface IssueCouponResult {
  readonly templateId: string
  readonly issuedCount: number
  readonly outcomes: readonly CouponIssueOutcome[]
  /** Whether this answer is an earlier attempt's, read back from its audit entry. */
  readonly replayed: boolean
}
